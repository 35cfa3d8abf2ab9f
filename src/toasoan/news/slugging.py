"""Page slugs from Vietnamese titles, unique among the page's siblings."""

from django.utils.text import slugify as django_slugify

from toasoan.text import slugify


def is_machine_slug(slug, title):
    """True when `slug` is empty or what Django/Wagtail's own helper makes of the title.

    Wagtail's editor fills the slug in the browser with a helper that drops đ
    (`xay-dung-ang`); such a slug is replaced, while one an editor typed is kept.
    """
    return not slug or slug == django_slugify(title)


def unique_slug(base, parent, page):
    base = base or "bai-viet"
    candidate, suffix = base, 1
    while parent is not None and not type(page)._slug_is_available(candidate, parent, page):
        suffix += 1
        candidate = f"{base}-{suffix}"
    return candidate


def fill_slug(page):
    if is_machine_slug(page.slug, page.title or ""):
        parent = page.get_parent() if page.path else None
        page.slug = unique_slug(slugify(page.title or ""), parent, page)
