"""The demo portal on a temporary data dir, served by the production server, for the
scripts of bench/ that look at it through a browser (lighthouse.py, screenshots.py).

The same steps as the end-to-end tests' `server` fixture: `toasoan setup --demo`, then
`toasoan serve` (gunicorn), on SQLite, on a free port of 127.0.0.1.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.processes import toasoan_command  # noqa: E402

START_TIMEOUT = 60


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DemoServer:
    """`with DemoServer() as server:` the demo on `server.url`; removed on exit."""

    def __init__(self, workers=2):
        self.workers = workers
        self.data_dir = Path(tempfile.mkdtemp(prefix="toasoan-bench-"))
        port = _free_port()
        self.bind = f"127.0.0.1:{port}"
        self.url = f"http://{self.bind}"
        self.env = {
            **os.environ,
            "TOASOAN_DATA_DIR": str(self.data_dir),
            "TOASOAN_BASE_URL": self.url,
            "TOASOAN_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "TOASOAN_DEBUG": "0",
            "TOASOAN_SERVE_MEDIA": "1",
        }
        for name in ("TOASOAN_DATABASE_URL", "TOASOAN_REDIS_URL"):
            self.env.pop(name, None)  # SQLite and the local cache: the default install
        self.process = None

    def run_toasoan(self, *args, timeout=600):
        result = subprocess.run(toasoan_command(*args), env=self.env, capture_output=True,
                                text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            raise RuntimeError(f"`toasoan {' '.join(args)}` failed:\n"
                               f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        return result.stdout

    def sample_article_path(self):
        """The demo's sample article: the full shape of an article, with comments."""
        code = ("from toasoan.demo.models import DemoArticle; "
                "print(DemoArticle.objects.get(key='bai-mau').page.specific.url)")
        url = self.run_toasoan("shell", "--no-imports", "-c", code).strip().splitlines()[-1]
        return urlsplit(url).path

    def log_tail(self, limit=4000):
        log = self.data_dir / "server.log"
        return log.read_text(errors="replace")[-limit:] if log.exists() else ""

    def __enter__(self):
        print(f"Setting up the demo in {self.data_dir} …", file=sys.stderr, flush=True)
        self.run_toasoan("setup", "--demo")
        log = (self.data_dir / "server.log").open("wb")
        self.process = subprocess.Popen(
            toasoan_command("serve", "--bind", self.bind, "--workers", str(self.workers)),
            env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited; see {self.data_dir / 'server.log'}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2):
                    return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        raise RuntimeError(f"the server did not start in {START_TIMEOUT} s")

    def __exit__(self, *_exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        shutil.rmtree(self.data_dir, ignore_errors=True)
