"""Wiring of the moderators' side of comments into the Wagtail admin."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from . import audit
from .admin_views import action_menu_hook
from .bulk_actions import BULK_ACTIONS, CommentDeleteBulkAction
from .editing import CommentDeleteAction, CommentEditAction
from .models import Comment
from .moderation import ACTIONS
from .summary import PendingCommentsSummaryItem
from .viewsets import CommentPermissionPolicy, CommentsViewSetGroup

# Before anything asks the registry for Comment's policy (or a fallback is made).
register_permission_policy(Comment, CommentPermissionPolicy(Comment), exact_class=True)

register_snippet(CommentsViewSetGroup)

hooks.register("register_log_actions", audit.register)

for action_class in BULK_ACTIONS:
    hooks.register("register_bulk_action", action_class)
# Registered after the snippets' own bulk delete (order 0), which it replaces for comments.
hooks.register("register_bulk_action", CommentDeleteBulkAction, order=1)

for position, action in enumerate(ACTIONS):
    hooks.register("register_snippet_action_menu_item", action_menu_hook(action, 10 + position))


@hooks.register("register_actions")
def register_comment_actions(registry):
    registry.register(Comment, CommentEditAction)
    registry.register(Comment, CommentDeleteAction)


@hooks.register("construct_homepage_summary_items")
def add_pending_comments_summary(request, summary_items):
    summary_items.append(PendingCommentsSummaryItem(request))
