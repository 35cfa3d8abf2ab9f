"""Search: toasoan's own index against Wagtail's stock database search backend.

Generates a corpus of Vietnamese articles from a syllable bigram model trained on the
demo content (seeded: the same corpus every run), inserts it in bulk as live
ArticlePages on a scratch database, builds both indexes, then runs one fixed mix of
reader queries through each, interleaved, each timed as a results page does it
(`count()`, the first 10, and for ours their highlighted titles and snippets).
Prints index build rate and size, peak RSS, query latency p50/p95/p99 and hits per
query, as Markdown tables.

    .venv/bin/python bench/search.py [--articles 100000] [--database sqlite|postgresql|both]

SQLite runs in a temporary TOASOAN_DATA_DIR. PostgreSQL runs in a database the
benchmark creates and drops: the one TOASOAN_DATABASE_URL names, by default
postgres://postgres@127.0.0.1:5432/toasoan_bench (its name must start with
toasoan_bench). `--keep` keeps either for a look afterwards.
"""

import argparse
import html
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/toasoan_bench"
SEED = 20261127
CHUNK = 2000  # articles generated and inserted at a time
STOCK_CHUNK = 1000  # what Wagtail's update_index uses
YEARS = 5

# The reader queries: 1, 2 and 4 words, each with and without marks (common and less
# common words; folded `dang`, `le`, `bao` collide with other common syllables),
# and quoted phrases.
QUERIES = [
    ("1 word", ["huyện", "huyen", "đảng", "dang", "học", "hoc", "lễ", "le",
                "khuyến", "khuyen", "bão", "bao"]),
    ("2 words", ["xây dựng", "xay dung", "đảng viên", "dang vien", "nông thôn",
                 "nong thon", "ngân sách", "ngan sach", "học bổng", "hoc bong",
                 "dâng hương", "dang huong", "thiên tai", "thien tai"]),
    ("4 words", ["cải cách hành chính", "cai cach hanh chinh", "an sinh xã hội",
                 "an sinh xa hoi", "dân quân tự vệ", "dan quan tu ve", "tiếp xúc cử tri",
                 "tiep xuc cu tri", "kết nạp đảng viên", "ket nap dang vien",
                 "học bổng học sinh nghèo", "hoc bong hoc sinh ngheo"]),
    ("phrase", ['"nông thôn mới"', '"nong thon moi"', '"xây dựng Đảng"', '"xay dung dang"']),
]

TOKEN_RE = re.compile(r"\d+(?:[.,/:]\d+)*%?|[^\W\d_]+|[^\w\s]")
WORD_RE = re.compile(r"[^\W\d_]+")
DROPPED = str.maketrans("", "", "“”\"()")  # paired marks a bigram chain cannot balance
SENTENCE_END = {".", "!", "?"}
JUMP = 0.05  # chance of a unigram draw instead of a bigram step: some variety


def has_mark(word):
    word = word.lower()
    return "đ" in word or any(
        unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", word)
    )


def training_texts():
    """The Vietnamese of the demo content: titles, leads, captions, paragraphs,
    quotes and reader comments, each once."""
    from toasoan.demo import content

    texts = []
    for article in content.articles(datetime(2026, 1, 1, tzinfo=UTC)):
        texts += [article.title, article.lead, article.caption]
        for kind, value in article.body:
            if kind == "quote":
                texts.append(value[0])
            elif isinstance(value, str):
                texts.append(value)
    for comment in content.COMMENTS:
        texts += [comment.title, *comment.content.split("\n"), comment.reply]
    return list(dict.fromkeys(text.translate(DROPPED) for text in texts if text))


