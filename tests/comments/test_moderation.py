"""The moderators' side of reader comments in the Wagtail admin."""

from django.test import RequestFactory, TestCase
from django.urls import reverse
from wagtail.admin.menu import admin_menu
from wagtail.models import ModelLogEntry

from tests.comments.moderation_setup import MASKED, PHONE, ModerationData, make_comment
from tests.factories import vn_time
from toasoan.comments.models import Comment, WordRule

LIST_URL = reverse("toasoan_comments:list")
RESULTS_URL = reverse("toasoan_comments:list_results")


def edit_url(comment):
    return reverse("toasoan_comments:edit", args=[comment.pk])


def moderate_url(comment, action):
    return reverse("toasoan_comments:moderate", args=[comment.pk, action])


def bulk_url(action, *comments, **params):
    query = "&".join([f"id={c.pk}" for c in comments]
                     + [f"{key}={value}" for key, value in params.items()])
    return f"/admin/bulk/comments/comment/{action}/?{query}"


def log_entries(comment, action=None):
    entries = ModelLogEntry.objects.filter(object_id=str(comment.pk),
                                           content_type__model="comment")
    if action:
        entries = entries.filter(action=f"toasoan.comment.{action}")
    return entries.order_by("pk")


class QueueTests(ModerationData, TestCase):
    def listed(self, query="", user=None):
        self.client.force_login(user or self.moderator)
        response = self.client.get(LIST_URL + query)
        self.assertEqual(response.status_code, 200)
        return response, list(response.context["object_list"])

    def test_pending_first_then_newest_first(self):
        _response, comments = self.listed()
        self.assertEqual(comments, [self.new_pending, self.old_pending, self.approved, self.spam])

    def test_columns(self):
        response, _comments = self.listed()
        html = response.content.decode()
        for text in ["Bài viết", "Họ tên", "Số điện thoại", "Tiêu đề", "Nội dung", "Trạng thái",
                     "Cảnh báo", "Gửi lúc"]:
            self.assertContains(response, f"{text}\n")
        self.assertIn(f'href="{self.article.url}"', html)
        self.assertIn("Huyện ủy tổng kết năm 2025", html)
        self.assertIn("Nguyễn Văn An", html)
        self.assertIn(f'href="{edit_url(self.old_pending)}"', html)
        self.assertIn("Ý kiến về công tác cán bộ", html)
        excerpt = self.old_pending.content[:79].rstrip() + "…"
        self.assertIn(excerpt, html)
        self.assertNotIn(self.old_pending.content[:100], html)
        self.assertIn("Chờ duyệt", html)
        self.assertIn("Nhiều liên kết (3 liên kết)", html)
        self.assertIn("Từ nghi vấn (lừa đảo)", html)
        self.assertNotIn("Bẫy máy tự động", html)  # passed rules are not shown
        self.assertIn("16:04 08/01/2026", html)

    def test_moderator_without_phone_permission_sees_masked_phone(self):
        response, _comments = self.listed()
        self.assertContains(response, MASKED)
        self.assertNotContains(response, PHONE)
        self.assertNotContains(response, PHONE[3:])

    def test_superuser_sees_full_phone(self):
        response, _comments = self.listed(user=self.superuser)
        self.assertContains(response, PHONE)

    def test_view_phone_permission_shows_full_phone(self):
        from django.contrib.auth.models import Permission

        self.moderator.user_permissions.add(Permission.objects.get(codename="view_phone"))
        response, _comments = self.listed()
        self.assertContains(response, PHONE)

    def test_search_ignores_accents_and_case(self):
        for query in ["xay dung dang", "XÂY DỰNG Đảng", "dang  co so"]:
            with self.subTest(query=query):
                _response, comments = self.listed(f"?q={query}")
                self.assertEqual(comments, [self.old_pending])

    def test_search_finds_names_and_titles(self):
        _response, comments = self.listed("?q=le van cuong")
        self.assertEqual(comments, [self.new_pending])
        _response, comments = self.listed("?q=khuyen mai")
        self.assertEqual(comments, [self.spam])

    def test_search_results_fragment(self):
        self.client.force_login(self.moderator)
        response = self.client.get(RESULTS_URL + "?q=duong dep")
        self.assertEqual(list(response.context["object_list"]), [self.new_pending])

    def test_filter_by_status(self):
        _response, comments = self.listed("?status=pending")
        self.assertEqual(comments, [self.new_pending, self.old_pending])
        _response, comments = self.listed("?status=spam")
        self.assertEqual(comments, [self.spam])

    def test_filter_by_article(self):
        _response, comments = self.listed(f"?page={self.other_article.pk}")
        self.assertEqual(set(comments), {self.new_pending, self.spam})

    def test_filter_by_flag(self):
        response, comments = self.listed("?flag=links")
        self.assertEqual(comments, [self.old_pending])
        _response, comments = self.listed("?flag=suspect_words")
        self.assertEqual(comments, [self.new_pending])
        # the choices are the rules that flagged something, in words
        self.assertContains(response, "Nhiều liên kết")
        self.assertContains(response, "Từ nghi vấn")

    def test_passed_rules_are_not_a_flag(self):
        response, _comments = self.listed()
        choices = dict(response.context["filters"].form.fields["flag"].choices)
        self.assertEqual(set(choices) - {""}, {"links", "suspect_words"})

    def test_filter_by_date_as_the_date_picker_writes_it(self):
        # dd/mm/YYYY (WAGTAIL_DATE_FORMAT), days in Vietnam's time zone
        _response, comments = self.listed("?created_at_from=09/01/2026&created_at_to=09/01/2026")
        self.assertEqual(comments, [self.new_pending, self.spam])
        _response, comments = self.listed("?created_at_from=2026-01-10")
        self.assertEqual(comments, [self.approved])

    def test_filters_and_search_combine(self):
        _response, comments = self.listed("?status=pending&q=duong")
        self.assertEqual(comments, [self.new_pending])

    def test_sort_by_sent_time(self):
        _response, comments = self.listed("?ordering=created_at")
        self.assertEqual(comments, [self.old_pending, self.new_pending, self.spam, self.approved])

    def test_no_add_button_comments_come_from_readers(self):
        response, _comments = self.listed(user=self.superuser)
        self.assertNotContains(response, reverse("toasoan_comments:add"))
        self.assertIn(self.client.get(reverse("toasoan_comments:add")).status_code, (302, 403))


