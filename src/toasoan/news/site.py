"""The portal's page tree root: one HomePage serving as the default site."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from .models import HomePage


@transaction.atomic
def ensure_home(site_name="Cổng thông tin điện tử"):
    """Return the home page, replacing Wagtail's welcome page on a fresh install.

    The default site's address follows TOASOAN_BASE_URL, which is what the sitemap
    and other absolute links are built from.
    """
    home = HomePage.objects.first()
    if home is None:
        home = _create_home(site_name)
    site = Site.objects.filter(root_page=home).first() or Site(
        root_page=home, site_name=site_name, is_default_site=True
    )
    base = urlsplit(settings.BASE_URL)
    site.hostname = base.hostname or "localhost"
    site.port = base.port or (443 if base.scheme == "https" else 80)
    site.save()
    return home


def default_site():
    """The site that work done outside a request (jobs, commands) belongs to."""
    return Site.objects.filter(is_default_site=True).first() or Site.objects.first()


def _create_home(site_name):
    root = Page.get_first_root_node()
    welcome = root.get_children().filter(slug="home").first()
    if welcome is not None:
        Site.objects.filter(root_page=welcome).delete()
        welcome.delete()
    home = root.add_child(instance=HomePage(title=site_name, slug="trang-chu"))
    home.save_revision().publish()
    return home
