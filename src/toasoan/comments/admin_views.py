"""The moderator's views of one comment: edit (and moderate), inspect, one action."""

from django.contrib.admin.utils import quote
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.views.snippets import DeleteView, EditView, InspectView

from toasoan.text import format_datetime

from . import moderation
from .flag_labels import describe_flags
from .models import Comment
from .queue import ACTION_BUTTONS, PHONE_PERMISSION

# what the moderator is told after each action
DONE = {
    "approve": "Đã duyệt bình luận “{}”.",
    "reject": "Đã từ chối bình luận “{}”.",
    "spam": "Đã đánh dấu bình luận “{}” là thư rác.",
}
SAVE_AND = {
    "approve": "Lưu và duyệt",
    "reject": "Lưu và từ chối",
    "spam": "Lưu và đánh dấu thư rác",
}
UNCHANGED = "Bình luận “{}” đã ở trạng thái “{}”."


def moderate_with_message(request, comment, action):
    if moderation.moderate(comment, action, request.user):
        messages.success(request, DONE[action].format(comment.title))
    else:
        messages.info(request, UNCHANGED.format(comment.title, comment.get_status_display()))


class SaveAndModerateMenuItem(ActionMenuItem):
    """`Lưu và duyệt` etc. in the edit view's action menu: saves the edits, then acts."""

    def __init__(self, action, order):
        super().__init__(order=order)
        self.action = action
        self.name = f"action-{action}"
        self.label = SAVE_AND[action]
        self.icon_name = ACTION_BUTTONS[action][1]

    def is_shown(self, context):
        instance = context.get("instance")
        status, _label = moderation.ACTIONS[self.action]
        return context["view"] == "edit" and instance is not None and instance.status != status


def action_menu_hook(action, order):
    """For the `register_snippet_action_menu_item` hook, which takes one item per call."""

    def menu_item(model):
        return SaveAndModerateMenuItem(action, order) if model is Comment else None

    return menu_item


class CommentEditView(EditView):
    success_message = "Đã lưu bình luận “%(object)s”."

    def get_page_subtitle(self):
        return self.object.title

    def get_usage_url(self):
        return None  # comments are not referenced from anywhere

    def requested_action(self):
        return next((action for action in moderation.ACTIONS
                     if self.request.POST.get(f"action-{action}")), None)

    def save_instance(self):
        instance = super().save_instance()  # through editing.CommentEditAction
        if action := self.requested_action():
            moderation.moderate(instance, action, self.request.user)
        return instance

    def get_success_message(self):
        if action := self.requested_action():
            return DONE[action].format(self.object.title)
        return self.success_message % {"object": self.object.title}


class CommentDeleteView(DeleteView):
    """Deletes through editing.CommentDeleteAction, so moderation.delete logs it."""

    success_message = "Đã xóa bình luận “%(object)s”."
    confirmation_message = (
        "Xóa hẳn bình luận này? Không thể hoàn tác; việc xóa được ghi vào nhật ký. "
        "Muốn ẩn bình luận thì hãy từ chối thay vì xóa."
    )

    def get_page_subtitle(self):
        return self.object.title

    def get_usage_url(self):
        return None  # comments are not referenced from anywhere

    def get_success_message(self):
        return self.success_message % {"object": self.object.title}


class CommentInspectView(InspectView):
    def get_page_subtitle(self):
        return self.object.title

    def get_phone_display_value(self):
        if self.request.user.has_perm(PHONE_PERMISSION):
            return self.object.phone or "—"
        return self.object.masked_phone or "—"

    def get_page_display_value(self):
        return self.object.page.title

    def get_flags_display_value(self):
        return describe_flags(self.object) or "Đạt tất cả các bước kiểm tra."

    def get_created_at_display_value(self):
        return format_datetime(self.object.created_at)

    def get_moderated_at_display_value(self):
        value = self.object.moderated_at
        return format_datetime(value) if value else "—"

    def get_moderated_by_display_value(self):
        user = self.object.moderated_by
        return (user.get_full_name() or user.get_username()) if user else "—"

    def get_consent_at_display_value(self):
        return format_datetime(self.object.consent_at)

    def get_reply_display_value(self):
        return self.object.reply or "—"


class ModerateView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Approve, reject or mark as spam one comment: POST acts, GET asks first."""

    model = Comment
    permission_required = "change"
    template_name = "comments/admin/confirm_moderate.html"
    index_url_name = None
    edit_url_name = None
    header_icon = "comment"

    def setup(self, request, *args, pk, action, **kwargs):
        super().setup(request, *args, **kwargs)
        self.pk, self.action = pk, action

    @cached_property
    def object(self):
        # Looked up after the permission check (in dispatch), so that without the
        # permission one learns nothing, not even whether a comment exists.
        if self.action not in moderation.ACTIONS:
            raise Http404
        return get_object_or_404(Comment, pk=self.pk)

    def get_page_title(self):
        return ACTION_BUTTONS[self.action][0]

    def get_page_subtitle(self):
        return self.object.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": Comment._meta.verbose_name_plural},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    @cached_property
    def next_url(self):
        return get_valid_next_url_from_request(self.request) or reverse(self.index_url_name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            comment=self.object, action_label=ACTION_BUTTONS[self.action][0],
            next_url=self.next_url,
            edit_url=reverse(self.edit_url_name, args=(quote(self.object.pk),)),
        )
        return context

    def post(self, request, *args, **kwargs):
        moderate_with_message(request, self.object, self.action)
        return redirect(self.next_url)