class SingleActionTests(ModerationData, TestCase):
    def setUp(self):
        self.client.force_login(self.moderator)

    def test_row_buttons_post_to_the_moderate_view(self):
        html = self.client.get(LIST_URL).content.decode()
        self.assertIn(f'data-w-action-url-value="{moderate_url(self.old_pending, "approve")}"',
                      html)
        self.assertIn('data-action="w-action#post"', html)
        # an approved comment has no "approve" button
        self.assertNotIn(moderate_url(self.approved, "approve"), html)

    def test_get_asks_before_acting(self):
        response = self.client.get(moderate_url(self.old_pending, "approve"))
        self.assertContains(response, "Duyệt bình luận")
        self.old_pending.refresh_from_db()
        self.assertEqual(self.old_pending.status, Comment.Status.PENDING)

    def assert_action(self, comment, action, previous, status):
        response = self.client.post(moderate_url(comment, action) + f"?next={LIST_URL}")
        self.assertRedirects(response, LIST_URL)
        comment.refresh_from_db()
        self.assertEqual(comment.status, status)
        self.assertEqual(comment.moderated_by, self.moderator)
        entry = log_entries(comment, action).get()
        self.assertEqual(entry.user, self.moderator)
        self.assertEqual(entry.data["from"], previous)
        self.assertEqual(entry.data["to"], status)
        self.assertEqual(entry.data["page"], comment.page_id)
        self.assertNotIn(comment.name, entry.label)  # the log keeps no reader's name
        return entry

    def test_approve(self):
        entry = self.assert_action(self.old_pending, "approve", "pending", "approved")
        self.assertEqual(entry.message, "Duyệt bình luận: Chờ duyệt → Đã duyệt")

    def test_reject(self):
        self.assert_action(self.approved, "reject", "approved", "rejected")

    def test_spam(self):
        self.assert_action(self.new_pending, "spam", "pending", "spam")

    def test_same_status_changes_nothing(self):
        self.client.post(moderate_url(self.approved, "approve"))
        self.assertFalse(log_entries(self.approved).exists())

    def test_unknown_action(self):
        response = self.client.post(moderate_url(self.old_pending, "publish"))
        self.assertEqual(response.status_code, 404)
        self.old_pending.refresh_from_db()
        self.assertEqual(self.old_pending.status, Comment.Status.PENDING)

    def test_history_view_shows_the_actions_in_vietnamese(self):
        self.client.post(moderate_url(self.old_pending, "spam"))
        self.client.post(moderate_url(self.old_pending, "approve"))
        response = self.client.get(
            reverse("toasoan_comments:history", args=[self.old_pending.pk]))
        self.assertContains(response, "Đánh dấu thư rác: Chờ duyệt → Thư rác")
        self.assertContains(response, "Duyệt bình luận: Thư rác → Đã duyệt")


