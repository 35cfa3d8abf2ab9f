"""Scheduled publishing through real processes: the server's own job threads, and
two `toasoan worker` processes sharing one database, one of them running the jobs
at a time."""

import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from tests.processes import toasoan_command

pytestmark = pytest.mark.e2e

WAIT = 30  # seconds; the jobs run every second here (TOASOAN_JOB_SECONDS=1)

SCHEDULE = """
import json
from datetime import timedelta
from django.utils import timezone
from toasoan.news.models import ArticlePage, SectionPage
section = SectionPage.objects.get(slug={section!r})
made = []
for n in range({count}):
    article = ArticlePage(
        title=f"{title} " + str(n + 1), lead="Tin hẹn giờ.", body=[], live=False,
        go_live_at=timezone.now() + timedelta(seconds={go_live}),
        expire_at=timezone.now() + timedelta(seconds={expire}) if {expire} else None,
    )
    section.add_child(instance=article)
    article.save_revision().publish()  # the go-live time is ahead: scheduled
    made.append(article.pk)
print(json.dumps(made))
"""

STATE = """
import json
from wagtail.models import Page, PageLogEntry
from toasoan.newsroom.models import JobLease
scheduled = PageLogEntry.objects.filter(action="wagtail.publish.scheduled")
pages = {{p.pk: [p.live, p.url, scheduled.filter(page=p).count()]
         for p in Page.objects.filter(pk__in={ids})}}
lease = JobLease.objects.filter(name="site-jobs").values_list("holder", flat=True).first()
print(json.dumps({{"pages": pages, "lease": lease}}))
"""


def toasoan_json(env, code):
    result = subprocess.run(toasoan_command("shell", "-v", "0", "-c", code), env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_for(check, what):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.5)
    pytest.fail(f"not within {WAIT} s: {what}")


def test_the_server_publishes_and_takes_down_on_time(server):
    [article] = toasoan_json(server.env, SCHEDULE.format(
        section="xay-dung-dang", count=1, title="Lịch tiếp công dân", go_live=10, expire=25))
    state = toasoan_json(server.env, STATE.format(ids=[article]))
    live, path, published = state["pages"][str(article)]
    url = server.url + path
    assert (live, published, status(url)) == (False, 0, 404)
    wait_for(lambda: status(url) == 200, "the scheduled article is public")
    listing = urllib.request.urlopen(server.url + "/xay-dung-dang/").read().decode()
    assert "Lịch tiếp công dân 1" in listing
    wait_for(lambda: status(url) == 404, "the expired article is taken down")
    state = toasoan_json(server.env, STATE.format(ids=[article]))
    assert state["pages"][str(article)][:1] == [False]


@pytest.fixture
def workers_site(server, tmp_path):
    """A database of its own (the server's own job threads would take the lease),
    migrated, with a home page and a section; two `toasoan worker` processes on it."""
    env = {**server.env, "TOASOAN_DATA_DIR": str(tmp_path)}
    drop = None
    database_url = server.env.get("TOASOAN_DATABASE_URL", "")
    if database_url:
        from tests.e2e.conftest import _e2e_postgres

        env["TOASOAN_DATABASE_URL"], drop = _e2e_postgres(database_url)
    processes = []
    try:
        subprocess.run(toasoan_command("migrate", "-v", "0"), env=env, check=True, timeout=300)
        toasoan_json(env, """
import json
from toasoan.news.site import ensure_home
from toasoan.news.models import SectionPage
home = ensure_home("Cổng thử")
section = SectionPage(title="Thời sự", slug="thoi-su")
home.add_child(instance=section)
section.save_revision().publish()
print(json.dumps(section.pk))
""")
        for n in range(2):
            log = (tmp_path / f"worker-{n}.log").open("w")
            processes.append(subprocess.Popen(
                toasoan_command("worker"), env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True, text=True,
            ))
        yield env, processes, [tmp_path / f"worker-{n}.log" for n in range(2)]
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        if drop:
            drop()


def running_jobs(logs):
    return [n for n, log in enumerate(logs) if "chạy các tác vụ định kỳ" in log.read_text()]


def test_two_workers_one_runs_the_jobs_and_the_other_takes_over(workers_site):
    env, processes, logs = workers_site
    wait_for(lambda: len(running_jobs(logs)) == 1, "one worker runs the jobs")
    ids = toasoan_json(env, SCHEDULE.format(
        section="thoi-su", count=5, title="Bản tin hẹn giờ", go_live=2, expire=0))

    def all_live():
        return all(page[0] for page in toasoan_json(env, STATE.format(ids=ids))["pages"].values())

    wait_for(all_live, "five scheduled articles published")
    state = toasoan_json(env, STATE.format(ids=ids))
    assert [page[2] for page in state["pages"].values()] == [1] * 5  # each published once
    [runner] = running_jobs(logs)
    other = 1 - runner
    assert "Theo giờ hẹn" not in logs[other].read_text()

    os.killpg(processes[runner].pid, signal.SIGKILL)  # dies holding the lease
    processes[runner].wait()
    [late] = toasoan_json(env, SCHEDULE.format(
        section="thoi-su", count=1, title="Tin sau khi đổi máy", go_live=1, expire=0))
    wait_for(lambda: other in running_jobs(logs), "the other worker takes over")
    wait_for(lambda: toasoan_json(env, STATE.format(ids=[late]))["pages"][str(late)][0],
             "the late article published by the other worker")

    processes[other].send_signal(signal.SIGTERM)
    assert processes[other].wait(15) == 0
    assert "Đã dừng." in logs[other].read_text()
    assert toasoan_json(env, STATE.format(ids=[late]))["lease"] == ""  # handed back
