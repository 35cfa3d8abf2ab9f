"""One real production server (gunicorn + WhiteNoise) and one Chromium for the whole session.

The server runs in subprocesses on its own data dir and database, so these tests never
use pytest-django's database fixtures: they only talk HTTP to the server.
"""

import os
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.processes import toasoan_command

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SETUP_TIMEOUT = 600
START_TIMEOUT = 60
STOP_TIMEOUT = 15


@dataclass(frozen=True)
class Server:
    url: str
    data_dir: Path
    env: dict = field(default_factory=dict, repr=False, compare=False)

    def admin_password(self):
        return (self.data_dir / "demo-admin-password.txt").read_text().strip()

    def log_in(self, page, username="admin"):
        """Sign `page` in to the admin as the demo's administrator, or as one of its
        newsroom accounts (phongvien, bientap, lanhdao, kiemduyet: same password)."""
        page.context.clear_cookies()
        page.goto("/admin/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", self.admin_password())
        page.locator("form button[type=submit]").click()
        page.wait_for_url("**/admin/")

    def log_path(self):
        return self.data_dir / "server.log"

    def run_toasoan(self, *args, timeout=120):
        """Run `toasoan ARGS` on the server's data dir and database; return its output."""
        result = subprocess.run(toasoan_command(*args), env=self.env, capture_output=True,
                                text=True, timeout=timeout)
        if result.returncode != 0:
            pytest.fail(f"`toasoan {' '.join(args)}` failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _with_path(url, path):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=path))


def _e2e_postgres(url):
    """Create `<dbname>_e2e` beside the configured database; return (its URL, a dropper)."""
    import psycopg
    from psycopg import sql

    name = urlsplit(url).path.lstrip("/") or "postgres"
    e2e_name = f"{name}_e2e"
    statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(e2e_name))

    def run(*statements):
        with psycopg.connect(url, dbname="postgres", autocommit=True) as conn:
            for each in statements:
                conn.execute(each)

    run(statement, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(e2e_name)))
    return _with_path(url, f"/{e2e_name}"), lambda: run(statement)


def _e2e_redis(url):
    """Use another Redis database than the configured one (the last of Redis's 16, or the
    one before if that is the configured one), emptied before and after.

    Wagtail caches image renditions (file names) in the default cache; entries left by an
    earlier run would point at files of a data dir that no longer exists.
    """
    import redis

    db = int(urlsplit(url).path.lstrip("/") or 0)
    e2e_url = _with_path(url, f"/{14 if db == 15 else 15}")

    def flush():
        client = redis.Redis.from_url(e2e_url)
        try:
            client.flushdb()
        finally:
            client.close()

    flush()
    return e2e_url, flush


def _log_tail(path, limit=8000):
    text = path.read_text(errors="replace") if path.exists() else ""
    return text[-limit:]


def _wait_healthy(url, process, log):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited with {process.returncode}:\n{_log_tail(log)}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:  # not listening yet, or 503
            pass
        time.sleep(0.3)
    pytest.fail(f"server not healthy after {START_TIMEOUT} s:\n{_log_tail(log)}")


def _stop(process):
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Set up the demo portal in a temp data dir and serve it with 2 gunicorn workers."""
    data_dir = tmp_path_factory.mktemp("toasoan-e2e")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "TOASOAN_DATA_DIR": str(data_dir),
        "TOASOAN_BASE_URL": url,
        "TOASOAN_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "TOASOAN_DEBUG": "0",
        "TOASOAN_SERVE_MEDIA": "1",
        # Scheduled publishing checked every second, so its tests wait seconds, not minutes.
        "TOASOAN_JOB_SECONDS": "1",
    }
    cleanups = []
    try:
        database_url = os.environ.get("TOASOAN_DATABASE_URL", "")
        if database_url.startswith(("postgres://", "postgresql://")):
            env["TOASOAN_DATABASE_URL"], drop = _e2e_postgres(database_url)
            cleanups.append(drop)
        if os.environ.get("TOASOAN_REDIS_URL"):
            env["TOASOAN_REDIS_URL"], flush = _e2e_redis(os.environ["TOASOAN_REDIS_URL"])
            cleanups.append(flush)

        setup = subprocess.run(
            toasoan_command("setup", "--demo"),
            env=env,
            capture_output=True,
            text=True,
            timeout=SETUP_TIMEOUT,
        )
        if setup.returncode != 0:
            pytest.fail(f"`toasoan setup --demo` failed:\n{setup.stdout}\n{setup.stderr}")

        log = data_dir / "server.log"
        with log.open("wb") as log_file:
            process = subprocess.Popen(
                toasoan_command("serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"),
                env=env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            _wait_healthy(url, process, log)
            yield Server(url=url, data_dir=data_dir, env=env)
        finally:
            _stop(process)
    finally:
        for cleanup in reversed(cleanups):
            cleanup()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing; install it with `apt-get install chromium`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser, server):
    """Open a tab in a fresh browser context (own cookies) whose relative URLs go to the
    server; `locale` etc. are passed on to the context. Contexts close after the test."""
    contexts = []

    def open_page(**options):
        context = browser.new_context(base_url=server.url, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A reader's tab, with the browser's default (English) language: the public site
    must be Vietnamese whatever the reader's browser asks for."""
    return new_page()


@pytest.fixture(scope="session")
def artifacts(pytestconfig):
    path = pytestconfig.rootpath / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture(scope="session")
def latest_urls(browser, server):
    """Article paths of the home page's "Tin mới" list, in order."""
    context = browser.new_context(base_url=server.url)
    try:
        tab = context.new_page()
        tab.goto("/")
        links = tab.locator("section.latest .item-title a")
        urls = [links.nth(i).get_attribute("href") for i in range(links.count())]
    finally:
        context.close()
    assert len(urls) >= 3, "the home page's 'Tin mới' list should hold several articles"
    return urls


@pytest.fixture(scope="session")
def article_url(latest_urls):
    return latest_urls[0]


@pytest.fixture(scope="session")
def node_modules():
    """The Node tools of package.json (axe-core, vnu-jar, Lighthouse), installed with
    `npm ci` when missing or older than package-lock.json. Without node, npm or java:
    a failure under CI=1, a skip otherwise."""
    from tests.e2e import checks

    return checks.install_node_modules()


@pytest.fixture(scope="session")
def public_pages(server):
    """Name -> path of the pages every accessibility and validity check covers: home,
    a section, the sample article (approved comments, the comment form), search results,
    the 404 page and the contact page."""
    from tests.e2e import checks

    with urllib.request.urlopen(f"{server.url}/", timeout=30) as response:
        home = response.read().decode()
    return checks.public_pages(server, home)
