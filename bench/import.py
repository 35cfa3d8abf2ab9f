"""Import: 100,000 generated articles from a WordPress export and from a folder of
text pages, into a fresh SQLite site with search indexing on.

The articles come from the syllable bigram model of `bench/search.py` (seeded: the
same corpus every run). Each import runs as `toasoan import …` in a child process
on its own scratch data directory; the figures are its wall time, articles/s and
the child's peak resident memory. A second run of the WordPress import over the
same site shows the cost of importing again (everything unchanged: skipped).

The baseline is the same WordPress import storing each new article the way
Wagtail's API does (`add_child`, `save_revision().publish()`: the importer's own
path for updates), on the first `--baseline` articles of the same file.

    .venv/bin/python bench/import.py [--articles 100000] [--format wxr|text|both]
                                     [--baseline 1000]
"""

import argparse
import html
import importlib.util
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = 20261128
SECTIONS = ["Tin tức", "Xây dựng Đảng", "Kinh tế", "Văn hóa - Xã hội", "An ninh - Quốc phòng"]
AUTHORS = ["Trường Giang", "Minh Anh", "Thu Hà", "Quốc Việt", "Lan Hương"]
TAGS = ["nông thôn mới", "chuyển đổi số", "cải cách hành chính", "an sinh xã hội",
        "giao thông", "giáo dục", "y tế", "môi trường"]


def corpus_model():
    spec = importlib.util.spec_from_file_location("bench_search", HERE / "search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SyllableModel(module.training_texts(), SEED)


def articles(model, count):
    rng = random.Random(SEED)
    start = datetime(2021, 1, 1, tzinfo=UTC)
    for number in range(1, count + 1):
        yield {
            "id": number,
            "title": model.line(8, 16),
            "lead": model.text(rng.randint(25, 45)),
            "paragraphs": [model.text(rng.randint(40, 120)) for _ in range(rng.randint(4, 9))],
            "caption": model.line(6, 14),
            "when": start + timedelta(minutes=37 * number),
            "section": SECTIONS[number % len(SECTIONS)],
            "tags": rng.sample(TAGS, 2),
            "author": AUTHORS[number % len(AUTHORS)],
            "comments": [model.text(rng.randint(10, 30)) for _ in range(rng.choice((0, 0, 1, 2)))],
        }


def write_wxr(path, items):
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"'
                  ' xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"'
                  ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
                  ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
                  ' xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
                  "<title>Cổng thông tin cũ</title><link>https://cu.example.vn</link>\n"
                  "<wp:wxr_version>1.2</wp:wxr_version>\n"
                  "<wp:base_site_url>https://cu.example.vn</wp:base_site_url>\n"
                  "<wp:base_blog_url>https://cu.example.vn</wp:base_blog_url>\n")
        for number, name in enumerate(AUTHORS, start=1):
            out.write(f"<wp:author><wp:author_id>{number}</wp:author_id>"
                      f"<wp:author_login><![CDATA[tacgia{number}]]></wp:author_login>"
                      f"<wp:author_display_name><![CDATA[{name}]]></wp:author_display_name>"
                      "</wp:author>\n")
        for item in items:
            login = f"tacgia{AUTHORS.index(item['author']) + 1}"
            when = item["when"]
            body = "\n\n".join(item["paragraphs"])
            out.write(
                f"<item><title>{html.escape(item['title'])}</title>"
                f"<link>https://cu.example.vn/?p={item['id']}</link>"
                f'<guid isPermaLink="false">https://cu.example.vn/?p={item["id"]}</guid>'
                f"<dc:creator><![CDATA[{login}]]></dc:creator>"
                f"<content:encoded><![CDATA[{body}]]></content:encoded>"
                f"<excerpt:encoded><![CDATA[{item['lead']}]]></excerpt:encoded>"
                f"<wp:post_id>{item['id']}</wp:post_id>"
                f"<wp:post_date>{when + timedelta(hours=7):%Y-%m-%d %H:%M:%S}</wp:post_date>"
                f"<wp:post_date_gmt>{when:%Y-%m-%d %H:%M:%S}</wp:post_date_gmt>"
                f"<wp:post_name>bai-{item['id']}</wp:post_name>"
                "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
                f'<category domain="category" nicename="c"><![CDATA[{item["section"]}]]></category>'
                + "".join(f'<category domain="post_tag" nicename="t"><![CDATA[{tag}]]></category>'
                          for tag in item["tags"])
                + "".join(
                    f"<wp:comment><wp:comment_id>{item['id'] * 10 + n}</wp:comment_id>"
                    "<wp:comment_author><![CDATA[Bạn đọc]]></wp:comment_author>"
                    f"<wp:comment_date_gmt>{when:%Y-%m-%d %H:%M:%S}</wp:comment_date_gmt>"
                    f"<wp:comment_content><![CDATA[{text}]]></wp:comment_content>"
                    "<wp:comment_approved>1</wp:comment_approved></wp:comment>"
                    for n, text in enumerate(item["comments"]))
                + "</item>\n"
            )
        out.write("</channel>\n</rss>\n")


