"""Wagtail's edit and delete actions for comments, routed through moderation.py.

Registered in Wagtail's action registry for `Comment`, so the admin's edit and delete
views (and anything else that edits through Wagtail) write `toasoan.comment.*` audit
entries instead of the generic `wagtail.edit` / `wagtail.delete`.
"""

from django.db import transaction
from wagtail.actions import DeleteAction, EditAction

from . import moderation


class CommentEditAction(EditAction):
    """Save a moderator's edit; record which fields changed, and the reply apart."""

    def __init__(self, instance, user=None, *, form=None, **kwargs):
        kwargs["log_action"] = None  # moderation.py writes the log
        super().__init__(instance, user, form=form, **kwargs)

    def _save_instance(self):
        if self.form is None:
            return super()._save_instance()
        # Only the form's fields: a full save would write back the status as it was
        # when the form was opened, undoing another moderator's decision unlogged.
        self.instance = self.form.save(commit=False)
        self.instance.save(update_fields=list(self.form.fields))

    @transaction.atomic
    def _edit(self, skip_permission_checks=False):
        self._clean_instance()
        changed = set(self.form.changed_data) if self.form is not None else set()
        self._save_instance()
        edited = changed - {"reply"}
        if edited or self.form is None:
            moderation.record_edit(self.instance, self.user, edited)
        if "reply" in changed:
            moderation.reply(self.instance, self.instance.reply, self.user)
        return self.instance


class CommentDeleteAction(DeleteAction):
    def _delete(self):
        moderation.delete(self.instance, self.user)
