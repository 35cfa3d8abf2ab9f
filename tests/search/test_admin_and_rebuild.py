"""The editors' search in the admin, and rebuilding the index from scratch."""

import unicodedata
from io import StringIO
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import TestCase, TransactionTestCase
from wagtail.models import Page

from tests.factories import make_article, make_home, make_section, vn_time
from toasoan.search import indexing
from toasoan.search.models import SearchDocument


class AdminSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home()
        section = make_section(home, "Xây dựng Đảng")
        cls.article = make_article(section, "Hội nghị xây dựng Đảng quý IV", vn_time(2026, 10, 1))
        cls.draft = make_article(section, "Bản nháp về hoà giải", vn_time(2026, 10, 2), live=False)
        make_article(section, "Đăng ký thường trú trực tuyến", vn_time(2026, 10, 3))
        cls.editor = get_user_model().objects.create_superuser("bientap", "bt@example.vn", "x")

    def setUp(self):
        self.client.force_login(self.editor)

    def found(self, query):
        response = self.client.get("/admin/pages/search/", {"q": query})
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_page_search_ignores_marks_case_and_unicode_form(self):
        for query in ["xay dung dang", "XÂY DỰNG ĐẢNG", unicodedata.normalize("NFD", "xây dựng")]:
            with self.subTest(query=query):
                self.assertIn("Hội nghị xây dựng Đảng quý IV", self.found(query))

    def test_drafts_are_found_by_editors_with_either_tone_placement(self):
        # Editors look for their own drafts too; hoà and hòa are one word.
        self.assertIn("Bản nháp về hoà giải", self.found("hòa giải"))

    def test_backend_search_on_articles_folds_the_query(self):
        titles = {page.title for page in Page.objects.search("dang")}
        self.assertIn("Hội nghị xây dựng Đảng quý IV", titles)
        self.assertIn("Đăng ký thường trú trực tuyến", titles)


class RebuildTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home()
        section = make_section(home, "Tin tức")
        for day in range(1, 4):
            make_article(section, f"Tin số {day} về giao thông nông thôn", vn_time(2026, 9, day))
        make_article(section, "Bản nháp chưa đăng", vn_time(2026, 9, 9), live=False)

    def test_update_index_rebuilds_the_public_index_from_live_articles(self):
        SearchDocument.objects.all().delete()
        out = StringIO()
        call_command("update_index", stdout=out, stderr=StringIO())
        self.assertIn("Chỉ mục tìm kiếm công khai: 3 bài viết", out.getvalue())
        self.assertEqual(SearchDocument.objects.count(), 3)
        response = self.client.get("/tim-kiem/", {"q": "giao thong nong thon"})
        self.assertContains(response, "Tìm thấy 3 bài viết")
        self.assertNotContains(response, "Bản nháp chưa đăng")

    def test_rebuild_replaces_stale_documents(self):
        stale = SearchDocument.objects.first()
        SearchDocument.objects.filter(pk=stale.pk).update(
            title="Tiêu đề cũ", title_words=" tieu de cu "
        )
        call_command("update_index", stdout=StringIO(), stderr=StringIO())
        self.assertFalse(SearchDocument.objects.filter(title="Tiêu đề cũ").exists())
        self.assertEqual(SearchDocument.objects.count(), 3)

    def test_setup_indexes_a_site_upgraded_from_before_search(self):
        from toasoan.news.management.commands.setup import needs_search_index

        self.assertFalse(needs_search_index())
        SearchDocument.objects.all().delete()
        self.assertTrue(needs_search_index())


