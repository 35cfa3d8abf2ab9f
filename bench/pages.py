"""Pages: requests a second toasoan serves, beside nginx serving the same HTML as a
static file, on this machine in one run.

    .venv/bin/python bench/pages.py [--database sqlite|postgresql] [--runs 3] [--seconds 8]

A deployment made from deploy/ as tests/deploy makes it (the systemd unit's
environment and command, nginx with deploy/nginx/toasoan.conf and a self-signed
certificate): the demo content plus the benchmark's article (20 newer/older links,
5 images, 30 approved comments), `toasoan serve` with its default workers. wrk
(2 threads, 32 connections) runs against each target in turn, `--runs` rounds
interleaved, and the medians are printed as a Markdown table:

1. nginx serving the article's HTML as a static file (HTTPS, the same server block);
2. the article through toasoan with its page cache warm, no front cache (plain HTTP
   to gunicorn, as nginx talks to it);
3. the article through nginx's front cache (HTTPS);
4. article, section and home pages rendered from scratch: a session cookie makes
   the page cache step aside, as for a signed-in editor;
5. with `--database postgresql` (PostgreSQL + Redis on this machine): comments
   accepted per second, each with its own captcha, and the count stored after.

Then the memory (RSS) of each server worker.
"""

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import requests  # noqa: E402
import urllib3  # noqa: E402
from tests.deploy.harness import HOST, Nginx, Server, environment, set_up_site  # noqa: E402
from tests.processes import scratch_postgres  # noqa: E402

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/12"
CONNECTIONS = 32
THREADS = 2
COMMENTS = 6000  # captchas prepared: more than the run can use

# The benchmark's article, built in the site's own process (`--prepare`).
PREPARE = """
import json
from django.utils import timezone
from datetime import timedelta
from tests.comments.moderation_setup import make_comment
from tests.factories import make_article, make_image
from toasoan.comments.models import Comment, CommentSettings
from toasoan.news.models import SectionPage
from toasoan.news.site import default_site

section = SectionPage.objects.live().order_by("path").first()
now = timezone.now()
images = [make_image(f"Ảnh đo tải {n}") for n in range(5)]
for n in range(10):
    make_article(section, f"Bài trước số {n + 1} về chương trình chuyển đổi số",
                 now - timedelta(days=30, hours=n))
body = [{"type": "text", "value": "<p>Đoạn mở đầu của bài đo tải.</p>" * 6}] + [
    {"type": "image", "value": {"image": image.pk, "caption": f"Ảnh minh hoạ số {n}"}}
    for n, image in enumerate(images[1:], start=1)]
article = make_article(section, "Huyện tổng kết năm thực hiện chuyển đổi số",
                       now - timedelta(days=29), image=images[0], caption="Quang cảnh hội nghị",
                       body=body, authors=("Trần Minh", "Lê Hoa"), tags=("Chuyển đổi số",))
for n in range(10):
    make_article(section, f"Bài sau số {n + 1} về cải cách hành chính",
                 now - timedelta(days=28, hours=-n))
for n in range(30):
    make_comment(article, f"Ý kiến bạn đọc số {n + 1}", now - timedelta(days=29),
                 status=Comment.Status.APPROVED)
limits = CommentSettings.for_site(default_site())
limits.min_seconds = 0
limits.per_ip_per_hour = 32767
limits.save()
print(json.dumps({"article": article.url, "id": article.pk, "section": section.url}))
"""

# wrk posting one prepared comment per request, counting the answers by status.
COMMENTS_LUA = """
local bodies = {}
for line in io.lines("%(bodies)s") do bodies[#bodies + 1] = line end
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  next_body = id + 1
end

function request()
  local body = bodies[next_body]
  next_body = next_body + %(threads)d
  if body == nil then body = bodies[1] end
  return wrk.format("POST", "%(path)s", nil, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("status %%d %%d\\n", status, count))
  end
end
"""


def wrk(url, seconds, headers=(), script=None, connections=CONNECTIONS):
    command = ["wrk", "-t", str(THREADS), "-c", str(connections), "-d", f"{seconds}s",
               "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", str(script)]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p50[2]]
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    statuses = {int(s): int(n) for s, n in re.findall(r"status (\d+) (\d+)", out)}
    return {"rate": rate, "p50_ms": float(p50[1]) * scale,
            "non_2xx": int(non_2xx[1]) if non_2xx else 0, "statuses": statuses}


