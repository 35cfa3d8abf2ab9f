"""How the moderators' actions on comments read in Wagtail's audit log."""

from wagtail.log_actions import LogFormatter

from .models import Comment
from .moderation import LOG_ACTIONS

_STATUS_LABELS = dict(Comment.Status.choices)
_FIELD_LABELS = {
    field.name: str(field.verbose_name) for field in Comment._meta.get_fields()
    if hasattr(field, "verbose_name")
}


def _status(value):
    return _STATUS_LABELS.get(value, value or "?")


class CommentLogFormatter(LogFormatter):
    def format_message(self, log_entry):
        data = log_entry.data or {}
        if "from" in data:
            return f"{self.label}: {_status(data['from'])} → {_status(data.get('to'))}"
        if "fields" in data:
            fields = ", ".join(_FIELD_LABELS.get(name, name) for name in data["fields"])
            return f"{self.label} ({fields})" if fields else self.label
        if "status" in data:
            return f"{self.label} (trạng thái: {_status(data['status'])})"
        if "reply" in data and not data["reply"]:
            return "Xóa câu trả lời của ban biên tập"
        return self.label


def register(actions):
    """For the `register_log_actions` hook."""
    for action, label in LOG_ACTIONS.items():
        formatter = type("_CommentLogFormatter", (CommentLogFormatter,), {"label": label})
        actions.register_action(action)(formatter)
