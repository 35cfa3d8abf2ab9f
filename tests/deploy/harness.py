"""A production deployment on this machine, made from the files in `deploy/`: the
servers get the systemd unit's environment file and command lines, nginx gets the
site file, each with this machine's addresses and folders put in."""

import configparser
import os
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import requests

from tests.processes import run_toasoan, toasoan_command

REPO = Path(__file__).resolve().parents[2]
UNIT = REPO / "deploy/systemd/toasoan.service"
ENV_FILE = REPO / "deploy/systemd/toasoan.env"
NGINX_SITE = REPO / "deploy/nginx/toasoan.conf"
NGINX = "/usr/sbin/nginx"
PURGE_MODULE = "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so"
INSTALLED_TOASOAN = "/opt/toasoan/.venv/bin/toasoan"
HOST = "localhost"
START_TIMEOUT = 60


def missing_tools():
    """What this machine lacks to run a deployment, as the command that installs it."""
    if not (Path(NGINX).exists() and Path(PURGE_MODULE).exists()):
        return "apt-get install nginx libnginx-mod-http-cache-purge"
    return None


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def unit_command(key):
    """A command line of the systemd unit, run with this checkout's toasoan."""
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.read(UNIT)
    words = shlex.split(unit["Service"][key])
    assert words[0] == INSTALLED_TOASOAN, words
    return [*toasoan_command(), *words[1:]]


def environment(data_dir, **settings):
    """The unit's environment file, with the data dir and `settings` (TOASOAN_ names
    without the prefix) put in; the machine's own TOASOAN_ variables dropped."""
    env = {name: value for name, value in os.environ.items()
           if not name.startswith("TOASOAN_")}
    env["DJANGO_SETTINGS_MODULE"] = "toasoan.settings"
    for line in ENV_FILE.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, value = line.split("=", 1)
            env[name] = value.replace("/var/lib/toasoan", str(data_dir))
    for name, value in settings.items():
        key = f"TOASOAN_{name}"
        if value is None:
            env.pop(key, None)
        else:
            env[key] = str(value)
    return env


class Server:
    """One `toasoan serve` as the unit starts it, on its own port."""

    def __init__(self, env, log):
        self.port = free_port()
        self.env = {**env, "TOASOAN_BIND": f"127.0.0.1:{self.port}"}
        self.log = log
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(unit_command("ExecStart"), env=self.env,
                                            stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        wait_until_up(f"{self.url}/healthz", self.process, self.log, host=HOST)
        return self

    def kill(self):
        """As a crash or the OOM killer would: no chance to finish anything."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        stop(self.process, signal.SIGTERM)


def stop(process, how, seconds=15):
    """Ask a process (started in a session of its own) to stop; kill its group if it won't."""
    if process is None or process.poll() is not None:
        return
    process.send_signal(how)
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def wait_until_up(url, process, log, host=None):
    deadline = time.monotonic() + START_TIMEOUT
    headers = {"Host": host} if host else {}
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"exited with {process.returncode}:\n{tail(log)}")
        try:
            response = requests.get(url, timeout=2, verify=False, headers=headers)
            if response.status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} not up after {START_TIMEOUT} s:\n{tail(log)}")


def tail(path, limit=6000):
    path = Path(path)
    return path.read_text(errors="replace")[-limit:] if path.exists() else ""


def self_signed_certificate(folder):
    key, cert = folder / "privkey.pem", folder / "fullchain.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", f"/CN={HOST}", "-keyout", key, "-out", cert],
                   check=True, capture_output=True)
    return key, cert


