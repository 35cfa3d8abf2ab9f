"""The two-step approval: reporter submits, editor approves "Biên tập", leader
approves "Duyệt xuất bản" and the article goes out; every step on record."""

import threading
from unittest import mock, skipUnless

from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client, TransactionTestCase
from wagtail.models import Page, PageLogEntry, TaskState

from tests.newsroom.helpers import (
    NewsroomTestCase,
    article_form,
    current_task_state,
    draft_by,
    make_newsroom,
    submit,
    workflow_action,
)
from toasoan.newsroom.models import ApprovalTask


def actions(page):
    return list(
        PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )


class WorkflowTests(NewsroomTestCase):
    def submitted_draft(self, title="Huyện tổ chức hội nghị tổng kết năm 2026"):
        draft = draft_by(self.users["reporter"], self.section, title)
        self.login("reporter")
        self.assertEqual(submit(self.client, draft).status_code, 302)
        return draft

    def test_reporter_editor_leader_then_the_article_is_public(self):
        article = self.submitted_draft()
        self.assertEqual(current_task_state(article).task.name, "Biên tập")
        self.login("editor")
        self.assertEqual(workflow_action(self.client, article).status_code, 302)
        self.assertEqual(current_task_state(article).task.name, "Duyệt xuất bản")
        self.assertFalse(Page.objects.get(pk=article.pk).live)
        self.login("approver")
        self.assertEqual(workflow_action(self.client, article).status_code, 302)
        article = Page.objects.get(pk=article.pk)
        self.assertTrue(article.live)
        self.assertEqual(self.client.get(article.url).status_code, 200)
        log = actions(article)
        for step in [("wagtail.workflow.start", "reporter"), ("wagtail.workflow.approve", "editor"),
                     ("wagtail.workflow.approve", "approver"), ("wagtail.publish", "approver")]:
            self.assertIn(step, log)

    def test_the_next_approvers_are_told_by_email_without_phone_numbers(self):
        mail.outbox.clear()
        self.submitted_draft("Thông báo lịch tiếp công dân tháng 12")
        recipients = {address for message in mail.outbox for address in message.to}
        self.assertIn("editor@example.invalid", recipients)
        self.assertNotIn("approver@example.invalid", recipients)
        self.assertTrue(any("Thông báo lịch tiếp công dân" in m.subject + m.body
                            for m in mail.outbox))

    def test_sent_back_with_a_comment_then_resubmitted(self):
        article = self.submitted_draft()
        self.login("editor")
        state = current_task_state(article)
        response = self.client.post(
            f"/admin/pages/workflow/action/{article.pk}/reject/{state.pk}/",
            {"comment": "Bổ sung số liệu cụ thể."},
        )
        self.assertEqual(response.status_code, 302)
        state.refresh_from_db()
        self.assertEqual(state.status, TaskState.STATUS_REJECTED)
        self.assertEqual(state.comment, "Bổ sung số liệu cụ thể.")
        self.assertIn(("wagtail.workflow.reject", "editor"), actions(article))
        self.assertFalse(Page.objects.get(pk=article.pk).live)

    def test_nobody_approves_their_own_submission(self):
        draft = draft_by(self.users["editor"], self.section, "Bài do biên tập viên viết")
        self.login("editor")
        submit(self.client, draft)
        response = workflow_action(self.client, draft)
        self.assertEqual(response.status_code, 403)
        self.assertEqual(current_task_state(draft).status, TaskState.STATUS_IN_PROGRESS)
        self.assertFalse(TaskState.objects.reviewable_by(self.users["editor"]).exists())

    def test_editing_after_the_first_approval_goes_back_to_the_first_step(self):
        article = self.submitted_draft()
        self.login("editor")
        workflow_action(self.client, article)
        self.login("approver")
        data = article_form("Tiêu đề do lãnh đạo sửa", slug=article.slug)
        self.client.post(f"/admin/pages/{article.pk}/edit/", data)
        self.login("approver")
        self.assertEqual(workflow_action(self.client, article).status_code, 302)
        # The edit made a new revision: "Biên tập" must approve it again first.
        self.assertFalse(Page.objects.get(pk=article.pk).live)

    def test_a_second_approval_of_a_decided_step_changes_nothing(self):
        article = self.submitted_draft()
        self.login("editor")
        workflow_action(self.client, article)
        final = current_task_state(article)
        self.login("approver2")
        workflow_action(self.client, article)
        self.assertTrue(Page.objects.get(pk=article.pk).live)
        # The other approver's click, read before the first one committed:
        with self.assertRaises(PermissionDenied):
            final.task.specific.on_action(final, self.users["approver"], "approve")
        self.assertEqual(
            PageLogEntry.objects.filter(page=article, action="wagtail.publish").count(), 1
        )


@skipUnless(connection.vendor == "postgresql", "row locks: SQLite serialises writers anyway")
class ConcurrentApprovalTests(TransactionTestCase):
    serialized_rollback = True  # the page tree's root and the roles, from migrations

    def setUp(self):
        make_newsroom(self)

    def test_two_approvers_at_once_publish_once(self):
        article = draft_by(self.users["reporter"], self.section, "Hai lãnh đạo cùng duyệt")
        client = Client()
        client.force_login(self.users["reporter"])
        submit(client, article)
        client.force_login(self.users["editor"])
        workflow_action(client, article)
        state = current_task_state(article)
        url = f"/admin/pages/workflow/action/{article.pk}/approve/{state.pk}/"
        statuses = []
        # Both requests get past Wagtail's own "still in moderation?" check before
        # either approves: the race the row lock has to settle.
        both_checked = threading.Barrier(2)
        on_action = ApprovalTask.on_action

        def after_both_checked(task, *args, **kwargs):
            both_checked.wait(timeout=10)
            return on_action(task, *args, **kwargs)

        def approve(username):
            approver = Client()
            approver.force_login(self.users[username])
            statuses.append(approver.post(url, {"comment": ""}).status_code)
            connection.close()

        threads = [threading.Thread(target=approve, args=(name,))
                   for name in ("approver", "approver2")]
        with mock.patch.object(ApprovalTask, "on_action", after_both_checked):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        self.assertEqual(sorted(statuses), [302, 403])
        self.assertEqual(
            PageLogEntry.objects.filter(page=article, action="wagtail.publish").count(), 1
        )
        self.assertTrue(Page.objects.get(pk=article.pk).live)
