"""Views are counted by a small request, buffered, and written in batches."""

from datetime import timedelta
from unittest import mock

from django.db import DatabaseError, connection
from django.test import TestCase, TransactionTestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import make_article, make_home, make_section, vn_time
from toasoan.news import viewcount
from toasoan.news.models import DailyViews
from toasoan.news.queries import most_read


class ViewCountingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        section = make_section(cls.home, "Thời sự")
        cls.article = make_article(section, "Bài được đọc", vn_time(2026, 1, 5))
        cls.other = make_article(section, "Bài khác", vn_time(2026, 1, 6))
        cls.draft = make_article(section, "Bản nháp", vn_time(2026, 1, 7), live=False)

    def setUp(self):
        # Whatever a test leaves in the buffer is written inside its own transaction,
        # which is rolled back after it.
        self.addCleanup(viewcount.flush)
        self.url = f"/api/luot-xem/{self.article.pk}/"

    def test_rendering_the_page_counts_nothing(self):
        self.client.get(self.article.url)
        self.assertEqual(viewcount.total_views(self.article.pk), 0)

    def test_each_post_counts_one_and_answers_the_total(self):
        self.assertEqual(self.client.post(self.url).json(), {"views": 1})
        self.assertEqual(self.client.post(self.url).json(), {"views": 2})
        self.assertEqual(self.client.get(self.url).json(), {"views": 2})

    def test_counts_stay_in_memory_until_flushed_then_are_written_in_one_go(self):
        for _ in range(5):
            self.client.post(self.url)
        self.client.post(f"/api/luot-xem/{self.other.pk}/")
        self.assertFalse(DailyViews.objects.exists())
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(viewcount.flush(), 6)
        statements = [q["sql"].split()[0] for q in queries if "SAVEPOINT" not in q["sql"]]
        self.assertEqual(statements, ["SELECT", "INSERT"])  # which pages exist, one upsert
        row = DailyViews.objects.get(page=self.article)
        self.assertEqual((row.day, row.views), (timezone.localdate(), 5))
        self.assertEqual(self.client.get(self.url).json(), {"views": 5})

    def test_later_flushes_add_to_the_days_row(self):
        self.client.post(self.url)
        viewcount.flush()
        self.client.post(self.url)
        self.client.post(self.url)
        viewcount.flush()
        self.assertEqual(DailyViews.objects.get(page=self.article).views, 3)

    def test_a_failed_write_keeps_the_counts_for_the_next_flush(self):
        self.client.post(self.url)
        with mock.patch.object(viewcount, "_upsert", side_effect=DatabaseError("locked")):
            self.assertEqual(viewcount.flush(), 0)
        self.assertEqual(viewcount.flush(), 1)
        self.assertEqual(DailyViews.objects.get(page=self.article).views, 1)

    def test_unknown_and_unpublished_articles_are_404(self):
        self.assertEqual(self.client.post("/api/luot-xem/999999/").status_code, 404)
        self.assertEqual(self.client.post(f"/api/luot-xem/{self.draft.pk}/").status_code, 404)
        self.assertEqual(self.client.put(self.url).status_code, 405)

    def test_counter_responses_are_not_cached(self):
        self.assertIn("no-cache", self.client.post(self.url)["Cache-Control"])

    def test_most_read_covers_the_last_seven_days(self):
        today = timezone.localdate()
        DailyViews.objects.create(page=self.article, day=today, views=3)
        DailyViews.objects.create(page=self.article, day=today - timedelta(days=6), views=4)
        DailyViews.objects.create(page=self.other, day=today - timedelta(days=1), views=5)
        DailyViews.objects.create(page=self.other, day=today - timedelta(days=7), views=100)
        ranked = [(page.title, views) for page, views in most_read(self.home)]
        self.assertEqual(ranked, [("Bài được đọc", 7), ("Bài khác", 5)])
        response = self.client.get("/")
        self.assertContains(response, "Bài được đọc</a> <span class=\"views\">7 lượt xem")


class FlushAfterDeletionTests(TransactionTestCase):
    serialized_rollback = True  # leave the migrations' data for later transactional tests

    def test_views_of_a_deleted_article_are_dropped_not_fatal(self):
        home = make_home()
        article = make_article(make_section(home, "Tin"), "Sẽ bị xóa", vn_time(2026, 1, 1))
        viewcount.record(article.pk)
        article.delete()
        self.assertEqual(viewcount.flush(), 0)
        self.assertFalse(DailyViews.objects.exists())


class HugeIdTests(TestCase):
    def test_an_id_too_big_for_the_database_is_404_not_500(self):
        response = self.client.post("/api/luot-xem/99999999999999999999999/")
        self.assertEqual(response.status_code, 404)
