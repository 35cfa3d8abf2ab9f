"""Faults a site lives through: Redis stopped, PostgreSQL restarted under load."""

import os
import threading
import time
import uuid

import pytest
import requests

from tests.processes import is_postgres, run_toasoan

from .harness import POSTGRES_BIN, PostgresCluster, Server, environment
from .test_several_servers import send_direct

pytestmark = pytest.mark.deploy


def test_without_redis_pages_and_comments_go_on_and_caching_comes_back(several):
    deployment = several
    a, b = deployment.servers
    pages = deployment.change("pages")
    deployment.change("open-comments", "1000")
    ip = f"203.0.113.{uuid.uuid4().int % 200 + 20}"

    deployment.redis.stop()
    try:
        for server in (a, b):
            for path in (pages["article_url"], pages["section_url"], "/"):
                response = deployment.direct(server, "GET", path)
                assert response.status_code == 200, (path, response.status_code)
                assert response.headers.get("X-Cache") is None  # built, not kept
        sent = send_direct(deployment, a, b, pages["article"], "Góp ý khi Redis dừng", ip)
        assert sent.status_code == 201, sent.text
    finally:
        deployment.redis.start()

    # Back: the servers reconnect by themselves and keep pages again.
    deadline = time.monotonic() + 30
    while True:
        seen = [deployment.direct(a, "GET", pages["article_url"]).headers.get("X-Cache")
                for _ in range(2)]
        if seen[-1] == "hit":
            break
        assert time.monotonic() < deadline, seen
        time.sleep(0.5)


@pytest.fixture
def own_postgres(tmp_path):
    if not is_postgres(os.environ.get("TOASOAN_DATABASE_URL", "")):
        pytest.skip("runs in the PostgreSQL configuration (TOASOAN_DATABASE_URL)")
    if not (POSTGRES_BIN / "initdb").exists():
        pytest.fail(f"PostgreSQL's server programs are not in {POSTGRES_BIN}")
    cluster = PostgresCluster().create()
    try:
        yield cluster
    finally:
        cluster.destroy()


def test_a_postgresql_restart_under_load_fails_cleanly_and_recovers(tmp_path, own_postgres):
    env = environment(tmp_path / "data", DATABASE_URL=own_postgres.url, REDIS_URL=None,
                      BASE_URL="http://127.0.0.1:8000", ALLOWED_HOSTS="127.0.0.1,localhost",
                      SECRET_KEY="restart-test-" + "k" * 40, WORKERS=2, FRONT_CACHES=None)
    run_toasoan(env, "setup")
    server = Server(env, tmp_path / "server.log").start()
    statuses, stop = [], threading.Event()

    def reader():
        # A session cookie: every request is built from the database.
        while not stop.is_set():
            try:
                response = requests.get(f"{server.url}/", cookies={"sessionid": "x"},
                                        timeout=10)
                said = ("Hệ thống tạm thời gián đoạn" in response.text
                        and response.headers.get("Retry-After"))
                statuses.append(503 if response.status_code == 503 and said
                                else f"{response.status_code}: {response.text[:200]}"
                                if response.status_code != 200 else 200)
            except requests.RequestException as error:
                statuses.append(repr(error))

    threads = [threading.Thread(target=reader) for _ in range(3)]
    try:
        for thread in threads:
            thread.start()
        time.sleep(2)
        own_postgres.restart()
        time.sleep(3)
    finally:
        stop.set()
        for thread in threads:
            thread.join(30)
    after = [requests.get(f"{server.url}/", cookies={"sessionid": "x"}, timeout=10).status_code
             for _ in range(10)]
    server.stop()

    assert set(statuses) <= {200, 503}, sorted(set(map(str, statuses)))
    assert after == [200] * 10  # the same server process, no restart
