"""Periodic work done beside the web workers, in each server process.

View counts are flushed by every process (each has its own buffer); jobs that
must run once for the whole site take a lock in the shared cache first.
"""

import atexit
import logging
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django.db import close_old_connections

log = logging.getLogger(__name__)
_thread = None


def _once_per(name, seconds, job):
    """Run `job` if no process has run it in the last `seconds`."""
    if caches["shared"].add(f"job:{name}", time.time(), seconds):
        job()


def _site_jobs():
    from toasoan.comments.notifications import notify_moderators
    from toasoan.comments.retention import purge

    _once_per("notify-moderators", 60, notify_moderators)
    _once_per("purge-comment-data", 3600, purge)


def run_due(last_site_run):
    """One tick: flush view counts; every minute, the site-wide jobs."""
    from toasoan.news.viewcount import flush

    flush()
    if time.monotonic() - last_site_run >= 60:
        _site_jobs()
        return time.monotonic()
    return last_site_run


def _loop():
    last_site_run = 0.0
    while True:
        time.sleep(settings.VIEW_FLUSH_SECONDS)
        try:
            last_site_run = run_due(last_site_run)
        except Exception:
            log.exception("Periodic job failed; it will be retried")
        finally:
            close_old_connections()


def start():
    """Start this process's job thread (idempotent)."""
    global _thread
    if _thread is not None and _thread.is_alive():
        return
    from toasoan.news.viewcount import flush

    _thread = threading.Thread(target=_loop, name="toasoan-jobs", daemon=True)
    _thread.start()
    atexit.register(flush)
