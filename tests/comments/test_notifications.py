"""One e-mail to the moderators for the comments that became pending since the last one."""

from django.core import mail
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.models import Site

from tests.comments.moderation_setup import MASKED, PHONE, ModerationData, make_comment
from tests.factories import vn_time
from toasoan.comments.models import Comment, CommentSettings
from toasoan.comments.notifications import notify_moderators


@override_settings(BASE_URL="https://huyen.example.vn")
class NotificationTests(ModerationData, TestCase):
    def test_one_mail_for_all_pending_comments(self):
        self.assertEqual(notify_moderators(), 2)
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertIn("2 bình luận mới chờ duyệt", message.subject)
        self.assertIn("Có 2 bình luận mới đang chờ duyệt.", message.body)
        self.assertIn("“Ý kiến về công tác cán bộ” — bài “Huyện ủy tổng kết năm 2025”, "
                      "gửi lúc 16:04 08/01/2026", message.body)
        self.assertIn("Cảnh báo: Nhiều liên kết (3 liên kết)", message.body)
        self.assertIn("“Đường đẹp quá”", message.body)
        edit = reverse("toasoan_comments:edit", args=[self.old_pending.pk])
        self.assertIn(f"https://huyen.example.vn{edit}", message.body)
        queue = reverse("toasoan_comments:list")
        self.assertIn(f"https://huyen.example.vn{queue}?status=pending", message.body)
        # approved and spam comments are not waiting for anyone
        self.assertNotIn("Cảm ơn ban biên tập", message.body)
        self.assertNotIn("Khuyến mãi lớn", message.body)

    def test_no_phone_number_nor_personal_data_in_the_mail(self):
        notify_moderators()
        message = mail.outbox[0]
        text = message.subject + message.body
        for forbidden in [PHONE, PHONE[3:], MASKED, "0912", "Nguyễn Văn An", "Lê Văn Cường",
                          self.old_pending.content[:30]]:
            self.assertNotIn(forbidden, text)

    def test_second_call_reports_nothing_new(self):
        notify_moderators()
        self.assertEqual(notify_moderators(), 0)
        self.assertEqual(len(mail.outbox), 1)

    def test_only_newly_pending_comments_next_time(self):
        notify_moderators()
        make_comment(self.article, "Góp ý về đường giao thông", vn_time(2026, 1, 12))
        self.assertEqual(notify_moderators(), 1)
        self.assertEqual(len(mail.outbox), 2)
        self.assertIn("1 bình luận mới chờ duyệt", mail.outbox[1].subject)
        self.assertIn("Góp ý về đường giao thông", mail.outbox[1].body)
        self.assertNotIn("Đường đẹp quá", mail.outbox[1].body)

    def test_comments_moderated_before_the_mail_are_left_out(self):
        Comment.objects.filter(pk=self.old_pending.pk).update(status=Comment.Status.APPROVED)
        self.assertEqual(notify_moderators(), 1)
        self.assertNotIn("Ý kiến về công tác cán bộ", mail.outbox[0].body)

    def test_sent_to_users_who_may_moderate(self):
        notify_moderators()
        self.assertEqual(sorted(mail.outbox[0].to),
                         sorted([self.superuser.email, self.moderator.email]))

    def test_sent_to_the_configured_addresses(self):
        settings = CommentSettings.for_site(Site.objects.get(is_default_site=True))
        settings.moderator_emails = (
            "bbt@huyen.example.vn\nkhong-phai-email\n truongban@huyen.example.vn "
        )
        settings.save()
        notify_moderators()
        self.assertEqual(mail.outbox[0].to, ["bbt@huyen.example.vn", "truongban@huyen.example.vn"])

    def test_nothing_pending_sends_nothing(self):
        Comment.objects.update(status=Comment.Status.APPROVED)
        self.assertEqual(notify_moderators(), 0)
        self.assertEqual(mail.outbox, [])

    def test_failed_send_reports_the_comments_next_time(self):
        with override_settings(EMAIL_BACKEND="tests.comments.test_notifications.FailingBackend"):
            with self.assertRaises(ConnectionError):
                notify_moderators()
        self.assertEqual(notify_moderators(), 2)


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("SMTP server unreachable")
