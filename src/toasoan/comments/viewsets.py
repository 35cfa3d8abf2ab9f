"""The "Bình luận" menu of the admin: the moderation queue and the word lists."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import path
from wagtail.admin.menu import MenuItem, SubmenuMenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem, SubMenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_forms import edit_handler
from .admin_views import CommentDeleteView, CommentEditView, CommentInspectView, ModerateView
from .models import Comment, WordRule
from .queue import QueueView


def pending_count(request):
    """Counted once per request, however many menu items show it."""
    if not hasattr(request, "_toasoan_pending_comments"):
        request._toasoan_pending_comments = Comment.objects.filter(
            status=Comment.Status.PENDING
        ).count()
    return request._toasoan_pending_comments


def can_see_queue(user):
    return policy_registry.get_by_type(Comment).user_has_any_permission(
        user, QueueView.any_permission_required
    )


def with_count(label, request):
    count = pending_count(request) if can_see_queue(request.user) else 0
    return f"{label} ({count})" if count else label


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Comments come from readers only: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "add"]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)


class QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_queue(request.user)

    def render_component(self, request):
        return LinkMenuItem(
            self.name, with_count(self.label, request), self.url, icon_name=self.icon_name,
            classname=self.classname, attrs=self.attrs,
        )


class CommentsMenuItem(SubmenuMenuItem):
    def render_component(self, request):
        return SubMenuItem(
            self.name, with_count(self.label, request), self.menu.render_component(request),
            icon_name=self.icon_name, classname=self.classname, attrs=self.attrs,
        )


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = "Duyệt bình luận"
    menu_name = "comment-queue"
    url_prefix = "binh-luan"
    url_namespace = "toasoan_comments"
    index_view_class = QueueView
    edit_view_class = CommentEditView
    delete_view_class = CommentDeleteView
    inspect_view_class = CommentInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "page", "name", "phone", "title", "content", "reply", "status", "flags",
        "created_at", "moderated_at", "moderated_by", "consent_at", "consent_version",
    ]
    copy_view_enabled = False
    add_to_reference_index = False  # comments go with their article; no usage tracking
    search_fields = ["search_text"]  # searched folded, see queue.search
    list_per_page = 50
    edit_handler = edit_handler
    menu_item_class = QueueMenuItem

    def get_permissions_to_register(self):
        # view (read-only moderators), change, delete and view_phone; never add.
        return Permission.objects.filter(content_type__app_label="comments",
                                         content_type__model="comment").exclude(
            codename="add_comment")

    @property
    def moderate_view(self):
        return self.construct_view(ModerateView)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("xu-ly/<int:pk>/<slug:action>/", self.moderate_view, name="moderate"),
        ]


class WordRuleViewSet(SnippetViewSet):
    model = WordRule
    icon = "cross"
    menu_label = "Từ bị lọc"
    menu_name = "comment-word-rules"
    url_prefix = "binh-luan/tu-loc"
    url_namespace = "toasoan_wordrules"
    index_results_template_name = "comments/admin/wordrule_index_results.html"
    list_display = ["word", "kind"]
    list_filter = ["kind"]
    search_fields = ["word"]
    copy_view_enabled = False
    add_to_reference_index = False


class CommentsViewSetGroup(SnippetViewSetGroup):
    items = (CommentViewSet, WordRuleViewSet)
    menu_label = "Bình luận"
    menu_name = "comments"
    menu_icon = "comment"
    menu_order = 250  # after Pages and Images/Documents, before Snippets (500)

    def get_menu_item(self, order=None):
        item = super().get_menu_item(order)
        return CommentsMenuItem(
            item.label, item.menu, name=item.name, icon_name=item.icon_name, order=item.order,
        )