def write_text(folder, items):
    for item in items:
        local = item["when"] + timedelta(hours=7)
        text = "\n\n".join([
            f"{item['title']} ({local:%H:%M %d/%m/%Y})",
            f"HNP - {item['lead']}",
            item["caption"],
            *item["paragraphs"],
            item["author"],
            "Các bài mới đăng",
            "Viết bình luận",
        ])
        (folder / f"{item['id']:06}.txt").write_text(text + "\n", encoding="utf-8")


def toasoan(data_dir, *args):
    """Run `toasoan …` in a child; return (seconds, its peak RSS in MB, its output)."""
    env = {**os.environ, "TOASOAN_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT / "src")}
    env.pop("TOASOAN_DATABASE_URL", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "toasoan.cli", *args], env=env,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if done.returncode:
        sys.exit(f"toasoan {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    # ru_maxrss of children is the largest of any child so far: compare with before.
    return seconds, (peak if peak > before else before) / 1024, done.stdout


BASELINE = """
import sys, django
django.setup()
from unittest import mock
from toasoan.importer import bulk
from toasoan.importer.readers.wxr import read_wxr
from toasoan.importer.saving import Importer
# Every batch "fails" to store together, so each article goes through Wagtail's
# publishing one at a time, as updates do.
with mock.patch.object(bulk, "create_articles", side_effect=RuntimeError("baseline")):
    summary = Importer().run(read_wxr(sys.argv[1]))
print(summary.report(1.0).splitlines()[1])
"""


def baseline(work, source, count):
    """Seconds to store the first `count` articles of `source` one at a time."""
    sample = work / "baseline.xml"
    with source.open(encoding="utf-8") as full, sample.open("w", encoding="utf-8") as out:
        items = 0
        for line in full:
            if line.startswith("<item>"):
                items += 1
                if items > count:
                    continue
            out.write(line)
    site = fresh_site(work)
    env = {**os.environ, "TOASOAN_DATA_DIR": str(site), "PYTHONPATH": str(ROOT / "src"),
           "DJANGO_SETTINGS_MODULE": "toasoan.settings"}
    env.pop("TOASOAN_DATABASE_URL", None)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", BASELINE, str(sample)], env=env,
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"baseline failed:\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - started


def fresh_site(work):
    data_dir = Path(tempfile.mkdtemp(prefix="site-", dir=work))
    toasoan(data_dir, "setup")
    return data_dir


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--format", choices=["wxr", "text", "both"], default="both")
    parser.add_argument("--baseline", type=int, default=1000, metavar="N",
                        help="articles stored one at a time for the baseline (0: none)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files and sites")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="toasoan-bench-import-"))
    print(f"## Import: {options.articles:,} articles, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, SQLite, seed {SEED}\n")
    try:
        started = time.perf_counter()
        model = corpus_model()
        rows = []
        if options.format in ("wxr", "both"):
            source = work / "export.xml"
            write_wxr(source, articles(model, options.articles))
            size = source.stat().st_size / 2**20
            print(f"   … WXR written: {size:,.0f} MB in {time.perf_counter() - started:,.0f} s",
                  flush=True)
            site = fresh_site(work)
            seconds, peak, out = toasoan(site, "import", "wxr", str(source))
            rows.append(("WXR 1.2, first import", seconds, peak, out))
            seconds, peak, out = toasoan(site, "import", "wxr", str(source))
            rows.append(("WXR 1.2, again (all unchanged)", seconds, peak, out))
            if options.baseline:
                count = min(options.baseline, options.articles)
                seconds = baseline(work, source, count)
                print(f"   … baseline: {count:,} articles one at a time through Wagtail's"
                      f" publishing: {seconds:,.0f} s, {count / seconds:,.0f} articles/s",
                      flush=True)
            source.unlink()
        if options.format in ("text", "both"):
            folder = work / "text"
            folder.mkdir()
            model = corpus_model()
            write_text(folder, articles(model, options.articles))
            site = fresh_site(work)
            seconds, peak, out = toasoan(site, "import", "text", str(folder))
            rows.append(("text pages, first import", seconds, peak, out))
        print("\n| import | time | articles/s | peak RSS |\n|---|---|---|---|")
        for name, seconds, peak, _out in rows:
            print(f"| {name} | {seconds:,.0f} s | {options.articles / seconds:,.0f} |"
                  f" {peak:,.0f} MB |")
        for name, _seconds, _peak, out in rows:
            print(f"\n{name}:\n{out.strip()}")
        worst = min(options.articles / seconds for name, seconds, _p, _o in rows
                    if "again" not in name)
        peak = max(peak for _n, _s, peak, _o in rows)
        print(f"\ntargets: ≥ 300 articles/s: {worst:,.0f} {'met' if worst >= 300 else 'MISSED'};"
              f" memory < 500 MB: {peak:,.0f} {'met' if peak < 500 else 'MISSED'}")
    finally:
        if options.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
