from django import template
from django.http import QueryDict
from wagtail.models import Site

from toasoan.text import format_datetime, format_number

register = template.Library()


@register.filter
def vn_datetime(value):
    """`16:04 08/01/2021`, Asia/Ho_Chi_Minh."""
    return format_datetime(value) if value else ""


@register.filter
def vn_number(value):
    """`14.137`."""
    return format_number(value) if value is not None else ""


def portal(request):
    """The site, its home page, menu sections and settings; looked up once a request."""
    cached = getattr(request, "_toasoan_portal", None)
    if cached is not None:
        return cached
    from toasoan.news.models import HomePage, PortalSettings

    site = Site.find_for_request(request) if request is not None else None
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        home = None
    cached = {
        "home": home,
        "sections": list(home.sections) if home else [],
        "portal": PortalSettings.for_site(site) if site else None,
        "site_name": site.site_name if site else "",
    }
    if request is not None:
        request._toasoan_portal = cached
    return cached


@register.inclusion_tag("news/includes/header.html", takes_context=True)
def portal_header(context):
    return portal(context.get("request"))


@register.inclusion_tag("news/includes/footer.html", takes_context=True)
def portal_footer(context):
    return portal(context.get("request"))


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """`?trang=N` keeping the rest of the query string (a search's words and filters)."""
    request = context.get("request")
    params = request.GET.copy() if request else QueryDict(mutable=True)
    params["trang"] = number
    return "?" + params.urlencode()


@register.simple_tag(takes_context=True)
def tag_url(context, tag):
    home = portal(context.get("request"))["home"]
    return home.url + home.reverse_subpage("tag", args=[tag.slug]) if home else ""