class SyllableModel:
    """A bigram chain over syllables, numbers and punctuation, case kept."""

    def __init__(self, texts, seed):
        self.tokens = ["<s>", "</s>"]
        index = {}
        self.successors = [[], []]
        for text in texts:
            prev = 0
            for token in TOKEN_RE.findall(text):
                i = index.get(token)
                if i is None:
                    i = index[token] = len(self.tokens)
                    self.tokens.append(token)
                    self.successors.append([])
                self.successors[prev].append(i)
                prev = i
            self.successors[prev].append(1)
        self.is_word = [bool(WORD_RE.fullmatch(t)) for t in self.tokens]
        self.is_word[:2] = [False, False]
        self.is_end = [t in SENTENCE_END for t in self.tokens]
        self.words = [i for succ in self.successors for i in succ if self.is_word[i]]
        self.period = index["."]
        self.rng = random.Random(seed)
        self.counts = Counter()

    def run(self, syllables):
        """Token ids of about `syllables` syllables, sentences ended with a period."""
        rand, succ, words, is_word = self.rng.random, self.successors, self.words, self.is_word
        nwords = len(words)
        out = []
        append = out.append
        token = n = 0
        while n < syllables:
            if rand() < JUMP:
                token = words[int(rand() * nwords)]
            else:
                options = succ[token]
                token = options[int(rand() * len(options))]
                if token == 1:
                    if out and not self.is_end[out[-1]]:
                        append(self.period)
                    token = 0
                    continue
            append(token)
            n += is_word[token]
        if not self.is_end[out[-1]]:
            append(self.period)
        self.counts.update(out)
        return out

    def text(self, syllables):
        return _tidy(" ".join(map(self.tokens.__getitem__, self.run(syllables))))

    def line(self, low, high):
        """A title or caption: one capitalised line, no sentence punctuation."""
        ids = [i for i in self.run(self.rng.randint(low, high)) if not self.is_end[i]]
        text = _tidy(" ".join(map(self.tokens.__getitem__, ids))).strip(" ,;:-")
        return text[:1].upper() + text[1:]

    def share(self):
        """(share of syllables with a mark or đ, share with đ) in what was generated."""
        total = marked = d = 0
        for i, n in self.counts.items():
            if self.is_word[i]:
                total += n
                if has_mark(self.tokens[i]):
                    marked += n
                if "đ" in self.tokens[i].lower():
                    d += n
        return total, marked / total, d / total


_SPACE_BEFORE_RE = re.compile(r" ([,.;:!?%])")
_CAPITAL_RE = re.compile(r"(^|[.!?] )(\w)")


def _tidy(text):
    text = _SPACE_BEFORE_RE.sub(r"\1", text)
    return _CAPITAL_RE.sub(lambda m: m.group(1) + m.group(2).upper(), text)


def training_share(texts):
    words = [w for text in texts for w in WORD_RE.findall(text)]
    return (len(words), sum(map(has_mark, words)) / len(words),
            sum("đ" in w.lower() for w in words) / len(words))


# --------------------------------------------------------------------------- setup


