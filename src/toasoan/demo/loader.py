"""Load the demo portal: sections, articles with photos and a document, an admin.

Idempotent: what exists (sections by slug, articles by their demo key, images and
documents by title) is kept and what is missing is added, so running `toasoan demo`
twice, or again after an interrupted load, never duplicates content.
"""

import secrets
from datetime import timedelta
from html import escape
from io import BytesIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from toasoan.comments.models import CONSENT_VERSION, Comment
from toasoan.news.models import (
    ArticleAuthor,
    ArticlePage,
    ContactPage,
    DailyViews,
    PortalSettings,
    SectionPage,
)
from toasoan.news.site import ensure_home
from toasoan.newsroom import roles
from toasoan.text import slugify

from . import content, images
from .models import DemoArticle

ADMIN_USERNAME = "admin"
# Demo accounts, one per newsroom role: username -> (full name, group).
ROLE_ACCOUNTS = {
    "phongvien": ("Nguyễn Thu Hà", roles.REPORTER),
    "bientap": ("Trần Minh Đức", roles.EDITOR),
    "lanhdao": ("Lê Văn Thắng", roles.APPROVER),
    "kiemduyet": ("Phạm Thị Lan", roles.COMMENT_MODERATOR),
}


def load(now=None, log=print):
    now = now or timezone.now()
    home = ensure_home(content.SITE["name"])
    _site_settings(home)
    _contact_page(home)
    sections = _sections(home)
    photos = {}
    loaded = set(DemoArticle.objects.values_list("key", flat=True))
    created = 0
    for article in content.articles(now):
        if article.key in loaded:
            continue
        with transaction.atomic():
            page = _article(sections[article.section], article, photos)
            DemoArticle.objects.create(key=article.key, page=page)
        created += 1
    _seed_views(now)
    _comments()
    log(f"Nội dung mẫu: thêm {created} bài viết, {ArticlePage.objects.count()} bài trong cổng.")
    return created


def _seed_views(now, days=7, articles=30):
    """Give the newest demo articles a week of plausible view counts, once."""
    if DailyViews.objects.exists():
        return
    today = timezone.localdate(now)
    recent = ArticlePage.objects.live().order_by("-first_published_at")[:articles]
    rows = []
    for rank, page in enumerate(recent):
        published = timezone.localdate(page.first_published_at)
        for back in range(days):
            day = today - timedelta(days=back)
            if day >= published:
                views = (page.pk * 37 + back * 11) % 90 + 400 // (rank + 2)
                rows.append(DailyViews(page=page, day=day, views=views))
    DailyViews.objects.bulk_create(rows)


def _comments():
    """The sample article's reader comments, with one official reply, once."""
    page = DemoArticle.objects.get(key=content.BAI_MAU_KEY).page
    if Comment.objects.filter(page=page).exists():
        return
    for item in content.COMMENTS:
        sent = page.first_published_at + timedelta(minutes=item.minutes_after)
        comment = Comment.objects.create(
            page=page, name=item.name, title=item.title, content=item.content,
            phone=item.phone, status=item.status, reply=item.reply,
            replied_at=sent + timedelta(hours=3) if item.reply else None,
            consent_at=sent, consent_version=CONSENT_VERSION,
        )
        Comment.objects.filter(pk=comment.pk).update(created_at=sent)


def _site_settings(home):
    site = Site.objects.get(root_page=home)
    site.site_name = content.SITE["name"]
    site.save()
    portal = PortalSettings.for_site(site)
    portal.agency_name = content.SITE["agency"]
    portal.agency_tag = content.SITE["agency_tag"]
    portal.address = content.SITE.get("address", "")
    portal.phone = content.SITE.get("phone", "")
    portal.email = content.SITE.get("email", "")
    portal.editor_in_chief = content.SITE.get("editor_in_chief", "")
    portal.licence = content.SITE.get("licence", "")
    portal.save()


def _contact_page(home):
    if ContactPage.objects.child_of(home).exists():
        return
    page = ContactPage(title=content.CONTACT["title"], slug=content.CONTACT["slug"],
                       intro=content.CONTACT["intro"])
    home.add_child(instance=page)
    page.save_revision().publish()


