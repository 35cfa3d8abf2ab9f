"""Scheduled publishing and unpublishing, and the job lease, with a frozen clock."""

from datetime import timedelta

import time_machine
from django.test import TestCase
from wagtail.models import Page

from tests.factories import make_article, make_home, make_section, vn_time
from toasoan.newsroom import scheduler
from toasoan.newsroom.models import JobLease
from toasoan.search.models import SearchDocument

NOW = vn_time(2026, 11, 27, 9, 0)


def tick():
    scheduler.Runner(flush_views=False).tick()


class ScheduledPublishingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(make_home(), "Thời sự")

    def scheduled(self, title, go_live_at=None, expire_at=None, live=False):
        article = make_article(self.section, title, NOW, live=live)
        article.go_live_at = go_live_at
        article.expire_at = expire_at
        article.save_revision().publish()
        return article

    def listed(self, article):
        return article.title in self.client.get(self.section.url).content.decode()

    def found(self, article):
        return SearchDocument.objects.filter(page_id=article.pk).exists()

    @time_machine.travel(NOW, tick=False)
    def test_an_article_goes_live_at_its_time_and_not_before(self):
        article = self.scheduled("Lịch tiếp công dân tháng 12", go_live_at=NOW + timedelta(hours=2))
        self.assertFalse(Page.objects.get(pk=article.pk).live)
        self.assertFalse(self.listed(article) or self.found(article))
        self.assertEqual(self.client.get(article.url or "/thoi-su/x/").status_code, 404)

        with time_machine.travel(NOW + timedelta(hours=1, minutes=59), tick=False):
            tick()
        self.assertFalse(Page.objects.get(pk=article.pk).live)

        with (time_machine.travel(NOW + timedelta(hours=2, seconds=1), tick=False),
              self.captureOnCommitCallbacks(execute=True)):
            tick()
        with time_machine.travel(NOW + timedelta(hours=2, seconds=1), tick=False):
            article = Page.objects.get(pk=article.pk)
            self.assertTrue(article.live)
            self.assertTrue(self.listed(article))
            self.assertTrue(self.found(article))
            self.assertEqual(self.client.get(article.url).status_code, 200)

    @time_machine.travel(NOW, tick=False)
    def test_an_article_is_taken_down_at_its_expiry(self):
        article = self.scheduled(
            "Thông báo tạm dừng cấp nước", expire_at=NOW + timedelta(days=1), live=True
        )
        self.assertTrue(self.found(article))
        with (time_machine.travel(NOW + timedelta(days=1, seconds=1), tick=False),
              self.captureOnCommitCallbacks(execute=True)):
            tick()
        article = Page.objects.get(pk=article.pk)
        self.assertFalse(article.live)
        self.assertTrue(article.expired)
        self.assertFalse(self.listed(article) or self.found(article))
        self.assertEqual(self.client.get(article.url or "/thoi-su/thong-bao/").status_code, 404)


class LeaseTests(TestCase):
    def test_one_holder_at_a_time_until_its_lease_runs_out(self):
        with time_machine.travel(NOW, tick=False):
            self.assertTrue(scheduler.hold_lease("máy-1"))
            self.assertFalse(scheduler.hold_lease("máy-2"))
            self.assertTrue(scheduler.hold_lease("máy-1"))  # renewed
        with time_machine.travel(NOW + timedelta(seconds=scheduler.lease_seconds() - 1)):
            self.assertFalse(scheduler.hold_lease("máy-2"))
        later = NOW + timedelta(seconds=2 * scheduler.lease_seconds())
        with time_machine.travel(later, tick=False):
            self.assertTrue(scheduler.hold_lease("máy-2"))  # máy-1 stopped renewing
            self.assertFalse(scheduler.hold_lease("máy-1"))
        self.assertEqual(JobLease.objects.get(name=scheduler.LEASE).holder, "máy-2")

    def test_a_stopping_holder_hands_over_at_once(self):
        self.assertTrue(scheduler.hold_lease("máy-1"))
        scheduler.release_lease("máy-1")
        self.assertTrue(scheduler.hold_lease("máy-2"))

    def test_only_the_holder_runs_the_site_jobs(self):
        scheduler.hold_lease("máy-khác")
        runner = scheduler.Runner(flush_views=False)
        ran = []
        runner.run_due = lambda: ran.append(True)
        runner.tick()
        self.assertEqual(ran, [])
        scheduler.release_lease("máy-khác")
        runner.tick()
        self.assertEqual(ran, [True])
