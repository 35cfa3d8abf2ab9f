"""The site as every public page shows it: the Wagtail site and its home page, the
sections (menu and tree), the portal and comment settings with the agency's logo,
the contact page, which pages carry view restrictions. Read once and kept in each
server process while the page cache's `site` tag is unchanged (any change to these
bumps it), so that building a page costs only the queries of its own content.
"""

import logging
import threading
from dataclasses import dataclass, field

from django.core.exceptions import DisallowedHost
from wagtail.models import PageViewRestriction, Site

from . import pagecache

log = logging.getLogger(__name__)

SITE_TAG = pagecache.SITE_TAG
# Host names seen (each a key to its own kept portal); a flood of made-up ones only
# empties the memory, it never grows it.
MAX_HOSTS = 32


@dataclass
class Portal:
    built_at: int
    site: Site | None
    home: object | None  # HomePage
    menu: list = field(default_factory=list)  # top-level sections shown in the menu
    sections: dict = field(default_factory=dict)  # tree path -> live SectionPage
    settings: object | None = None  # PortalSettings
    comment_settings: object | None = None  # CommentSettings
    restricted_paths: tuple = ()
    has_aliases: bool = False
    contact: object | None = None  # the live ContactPage under the home page
    logo: object | None = None  # the agency's logo (`Logo`), from the settings

    def section_at(self, url_path):
        return self._by_url_path.get(url_path)

    def __post_init__(self):
        self._by_url_path = {section.url_path: section for section in self.sections.values()}

    def may_be_restricted(self, page) -> bool:
        """Whether a view restriction may apply to `page` (below a restricted page,
        or reached through an alias, whose source's restrictions apply)."""
        return (
            self.has_aliases
            or page.alias_of_id is not None
            or any(page.path.startswith(path) for path in self.restricted_paths)
        )

    def as_context(self):
        return {
            "home": self.home,
            "sections": self.menu,
            "portal": self.settings,
            "site_name": self.site.site_name if self.site else "",
            "contact": self.contact,
            "logo": self.logo,
        }


@dataclass
class Logo:
    """The logo's renditions, made once per portal: the header's at one and two
    device pixels per CSS pixel, the 2x one also the publisher's logo in JSON-LD."""

    src: str
    srcset: str
    width: int
    height: int
    full_url: str
    full_width: int
    full_height: int


LOGO_HEIGHT = 64  # CSS pixels, in the header


def _logo(settings):
    if settings is None or settings.logo_id is None:
        return None
    image = settings.logo
    try:
        one = image.get_rendition(f"height-{LOGO_HEIGHT}")
        two = image.get_rendition(f"height-{LOGO_HEIGHT * 2}")
    except (OSError, ValueError):  # its file is missing or unreadable: the built-in mark
        log.warning("Biểu trưng %s không đọc được", image.pk, exc_info=True)
        return None
    return Logo(
        src=one.url, srcset=f"{one.url} 1x, {two.url} 2x", width=one.width, height=one.height,
        full_url=two.full_url, full_width=two.width, full_height=two.height,
    )


_kept: dict[tuple, Portal] = {}  # (host, port) -> Portal
_lock = threading.Lock()


def _build(site, built_at) -> Portal:
    from toasoan.comments.models import CommentSettings

    from .models import ContactPage, HomePage, PortalSettings, SectionPage

    if site is None:
        return Portal(built_at, None, None)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        return Portal(built_at, site, None)
    site.root_page = home
    sections = list(SectionPage.objects.live().descendant_of(home))
    by_path = {section.path: section for section in sections}
    for section in sections:  # so that a page's `get_parent()` reads no row
        parent_path = section.path[: -section.steplen]
        section._cached_parent_obj = home if parent_path == home.path else by_path.get(parent_path)
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    settings = PortalSettings.for_site(site)
    contact = ContactPage.objects.live().child_of(home).first()
    if contact is not None:
        contact._cached_parent_obj = home
    return Portal(
        built_at=built_at,
        site=site,
        home=home,
        menu=[s for s in sections if s.depth == home.depth + 1 and s.show_in_menus],
        sections=by_path,
        settings=settings,
        comment_settings=CommentSettings.for_site(site),
        restricted_paths=tuple(restricted),
        has_aliases=any(section.alias_of_id for section in sections),
        contact=contact,
        logo=_logo(settings),
    )


def for_request(request) -> Portal:
    cached = getattr(request, "_toasoan_portal", None)
    if cached is not None:
        return cached
    portal = _current(request)
    _attach(request, portal)
    return portal


def _current(request) -> Portal:
    try:
        host = (request.get_host(), request.get_port())
    except DisallowedHost:  # the 400 page for a forged Host: the default site's chrome
        return _build(Site.objects.filter(is_default_site=True).first(), 0)
    try:
        changed, now = getattr(request, "page_cache_ticks", None) or pagecache.ticks([SITE_TAG])
    except Exception:  # no shared cache: read it all, keep nothing
        return _build(Site.find_for_request(request), 0)
    kept = _kept.get(host)
    if kept is not None and changed.get(SITE_TAG, now) <= kept.built_at:
        return kept
    portal = _build(Site.find_for_request(request), now)
    with _lock:
        if len(_kept) >= MAX_HOSTS:
            _kept.clear()
        _kept[host] = portal
    return portal


def _attach(request, portal):
    """Let Wagtail's and our own per-request lookups find what is already here."""
    from toasoan.comments.models import CommentSettings

    from .models import PortalSettings

    request._toasoan_portal = portal
    if portal.site is not None:
        request._wagtail_site = portal.site
    if portal.settings is not None:
        setattr(request, PortalSettings.get_cache_attr_name(), portal.settings)
    if portal.comment_settings is not None:
        setattr(request, CommentSettings.get_cache_attr_name(), portal.comment_settings)
