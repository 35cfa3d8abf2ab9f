"""What a moderator does to a comment; each action is written to Wagtail's audit log."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .models import Comment

Status = Comment.Status

# action name -> (status it sets, Vietnamese label for the audit log)
ACTIONS = {
    "approve": (Status.APPROVED, "Duyệt bình luận"),
    "reject": (Status.REJECTED, "Từ chối bình luận"),
    "spam": (Status.SPAM, "Đánh dấu thư rác"),
}
LOG_ACTIONS = {
    "toasoan.comment.approve": "Duyệt bình luận",
    "toasoan.comment.reject": "Từ chối bình luận",
    "toasoan.comment.spam": "Đánh dấu thư rác",
    "toasoan.comment.reply": "Trả lời bình luận",
    "toasoan.comment.edit": "Sửa bình luận",
    "toasoan.comment.delete": "Xóa bình luận",
}


def log_title(comment):
    """The audit log keeps this label for good: no reader's name, which may be erased."""
    return f"Bình luận #{comment.pk}"


def _log(comment, action, user, **data):
    log(comment, f"toasoan.comment.{action}", user=user, title=log_title(comment),
        data={"page": comment.page_id, **data})
    comments_changed(comment.page_id)


@transaction.atomic
def moderate(comment, action, user):
    """Approve, reject or mark as spam; returns False when nothing changed."""
    status, _label = ACTIONS[action]
    # The status as stored now (another moderator may have acted since this copy was read),
    # locked until the change commits, so the log's "from" is true.
    previous = (
        Comment.objects.select_for_update().filter(pk=comment.pk)
        .values_list("status", flat=True).first()
    )
    if previous is None or previous == status:
        return False
    comment.status = status
    comment.moderated_at = timezone.now()
    comment.moderated_by = user
    comment.save(update_fields=["status", "moderated_at", "moderated_by"])
    _log(comment, action, user, **{"from": previous, "to": status})
    return True


@transaction.atomic
def reply(comment, text, user):
    comment.reply = text.strip()
    comment.replied_at = timezone.now() if comment.reply else None
    comment.save(update_fields=["reply", "replied_at"])
    _log(comment, "reply", user, reply=comment.reply)


@transaction.atomic
def record_edit(comment, user, changed_fields):
    """Call after a moderator's edit (e.g. removing personal data) was saved."""
    _log(comment, "edit", user, fields=sorted(changed_fields))


@transaction.atomic
def delete(comment, user):
    _log(comment, "delete", user, status=comment.status)
    comment.delete()


def comments_changed(page_id):
    """Tell what shows a page's comments (page caches) once the change is committed,
    so nothing can re-cache the old state in between."""
    from .signals import comments_changed as signal

    transaction.on_commit(lambda: signal.send(sender=Comment, page_id=page_id))