class BulkActionTests(ModerationData, TestCase):
    def setUp(self):
        self.client.force_login(self.moderator)

    def test_bulk_approve(self):
        url = bulk_url("approve", self.old_pending, self.new_pending, next=LIST_URL)
        self.assertContains(self.client.get(url), "Duyệt những bình luận sau?")
        response = self.client.post(url)
        self.assertRedirects(response, LIST_URL)
        for comment in (self.old_pending, self.new_pending):
            comment.refresh_from_db()
            self.assertEqual(comment.status, Comment.Status.APPROVED)
            entry = log_entries(comment, "approve").get()
            self.assertEqual((entry.user, entry.data["from"], entry.data["to"]),
                             (self.moderator, "pending", "approved"))

    def test_bulk_reject_and_spam(self):
        self.client.post(bulk_url("reject", self.old_pending, self.approved))
        self.client.post(bulk_url("spam", self.new_pending))
        self.assertEqual(
            dict(Comment.objects.values_list("pk", "status")),
            {self.old_pending.pk: "rejected", self.approved.pk: "rejected",
             self.new_pending.pk: "spam", self.spam.pk: "spam"},
        )
        self.assertEqual(log_entries(self.approved, "reject").get().data["from"], "approved")
        self.assertEqual(log_entries(self.new_pending, "spam").get().data["from"], "pending")

    def test_select_all_keeps_the_listing_filters(self):
        self.client.post(bulk_url("spam", id="all", status="pending", q="xay dung"))
        self.old_pending.refresh_from_db()
        self.new_pending.refresh_from_db()
        self.assertEqual(self.old_pending.status, Comment.Status.SPAM)
        self.assertEqual(self.new_pending.status, Comment.Status.PENDING)

    def test_bulk_delete_is_logged(self):
        pk = self.old_pending.pk
        self.assertContains(self.client.get(bulk_url("delete", self.old_pending)),
                            "Không thể hoàn tác")
        self.client.post(bulk_url("delete", self.old_pending))
        self.assertFalse(Comment.objects.filter(pk=pk).exists())
        entry = ModelLogEntry.objects.get(object_id=str(pk), action="toasoan.comment.delete")
        self.assertEqual((entry.user, entry.data["status"]), (self.moderator, "pending"))
        self.assertFalse(ModelLogEntry.objects.filter(action="wagtail.delete").exists())

    def test_bulk_action_buttons_are_offered(self):
        response = self.client.get(LIST_URL)
        for url in ["/admin/bulk/comments/comment/approve/", "/admin/bulk/comments/comment/reject/",
                    "/admin/bulk/comments/comment/spam/", "/admin/bulk/comments/comment/delete/"]:
            self.assertContains(response, url)


