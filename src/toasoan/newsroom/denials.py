"""A refused admin action is a 403 page that says why.

Wagtail answers a `PermissionDenied` in its admin by redirecting to the dashboard
with a message (`wagtail.admin.auth.permission_denied`): a 302 that a script or a
reverse proxy reads as success, and a reader loses the page they were on. toasoan
answers 403 on the same URL, with the reason, in the admin's own layout."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

DEFAULT = "Rất tiếc, bạn không có quyền truy cập khu vực này."


def permission_denied(request, reason=""):
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied(reason)
    response = TemplateResponse(
        request, "newsroom/permission_denied.html", {"message": reason or DEFAULT}, status=403
    )
    return response.render()


def install():
    from wagtail.admin import auth

    auth.permission_denied = permission_denied
