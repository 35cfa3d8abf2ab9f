"""Storing records as a reader gives them: statuses, sections, tags, authors, pictures,
comments, redirects from old addresses, sanitised bodies."""

import json
import tempfile
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

from django.test import TestCase
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect

from tests.factories import make_home
from toasoan.comments.models import Comment
from toasoan.importer.records import (
    ArticleRecord,
    CommentRecord,
    CommentStatus,
    ImageRecord,
    Problem,
    Status,
)
from toasoan.importer.saving import Importer
from toasoan.news.models import ArticlePage, SectionPage

WHEN = datetime(2023, 5, 4, 2, 30, tzinfo=UTC)


def post(key="wxr:https://cu.example.vn#12", **fields):
    values = {
        "title": "Khánh thành cầu dân sinh thôn Đồng Tâm",
        "lead": "Sáng 4/5, xã tổ chức lễ khánh thành cầu dân sinh.",
        "body_html": "<p>Cây cầu dài 42 m, rộng 3,5 m.</p>",
        "published_at": WHEN,
        "section": "Kinh tế",
        "tags": ["giao thông", "nông thôn mới"],
        "authors": ["Thu Hà"],
    }
    values.update(fields)
    return ArticleRecord(key=key, **values)


def picture_file(folder: Path, name: str) -> Path:
    buffer = BytesIO()
    PILImage.new("RGB", (640, 400), (30, 120, 60)).save(buffer, "JPEG")
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    return path


class SavingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_home()

    def run_records(self, *records, media_dir=None):
        return Importer(media_dir=media_dir).run(records)

    def test_a_published_post_becomes_a_live_article_in_its_section(self):
        summary = self.run_records(post())
        self.assertEqual(summary.created, 1)
        page = ArticlePage.objects.get()
        self.assertTrue(page.live)
        self.assertEqual(page.first_published_at, WHEN)
        self.assertEqual(page.get_parent().specific.title, "Kinh tế")
        self.assertEqual(sorted(tag.name for tag in page.tags.all()),
                         ["giao thông", "nông thôn mới"])
        self.assertEqual(page.byline, ["Thu Hà"])
        self.assertContains(self.client.get(page.url), "Cây cầu dài 42 m")

    def test_sections_are_matched_by_name_whatever_the_marks_or_case(self):
        self.run_records(post(), post(key="k2", title="Bài thứ hai", section="KINH TẾ"))
        self.assertEqual(SectionPage.objects.filter(title="Kinh tế").count(), 1)
        self.assertEqual(SectionPage.objects.count(), 1)

    def test_drafts_stay_drafts_and_scheduled_posts_wait_for_their_time(self):
        later = timezone.now() + timedelta(days=3)
        self.run_records(
            post(key="d", title="Bản nháp", status=Status.DRAFT),
            post(key="p", title="Bài riêng tư", status=Status.PRIVATE),
            post(key="s", title="Bài hẹn giờ", status=Status.SCHEDULED, published_at=later),
        )
        self.assertFalse(ArticlePage.objects.get(title="Bản nháp").live)
        self.assertFalse(ArticlePage.objects.get(title="Bài riêng tư").live)
        scheduled = ArticlePage.objects.get(title="Bài hẹn giờ")
        self.assertFalse(scheduled.live)
        self.assertEqual(scheduled.get_latest_revision().approved_go_live_at, later)

    def test_the_body_is_sanitised_and_keeps_what_an_article_is_made_of(self):
        self.run_records(post(body_html=(
            '<h2>Kết quả</h2><p onclick="steal()">Đoạn <strong>một</strong> '
            '<a href="javascript:alert(1)">xấu</a> <a href="https://chinhphu.vn/?a=1&b=2">tốt</a></p>'
            "<script>alert(1)</script><style>p{}</style>"
            "<ul><li>Mục một</li><li>Mục hai</li></ul>"
            "<table><tr><th>Xã</th><th>Số hộ</th></tr>"
            "<tr><td>Yên Trạch</td><td>312</td></tr></table>"
            "<blockquote>Dân biết, dân bàn, dân làm, dân kiểm tra.</blockquote>"
        )))
        page = ArticlePage.objects.get()
        self.assertEqual([block.block_type for block in page.body],
                         ["text", "table", "quote"])
        response = self.client.get(page.url)
        html = response.content.decode()
        self.assertNotIn("steal()", html)
        self.assertNotIn("javascript:alert", html)
        self.assertNotIn("<script>alert(1)", html)
        self.assertIn('href="https://chinhphu.vn/?a=1&amp;b=2"', html)
        self.assertIn("<h2>Kết quả</h2>", html)
        self.assertIn("Yên Trạch", html)
        self.assertIn("Dân biết, dân bàn", html)

    def test_comments_keep_their_status_and_spam_and_trash_stay_out_of_sight(self):
        comments = [
            CommentRecord(key="1", name="Nguyễn Văn Bình", content="Cây cầu rất cần cho bà con.",
                          status=CommentStatus.APPROVED, created_at=WHEN, ip_address="203.0.113.9"),
            CommentRecord(key="2", name="Lê Thị Cúc", content="Bao giờ làm đường vào thôn?",
                          status=CommentStatus.PENDING, created_at=WHEN),
            CommentRecord(key="3", name="spammer", content="Mua thuốc giá rẻ tại đây",
                          status=CommentStatus.SPAM, created_at=WHEN),
            CommentRecord(key="4", name="x", content="Đã xoá", status=CommentStatus.TRASH),
        ]
        self.run_records(post(comments=comments))
        statuses = dict(Comment.objects.values_list("name", "status"))
        self.assertEqual(statuses, {"Nguyễn Văn Bình": "approved", "Lê Thị Cúc": "pending",
                                    "spammer": "spam"})
        approved = Comment.objects.get(name="Nguyễn Văn Bình")
        self.assertEqual(approved.created_at, WHEN)
        response = self.client.get(ArticlePage.objects.get().url)
        self.assertContains(response, "Cây cầu rất cần cho bà con.")
        self.assertNotContains(response, "Bao giờ làm đường")
        self.assertNotContains(response, "Mua thuốc")
        # Again: nothing doubles.
        self.run_records(post(comments=comments))
        self.assertEqual(Comment.objects.count(), 3)

    def test_old_permalinks_redirect_to_the_new_article(self):
        self.run_records(post(old_urls=["https://cu.example.vn/2023/05/khanh-thanh-cau/",
                                        "https://cu.example.vn/?p=12"]))
        page = ArticlePage.objects.get()
        for old in ("/2023/05/khanh-thanh-cau/", "/?p=12"):
            with self.subTest(old=old):
                response = self.client.get(old)
                self.assertEqual(response.status_code, 301)
                self.assertEqual(response["Location"], page.url)
        self.run_records(post(old_urls=["https://cu.example.vn/2023/05/khanh-thanh-cau/"]))
        self.assertEqual(Redirect.objects.count(), 2)

    def test_pictures_from_the_media_folder_and_a_report_of_the_missing(self):
        folder = Path(tempfile.mkdtemp())
        picture_file(folder, "2023/05/cau.jpg")
        summary = self.run_records(
            post(body_html='<figure><img src="https://cu.example.vn/wp-content/uploads/2023/05/cau.jpg">'
                           "<figcaption>Cầu mới</figcaption></figure>"
                           '<p><img src="https://cu.example.vn/wp-content/uploads/mat.jpg"></p>',
                 image_key="wxr:https://cu.example.vn#99"),
            ImageRecord(key="wxr:https://cu.example.vn#99",
                        url="https://cu.example.vn/wp-content/uploads/2023/05/cau.jpg",
                        path=str(folder / "2023/05/cau.jpg"), title="Cầu dân sinh"),
            media_dir=folder,
        )
        page = ArticlePage.objects.get()
        self.assertEqual([block.block_type for block in page.body], ["image"])
        self.assertEqual(page.body[0].value["caption"], "Cầu mới")
        self.assertIsNotNone(page.image)  # the attachment came after its post
        self.assertEqual(summary.images, 1)  # one file, stored once
        self.assertEqual(summary.missing,
                         [(page.title, "https://cu.example.vn/wp-content/uploads/mat.jpg")])

    def test_a_media_url_cannot_reach_outside_the_media_folder(self):
        folder = Path(tempfile.mkdtemp())
        picture_file(folder.parent, "ngoai.jpg")
        self.run_records(post(body_html='<img src="https://x.vn/wp-content/uploads/../../ngoai.jpg">'),
                         media_dir=folder / "media")
        self.assertEqual(list(ArticlePage.objects.get().body), [])

    def test_problems_are_reported_and_the_rest_is_stored(self):
        summary = self.run_records(
            Problem("tệp cu.xml, dòng 40, mục «Bài hỏng»", "XML hỏng: thẻ không đóng"),
            post(),
            post(key="no-title", title="   "),
        )
        self.assertEqual(summary.created, 1)
        self.assertEqual([why for _where, why in summary.failed],
                         ["XML hỏng: thẻ không đóng", "bài không có tiêu đề"])

    def test_a_post_without_a_lead_takes_its_first_sentences(self):
        self.run_records(post(lead="", body_html="<p>" + "Câu mở đầu rất dài. " * 40 + "</p>"))
        lead = ArticlePage.objects.get().lead
        self.assertTrue(lead.startswith("Câu mở đầu rất dài."))
        self.assertLessEqual(len(lead), 400)

    def test_wordpress_captions_escaped_titles_and_shortcodes(self):
        folder = Path(tempfile.mkdtemp())
        picture_file(folder, "2023/05/tham-hoi.jpg")
        self.run_records(post(
            title="Tin &amp; ảnh: thăm hỏi gia đình chính sách", section="Văn hóa &amp; Xã hội",
            body_html='[caption id="attachment_5" width="600"]<a href="https://cu.example.vn/a">'
                      '<img src="https://cu.example.vn/wp-content/uploads/2023/05/tham-hoi.jpg">'
                      "</a> Lãnh đạo huyện thăm hỏi gia đình ông Tư[/caption]\n\n"
                      'Đoạn văn [gallery ids="1,2"] có [ghi chú] ở giữa.'),
            media_dir=folder)
        page = ArticlePage.objects.get()
        self.assertEqual(page.title, "Tin & ảnh: thăm hỏi gia đình chính sách")
        self.assertEqual(page.get_parent().title, "Văn hóa & Xã hội")
        self.assertEqual([block.block_type for block in page.body], ["image", "text"])
        self.assertEqual(page.body[0].value["caption"], "Lãnh đạo huyện thăm hỏi gia đình ông Tư")
        self.assertEqual(page.body[1].value.source, "<p>Đoạn văn có [ghi chú] ở giữa.</p>")

    def test_an_attachment_in_a_later_batch_still_becomes_the_picture(self):
        from unittest import mock

        from toasoan.importer import saving

        folder = Path(tempfile.mkdtemp())
        with mock.patch.object(saving, "BATCH_SIZE", 1):
            self.run_records(
                post(image_key="wxr:https://cu.example.vn#99"),
                ImageRecord(key="wxr:https://cu.example.vn#99",
                            path=str(picture_file(folder, "cau.jpg")), title="Cầu"),
            )
        page = ArticlePage.objects.get()
        self.assertIsNotNone(page.image)
        self.assertTrue(page.live)
        self.assertEqual(page.get_latest_revision().as_object().image, page.image)

    def test_new_articles_are_stored_together_and_match_wagtails_own_publishing(self):
        from unittest import mock

        from toasoan.importer import saving

        with mock.patch.object(saving.Importer, "store", side_effect=AssertionError("one by one")):
            summary = self.run_records(post(), post(key="k2", title="Bài thứ hai về cầu"))
        self.assertEqual((summary.created, len(summary.failed)), (2, 0))
        # Changed in the source: updated through Wagtail's publishing, in place.
        self.run_records(post(lead="Sáng 4/5, xã khánh thành cầu dân sinh mới."))
        together, one_by_one = (ArticlePage.objects.get(title=title) for title in
                                ("Bài thứ hai về cầu", "Khánh thành cầu dân sinh thôn Đồng Tâm"))
        for page in (together, one_by_one):
            with self.subTest(page=page.title):
                self.assertTrue(page.live)
                self.assertFalse(page.has_unpublished_changes)
                self.assertEqual(page.live_revision_id, page.latest_revision_id)
                self.assertEqual(page.get_latest_revision().as_object().title, page.title)
                self.assertEqual(page.first_published_at, WHEN)
                self.assertEqual(page.url_path, f"{page.get_parent().url_path}{page.slug}/")
                self.assertEqual(sorted(tag.name for tag in page.tags.all()),
                                 ["giao thông", "nông thôn mới"])
                found = self.client.get("/tim-kiem/", {"q": page.title})
                self.assertContains(found, page.title)
                admin = ArticlePage.objects.search(page.title.split()[0])
                self.assertIn(page.pk, [result.pk for result in admin])
        self.assertEqual(ArticlePage.find_problems(), ([], [], [], [], []))

    def test_the_admin_search_entries_are_wagtails_own(self):
        from wagtail.search.backends import get_search_backend
        from wagtail.search.models import IndexEntry

        self.run_records(
            post(body_html="<p>Cây cầu <b>dài 42 m</b>.</p><ul><li>Vốn: 2 tỷ</li></ul>"),
            post(key="k2", title="Hội nghị sơ kết công tác cải cách hành chính quý III năm 2023",
                 tags=["cải cách hành chính"], authors=["Quốc Việt", "Lan Hương"]))
        fields = ("title", "autocomplete", "body", "title_norm")

        def entries():
            return {entry["object_id"]: entry for entry in IndexEntry.objects.values(
                "object_id", *fields)}

        imported = entries()
        for page in ArticlePage.objects.all():
            get_search_backend().add(page)  # as an editor's publishing indexes it
        self.assertEqual(imported, entries())
        # The title norms (relevance by title length) were refreshed at the end:
        # titles of different lengths, different norms.
        articles = [imported[str(pk)] for pk in ArticlePage.objects.values_list("pk", flat=True)]
        self.assertEqual(len({entry["title_norm"] for entry in articles}), 2)
        found = ArticlePage.objects.search("vốn")  # in the first body's list only
        self.assertEqual([page.title for page in found], [ArticlePage.objects.first().title])

    def test_the_first_revision_is_the_page_as_wagtail_would_save_it(self):
        self.run_records(post(authors=["Thu Hà", "Minh Anh"]))
        page = ArticlePage.objects.get()
        content = page.get_latest_revision().content
        expected = page.serializable_data()
        self.assertEqual(content.keys(), expected.keys())
        self.assertEqual(content["wagtail_admin_comments"], [])
        self.assertEqual([author["name"] for author in content["authors"]], ["Thu Hà", "Minh Anh"])
        self.assertEqual(json.loads(content["body"]), json.loads(expected["body"]))
