"""The RSS and Atom reader: fields, dates, keys, a URL, and what is not a feed."""

import functools
import threading
from datetime import UTC, datetime, timedelta, timezone
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from toasoan.importer.readers.dates import VIETNAM, parse_feed
from toasoan.importer.readers.feed import plain_text, read_feed
from toasoan.importer.records import ArticleRecord, Problem, Status

DATA = Path(__file__).resolve().parent.parent / "data" / "import"
ICT = timezone(timedelta(hours=7))


def entries(records):
    return [r for r in records if isinstance(r, ArticleRecord)]


# --- RSS 2.0 --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rss():
    return list(read_feed(DATA / "rss2.xml"))


def test_rss_reads_every_item(rss):
    assert [r for r in rss if isinstance(r, Problem)] == []
    assert [e.title for e in rss] == [
        "Khánh thành cầu treo bản Mới",
        "Bản tin phát thanh ngày 07/01",
        "Lịch cắt điện tuần này",
        "Tin không có ngày",
        "Tin có ngày viết kiểu Việt Nam",
    ]


def test_rss_item_with_full_content(rss):
    entry = rss[0]
    assert entry.key == "feed:https://nuihong.example.vn/?p=501"  # a URI guid is stable
    assert entry.line == 15
    assert entry.body_html == (
        "<p>Sáng 08/01, huyện khánh thành cầu treo bản Mới.</p>\n"
        "<p>Cây cầu dài 86 m, rộng 1,5 m.</p>"
    )
    assert entry.lead == "Cây cầu dài 86 m giúp 300 hộ dân đi lại an toàn."
    assert entry.published_at == datetime(2026, 1, 8, 16, 4, tzinfo=ICT)
    assert entry.status == Status.PUBLISHED
    assert entry.section == "Kinh tế" and entry.tags == ["Giao thông", "cầu treo"]
    assert entry.authors == ["Đỗ Minh Quân"]
    assert entry.old_urls == ["https://nuihong.example.vn/tin/khanh-thanh-cau-treo-ban-moi.html"]
    assert entry.image.url == "https://nuihong.example.vn/uploads/cau-treo.jpg"
    assert entry.image.key == "feed:https://nuihong.example.vn/uploads/cau-treo.jpg"


def test_rss_item_with_description_only(rss):
    entry = rss[1]
    assert entry.key == "feed:https://nuihong.example.vn/tin/ban-tin-phat-thanh-07-01.html"
    assert entry.body_html == "Nghe bản tin phát thanh <em>ngày 07/01</em> của huyện."
    assert entry.lead == ""  # the saving side derives it
    assert entry.published_at == datetime(2026, 1, 7, 10, 0, tzinfo=UTC)
    assert entry.authors == ["Đài Truyền thanh huyện"]
    assert entry.section == "Phát thanh"
    # A relative link made absolute; the permalink guid is the same address.
    assert entry.old_urls == ["https://nuihong.example.vn/tin/ban-tin-phat-thanh-07-01.html"]
    # The MP3 enclosure is no picture; the media:content one is.
    assert entry.image.url == "https://nuihong.example.vn/uploads/phat-thanh.png"
    assert entry.image.title == "Phòng thu"
    assert entry.image.caption == "Phòng thu của Đài Truyền thanh huyện."
    assert entry.image.credit == "Ảnh: Đài huyện"


def test_rss_sloppy_item(rss):
    entry = rss[2]
    assert entry.key == "feed:https://nuihong.example.vn/tin/lich-cat-dien.html"  # guid 4711
    assert entry.published_at == datetime(2026, 1, 6, 8, 15, tzinfo=ICT)
    assert entry.authors == []  # a bare e-mail address is no byline
    assert entry.body_html == "Điện lực thông báo lịch cắt điện\xa0tại 3 xã & thị trấn."
    assert entry.image is None


def test_rss_item_without_date_or_link(rss):
    entry = rss[3]
    assert entry.published_at is None
    assert entry.key.startswith("feed:https://nuihong.example.vn/#")
    assert entry.old_urls == []
    assert entry.image.url == "https://nuihong.example.vn/uploads/thumb.jpg"
    assert rss[4].published_at == datetime(2026, 1, 5, 16, 4, tzinfo=VIETNAM)