def setup_django(database, keep):
    """Point the settings at a scratch database; return a clean-up function."""
    if database == "postgresql":
        url = os.environ.get("TOASOAN_DATABASE_URL", "") or DEFAULT_POSTGRES_URL
        parts = urlsplit(url)
        name = parts.path.lstrip("/")
        if not parts.scheme.startswith("postgres") or not name.startswith("toasoan_bench"):
            sys.exit(f"refusing to create and drop {url!r}: not a toasoan_bench* database")
        os.environ["TOASOAN_DATABASE_URL"] = url
        admin = urlunsplit(parts._replace(path="/postgres"))
        _postgres_admin(admin, f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
    else:
        os.environ.pop("TOASOAN_DATABASE_URL", None)
    data_dir = tempfile.mkdtemp(prefix="toasoan-bench-search-")
    os.environ["TOASOAN_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toasoan.settings")
    os.environ.setdefault("TOASOAN_ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)

    def clean_up():
        from django.db import connections

        connections.close_all()
        if keep:
            where = os.environ.get("TOASOAN_DATABASE_URL") or data_dir
            print(f"kept: {where}")
            return
        if database == "postgresql":
            _postgres_admin(admin, f'DROP DATABASE IF EXISTS "{name}"')
        shutil.rmtree(data_dir, ignore_errors=True)

    return clean_up


def _postgres_admin(url, *statements):
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


class PeakRss:
    """Peak resident memory of this process since the last reset (VmHWM, which
    /proc/self/clear_refs resets); the whole run's peak where that is not possible."""

    def reset(self):
        try:
            with open("/proc/self/clear_refs", "w") as f:
                f.write("5")
            self.resettable = True
        except OSError:
            self.resettable = False

    def peak_mb(self):
        return self._status("VmHWM:") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def current_mb(self):
        return self._status("VmRSS:")

    @staticmethod
    def _status(field):
        try:
            with open("/proc/self/status") as f:
                for line in f:
                    if line.startswith(field):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0


# --------------------------------------------------------------------------- corpus


def make_section():
    from toasoan.news.models import SectionPage
    from toasoan.news.site import ensure_home

    home = ensure_home()
    section = home.add_child(instance=SectionPage(title="Thời sự", slug="thoi-su"))
    section.save_revision().publish()
    return section


def insert_corpus(section, count, model, progress):
    """`count` live articles under `section`, in bulk: the page rows through
    bulk_create with tree paths made by hand, the rest with raw INSERTs."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Page

    from toasoan.demo import content
    from toasoan.news.models import ArticlePage, Tag
    from toasoan.text import slugify

    rng = model.rng
    tag_names = sorted({tag for a in content.articles(datetime(2026, 1, 1, tzinfo=UTC))
                        for tag in a.tags})
    Tag.objects.bulk_create([Tag(name=n, slug=slugify(n)) for n in tag_names])
    tag_ids = list(Tag.objects.filter(name__in=tag_names).values_list("pk", flat=True))
    content_type = ContentType.objects.get_for_model(ArticlePage)
    depth = section.depth + 1
    end = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)
    step = timedelta(days=365 * YEARS) / count
    body_sql = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
    sources = ["Theo Báo Lâm Hải", "Theo Đài Phát thanh và Truyền hình Lâm Hải",
               content.LOCAL_SOURCE]

    def uid():
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    for start in range(0, count, CHUNK):
        pages, rows = [], []
        for k in range(start + 1, min(start + CHUNK, count) + 1):
            title = model.line(8, 16)
            when = end - step * (count - k) - timedelta(seconds=rng.randrange(3600))
            pages.append(Page(
                title=title, draft_title=title, slug=f"bai-viet-{k}",
                path=Page._get_path(section.path, depth, k), depth=depth, numchild=0,
                live=True, has_unpublished_changes=False,
                url_path=f"{section.url_path}bai-viet-{k}/", content_type=content_type,
                locale_id=section.locale_id, translation_key=uid(),
                first_published_at=when, last_published_at=when,
            ))
            body = [{"type": "text", "id": uid(),
                     "value": f"<p>{html.escape(model.text(rng.randint(40, 90)), quote=False)}</p>"}
                    for _ in range(rng.randint(5, 12))]
            rows.append([
                model.text(rng.randint(30, 50)),
                model.line(10, 25) if rng.random() < 0.6 else "",
                f"Ảnh: {rng.choice(content.AUTHORS)}" if rng.random() < 0.3 else "",
                json.dumps(body, ensure_ascii=False),
                rng.choice(sources) if rng.random() < 0.3 else "",
                rng.sample(content.AUTHORS, rng.randint(1, 2)),
                rng.sample(tag_ids, rng.randint(0, 3)),
            ])
        with transaction.atomic(), connection.cursor() as cursor:
            Page.objects.bulk_create(pages, batch_size=500)
            articles, authors, tagged = [], [], []
            for page, row in zip(pages, rows, strict=True):
                articles.append([page.pk, *row[:5]])
                authors += [[n, name, page.pk] for n, name in enumerate(row[5])]
                tagged += [[page.pk, tag] for tag in row[6]]
            cursor.executemany(
                "INSERT INTO news_articlepage (page_ptr_id, lead, image_caption, image_credit,"
                f" body, source, image_id) VALUES (%s, %s, %s, %s, {body_sql}, %s, NULL)",
                articles,
            )
            cursor.executemany(
                "INSERT INTO news_articleauthor (sort_order, name, page_id) VALUES (%s, %s, %s)",
                authors,
            )
            cursor.executemany(
                "INSERT INTO news_articletag (content_object_id, tag_id) VALUES (%s, %s)", tagged
            )
        progress(start + len(pages))
    Page.objects.filter(pk=section.pk).update(numchild=count)


# --------------------------------------------------------------------------- indexes


def stock_backend():
    """Wagtail's database search backend as shipped, unconfigured, indexing what a
    stock ArticlePage declares (title, lead, body as written)."""
    from modelsearch.backends.database import SearchBackend
    from wagtail.models import Page
    from wagtail.search import index

    from toasoan.news.models import ArticlePage

    ArticlePage.search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
    ]
    return SearchBackend({})


def build_stock(backend):
    """What `update_index` does for ArticlePage: chunks of 1000 in pk order."""
    from toasoan.news.models import ArticlePage

    index = backend.get_index_for_model(ArticlePage)
    rebuilder = backend.rebuilder_class(index)
    index = rebuilder.start()
    index.add_model(ArticlePage)
    queryset = ArticlePage.get_indexed_objects().order_by("pk")
    count = 0
    while chunk := list(queryset[count:count + STOCK_CHUNK]):
        index.add_items(ArticlePage, chunk)
        count += len(chunk)
    rebuilder.finish()
    return count


def sizes():
    """Bytes on disk of (our index, the stock index, the articles themselves)."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_total_relation_size('search_searchdocument'),"
                " pg_total_relation_size('wagtailsearch_indexentry'),"
                " pg_total_relation_size('news_articlepage')"
                " + pg_total_relation_size('wagtailcore_page')"
            )
            return cursor.fetchone()

        def size(pattern):
            cursor.execute(
                "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN"
                " (SELECT name FROM sqlite_master WHERE tbl_name LIKE %s ESCAPE '!')",
                [pattern],
            )
            return cursor.fetchone()[0]

        return (size("search!_%"), size("wagtailsearch!_indexentry%"),
                size("news!_articlepage") + size("wagtailcore!_page"))


# --------------------------------------------------------------------------- queries


def ours(text):
    from toasoan.search.engine import search
    from toasoan.search.query import parse
    from toasoan.search.snippets import highlight, snippet

    query = parse(text)
    results = search(query)
    count = results.count()
    for document in results[:10]:  # what the results page shows of each
        highlight(document.title, query.units)
        snippet([document.lead, document.body, document.extra], query.units)
    return count


def ours_matches(text):
    """How many articles our index matches, uncounted by the results page (which
    stops counting at engine.COUNT_LIMIT); untimed."""
    from toasoan.search import engine
    from toasoan.search.query import parse

    results = engine.search(parse(text))
    matching = engine.matching(results.dialect, results.query)
    return engine._count(results.dialect, matching, results.filters, 10**9)


def stock(backend, text):
    from modelsearch.utils import parse_query_string

    from toasoan.news.models import ArticlePage

    _filters, query = parse_query_string(text)
    results = backend.search(query, ArticlePage.objects.live())
    count = results.count()
    list(results[:10])
    return count


class Budget:
    """At most `seconds` for what runs inside (a progress handler on SQLite, a
    statement timeout on PostgreSQL): the stock backend's queries can take minutes."""

    def __init__(self, seconds):
        from django.db import connection

        self.seconds, self.connection = seconds, connection

    def __enter__(self):
        self.connection.ensure_connection()
        if self.connection.vendor == "sqlite":
            deadline = time.perf_counter() + self.seconds
            self.connection.connection.set_progress_handler(
                lambda: time.perf_counter() > deadline, 20_000
            )
        else:
            with self.connection.cursor() as cursor:
                cursor.execute(f"SET statement_timeout = {int(self.seconds * 1000)}")

    def __exit__(self, *exc):
        if self.connection.vendor == "sqlite":
            self.connection.connection.set_progress_handler(None, 0)
        else:
            with self.connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")


def stock_within(backend, budget, text):
    """`stock()`, or None when it takes longer than the budget."""
    from django.db import OperationalError

    start = time.perf_counter()
    try:
        with Budget(budget):
            count = stock(backend, text)
    except OperationalError:
        return None
    return count if time.perf_counter() - start <= budget else None


class _Captured(Exception):
    pass


def stock_hits(backend, text):
    """The stock backend's hits on SQLite, counted straight from its FTS5 table with
    the MATCH expression it builds (its own count() joins that table in a nested loop,
    quadratic in the hits, and may not finish within the budget)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from toasoan.news.models import ArticlePage

    match = []

    def capture(execute, sql, params, many, context):
        match.extend(p for p in params or () if isinstance(p, str) and "} : " in p)
        if match:
            raise _Captured
        return execute(sql, params, many, context)

    if connection.vendor != "sqlite":
        return None
    try:
        with connection.execute_wrapper(capture):
            stock(backend, text)
    except _Captured:
        pass
    if not match:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM wagtailsearch_indexentry WHERE content_type_id = %s AND id IN"
            " (SELECT rowid FROM wagtailsearch_indexentry_fts"
            " WHERE wagtailsearch_indexentry_fts MATCH %s)",
            [ContentType.objects.get_for_model(ArticlePage).pk, match[0]],
        )
        return cursor.fetchone()[0]


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return (time.perf_counter() - start) * 1000, result


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[max(0, -(-len(ordered) * p // 100) - 1)]


def explain(text):
    """Each statement of our search for `text`, timed, with the database's plan."""
    from django.db import connection

    statements = []

    def record(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            statements.append((sql, params, (time.perf_counter() - start) * 1000))

    with connection.execute_wrapper(record):
        ours(text)
    prefix = ("EXPLAIN (ANALYZE, BUFFERS) " if connection.vendor == "postgresql"
              else "EXPLAIN QUERY PLAN ")
    for sql, params, ms in statements:
        print(f"\n-- {ms:.1f} ms\n{sql % tuple(repr(p) for p in params) if params else sql}")
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql, params)
            for row in cursor.fetchall():
                print("   ", " ".join(str(col) for col in row))


# --------------------------------------------------------------------------- main


def run(options):
    clean_up = setup_django(options.database, options.keep)
    try:
        return bench(options)
    finally:
        clean_up()


def bench(options):
    from django.db import connection

    from toasoan.news.models import ArticlePage
    from toasoan.search import indexing

    began = time.perf_counter()
    rss = PeakRss()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            db_name = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    else:
        import sqlite3

        db_name = f"SQLite {sqlite3.sqlite_version}"
    print(f"## {db_name}: {options.articles:,} articles, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, seed {SEED}")

    texts = training_texts()
    model = SyllableModel(texts, SEED)
    section = make_section()
    start = time.perf_counter()
    last = [start]

    def progress(done):
        if time.perf_counter() - last[0] > 30:
            last[0] = time.perf_counter()
            print(f"   … {done:,} articles inserted", flush=True)

    insert_corpus(section, options.articles, model, progress)
    insert_s = time.perf_counter() - start
    live = ArticlePage.objects.live().count()
    assert live == options.articles, live
    syllables, marked, d = model.share()
    t_words, t_marked, t_d = training_share(texts)
    print(f"corpus: {live:,} live ArticlePages (ArticlePage.objects.live().count()), "
          f"{syllables:,} syllables ({syllables // live:,} an article), "
          f"{len(model.tokens):,} distinct tokens; generated and inserted in {insert_s:.0f} s")
    print(f"corpus check: syllables with a mark or đ {marked:.1%}, with đ {d:.1%}; "
          f"training text ({t_words:,} syllables) {t_marked:.1%}, {t_d:.1%}")

    builds = {}
    rss_before = rss.current_mb()
    print("   … building both indexes", flush=True)
    rss.reset()
    start = time.perf_counter()
    indexed = indexing.rebuild()
    builds["ours"] = (time.perf_counter() - start, indexed, rss.peak_mb())
    backend = stock_backend()
    rss.reset()
    start = time.perf_counter()
    indexed = build_stock(backend)
    builds["stock"] = (time.perf_counter() - start, indexed, rss.peak_mb())
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # what autovacuum does soon after a bulk load
    ours_bytes, stock_bytes, articles_bytes = sizes()

    print("   … running the queries", flush=True)
    queries = [(cls, text) for cls, texts_ in QUERIES for text in texts_]
    budget = options.stock_budget
    hits, slow = {}, set()
    samples = {(side, text): [] for _cls, text in queries for side in ("ours", "stock")}

    def stock_timed(text):
        ms, count = timed(stock_within, backend, budget, text)
        if count is None:  # over budget: one sample, not repeated
            slow.add(text)
            ms = float("inf")
        samples["stock", text].append(ms)
        return count

    rss.reset()
    for _cls, text in queries:  # warm-up, and the hits
        count = stock_timed(text)
        if count is None:
            count = stock_hits(backend, text)
        else:
            samples["stock", text].clear()  # a warm-up, not a sample
        ours(text)
        hits[text] = (ours_matches(text), count)
    for round_ in range(options.rounds):
        for _cls, text in queries:
            sides = [lambda t: samples["ours", t].append(timed(ours, t)[0]), stock_timed]
            for side in sides if round_ % 2 == 0 else reversed(sides):
                if side is not stock_timed or text not in slow:
                    side(text)
    query_rss = rss.peak_mb()

    def ms(value):
        return f"> {budget * 1000:,.0f}" if value == float("inf") else f"{value:,.1f}"

    print()
    print("| index build | ours | stock Wagtail | ours / stock |")
    print("|---|---|---|---|")
    ours_rate = builds["ours"][1] / builds["ours"][0]
    stock_rate = builds["stock"][1] / builds["stock"][0]
    print(f"| time | {builds['ours'][0]:,.1f} s | {builds['stock'][0]:,.1f} s | "
          f"{builds['ours'][0] / builds['stock'][0]:.2f}× |")
    print(f"| rate | {ours_rate:,.0f} articles/s | {stock_rate:,.0f} articles/s | "
          f"{ours_rate / stock_rate:.2f}× |")
    print(f"| size on disk | {ours_bytes / 2**20:,.0f} MB | {stock_bytes / 2**20:,.0f} MB | "
          f"{ours_bytes / stock_bytes:.2f}× |")
    print(f"| peak RSS while building | {builds['ours'][2]:,.0f} MB | "
          f"{builds['stock'][2]:,.0f} MB | |")
    print(f"(articles themselves: {articles_bytes / 2**20:,.0f} MB on disk; RSS before building "
          f"{rss_before:,.0f} MB; peak RSS while "
          f"querying {query_rss:,.0f} MB; whole run {PeakRss().peak_mb():,.0f} MB"
          f"{'' if rss.resettable else ' (peaks are whole-run: VmHWM not resettable)'})")

    print()
    print(f"{len(queries)} queries × {options.rounds} warm rounds, ours and stock interleaved; "
          f"ms for a results page (ours: count, first 10, highlights and snippets; stock: "
          f"count, first 10); stock queries over {budget:g} s stopped after one run "
          f"({len(slow)} of {len(queries)}); hits: all matching articles")
    print()
    print("| queries | n | ours p50 | p95 | p99 | stock p50 | p95 | p99 | p95 stock/ours "
          "| ours hits | stock hits |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    classes = [(cls, [t for c, t in queries if c == cls]) for cls, _ in QUERIES]
    classes += [
        ("with marks", [t for _c, t in queries if any(map(has_mark, t.split()))]),
        ("without marks", [t for _c, t in queries if not any(map(has_mark, t.split()))]),
        ("all", [t for _c, t in queries]),
    ]
    worst = 0.0
    for cls, texts_ in classes:
        row = [cls, str(len(texts_))]
        p95s = []
        for side in ("ours", "stock"):
            pooled = [value for t in texts_ for value in samples[side, t]]
            p95s.append(percentile(pooled, 95))
            row += [ms(percentile(pooled, p)) for p in (50, 95, 99)]
        ratio = p95s[1] / p95s[0]
        row.append(f"> {budget * 1000 / p95s[0]:,.0f}×" if ratio == float("inf")
                   else f"{ratio:,.1f}×")
        for i in (0, 1):
            known = [hits[t][i] for t in texts_ if hits[t][i] is not None]
            row.append(f"{sum(known) / len(known):,.0f} avg" if known else "not counted")
        print("| " + " | ".join(row) + " |")
        if cls == "all":
            worst = p95s[0]

    print()
    print("| query | ours hits | stock hits | ours median ms | stock median ms |")
    print("|---|---|---|---|---|")
    for _cls, text in queries:
        stock_count = "not counted" if hits[text][1] is None else f"{hits[text][1]:,}"
        print(f"| `{text}` | {hits[text][0]:,} | {stock_count} | "
              f"{ms(percentile(samples['ours', text], 50))} | "
              f"{ms(percentile(samples['stock', text], 50))} |")

    print()
    print(f"targets: build ≥ 500 articles/s: {ours_rate:,.0f} "
          f"{'met' if ours_rate >= 500 else 'MISSED'}; p95 < 50 ms: {worst:.1f} "
          f"{'met' if worst < 50 else 'MISSED'}")
    slowest = max((percentile(samples["ours", t], 50), t) for _c, t in queries)
    print(f"slowest of ours: `{slowest[1]}`, median {slowest[0]:.1f} ms; its statements:")
    explain(slowest[1])
    print(f"\nrun time ({db_name}): {time.perf_counter() - began:,.0f} s")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--stock-budget", type=float, default=2.0, metavar="SECONDS",
                        help="stop a stock Wagtail query after this long (default 2)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    options = parser.parse_args()
    if options.database != "both":
        return run(options)
    status = 0
    for database in ("sqlite", "postgresql"):
        args = ["--articles", str(options.articles), "--rounds", str(options.rounds),
                "--stock-budget", str(options.stock_budget), "--database", database]
        args += ["--keep"] if options.keep else []
        start = time.perf_counter()
        status |= subprocess.call([sys.executable, str(Path(__file__).resolve()), *args])
        print(f"({database}: {time.perf_counter() - start:,.0f} s wall)\n", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
