"""Bulk actions in the moderation queue: approve, reject, mark as spam, delete.

Each goes through moderation.py one comment at a time, so each lands in the audit log.
"""

from django.core.exceptions import PermissionDenied
from django.utils.functional import classproperty
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from . import moderation
from .models import Comment
from .queue import queue_queryset


class CommentBulkActionMixin:
    permission_required = "change"
    template_name = "comments/admin/confirm_bulk_action.html"
    no_access_message = "Bạn không có quyền xử lý các bình luận này"
    button_class = ""

    @property
    def question(self):
        return f"{self.display_name} những bình luận sau?"

    @classproperty
    def models(cls):
        return [Comment]

    def dispatch(self, request, *args, **kwargs):
        # Wagtail's bulk views list the objects one may not touch by name; for comments
        # (personal data) those without the permission see nothing at all.
        if not self.permission_policy.user_has_permission(request.user, self.permission_required):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all" keeps the listing's filters and search (they come along in the URL).
        return queue_queryset(self.request).values_list("pk", flat=True)

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    @property
    def subtitle(self):
        return f"{len(self.get_actionable_objects()[0])} bình luận"


class ModerateBulkAction(CommentBulkActionMixin, SnippetBulkAction):
    moderation_action = None  # a key of moderation.ACTIONS
    done = ""  # "Đã duyệt {} bình luận."

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", comment
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        changed = sum(moderation.moderate(comment, cls.moderation_action, user)
                      for comment in objects)
        return changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.done.format(num_parent_objects)


class ApproveBulkAction(ModerateBulkAction):
    display_name = "Duyệt"
    action_type = moderation_action = "approve"
    aria_label = "Duyệt các bình luận đã chọn"
    action_priority = 10
    done = "Đã duyệt {} bình luận."


class RejectBulkAction(ModerateBulkAction):
    display_name = "Từ chối"
    action_type = moderation_action = "reject"
    aria_label = "Từ chối các bình luận đã chọn"
    action_priority = 20
    done = "Đã từ chối {} bình luận."


class SpamBulkAction(ModerateBulkAction):
    display_name = "Thư rác"
    action_type = moderation_action = "spam"
    aria_label = "Đánh dấu các bình luận đã chọn là thư rác"
    action_priority = 25
    done = "Đã đánh dấu {} bình luận là thư rác."


class CommentDeleteBulkAction(CommentBulkActionMixin, DeleteBulkAction):
    """Replaces the snippets' bulk delete for comments (which deletes without logging)."""

    display_name = "Xóa"
    permission_required = "delete"
    aria_label = "Xóa các bình luận đã chọn"
    no_access_message = "Bạn không có quyền xóa các bình luận này"
    button_class = "serious"
    question = ("Xóa hẳn những bình luận sau? Không thể hoàn tác; việc xóa được ghi vào nhật ký. "
                "Muốn ẩn bình luận thì hãy từ chối thay vì xóa.")

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for comment in objects:
            moderation.delete(comment, user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"Đã xóa {num_parent_objects} bình luận."


BULK_ACTIONS = [ApproveBulkAction, RejectBulkAction, SpamBulkAction]