def test_feed_keys_are_stable(rss):
    again = list(read_feed(DATA / "rss2.xml"))
    assert [e.key for e in again] == [e.key for e in rss]
    assert len({e.key for e in rss}) == len(rss)


# --- Atom -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def atom():
    return list(read_feed(DATA / "atom.xml"))


def test_atom_entry_with_html_content(atom):
    assert [r for r in atom if isinstance(r, Problem)] == []
    entry = atom[0]
    assert entry.key == "feed:tag:sovanhoa-songlam.example.vn,2026:tin-101"
    assert entry.title == "Liên hoan dân ca & nhạc cụ dân tộc"
    assert entry.body_html == (
        "<p>Liên hoan diễn ra trong 3 ngày tại nhà văn hóa tỉnh.</p><p>Có 15 đoàn tham dự.</p>"
    )
    assert entry.lead == "Hơn 200 nghệ nhân tham gia liên hoan."
    assert entry.published_at == datetime(2026, 1, 8, 8, 30, tzinfo=ICT)
    assert entry.modified_at == datetime(2026, 1, 8, 9, 45, 10, tzinfo=UTC)
    assert entry.authors == ["Vũ Thanh Mai", "Ngô Đức Anh"]
    assert entry.section == "Văn hóa" and entry.tags == ["dân ca"]
    assert entry.old_urls == ["https://sovanhoa-songlam.example.vn/tin/lien-hoan-dan-ca"]
    assert entry.image.url == "https://sovanhoa-songlam.example.vn/anh/lien-hoan.jpg"


def test_atom_entry_with_xhtml_content(atom):
    entry = atom[1]
    assert entry.title == 'Triển lãm ảnh "Quê hương"'
    assert "<p>Triển lãm trưng bày <strong>120 bức ảnh</strong> về quê hương.</p>" in (
        entry.body_html
    )
    assert "<br>Vào cửa miễn phí." in entry.body_html
    assert "xmlns" not in entry.body_html
    # No <published>: <updated> it is.
    assert entry.published_at == datetime(2026, 1, 7, 15, 0, 0, 123456, tzinfo=ICT)
    assert entry.authors == ["Phòng Thông tin"]  # the feed's author


def test_atom_entry_with_text_summary(atom):
    entry = atom[2]
    assert entry.key == "feed:https://sovanhoa-songlam.example.vn/?p=103"
    assert entry.body_html == "Nhận hồ sơ đến ngày 20/01 &lt;không phải thẻ&gt;."
    assert entry.old_urls == []


# --- what is not a feed ---------------------------------------------------------------


def test_html_page_is_one_problem():
    [problem] = list(read_feed(DATA / "feed-is-html.xml"))
    assert isinstance(problem, Problem)
    assert problem.reason.startswith("Đây không phải RSS hay Atom mà là một trang HTML")
    assert problem.where == "tệp feed-is-html.xml, dòng 1"


def test_wordpress_export_is_refused():
    [problem] = list(read_feed(DATA / "wxr-1.1.xml"))
    assert "toasoan import wxr" in problem.reason


def test_broken_entry_fails_alone(tmp_path):
    text = (DATA / "rss2.xml").read_text(encoding="utf-8")
    path = tmp_path / "hong.xml"
    path.write_text(
        text.replace("<category>Phát thanh</category>", "<category>Phát thanh"), encoding="utf-8"
    )
    records = list(read_feed(path))
    assert len(entries(records)) == 4
    [problem] = [r for r in records if isinstance(r, Problem)]
    assert problem.where == "tệp hong.xml, dòng 29, mục 'Bản tin phát thanh ngày 07/01'"
    assert "thẻ <category> mở ở dòng 35" in problem.reason


def test_bad_date_fails_its_entry(tmp_path):
    text = (DATA / "rss2.xml").read_text(encoding="utf-8")
    path = tmp_path / "ngay.xml"
    path.write_text(text.replace("Wed, 07 Jan 2026 10:00:00 GMT", "hôm qua"), encoding="utf-8")
    records = list(read_feed(path))
    assert len(entries(records)) == 4
    [problem] = [r for r in records if isinstance(r, Problem)]
    assert "'hôm qua'" in problem.reason


