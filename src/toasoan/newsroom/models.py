from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from wagtail.models import AbstractGroupApprovalTask, TaskState


class ApprovalTask(AbstractGroupApprovalTask):
    """A workflow step approved by the members of its groups, but never by the person
    who submitted the article, and only once however many approvers click at once."""

    def _is_requester(self, obj, user):
        state = getattr(obj, "current_workflow_state", None)
        return state is not None and state.requested_by_id == user.pk

    def get_actions(self, obj, user):
        if self._is_requester(obj, user):
            return []
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user)

    def on_action(self, task_state, user, action_name, **kwargs):
        with transaction.atomic():
            # Two approvers clicking together: the second waits here, then finds the
            # step already decided and changes nothing.
            current = TaskState.objects.select_for_update().get(pk=task_state.pk)
            if current.status != TaskState.STATUS_IN_PROGRESS:
                raise PermissionDenied("Bước duyệt này đã được người khác xử lý.")
            return super().on_action(current.specific, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return (
            "Thành viên các nhóm được chọn duyệt bước này; người gửi duyệt không tự duyệt "
            "bài của mình."
        )

    class Meta:
        verbose_name = "Bước duyệt của tòa soạn"
        verbose_name_plural = "Bước duyệt của tòa soạn"


class JobLease(models.Model):
    """Which process runs the site's periodic jobs: whoever holds an unexpired lease."""

    name = models.CharField(max_length=50, primary_key=True)
    holder = models.CharField(max_length=200, blank=True)
    expires_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "Quyền chạy tác vụ định kỳ"
        verbose_name_plural = "Quyền chạy tác vụ định kỳ"

    def __str__(self):
        return f"{self.name}: {self.holder or '—'}"
