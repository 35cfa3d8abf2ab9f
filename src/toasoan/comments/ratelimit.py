"""Fixed-window counters in the database: atomic across processes and servers."""

import hashlib
import hmac
import time

from django.conf import settings
from django.db import connection

from .models import RateCount

WINDOW_SECONDS = 3600


def keyed_hash(value):
    """A stable, non-reversible key for an IP or a phone number."""
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]


def current_window(now=None):
    return int((now or time.time()) // WINDOW_SECONDS)


def hit(kind, value, now=None):
    """Count one more for `value` in this hour and return the new count."""
    window = current_window(now)
    key = f"{kind}:{keyed_hash(value)}:{window}"
    quote = connection.ops.quote_name
    table, key_col, window_col, count_col = (
        quote(name) for name in (RateCount._meta.db_table, "key", "window", "count")
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_col}, {window_col}, {count_col}) VALUES (%s, %s, 1) "
            f"ON CONFLICT ({key_col}) DO UPDATE SET {count_col} = {table}.{count_col} + 1 "
            f"RETURNING {count_col}",
            [key, window],
        )
        return cursor.fetchone()[0]


def forget(kind, value):
    """Remove every counter of `value` (erasure on request)."""
    RateCount.objects.filter(key__startswith=f"{kind}:{keyed_hash(value)}:").delete()


def purge_old(now=None):
    return RateCount.objects.filter(window__lt=current_window(now) - 1).delete()[0]
