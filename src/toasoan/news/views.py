"""Small uncached endpoints beside the (cacheable) pages."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from . import viewcount
from .models import ArticlePage


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {settings.BASE_URL}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


# The article page is the same for every reader, so it carries no CSRF token;
# this endpoint only adds one to a counter, which a forged request cannot abuse
# beyond what a direct request could.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def article_views(request, page_id):
    """POST counts a view and answers the total; GET only answers it."""
    page = get_object_or_404(ArticlePage.objects.live(), pk=page_id)
    if request.method == "POST":
        viewcount.record(page.pk)
    return JsonResponse({"views": viewcount.total_views(page.pk)})
