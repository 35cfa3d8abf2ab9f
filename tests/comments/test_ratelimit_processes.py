"""Rate limits hold across server processes: two processes counting the same IP at the
same moment allow exactly the limit between them, not the limit each."""

import json
import os
import subprocess
import sys

import pytest

from tests.processes import scratch_postgres

LIMIT = 10
CALLS_PER_PROCESS = 20
TIMEOUT = 300

SETUP = "import django; django.setup()\n"
MIGRATE = SETUP + "from django.core.management import call_command\n" \
                  "call_command('migrate', verbosity=0)"
# Both processes get ready (Django set up, connected), wait for each other, then count as
# fast as they can.
COUNT = SETUP + f"""
import json, pathlib, sys, time
from django.db import connection
from toasoan.comments.pipeline import _over_limit
connection.ensure_connection()
barrier = pathlib.Path(sys.argv[1])
(barrier / sys.argv[2]).touch()
deadline = time.monotonic() + 120
while len(list(barrier.iterdir())) < 2 and time.monotonic() < deadline:
    time.sleep(0.001)
allowed = [not _over_limit("ip", "203.0.113.7", {LIMIT}) for _ in range({CALLS_PER_PROCESS})]
print(json.dumps(allowed))
"""


@pytest.fixture
def environment(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "toasoan.settings",
           "TOASOAN_DATA_DIR": str(tmp_path / "data")}
    env.pop("TOASOAN_SECRET_KEY", None)  # both read the key migrate writes to the data dir
    database_url = os.environ.get("TOASOAN_DATABASE_URL", "")
    drop = None
    if database_url.startswith(("postgres://", "postgresql://")):
        env["TOASOAN_DATABASE_URL"], drop = scratch_postgres(database_url, "toasoan_ratelimit")
    try:
        yield env
    finally:
        if drop:
            drop()


def _python(code, env, *args):
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(process):
    out, err = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 0, err[-3000:]
    return out


def test_two_processes_share_one_ip_limit(environment, tmp_path):
    _finish(_python(MIGRATE, environment))
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    processes = [_python(COUNT, environment, str(barrier), f"ready-{n}") for n in range(2)]
    results = [json.loads(_finish(process).strip().splitlines()[-1]) for process in processes]

    assert [len(result) for result in results] == [CALLS_PER_PROCESS] * 2
    assert sum(sum(result) for result in results) == LIMIT
    # Within each process, once refused, always refused: the count only grows.
    for result in results:
        assert result == sorted(result, reverse=True)