class Bench:
    def __init__(self, options):
        self.options = options
        self.folder = Path(tempfile.mkdtemp(prefix="toasoan-bench-pages-"))
        self.nginx = Nginx(self.folder)
        self.cleanups = [lambda: shutil.rmtree(self.folder, ignore_errors=True)]
        settings = {"BASE_URL": f"https://{HOST}:{self.nginx.https_port}",
                    "ALLOWED_HOSTS": f"{HOST},127.0.0.1", "SECRET_KEY": "bench-" + "k" * 50,
                    "FRONT_CACHES": self.nginx.purge_url, "DATABASE_URL": None,
                    "REDIS_URL": None, "WORKERS": None}
        if options.database == "postgresql":
            url = os.environ.get("TOASOAN_DATABASE_URL", DEFAULT_POSTGRES_URL)
            settings["DATABASE_URL"], drop = scratch_postgres(url, "toasoan_bench_pages")
            self.cleanups.append(drop)
            settings["REDIS_URL"] = os.environ.get("TOASOAN_REDIS_URL", DEFAULT_REDIS_URL)
            import redis

            redis.Redis.from_url(settings["REDIS_URL"]).flushdb()
        self.database_url = settings["DATABASE_URL"]
        self.env = environment(self.folder / "data", **settings)
        self.env.pop("TOASOAN_WORKERS", None)  # `toasoan serve`'s own default
        self.server = None

    def python(self, code):
        result = subprocess.run([sys.executable, "-c", "import django; django.setup()\n" + code],
                                env={**self.env, "PYTHONPATH": str(REPO)}, cwd=REPO,
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(result.stderr[-3000:])
        return json.loads(result.stdout.strip().splitlines()[-1])

    def set_up(self):
        print("… setting up the site (demo content, the benchmark's article)", file=sys.stderr)
        set_up_site(self.env)
        self.pages = self.python(PREPARE)
        self.server = Server(self.env, self.folder / "server.log").start()
        self.cleanups.insert(0, self.server.stop)
        static = self.folder / "static-copy"
        static.mkdir()
        extra = f"    location /bench-static/ {{\n        alias {static}/;\n    }}"
        self.nginx.configure(self.folder / "data", [self.server], extra_locations=extra).start()
        self.cleanups.insert(0, self.nginx.stop)
        html = requests.get(f"{self.nginx.url}{self.pages['article']}", verify=False).text
        (static / "article.html").write_text(html, encoding="utf-8")
        self.html_bytes = len(html.encode())
        self.direct_headers = [f"Host: {HOST}:{self.nginx.https_port}",
                               "X-Forwarded-Proto: https"]

    def targets(self):
        direct = self.server.url
        uncached = [*self.direct_headers, "Cookie: sessionid=bench"]
        article, section = self.pages["article"], self.pages["section"]
        yield "1. nginx, static file", f"{self.nginx.url}/bench-static/article.html", []
        yield "2. toasoan, page cache warm", f"{direct}{article}", self.direct_headers
        yield "3. nginx front cache", f"{self.nginx.url}{article}", []
        yield "4. article, from scratch", f"{direct}{article}", uncached
        yield "4. section page, from scratch", f"{direct}{section}", uncached
        yield "4. home page, from scratch", f"{direct}/", uncached

    def run_pages(self):
        results = {}
        for round_number in range(self.options.runs):
            for name, url, headers in self.targets():
                # Warm: the first requests build the page and its renditions.
                requests.get(url, verify=False,
                             headers=dict(header.split(": ", 1) for header in headers))
                result = wrk(url, self.options.seconds, headers)
                if result["non_2xx"]:
                    raise SystemExit(f"{name}: {result['non_2xx']} answers not 2xx/3xx")
                results.setdefault(name, []).append(result)
                print(f"   round {round_number + 1} {name}: {result['rate']:,.0f} req/s",
                      file=sys.stderr)
        return results

    def prepare_comments(self, count):
        headers = {**dict(h.split(": ", 1) for h in self.direct_headers),
                   "X-Forwarded-For": "198.51.100.9"}
        url = f"{self.server.url}/binh-luan/ma-xac-nhan/"
        # The CSRF cookie is Secure (HTTPS behind nginx): sent by hand over plain HTTP, so
        # every token is made for the same cookie.
        first = requests.get(url, headers=headers)
        cookie = f"csrftoken={first.cookies['csrftoken']}"
        headers["Cookie"] = cookie
        challenges = [first.json()] + [requests.get(url, headers=headers).json()
                                       for _ in range(count - 1)]
        import psycopg

        with psycopg.connect(self.database_url) as conn:
            answers = dict(conn.execute(
                "SELECT hashkey, response FROM captcha_captchastore WHERE hashkey = ANY(%s)",
                [[c["key"] for c in challenges]]).fetchall())
        bodies = self.folder / "comments.txt"
        with bodies.open("w", encoding="utf-8") as out:
            for n, challenge in enumerate(challenges):
                out.write(urlencode({
                    "name": "Phạm Thu Hà", "phone": "", "consent": "on", "website": "",
                    "title": f"Góp ý số {n} về thủ tục hành chính",
                    "content": f"Đề nghị niêm yết rõ thời hạn giải quyết hồ sơ ({uuid.uuid4()}).",
                    "captcha_0": challenge["key"], "captcha_1": answers[challenge["key"]],
                    "shown": challenge["shown"], "csrfmiddlewaretoken": challenge["csrf_token"],
                }) + "\n")
        return bodies, [*self.direct_headers, f"Cookie: {cookie}",
                        f"Origin: {self.nginx.url}", "Accept: application/json",
                        "Content-Type: application/x-www-form-urlencoded",
                        "X-Forwarded-For: 198.51.100.9"]

    def comments_stored(self):
        import psycopg

        with psycopg.connect(self.database_url) as conn:
            return conn.execute("SELECT count(*) FROM comments_comment").fetchone()[0]

    def run_comments(self):
        results = []
        path = f"/binh-luan/bai/{self.pages['id']}/"
        for round_number in range(self.options.runs):
            print(f"   round {round_number + 1} comments: preparing {COMMENTS} captchas",
                  file=sys.stderr)
            bodies, headers = self.prepare_comments(COMMENTS)
            script = self.folder / "comments.lua"
            script.write_text(COMMENTS_LUA % {"bodies": bodies, "threads": THREADS, "path": path})
            before = self.comments_stored()
            result = wrk(f"{self.server.url}{path}", self.options.seconds, headers, script)
            time.sleep(1)
            result["stored"] = self.comments_stored() - before
            result["accepted"] = result["statuses"].get(201, 0)
            results.append(result)
            rate = result["accepted"] / self.options.seconds
            print(f"   round {round_number + 1} comments: {rate:,.0f}/s accepted, "
                  f"{result['stored']} stored, statuses {result['statuses']}", file=sys.stderr)
        return results

    def worker_memory(self):
        master = self.server.process.pid
        children = subprocess.run(["pgrep", "-P", str(master)], capture_output=True,
                                  text=True).stdout.split()
        sizes = []
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status)[1]) / 1024)
        return sizes

    def close(self):
        for cleanup in self.cleanups:
            try:
                cleanup()
            except Exception as error:  # noqa: BLE001 - report and go on cleaning
                print(f"cleanup: {error}", file=sys.stderr)


