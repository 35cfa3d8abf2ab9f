"""One deployment for the tests in this folder: nginx (deploy/nginx/toasoan.conf) in front
of toasoan servers started as deploy/systemd/toasoan.service starts them. On
PostgreSQL + Redis (a scratch database, a Redis database of its own) two servers, as
several machines would run them; on SQLite one."""

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
import urllib3

from tests.processes import is_postgres, scratch_postgres

from .harness import (
    HOST,
    REPO,
    Nginx,
    RedisServer,
    Server,
    environment,
    missing_tools,
    set_up_site,
)

PUBLIC_IP = "198.51.100.20"

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


@dataclass
class Deployment:
    env: dict
    nginx: Nginx
    servers: list = field(default_factory=list)
    database_url: str = ""
    redis: RedisServer | None = None

    @property
    def url(self):
        return self.nginx.url

    def change(self, *args):
        """Run tests.deploy.site_changes in a process of its own; its JSON answer."""
        result = subprocess.run([sys.executable, "-m", "tests.deploy.site_changes", *args],
                                env={**self.env, "PYTHONPATH": str(REPO)}, cwd=REPO,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr[-5000:]
        return json.loads(result.stdout.strip().splitlines()[-1])

    def get(self, path, **options):
        """GET through nginx, as a reader does."""
        options.setdefault("timeout", 15)
        return requests.get(f"{self.url}{path}", verify=False, **options)

    def direct(self, server, method, path, session=None, **options):
        """A request straight to one server, with the headers nginx would add."""
        headers = {"Host": f"{HOST}:{self.nginx.https_port}", "X-Forwarded-Proto": "https",
                   "X-Forwarded-For": PUBLIC_IP, **options.pop("headers", {})}
        options.setdefault("timeout", 15)
        return (session or requests).request(method, f"{server.url}{path}", headers=headers,
                                             allow_redirects=False, **options)


@pytest.fixture(scope="session")
def deployment(tmp_path_factory):
    if missing := missing_tools():
        if os.environ.get("CI"):
            pytest.fail(f"nginx is missing: {missing}")
        pytest.skip(f"nginx is missing: {missing}")
    folder = tmp_path_factory.mktemp("deployment")
    data_dir = folder / "data"
    nginx = Nginx(folder)
    settings = {"BASE_URL": f"https://{HOST}:{nginx.https_port}", "ALLOWED_HOSTS": HOST,
                "SECRET_KEY": "deployment-test-key-" + "x" * 40, "WORKERS": 2,
                "FRONT_CACHES": nginx.purge_url, "JOB_SECONDS": 1,
                "DATABASE_URL": None, "REDIS_URL": None}
    drop = redis = None
    database_url = os.environ.get("TOASOAN_DATABASE_URL", "")
    several = is_postgres(database_url) and bool(os.environ.get("TOASOAN_REDIS_URL"))
    if several:
        settings["DATABASE_URL"], drop = scratch_postgres(database_url, "toasoan_deploy")
        # A Redis of its own, which the fault tests stop and start.
        redis = RedisServer(folder).start()
        settings["REDIS_URL"] = redis.url
    env = environment(data_dir, **settings)
    deployment = Deployment(env=env, nginx=nginx, database_url=settings["DATABASE_URL"] or "",
                            redis=redis)
    try:
        set_up_site(env)
        for number in range(2 if several else 1):
            deployment.servers.append(Server(env, folder / f"server-{number}.log").start())
        nginx.configure(data_dir, deployment.servers).start()
        yield deployment
    finally:
        nginx.stop()
        for server in deployment.servers:
            server.stop()
        if redis:
            redis.stop()
        if drop:
            drop()


@pytest.fixture
def several(deployment):
    if len(deployment.servers) < 2:
        pytest.skip("several servers share PostgreSQL + Redis: run with TOASOAN_DATABASE_URL "
                    "and TOASOAN_REDIS_URL (.ci/run does)")
    return deployment


def server_log(path):
    return Path(path).read_text(errors="replace")[-5000:]
