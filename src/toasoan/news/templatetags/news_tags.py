import re

from django import template
from django.http import QueryDict
from django.utils import timezone

from toasoan.text import format_datetime, format_number, format_weekday_date
from toasoan.text.formats import VIETNAM

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
    """The site, its home page, menu sections and settings (`toasoan.news.portal`)."""
    from toasoan.news import portal as site_portal

    if request is None:
        return {"home": None, "sections": [], "portal": None, "site_name": ""}
    return site_portal.for_request(request).as_context()


@register.simple_tag(takes_context=True)
def trail(context, page):
    """The home page and the sections above `page`, for its breadcrumb."""
    from toasoan.news import portal as site_portal

    request = context.get("request")
    site = site_portal.for_request(request) if request is not None else None
    if site is None or site.home is None or not page.path.startswith(site.home.path):
        return list(page.get_ancestors()[1:])
    above = [page.path[:end] for end in range(len(site.home.path) + page.steplen,
                                              len(page.path), page.steplen)]
    return [site.home, *(site.sections[path] for path in above if path in site.sections)]


@register.filter
def tel_href(value):
    """`tel:02003868115` for a phone number as written (`0200 3 868 115`); empty
    when it is not one number (`0200 3868 115 - 0912 345 678`)."""
    number = re.sub(r"[\s.()-]", "", value or "")
    return f"tel:{number}" if re.fullmatch(r"\+?\d{6,15}", number) else ""


def today():
    """Today in Vietnam. The header shows it; site.js puts today's date in a page
    built (and cached) on an earlier day."""
    return timezone.now().astimezone(VIETNAM).date()


def _current(page, item):
    """`aria-current` of a menu item on `page`: the page itself, or the section it is in."""
    path = getattr(page, "path", None)
    if item is None or not path:
        return ""
    if path == item.path:
        return "page"
    return "true" if item.depth > 2 and path.startswith(item.path) else ""


@register.inclusion_tag("news/includes/header.html", takes_context=True)
def portal_header(context):
    site = portal(context.get("request"))
    page = context.get("page")
    day = today()
    return {
        **site,
        "home_current": _current(page, site["home"]),
        "menu": [(section, _current(page, section)) for section in site["sections"]],
        "today": day,
        "today_text": format_weekday_date(day),
    }


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