def report(bench, pages, comments, memory):
    print(f"## Pages: {bench.options.database}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, {bench.options.runs} runs of "
          f"{bench.options.seconds} s, wrk -t{THREADS} -c{CONNECTIONS}\n")
    print(f"Article page: {bench.html_bytes:,} bytes of HTML.\n")
    static = statistics.median(r["rate"] for r in pages["1. nginx, static file"])
    print("| target | requests/s (median) | runs | p50 latency | of static |")
    print("|---|---:|---|---:|---:|")
    for name, results in pages.items():
        rates = [r["rate"] for r in results]
        median = statistics.median(rates)
        latency = statistics.median(r["p50_ms"] for r in results)
        print(f"| {name} | {median:,.0f} | {', '.join(f'{r:,.0f}' for r in rates)} | "
              f"{latency:.1f} ms | {median / static:.0%} |")
    if comments:
        rates = [c["accepted"] / bench.options.seconds for c in comments]
        counts = ", ".join(f"{c['accepted']}/{c['stored']}" for c in comments)
        print(f"\nComments accepted per second (PostgreSQL): median "
              f"{statistics.median(rates):,.0f} ({', '.join(f'{r:,.0f}' for r in rates)}); "
              f"answered 201 / stored: {counts}.")
    print(f"\nMemory per worker (RSS after the runs): "
          f"{', '.join(f'{m:.0f} MB' for m in memory)}.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=8)
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    bench = Bench(options)
    try:
        bench.set_up()
        pages = bench.run_pages()
        comments = bench.run_comments() if options.database == "postgresql" else []
        memory = bench.worker_memory()
        report(bench, pages, comments, memory)
    finally:
        bench.close()


if __name__ == "__main__":
    main()
