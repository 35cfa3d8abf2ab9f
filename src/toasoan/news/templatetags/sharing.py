"""What a page tells search engines, feed readers and social networks about itself:
canonical address, feeds, Open Graph and Twitter tags, and an article's schema.org
NewsArticle (`news/includes/sharing.html`)."""

import json
from html import unescape

from django import template
from django.db.models import prefetch_related_objects
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe

from toasoan.news import portal
from toasoan.news.feeds import feed_title, local, portal_name, share_image

register = template.Library()

# JSON inside <script> may not hold `</script>` or `<!--`; the escapes keep it JSON.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data):
    text = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def _text(markup):
    """The words of rich text (a contact page's introduction)."""
    return " ".join(unescape(strip_tags(markup.replace(">", "> "))).split())


def _iso(moment):
    return local(moment).isoformat() if moment else None


@register.inclusion_tag("news/includes/sharing.html", takes_context=True)
def sharing(context, page):
    from toasoan.news.models import ArticlePage, ContactPage, SectionPage

    request = context.get("request")
    if request is None:
        return {}
    site = portal.for_request(request)
    home_url = site.home.get_full_url(request) if site.home else "/"
    # An alias's own address is not the article's: point at its original.
    url = (page.alias_of.specific if page.alias_of_id else page).get_full_url(request)
    meta = {
        "url": url,
        "canonical": url,
        "title": page.seo_title or page.title,
        "description": page.search_description or (
            _text(page.intro) if isinstance(page, ContactPage) else getattr(page, "intro", "")
        ),
        "site_name": portal_name(site),
        "feeds": [{"url": f"{home_url}rss.xml", "title": feed_title(site, site.home)}]
        if site.home else [],
    }
    # The base template writes the promote tab's description, if any; else this one.
    meta["lead_description"] = "" if page.search_description else meta["description"]
    if isinstance(page, ArticlePage):
        meta.update(_article(page, url, meta["site_name"], home_url, site.logo))
    elif isinstance(page, SectionPage):
        meta["feeds"].insert(0, {"url": f"{url}rss.xml", "title": feed_title(site, page)})
        number = getattr(context.get("articles"), "number", 1)
        if number > 1:  # each page of a list is its own
            meta["canonical"] = f"{url}?trang={number}"
    return meta


def _article(page, url, site_name, home_url, logo=None):
    # Read once here, for the page's byline and tags too.
    prefetch_related_objects([page], "authors", "tags")
    authors = page.byline
    tags = [tag.name for tag in page.tags.all()]
    section = page.section
    try:
        image = share_image(page.image)
    except OSError:  # the photo's file is missing: shared without it
        image = None
    publisher = {"@type": "Organization", "name": site_name, "url": home_url}
    if logo is not None:
        publisher["logo"] = {"@type": "ImageObject", "url": logo.full_url,
                             "width": logo.full_width, "height": logo.full_height}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": page.title,
        "description": page.lead,
        "datePublished": _iso(page.first_published_at),
        "dateModified": _iso(page.last_published_at or page.first_published_at),
        "author": [{"@type": "Person", "name": name} for name in authors] or publisher,
        "publisher": publisher,
        "articleSection": section.title,
        "inLanguage": "vi",
    }
    if image is not None:
        data["image"] = [{"@type": "ImageObject", "url": image.full_url,
                          "width": image.width, "height": image.height}]
    if tags:
        data["keywords"] = tags
    return {
        "article": True,
        "description": page.search_description or page.lead,
        # The base template writes the promote tab's description, if any.
        "lead_description": "" if page.search_description else page.lead,
        "image": image,
        "image_alt": page.image_caption or page.title,
        "published": local(page.first_published_at),
        "modified": local(page.last_published_at or page.first_published_at),
        "section": section.title,
        "tags": tags,
        "authors": authors,
        "json_ld": json_ld({key: value for key, value in data.items() if value is not None}),
    }
