"""Build a small portal page tree for tests."""

from datetime import datetime
from io import BytesIO
from zoneinfo import ZoneInfo

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Site

from toasoan.news.models import ArticleAuthor, ArticlePage, PortalSettings, SectionPage
from toasoan.news.site import ensure_home

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn_time(year, month, day, hour=8, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=VN)


def make_image(title="Ảnh thử", size=(800, 500), color=(180, 40, 40)):
    buffer = BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "JPEG")
    image = get_image_model()(title=title)
    image.file = ImageFile(buffer, name="anh-thu.jpg")
    image.save()
    return image


def make_home(agency_tag="HNP", site_name="Cổng thông tin điện tử huyện Thử Nghiệm"):
    home = ensure_home(site_name)
    portal = PortalSettings.for_site(Site.objects.get(root_page=home))
    portal.agency_tag = agency_tag
    portal.agency_name = "Ủy ban nhân dân huyện Thử Nghiệm"
    portal.save()
    return home


def make_section(parent, title, slug=None, **kwargs):
    section = SectionPage(title=title, slug=slug or "", show_in_menus=True, **kwargs)
    parent.add_child(instance=section)
    section.save_revision().publish()
    return section


def make_article(section, title, published_at, *, lead="Sáng nay, huyện tổ chức hội nghị.",
                 image=None, caption="", credit="", authors=("Minh Anh",), body=None,
                 source="", tags=(), live=True):
    article = ArticlePage(
        title=title, lead=lead, image=image, image_caption=caption, image_credit=credit,
        body=body or [{"type": "text", "value": "<p>Nội dung bài viết.</p>"}],
        source=source, first_published_at=published_at,
    )
    for name in authors:
        article.authors.add(ArticleAuthor(name=name))
    article.tags.add(*tags)
    section.add_child(instance=article)
    if live:
        article.save_revision().publish()
    else:
        ArticlePage.objects.filter(pk=article.pk).update(live=False)
    article.refresh_from_db()
    return article