def _sections(home):
    pages = {}
    for section in sorted(content.SECTIONS, key=lambda s: s.parent is not None):
        parent = pages[section.parent] if section.parent else home
        page = SectionPage.objects.child_of(parent).filter(slug=section.slug).first()
        if page is None:
            page = SectionPage(
                title=section.title,
                slug=section.slug,
                intro=section.intro,
                show_in_menus=section.parent is None,
            )
            parent.add_child(instance=page)
            page.save_revision().publish()
        pages[section.slug] = page
    return pages


def _photo(index, photos):
    if index not in photos:
        image_model = get_image_model()
        title = f"Ảnh minh họa {index + 1:02d}"
        image = image_model.objects.filter(title=title).first()
        if image is None:
            image = image_model(title=title)
            image.file = ImageFile(
                BytesIO(images.photo(index)), name=f"anh-minh-hoa-{index + 1:02d}.jpg"
            )
            image.save()
        photos[index] = image
    return photos[index]


def _document(title):
    document_model = get_document_model()
    document = document_model.objects.filter(title=title).first()
    if document is None:
        data = images.pdf_document(title)
        document = document_model(title=title, file_size=len(data))
        document.file.save(f"{slugify(title)[:80]}.pdf", ContentFile(data), save=False)
        document.save()
    return document


def _body(blocks, photos):
    """Turn content blocks into StreamField data; adjacent text goes in one block."""
    stream, html = [], []

    def close_text():
        if html:
            stream.append({"type": "text", "value": "".join(html)})
            html.clear()

    for kind, value in blocks:
        if kind == "paragraph":
            html.append(f"<p>{escape(value)}</p>")
        elif kind == "heading":
            html.append(f"<h2>{escape(value)}</h2>")
        else:
            close_text()
            stream.append({"type": kind, "value": _block_value(kind, value, photos)})
    close_text()
    return stream


def _block_value(kind, value, photos):
    if kind == "image":
        index, caption, credit = value
        return {"image": _photo(index, photos).pk, "caption": caption, "credit": credit}
    if kind == "quote":
        text, attribution = value
        return {"text": text, "attribution": attribution}
    if kind == "table":
        header, rows, caption = value
        return {
            "data": [list(header), *[list(row) for row in rows]],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": caption,
        }
    if kind == "document":
        (title,) = value
        return {"document": _document(title).pk, "title": title}
    raise ValueError(f"unknown block kind {kind!r}")


def _article(section, article, photos):
    page = ArticlePage(
        title=article.title,
        lead=article.lead,
        image=_photo(article.image, photos),
        image_caption=article.caption,
        image_credit=article.credit,
        body=_body(article.body, photos),
        source=article.source,
        first_published_at=article.published_at,
    )
    for name in article.authors:
        page.authors.add(ArticleAuthor(name=name))
    page.tags.add(*article.tags)
    section.add_child(instance=page)
    page.save_revision().publish()  # keeps first_published_at; sets last_published_at to now
    ArticlePage.objects.filter(pk=page.pk).update(last_published_at=article.published_at)
    return page


def ensure_admin(log=print):
    """Create the demo's accounts once (the administrator, and one user in each
    newsroom role, all with the same password); print their logins every time."""
    password_file = settings.DATA_DIR / "demo-admin-password.txt"
    user_model = get_user_model()
    if not user_model.objects.filter(username=ADMIN_USERNAME).exists():
        password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser(ADMIN_USERNAME, "admin@example.invalid", password)
        password_file.write_text(password + "\n")
        password_file.chmod(0o600)
    password = password_file.read_text().strip() if password_file.exists() else None
    for username, (name, group) in ROLE_ACCOUNTS.items():
        if password and not user_model.objects.filter(username=username).exists():
            # Vietnamese names are written family name first: all of it in first_name,
            # so that get_full_name() keeps the order.
            user = user_model.objects.create_user(
                username, f"{username}@example.invalid", password, first_name=name
            )
            user.groups.add(Group.objects.get(name=group))
    if password:
        log(f"Quản trị: {settings.BASE_URL}/admin/  mật khẩu chung: {password}")
        log(f"  {ADMIN_USERNAME} (toàn quyền), " + ", ".join(
            f"{username} ({group})" for username, (_name, group) in ROLE_ACCOUNTS.items()))
    else:
        log(f"Quản trị: {settings.BASE_URL}/admin/  tài khoản: {ADMIN_USERNAME} (mật khẩu đã đổi)")