class EditTests(ModerationData, TestCase):
    def form_data(self, comment, **changes):
        return {"name": comment.name, "title": comment.title, "content": comment.content,
                "reply": comment.reply, **changes}

    def test_moderator_edits_personal_data_out(self):
        self.client.force_login(self.moderator)
        data = self.form_data(self.old_pending, content="Nội dung đã bỏ địa chỉ nhà riêng.")
        response = self.client.post(edit_url(self.old_pending), data)
        self.assertRedirects(response, LIST_URL)
        self.old_pending.refresh_from_db()
        self.assertEqual(self.old_pending.content, "Nội dung đã bỏ địa chỉ nhà riêng.")
        self.assertEqual(self.old_pending.status, Comment.Status.PENDING)
        entry = log_entries(self.old_pending, "edit").get()
        self.assertEqual((entry.user, entry.data["fields"]), (self.moderator, ["content"]))
        self.assertEqual(entry.message, "Sửa bình luận (Nội dung)")
        self.assertNotIn("địa chỉ", str(entry.data))  # the log keeps field names, not text
        self.assertFalse(ModelLogEntry.objects.filter(action="wagtail.edit").exists())
        self.assertIn("bo dia chi", self.old_pending.search_text)

    def test_edits_are_stored_nfc(self):
        import unicodedata

        self.client.force_login(self.moderator)
        decomposed = unicodedata.normalize("NFD", "Ý kiến  về\u200b đường")
        self.client.post(edit_url(self.old_pending), self.form_data(
            self.old_pending, title=decomposed, reply=unicodedata.normalize("NFD", "Cảm ơn")))
        self.old_pending.refresh_from_db()
        self.assertEqual(self.old_pending.title, "Ý kiến về đường")
        self.assertEqual(self.old_pending.reply, "Cảm ơn")

    def test_reply_is_logged_apart(self):
        self.client.force_login(self.moderator)
        data = self.form_data(self.old_pending, reply="Cảm ơn bạn đọc đã góp ý.")
        self.client.post(edit_url(self.old_pending), data)
        self.old_pending.refresh_from_db()
        self.assertEqual(self.old_pending.reply, "Cảm ơn bạn đọc đã góp ý.")
        self.assertIsNotNone(self.old_pending.replied_at)
        entry = log_entries(self.old_pending, "reply").get()
        self.assertEqual(entry.data["reply"], "Cảm ơn bạn đọc đã góp ý.")
        self.assertFalse(log_entries(self.old_pending, "edit").exists())

    def test_edit_writes_only_the_form_fields(self):
        self.client.force_login(self.moderator)
        data = self.form_data(self.old_pending, title="Ý kiến")
        Comment.objects.filter(pk=self.old_pending.pk).update(status=Comment.Status.REJECTED)
        self.client.post(edit_url(self.old_pending), data)
        self.old_pending.refresh_from_db()
        self.assertEqual((self.old_pending.title, self.old_pending.status),
                         ("Ý kiến", Comment.Status.REJECTED))

    def test_save_and_approve(self):
        self.client.force_login(self.moderator)
        data = self.form_data(self.old_pending, title="Ý kiến", **{"action-approve": "1"})
        self.client.post(edit_url(self.old_pending), data)
        self.old_pending.refresh_from_db()
        self.assertEqual((self.old_pending.title, self.old_pending.status),
                         ("Ý kiến", Comment.Status.APPROVED))
        actions = [entry.action for entry in log_entries(self.old_pending)]
        self.assertEqual(actions, ["toasoan.comment.edit", "toasoan.comment.approve"])

    def test_edit_form_offers_moderation_and_hides_phone(self):
        self.client.force_login(self.moderator)
        response = self.client.get(edit_url(self.old_pending))
        self.assertContains(response, 'name="action-approve"')
        self.assertContains(response, "Lưu và đánh dấu thư rác")
        self.assertContains(response, 'name="reply"')
        self.assertNotContains(response, 'name="phone"')
        self.assertNotContains(response, PHONE)
        self.assertNotContains(response, "Địa chỉ IP")

    def test_phone_posted_without_permission_is_ignored(self):
        self.client.force_login(self.moderator)
        self.client.post(edit_url(self.old_pending), self.form_data(self.old_pending,
                                                                  phone="0987654321"))
        self.old_pending.refresh_from_db()
        self.assertEqual(self.old_pending.phone, PHONE)

    def test_superuser_can_edit_phone_and_it_is_checked(self):
        self.client.force_login(self.superuser)
        response = self.client.get(edit_url(self.old_pending))
        self.assertContains(response, 'name="phone"')
        self.assertContains(response, PHONE)
        response = self.client.post(edit_url(self.old_pending),
                                    self.form_data(self.old_pending, phone="12345"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Số điện thoại không hợp lệ")
        self.client.post(edit_url(self.old_pending), self.form_data(self.old_pending, phone=""))
        self.old_pending.refresh_from_db()
        self.assertEqual(self.old_pending.phone, "")
        self.assertEqual(log_entries(self.old_pending, "edit").get().data["fields"], ["phone"])

    def test_delete_view_is_logged(self):
        self.client.force_login(self.moderator)
        pk = self.spam.pk
        url = reverse("toasoan_comments:delete", args=[pk])
        self.assertContains(self.client.get(url), "Xóa hẳn bình luận này?")
        self.client.post(url)
        self.assertFalse(Comment.objects.filter(pk=pk).exists())
        entry = ModelLogEntry.objects.get(object_id=str(pk), action="toasoan.comment.delete")
        self.assertEqual(entry.user, self.moderator)
        self.assertEqual(entry.message, "Xóa bình luận (trạng thái: Thư rác)")

    def test_reply_to_a_pending_comment_is_not_public(self):
        self.client.force_login(self.moderator)
        reply = "Ban biên tập xin trả lời riêng câu hỏi này."
        self.client.post(edit_url(self.old_pending), self.form_data(self.old_pending,
                                                                  reply=reply))
        self.client.logout()
        response = self.client.get(self.article.url)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, reply)
        self.assertNotContains(response, self.old_pending.title)

    def test_inspect_masks_phone(self):
        self.client.force_login(self.viewer)
        response = self.client.get(reverse("toasoan_comments:inspect", args=[self.old_pending.pk]))
        self.assertContains(response, MASKED)
        self.assertNotContains(response, PHONE)
        self.assertContains(response, "Nhiều liên kết (3 liên kết)")


class PermissionTests(ModerationData, TestCase):
    def test_editor_without_comment_permissions_is_turned_away(self):
        self.client.force_login(self.editor)
        urls = [LIST_URL, RESULTS_URL, edit_url(self.old_pending),
                reverse("toasoan_comments:inspect", args=[self.old_pending.pk]),
                moderate_url(self.old_pending, "approve"),
                reverse("toasoan_comments:history", args=[self.old_pending.pk]),
                reverse("toasoan_wordrules:list"), bulk_url("approve", self.old_pending)]
        for url in urls:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertIn(response.status_code, (302, 403))
                self.assertNotContains(response, "Nguyễn Văn An", status_code=response.status_code)
        self.client.post(moderate_url(self.old_pending, "approve"))
        self.client.post(bulk_url("approve", self.old_pending))
        self.client.post(edit_url(self.old_pending), {"name": "X", "title": "Y", "content": "Z"})
        self.old_pending.refresh_from_db()
        self.assertEqual((self.old_pending.status, self.old_pending.name),
                         (Comment.Status.PENDING, "Nguyễn Văn An"))

    def test_viewer_sees_the_queue_masked_but_cannot_act(self):
        self.client.force_login(self.viewer)
        response = self.client.get(LIST_URL)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, MASKED)
        self.assertNotContains(response, PHONE)
        self.assertNotContains(response, "/xu-ly/")
        self.assertIn(self.client.get(edit_url(self.old_pending)).status_code, (302, 403))
        self.client.post(moderate_url(self.old_pending, "approve"))
        self.client.post(bulk_url("approve", self.old_pending))
        self.client.post(bulk_url("delete", self.old_pending))
        self.old_pending.refresh_from_db()
        self.assertEqual(self.old_pending.status, Comment.Status.PENDING)
        self.assertFalse(log_entries(self.old_pending).exists())


