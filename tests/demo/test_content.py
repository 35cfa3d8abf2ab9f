"""The demo content and media: plain Python, no database."""

import io
import re
import unicodedata
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from toasoan.demo import content, images
from toasoan.text import slugify

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 3, 15, 10, 30, tzinfo=TZ)
# a few other moments: across a year end, mid-year, late evening, given in UTC
NOWS = [
    NOW,
    datetime(2026, 1, 3, 6, 0, tzinfo=TZ),
    datetime(2025, 8, 20, 23, 50, tzinfo=TZ),
    datetime(2026, 11, 30, 20, 15, tzinfo=ZoneInfo("UTC")),
]
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / (
    "district-portal-article.txt"
)
CONTENT_SOURCE = Path(content.__file__)
BLOCK_KINDS = {"paragraph", "heading", "image", "quote", "table", "document"}
LEAD_RE = re.compile(r"^(Sáng|Chiều|Tối) (\d{2})/(\d{2}), \S")


@pytest.fixture(scope="module", params=NOWS, ids=lambda d: d.isoformat())
def now(request):
    return request.param


@pytest.fixture(scope="module")
def arts(now):
    return content.articles(now)


def _strings(value):
    """Every string inside a value made of dataclasses, tuples, lists and dicts."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _strings(getattr(value, name))


def _all_text(arts):
    return list(_strings([content.SITE, content.CONTACT, content.SECTIONS, arts]))


# ---------------------------------------------------------------- site, sections


def test_site_has_every_field():
    for key in ("name", "agency", "agency_tag", "address", "phone", "email",
                "editor_in_chief", "licence"):
        assert content.SITE[key].strip()
    assert content.SITE["name"].startswith("Cổng thông tin điện tử huyện ")
    assert re.fullmatch(r"[A-Z]{2,4}", content.SITE["agency_tag"])


def test_sections_are_unique_ascii_and_nested_at_most_one_level():
    slugs = [s.slug for s in content.SECTIONS]
    assert len(slugs) >= 7
    assert len(set(slugs)) == len(slugs)
    by_slug = {s.slug: s for s in content.SECTIONS}
    children = [s for s in content.SECTIONS if s.parent]
    assert children, "one section is nested under another"
    for section in content.SECTIONS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", section.slug)
        assert section.title and section.intro
        if section.parent:
            assert section.parent in by_slug
            assert by_slug[section.parent].parent is None, "nesting is one level only"
            # parents come first, so a loader can create them in order
            assert slugs.index(section.parent) < slugs.index(section.slug)


# ---------------------------------------------------------------- articles


def test_at_least_ninety_articles_with_unique_keys_and_titles(arts):
    assert len(arts) >= 90
    assert len({a.key for a in arts}) == len(arts)
    assert len({a.title for a in arts}) == len(arts)


def test_titles_make_unique_slugs_within_each_section(arts):
    seen = set()
    for article in arts:
        slug = slugify(article.title)
        assert slug
        assert (article.section, slug) not in seen, article.title
        seen.add((article.section, slug))


def test_every_section_has_enough_articles(arts):
    counts = Counter(a.section for a in arts)
    sections = {s.slug for s in content.SECTIONS}
    assert set(counts) <= sections, "every article's section exists"
    for slug in sections:
        assert counts[slug] >= 10, slug
    assert sum(1 for n in counts.values() if n > 20) >= 2, "two sections need a second page"


def test_keys_do_not_depend_on_now():
    keys = [sorted(a.key for a in content.articles(moment)) for moment in NOWS]
    assert all(k == keys[0] for k in keys)


def test_titles_do_not_depend_on_now_except_the_sample():
    """The loader finds existing articles by title; only bai-mau names its review period."""
    runs = [
        {a.key: a.title for a in content.articles(moment) if a.key != "bai-mau"}
        for moment in NOWS
    ]
    assert all(run == runs[0] for run in runs)


def test_articles_are_deterministic(now, arts):
    assert content.articles(now) == arts


def test_dates_are_in_the_window_at_working_hours(now, arts):
    times = set()
    for article in arts:
        when = article.published_at
        assert when.tzinfo is not None
        assert when <= now
        assert now - when <= timedelta(days=160)
        local = when.astimezone(TZ)
        assert 7 <= local.hour < 21 or (local.hour, local.minute) == (21, 0), article.key
        minute = local.replace(second=0, microsecond=0)
        assert minute not in times, f"two articles at {minute}"
        times.add(minute)


def test_articles_cover_about_five_months(now, arts):
    oldest = min(a.published_at for a in arts)
    newest = max(a.published_at for a in arts)
    assert now - oldest >= timedelta(days=120)
    assert now - newest <= timedelta(days=7)


def test_lead_day_and_part_of_day_match_the_publication_time(arts):
    for article in arts:
        match = LEAD_RE.match(article.lead)
        assert match, article.lead[:60]
        part, day, month = match.groups()
        local = article.published_at.astimezone(TZ)
        assert (int(day), int(month)) == (local.day, local.month), article.key
        expected = "Sáng" if local.hour < 12 else "Chiều" if local.hour < 18 else "Tối"
        assert part == expected, article.key


def test_article_shape(arts):
    for article in arts:
        assert article.title.strip() == article.title and len(article.title) < 200
        assert 1 <= len(article.authors) <= 2
        assert article.caption.endswith(".")
        assert article.tags and all(t.strip() for t in article.tags)
        assert 0 <= article.image < images.photo_count()
        kinds = [kind for kind, _ in article.body]
        assert set(kinds) <= BLOCK_KINDS
        if article.key != "bai-mau":
            assert 3 <= kinds.count("paragraph") <= 6, article.key
        for kind, value in article.body:
            if kind in ("paragraph", "heading"):
                assert isinstance(value, str) and value.strip()
            elif kind == "image":
                index, caption, credit = value
                assert 0 <= index < images.photo_count() and caption and credit
            elif kind == "quote":
                text, attribution = value
                assert text and attribution
            elif kind == "table":
                header, rows, caption = value
                assert rows and caption and all(len(row) == len(header) for row in rows)
            elif kind == "document":
                (title,) = value
                assert title


def test_text_is_clean_nfc(arts):
    for text in _all_text(arts):
        assert unicodedata.is_normalized("NFC", text), text
        for ch in text:
            assert unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs"), repr(text)
        assert "  " not in text and text == text.strip(), repr(text)


def test_words_that_matter_for_search_are_present(arts):
    text = " ".join(_all_text(arts))
    for word in ("xây dựng Đảng", "đăng ký", "dâng hương", "hòa", "thủy"):
        assert word in text, word


# ---------------------------------------------------------------- the sample article


def test_bai_mau_has_the_full_shape(arts):
    (sample,) = [a for a in arts if a.key == "bai-mau"]
    kinds = Counter(kind for kind, _ in sample.body)
    assert set(kinds) == BLOCK_KINDS
    assert kinds["paragraph"] >= 4 and kinds["heading"] == 1
    assert kinds["image"] >= 1 and kinds["quote"] and kinds["table"] and kinds["document"]
    assert len(sample.authors) == 2 and sample.source and len(sample.tags) == 3
    assert sample.credit and sample.caption
    assert "xây dựng Đảng" in sample.title
    assert len(sample.lead) > 200


def test_bai_mau_sits_in_the_middle_of_its_section(arts):
    (sample,) = [a for a in arts if a.key == "bai-mau"]
    siblings = [a for a in arts if a.section == sample.section and a.key != "bai-mau"]
    assert any(a.published_at > sample.published_at for a in siblings)
    assert any(a.published_at < sample.published_at for a in siblings)


# ---------------------------------------------------------------- originality


def _runs(text, size=60):
    text = re.sub(r"\s+", " ", text)
    return {text[i:i + size] for i in range(len(text) - size + 1)}


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference page not available")
def test_no_sentence_of_the_reference_page_is_reused(arts):
    reference = REFERENCE.read_text(encoding="utf-8", errors="replace")
    source = re.sub(r"\s+", " ", CONTENT_SOURCE.read_text(encoding="utf-8"))
    generated = re.sub(r"\s+", " ", "\n".join(_all_text(arts)))
    for line in reference.splitlines():
        for run in _runs(line.strip()):
            assert run not in source, run
            assert run not in generated, run


# ---------------------------------------------------------------- media


def test_photos_are_jpegs_of_the_requested_size():
    for index in range(images.photo_count()):
        data = images.photo(index)
        assert data[:3] == b"\xff\xd8\xff"
        with Image.open(io.BytesIO(data)) as img:
            assert img.format == "JPEG" and img.size == (1200, 800)
    with Image.open(io.BytesIO(images.photo(5, width=640, height=360))) as img:
        assert img.size == (640, 360)


def test_photos_are_distinct_and_deterministic():
    assert images.photo_count() >= 12
    photos = [images.photo(i, 320, 200) for i in range(images.photo_count())]
    assert len(set(photos)) == images.photo_count()
    images._render.cache_clear()
    assert images.photo(3, 320, 200) == photos[3]
    assert images.photo(3 + images.photo_count(), 320, 200) == photos[3]


def test_photos_look_like_pictures_not_noise():
    with Image.open(io.BytesIO(images.photo(1, 300, 200))) as img:
        top = img.crop((0, 0, 300, 40)).convert("RGB").resize((1, 1)).getpixel((0, 0))
        bottom = img.crop((0, 160, 300, 200)).convert("RGB").resize((1, 1)).getpixel((0, 0))
    assert top[2] > top[1], "sky on top is blue-ish"
    assert bottom[1] > bottom[2], "ground below is green-ish"


def test_pdf_document_is_a_pdf():
    title = "Báo cáo tổng kết công tác xây dựng Đảng của Huyện ủy"
    data = images.pdf_document(title)
    assert data.startswith(b"%PDF")
    assert data.rstrip().endswith(b"%%EOF")
    assert len(data) < 500_000
    assert images.pdf_document(title) == data
    assert b"/CreationDate" not in data, "a timestamp would make the bytes change"


def test_every_document_block_can_be_rendered(arts):
    titles = {value[0] for a in arts for kind, value in a.body if kind == "document"}
    assert titles
    for title in titles:
        assert images.pdf_document(title).startswith(b"%PDF")