def test_truncated_feed(tmp_path):
    text = (DATA / "atom.xml").read_text(encoding="utf-8")
    path = tmp_path / "cut.xml"
    path.write_text(text[: text.index("Triển lãm trưng bày")], encoding="utf-8")
    records = list(read_feed(path))
    assert len(entries(records)) == 1
    [problem] = [r for r in records if isinstance(r, Problem)]
    assert "cắt cụt" in problem.reason and "dòng 24" in problem.where


def test_rss_1_0(tmp_path):
    path = tmp_path / "rdf.xml"
    path.write_text(
        """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://xa.example.vn/rss">
    <title>Xã (dữ liệu thử)</title><link>https://xa.example.vn/</link>
    <items><rdf:Seq><rdf:li resource="https://xa.example.vn/a"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://xa.example.vn/a">
    <title>Tin RSS 1.0</title><link>https://xa.example.vn/a</link>
    <description>Mô tả</description><dc:date>2026-01-02T09:00:00+07:00</dc:date>
    <dc:creator>Lý Thị Hoa</dc:creator><dc:subject>Thông báo</dc:subject>
  </item>
</rdf:RDF>
""",
        encoding="utf-8",
    )
    [entry] = list(read_feed(path))
    assert entry.key == "feed:https://xa.example.vn/a"
    assert entry.published_at == datetime(2026, 1, 2, 9, tzinfo=ICT)
    assert entry.authors == ["Lý Thị Hoa"] and entry.section == "Thông báo"
    assert entry.body_html == "Mô tả" and entry.line == 8


# --- over HTTP ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server():
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(DATA))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_feed_from_a_url(server, rss):
    records = list(read_feed(f"{server}/rss2.xml"))
    assert records == rss  # the channel link resolves the same relative link


def test_url_that_is_an_html_page(server):
    [problem] = list(read_feed(f"{server}/feed-is-html.xml"))
    assert "trang HTML" in problem.reason
    assert problem.where.startswith(f"địa chỉ {server}/feed-is-html.xml, dòng 1")


def test_url_not_found(server):
    [problem] = list(read_feed(f"{server}/khong-co.xml"))
    assert "404" in problem.reason


# --- dates and text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("Fri, 08 Jan 2021 16:04:00 +0700", datetime(2021, 1, 8, 16, 4, tzinfo=ICT)),
        ("Fri, 08 Jan 2021 09:04:00 GMT", datetime(2021, 1, 8, 9, 4, tzinfo=UTC)),
        ("Sat, 08 Jan 2021 16:04:00 +07:00", datetime(2021, 1, 8, 16, 4, tzinfo=ICT)),  # wrong day
        ("08 Jan 2021 16:04 GMT+7", datetime(2021, 1, 8, 16, 4, tzinfo=ICT)),
        ("Friday, January 8, 2021 16:04:00 EST", datetime(2021, 1, 8, 21, 4, tzinfo=UTC)),
        ("Fri, 08 Jan 2021 16:04:00", datetime(2021, 1, 8, 16, 4, tzinfo=VIETNAM)),
        ("2021-01-08T16:04:00+07:00", datetime(2021, 1, 8, 16, 4, tzinfo=ICT)),
        ("2021-01-08T09:04:00Z", datetime(2021, 1, 8, 9, 4, tzinfo=UTC)),
        ("2021-01-08 16:04:00", datetime(2021, 1, 8, 16, 4, tzinfo=VIETNAM)),
        ("16:04 08/01/2021", datetime(2021, 1, 8, 16, 4, tzinfo=VIETNAM)),
        ("Thứ Sáu, 08/01/2021 - 16h04", datetime(2021, 1, 8, 16, 4, tzinfo=VIETNAM)),
        ("  ", None),
    ],
)
def test_feed_dates(text, moment):
    parsed = parse_feed(text)
    assert parsed == moment
    assert parsed is None or parsed.tzinfo is not None


@pytest.mark.parametrize("text", ["hôm qua", "32/13/2021", "Fri, 99 Foo 2021"])
def test_unreadable_dates(text):
    with pytest.raises(ValueError):
        parse_feed(text)


def test_plain_text():
    assert plain_text("<p>Một &amp; <b>hai</b></p>\n<script>x()</script><p>ba</p>") == (
        "Một & hai ba"
    )
