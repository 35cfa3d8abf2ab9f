"""Personal data is purged after the retention period and erased on request."""

from datetime import timedelta
from io import StringIO

from django.core.management import CommandError, call_command
from django.test import TestCase
from django.utils import timezone
from wagtail.models import ModelLogEntry

from tests.factories import make_article, make_home, make_section, vn_time
from toasoan.comments import ratelimit
from toasoan.comments.models import Comment, RateCount


def make_comment(article, days_ago=0, phone="+84912345678", **fields):
    comment = Comment.objects.create(
        page=article, name="Trần Văn Bình", title="Ý kiến của tôi",
        content="Nội dung bình luận đủ dài.", phone=phone, ip_address="203.0.113.0",
        user_agent="Mozilla/5.0", consent_at=timezone.now(), consent_version="2026-01",
        **fields,
    )
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return comment


class PurgeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(make_section(make_home(), "Tin"), "Bài", vn_time(2026, 1, 1))

    def test_purge_blanks_personal_data_past_the_retention_period_only(self):
        old = make_comment(self.article, days_ago=91)
        recent = make_comment(self.article, days_ago=89, phone="+84987654321")
        out = StringIO()
        call_command("purge_comment_data", stdout=out)
        old.refresh_from_db()
        recent.refresh_from_db()
        self.assertEqual((old.phone, old.ip_address, old.user_agent), ("", None, ""))
        self.assertEqual(old.content, "Nội dung bình luận đủ dài.")  # the comment stays
        self.assertEqual(recent.phone, "+84987654321")
        self.assertEqual(recent.ip_address, "203.0.113.0")
        self.assertIn("1 bình luận", out.getvalue())

    def test_retention_period_can_be_overridden(self):
        comment = make_comment(self.article, days_ago=10)
        call_command("purge_comment_data", days=7, stdout=StringIO())
        comment.refresh_from_db()
        self.assertEqual(comment.phone, "")

    def test_old_rate_counters_go_too(self):
        ratelimit.hit("ip", "203.0.113.9", now=0)
        ratelimit.hit("ip", "203.0.113.9")
        call_command("purge_comment_data", stdout=StringIO())
        self.assertEqual(RateCount.objects.count(), 1)


class EraseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(make_section(make_home(), "Tin"), "Bài", vn_time(2026, 1, 1))

    def test_erase_removes_every_comment_and_trace_of_a_number(self):
        mine = [make_comment(self.article), make_comment(self.article, status="approved")]
        other = make_comment(self.article, phone="+84987654321")
        ratelimit.hit("phone", "+84912345678")
        out = StringIO()
        call_command("erase_commenter", "0912 345 678", stdout=out)
        self.assertFalse(Comment.objects.filter(pk__in=[c.pk for c in mine]).exists())
        self.assertTrue(Comment.objects.filter(pk=other.pk).exists())
        self.assertFalse(RateCount.objects.exists())
        self.assertIn("Đã xóa 2 bình luận", out.getvalue())
        deletions = ModelLogEntry.objects.filter(action="toasoan.comment.delete")
        self.assertEqual(deletions.count(), 2)

    def test_erase_with_an_invalid_number_explains(self):
        with self.assertRaisesMessage(CommandError, "Số điện thoại không hợp lệ"):
            call_command("erase_commenter", "12345678901234", stdout=StringIO())
