"""The demo portal on a temporary data dir, served by the production server, for the
scripts of bench/ that look at it through a browser (lighthouse.py, screenshots.py).

The same steps as the end-to-end tests' `server` fixture: `toasoan setup --demo`, then
`toasoan serve` (gunicorn), on SQLite, on a free port of 127.0.0.1.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.deploy.harness import free_port, stop, tail, wait_until_up  # noqa: E402
from tests.processes import run_toasoan, toasoan_command  # noqa: E402


class DemoServer:
    """`with DemoServer() as server:` the demo on `server.url`; removed on exit."""

    def __init__(self, workers=2):
        self.workers = workers
        self.data_dir = Path(tempfile.mkdtemp(prefix="toasoan-bench-"))
        self.bind = f"127.0.0.1:{free_port()}"
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
        return run_toasoan(self.env, *args, timeout=timeout).stdout

    def sample_article_path(self):
        """The demo's sample article: the full shape of an article, with comments."""
        code = ("from toasoan.demo.models import DemoArticle; "
                "print(DemoArticle.objects.get(key='bai-mau').page.specific.url)")
        url = self.run_toasoan("shell", "--no-imports", "-c", code).strip().splitlines()[-1]
        return urlsplit(url).path

    def log_tail(self, limit=4000):
        return tail(self.data_dir / "server.log", limit)

    def __enter__(self):
        print(f"Setting up the demo in {self.data_dir} …", file=sys.stderr, flush=True)
        self.run_toasoan("setup", "--demo")
        log = self.data_dir / "server.log"
        with log.open("wb") as output:
            self.process = subprocess.Popen(
                toasoan_command("serve", "--bind", self.bind, "--workers", str(self.workers)),
                env=self.env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
            )
        try:
            wait_until_up(f"{self.url}/healthz", self.process, log)
        except AssertionError:
            self.__exit__()
            raise
        return self

    def __exit__(self, *_exc):
        stop(self.process, signal.SIGTERM)
        shutil.rmtree(self.data_dir, ignore_errors=True)
