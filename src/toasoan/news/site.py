"""The portal's page tree root: one HomePage serving as the default site."""

from django.db import transaction
from wagtail.models import Page, Site

from .models import HomePage


@transaction.atomic
def ensure_home(site_name="Cổng thông tin điện tử", hostname="localhost"):
    """Return the home page, replacing Wagtail's welcome page on a fresh install."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    welcome = root.get_children().filter(slug="home").first()
    if welcome is not None:
        Site.objects.filter(root_page=welcome).delete()
        welcome.delete()
    home = root.add_child(instance=HomePage(title=site_name, slug="trang-chu"))
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port = hostname, 80
    site.root_page, site.site_name = home, site_name
    site.save()
    return home
