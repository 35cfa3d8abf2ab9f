"""Article lists shared by the home, section and tag pages."""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db.models import Prefetch, Sum
from django.utils import timezone
from wagtail.images import get_image_model


def articles_under(page):
    """Live articles anywhere below `page`, newest first, with their images ready."""
    article_model = apps.get_model("news", "ArticlePage")
    images = get_image_model().objects.prefetch_renditions()
    return (
        article_model.objects.live()
        .descendant_of(page)
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")
        .prefetch_related(Prefetch("image", queryset=images))
    )


def most_read(root, days=None, limit=5):
    """(article, views) for the most-viewed live articles of the last `days` days."""
    article_model = apps.get_model("news", "ArticlePage")
    daily_views = apps.get_model("news", "DailyViews")
    days = days or settings.MOST_READ_DAYS
    since = timezone.localdate() - timedelta(days=days - 1)
    live_ids = article_model.objects.live().descendant_of(root).values("pk")
    totals = list(
        daily_views.objects.filter(day__gte=since, page__in=live_ids)
        .values("page")
        .annotate(total=Sum("views"))
        .order_by("-total", "-page")[:limit]
    )
    pages = article_model.objects.defer_streamfields().in_bulk([row["page"] for row in totals])
    return [(pages[row["page"]], row["total"]) for row in totals if row["page"] in pages]
