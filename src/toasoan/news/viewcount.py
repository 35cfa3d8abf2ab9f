"""View counting that keeps article pages cacheable and off the database's hot path.

A page view is counted by a small request the article page makes; each server
process adds it to an in-memory buffer that its job thread (toasoan.newsroom.scheduler) writes
to the database every few seconds in one statement. A killed process loses at
most that interval's counts.
"""

import logging
import threading
from collections import Counter

from django.db import DatabaseError, connection, transaction
from django.db.models import Sum
from django.utils import timezone
from wagtail.models import Page

from .models import DailyViews

log = logging.getLogger(__name__)

_lock = threading.Lock()
_pending: Counter = Counter()


def record(page_id):
    """Count one view of `page_id` today (Vietnam time)."""
    with _lock:
        _pending[(page_id, timezone.localdate())] += 1


def pending_for(page_id):
    with _lock:
        return sum(n for (pid, _day), n in _pending.items() if pid == page_id)


def total_views(page_id):
    stored = DailyViews.objects.filter(page_id=page_id).aggregate(n=Sum("views"))["n"] or 0
    return stored + pending_for(page_id)


def flush():
    """Write the buffered counts in one statement; on failure they go back into the buffer."""
    global _pending
    with _lock:
        batch, _pending = _pending, Counter()
    if not batch:
        return 0
    try:
        with transaction.atomic():
            written = _upsert(batch)
    except DatabaseError:
        log.exception("Could not write %d buffered view counts; will retry", len(batch))
        with _lock:
            _pending.update(batch)
        return 0
    return written


def _upsert(batch):
    # Articles deleted since they were viewed would break the foreign key.
    ids = {page_id for page_id, _day in batch}
    existing = set(Page.objects.filter(pk__in=ids).order_by().values_list("pk", flat=True))
    rows = [(page_id, day, n) for (page_id, day), n in batch.items() if page_id in existing]
    if not rows:
        return 0
    table = connection.ops.quote_name(DailyViews._meta.db_table)
    placeholders = ", ".join(["(%s, %s, %s)"] * len(rows))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (page_id, day, views) VALUES {placeholders} "
            f"ON CONFLICT (page_id, day) DO UPDATE SET views = {table}.views + excluded.views",
            [value for row in rows for value in row],
        )
    return sum(n for _page_id, _day, n in rows)