class CommittedRebuildTests(TransactionTestCase):
    """`toasoan update_index` outside any transaction: on PostgreSQL the articles are
    read and folded in a second thread, ahead of the writes."""

    serialized_rollback = True  # the page tree's root and the roles, from migrations

    def setUp(self):
        section = make_section(make_home(), "Tin tức")
        for day in range(1, 8):
            make_article(section, f"Tin số {day} về đường giao thông", vn_time(2026, 9, day))

    def test_every_live_article_is_indexed_once(self):
        with mock.patch("toasoan.search.indexing.BATCH_SIZE", 2):  # several batches
            self.assertEqual(indexing.rebuild(), 7)
        self.assertEqual(SearchDocument.objects.count(), 7)
        response = self.client.get("/tim-kiem/", {"q": "đường giao thông"})
        self.assertContains(response, "Tìm thấy 7 bài viết")

    def test_rebuild_stores_what_publishing_stores(self):
        # Published before the others but created after them: its sort key is out of
        # page id order, as an imported or back-dated article's is.
        section = make_section(make_home(), "Đời sống")
        make_article(
            section, "Lễ hội đền Hùng năm Bính Ngọ", vn_time(2026, 8, 1),
            lead="Sáng 18/4, đông đảo du khách về dâng hương.", caption="Đoàn rước kiệu",
            credit="Ảnh: Thu Hà", authors=("Minh Anh", "Quốc Việt"), source="Theo Báo Phú Thọ",
            tags=("lễ hội", "du lịch"),
            body=[{"type": "text",
                   "value": "<p>Đoàn đại biểu dâng hương.</p><p>Nghi lễ &amp; rước.</p>"},
                  {"type": "quote",
                   "value": {"text": "Uống nước nhớ nguồn.", "attribution": "Cụ Lâm"}}],
        )
        fields = [field.attname for field in SearchDocument._meta.concrete_fields]
        self.assertEqual(indexing.COLUMNS, tuple(fields))
        published = list(SearchDocument.objects.order_by("pk").values_list(*fields))
        self.assertEqual(indexing.rebuild(), 8)
        rebuilt = list(SearchDocument.objects.order_by("pk").values_list(*fields))
        self.assertEqual(rebuilt, published)
        response = self.client.get("/tim-kiem/", {"q": "uong nuoc nho nguon"})
        self.assertContains(response, "Lễ hội đền Hùng năm Bính Ngọ")
        response = self.client.get("/tim-kiem/", {"q": "Quốc Việt"})
        self.assertContains(response, "Tìm thấy 1 bài viết")

    def test_publishing_after_a_rebuild_keeps_the_index_in_step(self):
        indexing.rebuild()
        section = make_section(make_home(), "Đời sống")
        added = make_article(section, "Tin số 8 về đường giao thông", vn_time(2026, 9, 8))
        response = self.client.get("/tim-kiem/", {"q": "đường giao thông"})
        self.assertContains(response, "Tìm thấy 8 bài viết")
        added.title = "Khánh thành cầu dân sinh"
        added.save_revision().publish()
        response = self.client.get("/tim-kiem/", {"q": "đường giao thông"})
        self.assertContains(response, "Tìm thấy 7 bài viết")
        response = self.client.get("/tim-kiem/", {"q": "cau dan sinh"})
        self.assertContains(response, "Tìm thấy 1 bài viết")
        added.unpublish()
        response = self.client.get("/tim-kiem/", {"q": "cau dan sinh"})
        self.assertNotContains(response, "Tìm thấy 1 bài viết")

    def test_rebuild_keeps_the_tables_indexes_and_constraints(self):
        # PostgreSQL refills a fresh table and swaps it in: later migrations name
        # these indexes and constraints, and queries rely on them.
        before = _schema_of(SearchDocument._meta.db_table)
        self.assertEqual(indexing.rebuild(), 7)
        self.assertEqual(_schema_of(SearchDocument._meta.db_table), before)
        response = self.client.get("/tim-kiem/", {"q": '"duong giao thong"'})
        self.assertContains(response, "Tìm thấy 7 bài viết")

    def test_a_failure_while_reading_leaves_the_old_index(self):
        indexing.rebuild()
        with (
            mock.patch("toasoan.search.indexing._document_row", side_effect=ValueError("hỏng")),
            self.assertRaises(ValueError),
        ):
            indexing.rebuild()
        self.assertEqual(SearchDocument.objects.count(), 7)


