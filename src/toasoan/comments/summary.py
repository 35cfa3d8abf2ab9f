"""`N bình luận chờ duyệt` on the admin's dashboard, for those who moderate."""

from django.urls import reverse
from wagtail.admin.site_summary import SummaryItem

from .viewsets import can_see_queue, pending_count


class PendingCommentsSummaryItem(SummaryItem):
    order = 150
    template_name = "comments/admin/summary_pending.html"

    def is_shown(self):
        return can_see_queue(self.request.user)

    def get_context_data(self, parent_context):
        return {
            "count": pending_count(self.request),
            "url": reverse("toasoan_comments:list") + "?status=pending",
        }
