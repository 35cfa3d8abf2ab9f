"""The moderation queue: the comment listing in the admin, its filters and its search."""

import django_filters
from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, StatusTagColumn, TitleColumn
from wagtail.admin.widgets.button import Button, ListingButton
from wagtail.snippets.views.snippets import IndexView

from toasoan.news.models import ArticlePage
from toasoan.text import fold, format_datetime

from .flag_labels import describe_flags, rule_label
from .models import Comment
from .moderation import ACTIONS

QUEUE_ORDER = "queue"  # pending first, then newest first
EXCERPT_CHARS = 80
PHONE_PERMISSION = "comments.view_phone"

# action -> (button label, icon)
ACTION_BUTTONS = {
    "approve": ("Duyệt", "check"),
    "reject": ("Từ chối", "cross"),
    "spam": ("Thư rác", "warning"),
}
_PRIORITY = {action: position for position, action in enumerate(ACTION_BUTTONS, start=1)}


def search(queryset, query):
    """Every word of the query, folded, inside the comment's folded text."""
    for word in fold(query).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset


def _commented_articles(request):
    return ArticlePage.objects.filter(
        pk__in=Comment.objects.values("page_id")
    ).order_by("-first_published_at", "-pk")


def _flag_choices():
    rules = set()
    stored = Comment.objects.exclude(flagged_rules="").order_by().values_list(
        "flagged_rules", flat=True
    )
    for value in stored.distinct():
        rules.update(value.split())
    return sorted(((rule, rule_label(rule)) for rule in rules), key=lambda choice: choice[1])


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Trạng thái", choices=Comment.Status.choices, empty_label="Tất cả",
        widget=forms.RadioSelect,
    )
    page = django_filters.ModelChoiceFilter(
        label="Bài viết", queryset=_commented_articles, empty_label="Tất cả bài viết",
    )
    flag = django_filters.ChoiceFilter(
        label="Cảnh báo", choices=_flag_choices, empty_label="Tất cả", method="filter_flag",
        widget=forms.RadioSelect,
    )
    created_at = django_filters.DateFromToRangeFilter(
        label="Ngày gửi", widget=DateRangePickerWidget,
    )

    class Meta:
        model = Comment
        fields = ["status", "page", "flag", "created_at"]

    def filter_flag(self, queryset, name, value):
        return queryset.filter(flagged_rules__contains=f" {value} ") if value else queryset


def queue_queryset(request):
    """The comments the listing shows for these query parameters (filters and search)."""
    queryset = CommentFilterSet(request.GET, Comment.objects.all(), request=request).qs
    return search(queryset, request.GET.get("q", ""))


def moderate_url(comment, action):
    return reverse("toasoan_comments:moderate", args=(comment.pk, action))


def moderate_button(comment, action, next_url, listing=False):
    """A button that POSTs the action (Wagtail's `w-action` controller adds the CSRF token)."""
    label, icon = ACTION_BUTTONS[action]
    attrs = {
        "data-controller": "w-action",
        "data-action": "w-action#post",
        "data-w-action-url-value": moderate_url(comment, action),
        "data-w-action-next-value": next_url,
        "aria-label": f"{label}: {comment.title}",
    }
    button_class = ListingButton if listing else Button
    return button_class(label, icon_name=icon, attrs=attrs, priority=_PRIORITY[action])


def moderate_buttons(comment, next_url):
    """The actions that would change the comment's status; approving a pending one is
    the first button, the rest go in the row's menu."""
    buttons = []
    for action, (status, _label) in ACTIONS.items():
        if comment.status != status:
            first = action == "approve" and comment.status == Comment.Status.PENDING
            buttons.append(moderate_button(comment, action, next_url, listing=first))
    return buttons


class QueueView(IndexView):
    page_title = "Duyệt bình luận"
    filterset_class = CommentFilterSet
    default_ordering = QUEUE_ORDER

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page")

    def order_queryset(self, queryset):
        if self.ordering != QUEUE_ORDER:
            return super().order_queryset(queryset)
        pending_first = Case(
            When(status=Comment.Status.PENDING, then=Value(0)), default=Value(1),
            output_field=IntegerField(),
        )
        return queryset.annotate(_queue_rank=pending_first).order_by(
            "_queue_rank", "-created_at", "-pk"
        )

    def search_queryset(self, queryset):
        return search(queryset, self.search_query) if self.is_searching else queryset

    @cached_property
    def no_results_message(self):
        if self.is_searching or self.is_filtering:
            return "Không có bình luận nào khớp với điều kiện tìm."
        return "Chưa có bình luận nào."

    @cached_property
    def columns(self):
        show_phone = self.request.user.has_perm(PHONE_PERMISSION)
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="snippet"),
            TitleColumn(
                "page", label="Bài viết", accessor="page.title", get_url=lambda c: c.page.url,
                link_attrs={"target": "_blank", "rel": "noopener"},
            ),
            Column("name", label="Họ tên", sort_key="name"),
            Column("phone", label="Số điện thoại",
                   accessor="phone" if show_phone else "masked_phone"),
            self._get_title_column("title"),
            Column("excerpt", label="Nội dung",
                   accessor=lambda c: Truncator(c.content).chars(EXCERPT_CHARS)),
            StatusTagColumn("status", label="Trạng thái", accessor="get_status_display",
                            primary=lambda c: c.status == Comment.Status.PENDING,
                            sort_key="status"),
            Column("flags", label="Cảnh báo", accessor=describe_flags),
            Column("created_at", label="Gửi lúc", sort_key="created_at",
                   accessor=lambda c: format_datetime(c.created_at)),
        ]

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("change"):
            params = self.request.GET.copy()
            params.pop("_w_filter_fragment", None)
            next_url = f"{self.index_url}?{params.urlencode()}" if params else self.index_url
            buttons += moderate_buttons(instance, next_url)
        return buttons
