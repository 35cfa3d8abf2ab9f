"""Rights the page permissions alone don't give: a request to publish without the
right to is refused rather than quietly saved as a draft, and the page tree's
structure (home page, sections, the contact page) is for administrators only."""

from wagtail import hooks
from wagtail.models import Page

from toasoan.news.models import ContactPage, HomePage, SectionPage

from .denials import permission_denied

STRUCTURE = (HomePage, SectionPage, ContactPage)
NO_PUBLISH = "Bạn không có quyền xuất bản; hãy gửi duyệt."
NO_STRUCTURE = "Chỉ quản trị viên được thay đổi trang chủ, chuyên mục và trang liên hệ."


def _structure_refused(request, page_class, action):
    model = page_class._meta
    if issubclass(page_class, STRUCTURE) and not request.user.has_perm(
        f"{model.app_label}.{action}_{model.model_name}"
    ):
        return permission_denied(request, NO_STRUCTURE)
    return None


def _wants_publish(request):
    return request.method == "POST" and bool(request.POST.get("action-publish"))


def _publish_refused(request, may_publish):
    if _wants_publish(request) and not may_publish():
        return permission_denied(request, NO_PUBLISH)
    return None


@hooks.register("before_create_page")
def create(request, parent_page, page_class):
    rights = parent_page.permissions_for_user(request.user)
    return _structure_refused(request, page_class, "add") or _publish_refused(
        request, rights.can_publish_subpage
    )


@hooks.register("before_edit_page")
def edit(request, page):
    rights = page.permissions_for_user(request.user)
    return _structure_refused(request, page.specific_class, "change") or _publish_refused(
        request, rights.can_publish
    )


@hooks.register("before_delete_page")
@hooks.register("before_unpublish_page")
def delete_or_unpublish(request, page):
    return _structure_refused(request, page.specific_class, "delete")


@hooks.register("before_move_page")
def move(request, page, destination):
    return _structure_refused(request, page.specific_class, "change")


@hooks.register("before_copy_page")
def copy(request, page):
    return _structure_refused(request, page.specific_class, "add")


@hooks.register("before_bulk_action")
def bulk(request, action_type, objects, action_class_instance):
    for page in objects:
        if isinstance(page, Page):
            refused = _structure_refused(request, page.specific_class, "change")
            if refused is not None:
                return refused
    return None