class MenuTests(ModerationData, TestCase):
    def menu(self, user):
        request = RequestFactory().get("/admin/")
        request.user = user
        return {item.name: item for item in admin_menu.render_component(request)}

    def test_pending_count_in_the_menu(self):
        item = self.menu(self.superuser)["comments"]
        self.assertEqual(item.label, "Bình luận (2)")
        queue, words = item.menu_items
        self.assertEqual((queue.label, queue.url), ("Duyệt bình luận (2)", LIST_URL))
        self.assertEqual((words.label, words.url),
                         ("Từ bị lọc", reverse("toasoan_wordrules:list")))

    def test_moderator_without_word_rule_permissions_sees_the_queue_only(self):
        item = self.menu(self.moderator)["comments"]
        self.assertEqual([child.label for child in item.menu_items], ["Duyệt bình luận (2)"])

    def test_count_follows_the_queue(self):
        make_comment(self.article, "Thêm một ý kiến", vn_time(2026, 1, 11))
        self.assertEqual(self.menu(self.viewer)["comments"].label, "Bình luận (3)")
        Comment.objects.update(status=Comment.Status.APPROVED)
        self.assertEqual(self.menu(self.viewer)["comments"].label, "Bình luận")

    def test_no_menu_without_permission(self):
        self.assertNotIn("comments", self.menu(self.editor))

    def test_word_list_keepers_do_not_see_the_queue_nor_its_count(self):
        from django.contrib.auth.models import Permission

        self.editor.user_permissions.add(*Permission.objects.filter(codename__endswith="wordrule"))
        item = self.menu(self.editor)["comments"]
        self.assertEqual(item.label, "Bình luận")
        self.assertEqual([child.label for child in item.menu_items], ["Từ bị lọc"])

    def test_dashboard_summary(self):
        self.client.force_login(self.moderator)
        self.assertContains(self.client.get("/admin/"), "2 bình luận chờ duyệt")
        self.client.force_login(self.editor)
        self.assertNotContains(self.client.get("/admin/"), "bình luận chờ duyệt")


