"""`toasoan backup` and `toasoan restore`: a whole site out to one archive and back,
on the same database or from SQLite into PostgreSQL."""

import hashlib
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from unittest import skipUnless

from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TransactionTestCase
from wagtail.images import get_image_model

from tests.comments.moderation_setup import make_comment
from tests.factories import make_article, make_home, make_image, make_section, vn_time
from toasoan.comments.models import Comment, CommentSettings
from toasoan.news.models import ArticlePage, PortalSettings
from toasoan.search.models import SearchDocument


def site_state():
    """Everything a reader or an editor would miss if it were lost."""
    articles = {
        page.path: (page.title, page.lead, page.slug, page.live, page.first_published_at,
                    page.url_path, list(page.body.raw_data),
                    sorted(tag.name for tag in page.tags.all()),
                    page.byline, page.image_id, page.image_caption)
        for page in ArticlePage.objects.all()
    }
    comments = sorted(
        Comment.objects.values_list("page__path", "name", "phone", "title", "content",
                                    "status", "created_at")
    )
    images = {
        image.title: (image.width, image.height,
                      hashlib.sha256(Path(image.file.path).read_bytes()).hexdigest())
        for image in get_image_model().objects.all()
    }
    portal = PortalSettings.objects.values("agency_name", "agency_tag", "address").get()
    limits = CommentSettings.objects.values().get()
    limits.pop("id")
    return {"articles": articles, "comments": comments, "images": images, "portal": portal,
            "limits": limits}


class RoundTripTests(TransactionTestCase):
    maxDiff = None
    serialized_rollback = True  # the page tree's root and the roles, from migrations

    def setUp(self):
        home = make_home()
        news = make_section(home, "Thời sự")
        photo, inline = make_image("Cầu Tân Hòa"), make_image("Lễ khánh thành", color=(20, 90, 160))
        self.article = make_article(
            news, "Khánh thành cầu Tân Hòa", vn_time(2026, 1, 8, 16, 4), image=photo,
            caption="Cầu mới nối hai xã", tags=("Giao thông", "Nông thôn mới"),
            authors=("Trường Giang", "Minh Anh"),
            body=[{"type": "text", "value": "<p>Cây cầu dài 120 m, rộng 7,5 m.</p>"},
                  {"type": "image", "value": {"image": inline.pk, "caption": "Cắt băng"}}],
        )
        make_article(news, "Bản nháp chưa đăng", vn_time(2026, 1, 9), live=False)
        make_comment(self.article, "Cảm ơn huyện", vn_time(2026, 1, 8, 18),
                     status=Comment.Status.APPROVED)
        make_comment(self.article, "Đề nghị làm thêm đèn", vn_time(2026, 1, 8, 19))
        portal = PortalSettings.objects.get()
        portal.address = "Số 1 đường Trần Hưng Đạo"
        portal.save()
        limits = CommentSettings.for_site(home.get_site())
        limits.retention_days = 30
        limits.save()
        self.archive = Path(self.settings_media_parent()) / "sao-luu.tar.gz"

    @staticmethod
    def settings_media_parent():
        from django.conf import settings

        return Path(settings.MEDIA_ROOT).parent

    def wreck(self):
        ArticlePage.objects.all().delete()
        Comment.objects.all().delete()
        for image in get_image_model().objects.all():
            image.file.delete(save=False)
        get_image_model().objects.all().delete()
        PortalSettings.objects.update(agency_name="Đã bị sửa")

    def test_everything_comes_back(self):
        before = site_state()
        call_command("backup", str(self.archive), verbosity=0)
        self.wreck()
        call_command("restore", str(self.archive), yes=True, verbosity=0)
        self.assertEqual(site_state(), before)
        # The indexes were rebuilt and the pages serve.
        self.assertEqual(SearchDocument.objects.count(), 1)
        self.assertContains(self.client.get("/tim-kiem/", {"q": "cau tan hoa"}),
                            "Khánh thành cầu Tân Hòa")
        page = self.client.get(self.article.url)
        self.assertContains(page, "Cầu mới nối hai xã")
        self.assertContains(page, "Cảm ơn huyện")

    def test_the_archive_holds_data_media_and_a_manifest(self):
        call_command("backup", str(self.archive), verbosity=0)
        with tarfile.open(self.archive) as archive:
            names = archive.getnames()
        self.assertIn("manifest.json", names)
        self.assertIn("data.jsonl", names)
        self.assertTrue(any(name.startswith("media/original_images/") for name in names))

    def test_a_file_that_is_not_a_backup_changes_nothing(self):
        before = site_state()
        for content in (b"khong phai tar", b""):
            self.archive.write_bytes(content)
            with self.assertRaisesMessage(CommandError, "Không đọc được tệp sao lưu"):
                call_command("restore", str(self.archive), yes=True, verbosity=0)
        with tarfile.open(self.archive, "w:gz"):
            pass
        with self.assertRaisesMessage(CommandError, "thiếu manifest.json"):
            call_command("restore", str(self.archive), yes=True, verbosity=0)
        with self.assertRaisesMessage(CommandError, "Không tìm thấy tệp sao lưu"):
            call_command("restore", str(self.archive) + ".khong-co", yes=True, verbosity=0)
        self.assertEqual(site_state(), before)


@skipUnless(connection.vendor == "postgresql", "restoring into PostgreSQL: the PostgreSQL run")
class SQLiteToPostgresTests(TransactionTestCase):
    """The way a site outgrows one machine: its SQLite backup restored into PostgreSQL."""

    serialized_rollback = True

    def test_the_demo_site_moves_from_sqlite_to_postgresql(self):
        from django.conf import settings

        data_dir = Path(settings.MEDIA_ROOT).parent / "sqlite-site"
        env = {key: value for key, value in os.environ.items()
               if key not in ("TOASOAN_DATABASE_URL", "TOASOAN_REDIS_URL")}
        env["TOASOAN_DATA_DIR"] = str(data_dir)
        archive = data_dir / "demo.tar.gz"
        for args in (["setup", "--demo"], ["backup", str(archive)]):
            subprocess.run([sys.executable, "-m", "toasoan.cli", *args], env=env, check=True,
                           capture_output=True, timeout=600)

        call_command("restore", str(archive), yes=True, verbosity=0)
        with tarfile.open(archive) as opened:
            import json

            manifest = json.load(opened.extractfile("manifest.json"))
        self.assertEqual(manifest["database"], "sqlite")
        self.assertEqual(ArticlePage.objects.count(), manifest["counts"]["articles"])
        self.assertEqual(Comment.objects.count(), manifest["counts"]["comments"])
        self.assertEqual(get_image_model().objects.count(), manifest["counts"]["images"])
        article = ArticlePage.objects.live().order_by("-first_published_at").first()
        response = self.client.get(article.url)
        self.assertContains(response, article.title)
        self.assertEqual(SearchDocument.objects.count(), ArticlePage.objects.live().count())
        # New rows get new ids after the restored ones.
        self.assertGreater(make_article(article.get_parent(), "Bài đầu tiên trên PostgreSQL",
                                        vn_time(2026, 12, 1)).pk, article.pk)