class Nginx:
    """nginx running deploy/nginx/toasoan.conf (its addresses known before the servers
    start, which must know them; `configure` puts the servers in)."""

    def __init__(self, folder):
        self.folder = folder
        self.http_port, self.https_port, self.purge_port = free_port(), free_port(), free_port()
        self.process = None

    def configure(self, data_dir, servers, extra_locations=""):
        """Write the config; `extra_locations` go in the HTTPS server (a benchmark's own)."""
        folder = self.folder
        key, cert = self_signed_certificate(folder)
        upstream = "".join(f"    server 127.0.0.1:{server.port} max_fails=1 fail_timeout=5s;\n"
                           for server in servers)
        site = NGINX_SITE.read_text()
        replacements = [
            ("    server 127.0.0.1:8000 max_fails=1 fail_timeout=5s;\n", upstream),
            ("    listen [::]:80;\n", ""),
            ("    listen [::]:443 ssl http2;\n", ""),
            ("listen 80;", f"listen 127.0.0.1:{self.http_port};"),
            ("listen 443 ssl http2;", f"listen 127.0.0.1:{self.https_port} ssl http2;"),
            ("listen 127.0.0.1:6081;", f"listen 127.0.0.1:{self.purge_port};"),
            ("server_name congthongtin.example.gov.vn;", f"server_name {HOST};"),
            ("/etc/ssl/toasoan/fullchain.pem", str(cert)),
            ("/etc/ssl/toasoan/privkey.pem", str(key)),
            ("/var/cache/nginx/toasoan", str(folder / "cache")),
            ("/var/lib/toasoan", str(data_dir)),
        ]
        if extra_locations:
            static = "    location /static/ {"
            replacements.append((static, f"{extra_locations}\n{static}"))
        for old, new in replacements:
            assert old in site, f"deploy/nginx/toasoan.conf no longer has {old!r}"
            site = site.replace(old, new)
        (folder / "site.conf").write_text(site)
        # As root, nginx's workers would become www-data, which cannot read the
        # test's folders.
        user = "user root;" if os.geteuid() == 0 else ""
        (folder / "nginx.conf").write_text(f"""
load_module {PURGE_MODULE};
{user}
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/site.conf;
}}
""")
        return self

    @property
    def url(self):
        return f"https://{HOST}:{self.https_port}"

    @property
    def purge_url(self):
        return f"http://127.0.0.1:{self.purge_port}"

    def start(self):
        log = self.folder / "nginx.out"
        with open(log, "ab") as out:
            self.process = subprocess.Popen(
                [NGINX, "-p", str(self.folder), "-c", str(self.folder / "nginx.conf")],
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        wait_until_up(f"{self.url}/healthz", self.process, self.folder / "error.log")
        return self

    def stop(self):
        stop(self.process, signal.SIGQUIT)  # nginx's graceful stop


def set_up_site(env):
    """The unit's ExecStartPre, then the demo content."""
    run_toasoan(env, *unit_command("ExecStartPre")[len(toasoan_command()):])
    run_toasoan(env, "load_demo")


class RedisServer:
    """A Redis of the deployment's own, which a test may stop and start again."""

    def __init__(self, folder):
        self.folder = folder
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            time.sleep(0.1)
        raise AssertionError("redis-server did not start")

    def stop(self):
        stop(self.process, signal.SIGTERM)


POSTGRES_BIN = Path("/usr/lib/postgresql/15/bin")


class PostgresCluster:
    """A PostgreSQL server of the test's own (initdb in a temporary folder), which a
    test may restart under load."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="toasoan-pg-"))
        self.port = free_port()

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *command):
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=120)

    def create(self):
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self._run(str(POSTGRES_BIN / "initdb"), "-D", str(self.folder / "data"), "-U",
                  "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        return self.start()

    def pg_ctl(self, action, *extra):
        self._run(str(POSTGRES_BIN / "pg_ctl"), action, "-D", str(self.folder / "data"),
                  "-w", "-l", str(self.folder / "log"),
                  "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1",
                  *extra)

    def start(self):
        self.pg_ctl("start")
        return self

    def restart(self):
        self.pg_ctl("restart", "-m", "fast")

    def destroy(self):
        try:
            self.pg_ctl("stop", "-m", "immediate")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)
