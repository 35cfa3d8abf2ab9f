"""The moderator's edit form: what can be edited, and what is shown beside it."""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel

from toasoan.text import clean_line, format_datetime, normalize

from .flag_labels import raised_flags
from .phones import to_e164
from .queue import PHONE_PERMISSION


class CommentAdminForm(WagtailAdminModelForm):
    """Stores what moderators type as readers' text is stored: NFC, no invisible marks."""

    def clean_name(self):
        return clean_line(self.cleaned_data["name"])

    def clean_title(self):
        return clean_line(self.cleaned_data["title"])

    def clean_content(self):
        return normalize(self.cleaned_data["content"]).strip()

    def clean_reply(self):
        return normalize(self.cleaned_data.get("reply", "")).strip()

    def clean_phone(self):
        return to_e164(self.cleaned_data.get("phone", ""))


class CommentInfoPanel(Panel):
    """Read-only facts about the comment: status, time, checks, consent, origin."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "comments/admin/comment_info_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            comment = self.instance
            show_origin = self.request.user.has_perm(PHONE_PERMISSION)

            def when(value):
                return format_datetime(value) if value else ""

            context.update(
                comment=comment,
                created=when(comment.created_at),
                moderated=when(comment.moderated_at),
                replied=when(comment.replied_at),
                consented=when(comment.consent_at),
                flags=raised_flags(comment),
                show_origin=show_origin,
                article_url=comment.page.url if comment.page_id else "",
            )
            return context


edit_handler = ObjectList(
    [
        CommentInfoPanel(heading="Thông tin bình luận"),
        # disable_comments: Wagtail's editorial comments have no place on a reader's comment.
        FieldPanel("name", disable_comments=True),
        FieldPanel("phone", permission=PHONE_PERMISSION, disable_comments=True),
        FieldPanel("title", disable_comments=True),
        FieldPanel("content", disable_comments=True),
        FieldPanel(
            "reply", disable_comments=True,
            help_text="Câu trả lời chính thức, hiện dưới bình luận khi bình luận được duyệt.",
        ),
    ],
    base_form_class=CommentAdminForm,
)
