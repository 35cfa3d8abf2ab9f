"""Periodic work without cron: scheduled publishing and unpublishing, comment
notifications and the personal-data purge, run beside the web workers.

Every server process runs a job thread (started by `toasoan.wsgi`); `toasoan worker`
runs the same loop alone. Each tick, a thread flushes its own process's view counts,
then tries to hold the site's job lease (a row in the database); only the holder
runs the site-wide jobs, so with several processes and several servers exactly one
runs them at a time. A holder renews the lease every tick; if it dies, another
process takes over once the lease expires.
"""

import logging
import os
import socket
import threading
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, Revision

from .models import JobLease

log = logging.getLogger(__name__)

LEASE = "site-jobs"
_START = uuid.uuid4().hex[:8]


def holder():
    """This process, among all the site's servers (a forked process has its own pid)."""
    return f"{socket.gethostname()}:{os.getpid()}:{_START}"


def lease_seconds():
    return 6 * settings.JOB_SECONDS


def hold_lease(name=None) -> bool:
    """Take or renew the site's job lease; True if this process (or `name`) has it now."""
    name = name or holder()
    now = timezone.now()
    lease = JobLease.objects.filter(name=LEASE).values_list("holder", "expires_at").first()
    if lease is None:
        JobLease.objects.get_or_create(name=LEASE)
    elif lease[0] != name and lease[1] is not None and lease[1] >= now:
        return False  # held by another: a read, not a write, on most ticks
    free = Q(holder=name) | Q(expires_at__isnull=True) | Q(expires_at__lt=now)
    taken = JobLease.objects.filter(free, name=LEASE).update(
        holder=name, expires_at=now + timedelta(seconds=lease_seconds())
    )
    return taken == 1


def release_lease(name=None) -> None:
    JobLease.objects.filter(name=LEASE, holder=name or holder()).update(holder="", expires_at=None)


def publish_scheduled():
    """Publish what is due and unpublish what has expired (Wagtail's own command)."""
    now = timezone.now()
    due = Revision.objects.filter(approved_go_live_at__lt=now).count()
    expired = Page.objects.filter(live=True, expire_at__lt=now).count()
    if due or expired:
        call_command("publish_scheduled")
        log.info("Theo giờ hẹn: xuất bản %d, gỡ %d (%s)", due, expired, holder())


def notify_moderators():
    from toasoan.comments.notifications import notify_moderators

    notify_moderators()


def purge_comment_data():
    from captcha.models import CaptchaStore

    from toasoan.comments.retention import purge

    purge()
    CaptchaStore.remove_expired()  # captchas shown and never answered


def refresh_most_read():
    """The home page's most-read list follows the view counts within five minutes
    (views are not edits: they bump nothing themselves)."""
    from toasoan.news.invalidation import most_read_changed

    most_read_changed()


# (job, how often in seconds; 0 = every tick)
SITE_JOBS = [(publish_scheduled, 0), (notify_moderators, 60), (refresh_most_read, 300),
             (purge_comment_data, 3600)]


class Runner:
    """One process's loop. `site_jobs=False` only flushes view counts (a web process
    in a deployment that runs `toasoan worker`)."""

    def __init__(self, site_jobs=True, flush_views=True):
        self.site_jobs = site_jobs
        self.flush_views = flush_views
        self.last_run = {}
        self.holding = False

    def tick(self):
        if self.flush_views:
            from toasoan.news.pagecache import bump
            from toasoan.news.viewcount import flush

            flush()
            bump()  # page-cache changes the store missed while it was down
        holding = self.site_jobs and hold_lease()
        if holding != self.holding:
            self.holding = holding
            log.info("%s %s", holder(), "chạy các tác vụ định kỳ" if holding
                     else "không còn giữ quyền chạy tác vụ định kỳ")
        if holding:
            self.run_due()

    def run_due(self):
        for job, every in SITE_JOBS:
            now = time.monotonic()
            if every and now - self.last_run.get(job.__name__, -every) < every:
                continue
            self.last_run[job.__name__] = now
            try:
                job()
            except Exception:
                log.exception("Periodic job %s failed; it will be retried", job.__name__)

    def loop(self, stop: threading.Event):
        interval = min(settings.JOB_SECONDS, settings.VIEW_FLUSH_SECONDS)
        while not stop.wait(interval):
            try:
                self.tick()
            except Exception:
                log.exception("Periodic jobs failed; they will be retried")
            finally:
                close_old_connections()


_thread = None
_stop = threading.Event()


def start_in_server():
    """Start this server process's job thread (idempotent)."""
    global _thread
    if _thread is not None and _thread.is_alive():
        return
    import atexit

    from toasoan.news.viewcount import flush

    runner = Runner(site_jobs=settings.SERVER_RUNS_JOBS)
    _thread = threading.Thread(target=runner.loop, args=(_stop,), name="toasoan-jobs",
                               daemon=True)
    _thread.start()
    atexit.register(flush)