class WordRuleAdminTests(ModerationData, TestCase):
    def test_superuser_manages_word_rules(self):
        self.client.force_login(self.superuser)
        url = reverse("toasoan_wordrules:list")
        self.assertContains(self.client.get(url), "Chưa có từ nào trong danh sách.")
        response = self.client.post(reverse("toasoan_wordrules:add"),
                                    {"word": "lừa đảo", "kind": "suspect"})
        self.assertEqual(response.status_code, 302)
        rule = WordRule.objects.get()
        self.assertEqual((rule.word, rule.kind), ("lừa đảo", "suspect"))
        response = self.client.get(url)
        self.assertContains(response, "lừa đảo")
        self.assertContains(response, "Nghi vấn (giữ lại để xem xét)")
        self.assertContains(response, "Từ hoặc cụm từ")

    def test_comment_moderators_without_word_rule_permissions_do_not_see_them(self):
        self.client.force_login(self.moderator)
        self.assertIn(self.client.get(reverse("toasoan_wordrules:list")).status_code, (302, 403))


class WagtailRegistrationTests(TestCase):
    def test_log_actions_have_vietnamese_labels(self):
        from wagtail.log_actions import registry

        from toasoan.comments.moderation import LOG_ACTIONS

        for action, label in LOG_ACTIONS.items():
            self.assertTrue(registry.action_exists(action))
            self.assertEqual(registry.get_action_label(action), label)

    def test_group_permissions_offer_view_and_phone_but_not_add(self):
        from wagtail import hooks

        codenames = {
            permission.codename
            for hook in hooks.get_hooks("register_permissions")
            for permission in hook()
            if permission.content_type.app_label == "comments"
        }
        self.assertTrue({"view_comment", "change_comment", "delete_comment", "view_phone",
                         "add_wordrule", "change_wordrule", "delete_wordrule"} <= codenames)
        self.assertNotIn("add_comment", codenames)
