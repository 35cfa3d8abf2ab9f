"""The comment endpoints: a fresh captcha, the form (with and without JavaScript)."""

from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from toasoan.news.models import ArticlePage

from .challenges import new_challenge
from .forms import CommentForm
from .models import CommentSettings
from .receiving import receive

SENT = "Cảm ơn bạn! Bình luận đã được gửi và sẽ hiển thị sau khi Ban biên tập duyệt."
FIX_ERRORS = "Bình luận chưa được gửi. Vui lòng sửa các ô được đánh dấu bên dưới."


def method_not_allowed(*allowed):
    return HttpResponseNotAllowed(
        allowed, content="Phương thức này không được hỗ trợ ở địa chỉ này.",
        content_type="text/plain; charset=utf-8",
    )


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


@never_cache
def challenge(request):
    """A new captcha (image, or `?kieu=cau-hoi` for the question), the signed time the
    form was shown, and a CSRF token, so the cached article page needs none of them."""
    if request.method != "GET":
        return method_not_allowed("GET")
    kind = "question" if request.GET.get("kieu") == "cau-hoi" else "image"
    return JsonResponse({**new_challenge(kind), "csrf_token": get_token(request)})


@never_cache
def comment_page(request, page_id):
    """GET: the form with its own captcha (works without JavaScript). POST: receive."""
    if request.method not in ("GET", "HEAD", "POST"):
        return method_not_allowed("GET", "HEAD", "POST")
    page = get_object_or_404(ArticlePage.objects.live().defer_streamfields(), pk=page_id)
    limits = CommentSettings.for_request(request)
    if request.method != "POST":
        kind = "question" if request.GET.get("kieu") == "cau-hoi" else "image"
        return _render(request, page, CommentForm(limits=limits), kind=kind)

    form = CommentForm(request.POST, limits=limits)
    if not form.is_valid():
        return _invalid(request, page, form)
    result, comment = receive(page, form, request)
    if comment is None:
        status = 429 if result.decisions[-1].rule.endswith("_rate") else 400
        if _wants_json(request):
            return JsonResponse({"ok": False, "message": result.message, "errors": {}},
                                status=status)
        form.add_error(None, result.message)
        return _render(request, page, form, status=status)
    if _wants_json(request):
        return JsonResponse({"ok": True, "message": SENT}, status=201)
    return _render(request, page, CommentForm(limits=limits), sent=True)


def _invalid(request, page, form):
    if _wants_json(request):
        errors = {field: [str(error) for error in errors] for field, errors in form.errors.items()}
        return JsonResponse({"ok": False, "message": FIX_ERRORS, "errors": errors}, status=400)
    return _render(request, page, form, status=400)


def _render(request, page, form, status=200, sent=False, kind="image"):
    if form.is_bound:
        # The captcha was used up by this attempt; the reader gets a new one.
        form.data = form.data.copy()
        form.data["captcha_1"] = ""
    context = {"page": page, "form": form, "challenge": new_challenge(kind), "sent": sent,
               "sent_message": SENT, "fix_errors": FIX_ERRORS}
    return render(request, "comments/comment_page.html", context, status=status)


def csrf_failure(request, reason=""):
    message = ("Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Vui lòng tải lại trang "
               "rồi gửi lại.")
    if _wants_json(request):
        return JsonResponse({"ok": False, "message": message, "errors": {}}, status=403)
    return HttpResponse(message, status=403, content_type="text/plain; charset=utf-8")


def privacy(request):
    limits = CommentSettings.for_request(request)
    return render(request, "comments/privacy.html", {"limits": limits})