def _schema_of(table):
    """Names and definitions of a table's indexes, constraints and triggers."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = %s"
                           " ORDER BY name", [table])
        else:
            cursor.execute(
                """SELECT 'index', c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i
                   JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = %s::regclass
                   UNION ALL SELECT 'constraint', conname, pg_get_constraintdef(oid)
                   FROM pg_constraint WHERE conrelid = %s::regclass
                   UNION ALL SELECT 'column', attname, pg_get_expr(adbin, adrelid)
                   FROM pg_attribute LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum
                   WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped
                   ORDER BY 1, 2""",
                [table] * 3,
            )
        return cursor.fetchall()


class HugeArticleTests(TestCase):
    def test_a_huge_article_of_random_words_publishes_and_is_found(self):
        import random

        rng = random.Random(4)
        letters = "abcdeghiklmnopqrstuvxyăâđêôơư"
        words = ["".join(rng.choices(letters, k=rng.randint(3, 12))) for _ in range(120_000)]
        paragraphs = [" ".join(words[i : i + 500]) for i in range(0, len(words), 500)]
        body = [{"type": "text", "value": f"<p>{text}</p>"} for text in paragraphs]
        section = make_section(make_home(), "Tin tức")
        make_article(section, "Bài rất dài về chuyển đổi số", vn_time(2026, 9, 1), body=body,
                     lead=" ".join(words[:40_000]))
        response = self.client.get("/tim-kiem/", {"q": "chuyen doi so"})
        self.assertContains(response, "Bài rất dài về")


class CountLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section(make_home(), "Tin tức")
        for day in range(1, 6):
            make_article(section, f"Phiên chợ quê số {day}", vn_time(2026, 9, day))

    def test_counts_stop_at_the_limit_and_say_so(self):
        from unittest import mock

        with mock.patch("toasoan.search.engine.COUNT_LIMIT", 3):
            response = self.client.get("/tim-kiem/", {"q": "phien cho"})
            self.assertContains(response, "Tìm thấy hơn 3 bài viết")
            self.assertEqual(response.content.decode().count('class="item"'), 3)

    def test_counts_add_the_bodies_when_titles_and_leads_fall_short(self):
        from unittest import mock

        section = make_section(make_home(), "Đời sống")
        for day in (6, 7):
            make_article(section, f"Tin vắn ngày {day}", vn_time(2026, 9, day),
                         body=[{"type": "text", "value": "<p>Phiên chợ quê họp sớm.</p>"}])
        # Five titles and two bodies say "phiên chợ".
        for limit, says in ((10, "Tìm thấy 7 bài viết"), (7, "Tìm thấy 7 bài viết"),
                            (6, "Tìm thấy hơn 6 bài viết"), (5, "Tìm thấy hơn 5 bài viết"),
                            (4, "Tìm thấy hơn 4 bài viết")):
            with self.subTest(limit=limit), mock.patch("toasoan.search.engine.COUNT_LIMIT", limit):
                self.assertContains(self.client.get("/tim-kiem/", {"q": "phien cho"}), says)

    def test_deleting_a_restricted_section_deletes_its_articles_cleanly(self):
        from wagtail.models import PageViewRestriction

        section = make_section(make_home(), "Nội bộ")
        make_article(section, "Thông báo nội bộ", vn_time(2026, 9, 9))
        PageViewRestriction.objects.create(
            page=section, restriction_type=PageViewRestriction.PASSWORD, password="matkhau"
        )
        with self.captureOnCommitCallbacks(execute=True):
            section.delete()
        response = self.client.get("/tim-kiem/", {"q": "thong bao noi bo"})
        self.assertContains(response, "Không tìm thấy bài viết nào")
