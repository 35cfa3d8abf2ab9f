"""View counting: toasoan's buffered counter against a database write per view.

Runs both side by side in one process, on the database TOASOAN_DATABASE_URL names
(SQLite in a temporary data dir by default), in interleaved rounds, and prints the
median views per second of each and their ratio.

    .venv/bin/python bench/view_counting.py [--views 2000] [--rounds 5]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time


def setup_django():
    os.environ.setdefault("TOASOAN_DATA_DIR", tempfile.mkdtemp(prefix="toasoan-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toasoan.settings")
    os.environ.setdefault("TOASOAN_ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def make_article():
    from django.utils import timezone

    from toasoan.news.models import ArticlePage, SectionPage
    from toasoan.news.site import ensure_home

    home = ensure_home()
    section = SectionPage.objects.first() or home.add_child(
        instance=SectionPage(title="Đo hiệu năng")
    )
    article = ArticlePage(title="Bài đo lượt xem", lead="Sapo.", first_published_at=timezone.now())
    section.add_child(instance=article)
    article.save_revision().publish()
    return article


def write_per_view(page_id):
    """The baseline: what a naive counter does, one upsert per view."""
    from django.db import connection, transaction
    from django.utils import timezone

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO news_dailyviews (page_id, day, views) VALUES (%s, %s, 1) "
            "ON CONFLICT (page_id, day) DO UPDATE SET views = news_dailyviews.views + 1",
            [page_id, timezone.localdate()],
        )


def rate(fn, views):
    start = time.perf_counter()
    for _ in range(views):
        fn()
    return views / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--views", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    setup_django()
    from django.db import connection

    from toasoan.news import viewcount

    page_id = make_article().pk

    def buffered():
        viewcount.record(page_id)

    results = {"buffered (toasoan)": [], "write per view (baseline)": []}
    flush_times = []
    for _ in range(options.rounds):
        results["buffered (toasoan)"].append(rate(buffered, options.views))
        start = time.perf_counter()
        viewcount.flush()
        flush_times.append(time.perf_counter() - start)
        results["write per view (baseline)"].append(
            rate(lambda: write_per_view(page_id), options.views)
        )
    print(f"database: {connection.vendor}; {options.views} views a round, "
          f"{options.rounds} rounds, medians")
    for name, rates in results.items():
        print(f"  {name:28} {statistics.median(rates):>12,.0f} views/s")
    ratio = statistics.median(results["buffered (toasoan)"]) / statistics.median(
        results["write per view (baseline)"]
    )
    print(f"  ratio buffered / baseline    {ratio:>12,.1f}x")
    print(f"  flush of a round's buffer    {statistics.median(flush_times) * 1000:>12,.2f} ms "
          "(one statement)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
