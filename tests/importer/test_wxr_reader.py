"""The WordPress export reader: every field, each WXR version, and broken files."""

import gzip
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from toasoan.importer.readers.dates import VIETNAM
from toasoan.importer.readers.wxr import read_wxr
from toasoan.importer.records import (
    ArticleRecord,
    CommentStatus,
    ImageRecord,
    Problem,
    Status,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "import"
SITE = "wxr:xabinhminh.example.vn"


def read(name, **kwargs):
    return list(read_wxr(DATA / name, **kwargs))


def articles(records):
    return {r.key: r for r in records if isinstance(r, ArticleRecord)}


def images(records):
    return {r.key: r for r in records if isinstance(r, ImageRecord)}


def problems(records):
    return [r for r in records if isinstance(r, Problem)]


# --- WXR 1.2: every field -------------------------------------------------------------


@pytest.fixture(scope="module")
def wxr12():
    return read("wxr-1.2.xml")


def test_12_reads_posts_and_pictures_only(wxr12):
    assert problems(wxr12) == []
    assert sorted(articles(wxr12)) == sorted(
        f"{SITE}#{n}" for n in (101, 102, 103, 104, 107, 108, 109, 110)
    )
    # Trash (105), the page (106), the PDF (202) and the menu item (300) are skipped.
    assert list(images(wxr12)) == [f"{SITE}#201"]


def test_12_published_post_has_every_field(wxr12):
    post = articles(wxr12)[f"{SITE}#101"]
    assert post.title == "Hội nghị tổng kết công tác năm 2025"
    assert post.line == 38
    assert post.body_html.startswith("<p>Sáng 26/12, Đảng ủy xã Bình Minh")
    assert "<strong>5 nhiệm vụ trọng tâm</strong> cho năm 2026 &amp; các" in post.body_html
    assert post.lead == "Đảng ủy xã tổng kết một năm nhiều kết quả."
    assert post.published_at == datetime(2025, 12, 26, 2, 15, tzinfo=UTC)
    assert post.modified_at == datetime(2025, 12, 27, 3, 0, tzinfo=UTC)
    assert post.status == Status.PUBLISHED
    assert post.slug == "hội-nghị-tổng-kết-công-tác-năm-2025"
    assert post.section == "Tin tức"
    assert post.tags == ["Xây dựng Đảng", "tổng kết", "năm 2025"]  # not the post format
    assert post.authors == ["Trần Thu Hà"]
    assert post.image_key == f"{SITE}#201"
    assert post.old_urls == [
        "https://xabinhminh.example.vn/2025/12/h%e1%bb%99i-ngh%e1%bb%8b-t%e1%bb%95ng-k%e1%ba%bft"
        "-c%c3%b4ng-t%c3%a1c-n%c4%83m-2025/",
        "https://xabinhminh.example.vn/?p=101",
    ]
    assert post.source == "" and post.image is None


def test_12_comments(wxr12):
    comments = articles(wxr12)[f"{SITE}#101"].comments
    assert [c.key for c in comments] == [f"{SITE}#comment-{n}" for n in (11, 12, 13, 14)]
    first, reply, spam, trashed = comments  # the pingback (15) is skipped
    assert first.name == "Lê Văn Bình"
    assert first.content == "Chúc mừng xã đạt nhiều thành tích!"
    assert first.email == "binh@example.vn"
    assert first.url == "https://binh.example.vn"
    assert first.ip_address == "203.0.113.7"
    assert first.created_at == datetime(2025, 12, 26, 3, 0, tzinfo=UTC)
    assert first.status == CommentStatus.APPROVED
    assert first.parent_key == ""
    assert reply.status == CommentStatus.PENDING
    assert reply.parent_key == f"{SITE}#comment-11"
    assert reply.created_at == datetime(2025, 12, 26, 11, 30, tzinfo=VIETNAM)  # no GMT date
    assert spam.status == CommentStatus.SPAM
    assert trashed.status == CommentStatus.TRASH


def test_12_statuses_and_dates(wxr12):
    posts = articles(wxr12)
    draft = posts[f"{SITE}#102"]
    assert draft.status == Status.DRAFT
    assert draft.published_at == datetime(2025, 12, 20, 8, 30, tzinfo=VIETNAM)
    assert draft.published_at.astimezone(UTC).hour == 1
    assert draft.slug == "" and draft.lead == ""
    assert draft.authors == ["phongvien2"]  # no display name: the login
    assert draft.section == "Đoàn thể" and draft.tags == []
    assert draft.old_urls == ["https://xabinhminh.example.vn/?p=102"]
    assert draft.image_key == ""
    scheduled = posts[f"{SITE}#103"]
    assert scheduled.status == Status.SCHEDULED
    assert scheduled.published_at == datetime(2027, 1, 1, 1, 0, tzinfo=UTC)
    assert scheduled.slug == "lịch-tiếp-công-dân-tháng-1"
    assert posts[f"{SITE}#104"].status == Status.PRIVATE
    assert posts[f"{SITE}#109"].status == Status.PRIVATE  # published behind a password
    assert posts[f"{SITE}#110"].title == "(không có tiêu đề)"


def test_12_text_passes_through_as_the_source_has_it(wxr12):
    posts = articles(wxr12)
    mojibake = posts[f"{SITE}#107"]
    assert mojibake.title.startswith("Chuáº©n bá»‹ cho mÃ¹a Ä‘Ã´ng")  # repaired when saved
    assert "Ä‘Ã´ng" in mojibake.body_html
    repaired = posts[f"{SITE}#108"]
    # A bare '&' and HTML's &nbsp; outside CDATA are repaired, control characters dropped;
    # inside CDATA the HTML stays as written.
    assert repaired.title == "Sở KH&ĐT làm việc với xã\xa0Bình Minh & các thôn"
    assert repaired.body_html == "<p>Nội dung có ký tự điều khiển cũ &nbsp; vẫn giữ nguyên.</p>"
    assert repaired.lead == "Tóm tắt có\xa0khoảng trắng cứng."


def test_12_attachment_without_media_dir(wxr12):
    image = images(wxr12)[f"{SITE}#201"]
    assert image.url == (
        "https://xabinhminh.example.vn/wp-content/uploads/2025/12/hoi-nghi-tong-ket.jpg"
    )
    assert image.path == ""
    assert image.title == "Hội nghị tổng kết - ảnh toàn cảnh"
    assert image.caption == "Toàn cảnh hội nghị tổng kết năm 2025."
    assert image.alt == "Đại biểu dự hội nghị tổng kết"
    assert image.credit == "Ảnh: Thu Hà"


@pytest.mark.parametrize(
    "relative",
    ["2025/12/hoi-nghi-tong-ket.jpg", "wp-content/uploads/2025/12/hoi-nghi-tong-ket.jpg",
     "hoi-nghi-tong-ket.jpg"],
)  # fmt: skip
def test_12_attachment_found_in_media_dir(tmp_path, relative):
    picture = tmp_path / relative
    picture.parent.mkdir(parents=True, exist_ok=True)
    picture.write_bytes(b"\xff\xd8\xff")
    image = images(read("wxr-1.2.xml", media_dir=tmp_path))[f"{SITE}#201"]
    assert Path(image.path) == picture


def test_12_attachment_missing_from_media_dir(tmp_path):
    assert images(read("wxr-1.2.xml", media_dir=tmp_path))[f"{SITE}#201"].path == ""


def test_media_never_outside_media_dir(tmp_path):
    from toasoan.importer.media import local_file

    (tmp_path / "media").mkdir()
    (tmp_path / "secret.jpg").write_bytes(b"x")
    url = "https://site.example/wp-content/uploads/../../secret.jpg"
    assert local_file(url, tmp_path / "media") is None


def test_keys_are_stable_across_reads(wxr12):
    again = read("wxr-1.2.xml")
    assert [getattr(r, "key", None) for r in again] == [getattr(r, "key", None) for r in wxr12]
    comments = [c.key for r in again if isinstance(r, ArticleRecord) for c in r.comments]
    assert len(comments) == len(set(comments))


def test_stats_count_what_was_skipped():
    stats = Counter()
    list(read_wxr(DATA / "wxr-1.2.xml", stats=stats))
    assert stats["posts"] == 8
    assert stats["attachments"] == 1
    assert stats["skipped_trash"] == 1
    assert stats["skipped_type:page"] == 1
    assert stats["skipped_type:nav_menu_item"] == 1
    assert stats["skipped_attachment_not_image"] == 1
    assert stats["skipped_pingback"] == 1
    assert stats["bytes_read"] == (DATA / "wxr-1.2.xml").stat().st_size


# --- WXR 1.1 and 1.0 ------------------------------------------------------------------


def test_11():
    records = read("wxr-1.1.xml")
    site = "wxr:hoinongdan-songxanh.example.vn"  # https or not, final slash or not
    assert problems(records) == []
    posts = articles(records)
    assert sorted(posts) == [f"{site}#21", f"{site}#23"]
    post = posts[f"{site}#21"]
    assert post.title == "Tập huấn kỹ thuật trồng lúa hữu cơ"
    assert post.slug == "tập-huấn-kỹ-thuật"
    assert post.authors == ["Ban Tuyên huấn"]
    assert post.section == "Hoạt động Hội" and post.tags == ["lúa hữu cơ"]
    assert post.published_at == datetime(2013, 3, 28, 1, 30, tzinfo=UTC)
    assert post.image_key == f"{site}#22"
    assert "[caption id=" in post.body_html  # shortcodes are the saving side's
    assert [c.name for c in post.comments] == ["Hoàng Văn Nam"]  # not the trackback
    assert post.comments[0].status == CommentStatus.APPROVED
    assert posts[f"{site}#23"].status == Status.DRAFT  # pending review
    assert posts[f"{site}#23"].published_at == datetime(2013, 3, 30, 9, 0, tzinfo=VIETNAM)
    image = images(records)[f"{site}#22"]
    assert image.caption == "Lớp tập huấn" and image.alt == ""


def test_10():
    records = read("wxr-1.0.xml")
    site = "wxr:thcs-hoabinh.example.vn/tin"  # no base URL in 1.0: the channel's link
    assert problems(records) == []
    posts = articles(records)
    post = posts[f"{site}#7"]
    assert post.section == "Tin trường" and post.tags == ["khai giảng"]
    assert post.authors == ["thaygiao"]  # 1.0 lists no authors
    assert post.lead == "Năm học mới bắt đầu."
    assert post.comments[0].name == "Phụ huynh lớp 6A"
    assert post.old_urls == [
        "http://thcs-hoabinh.example.vn/tin/2008/09/le-khai-giang/",
        "http://thcs-hoabinh.example.vn/tin/?p=7",
    ]
    draft = posts[f"{site}#8"]
    assert draft.status == Status.DRAFT  # auto-draft
    assert draft.section == "Uncategorized"


# --- broken files ---------------------------------------------------------------------


def test_broken_items_fail_alone():
    records = read("wxr-broken-item.xml")
    posts = articles(records)
    site = "wxr:phuongdong.example.vn"
    assert sorted(posts) == [f"{site}#1", f"{site}#4"]
    assert posts[f"{site}#4"].body_html == "<p>Có <item> trong CDATA cũng không sao.</p>"
    assert posts[f"{site}#1"].authors == ["Văn phòng UBND phường"]
    broken, unclosed = problems(records)
    assert broken.where == "tệp wxr-broken-item.xml, dòng 30, mục 'Bài có XML hỏng'"
    assert "dòng 34" in broken.reason
    assert "thẻ <p> mở ở dòng 34 nhưng lại gặp thẻ đóng </b>" in broken.reason
    assert unclosed.where == "tệp wxr-broken-item.xml, dòng 40, mục 'Bài thiếu thẻ đóng'"
    assert "</item>" in unclosed.reason


def test_truncated_file_keeps_what_came_before():
    records = read("wxr-truncated.xml")
    assert len(articles(records)) == 2
    [cut] = problems(records)
    assert cut.where == "tệp wxr-truncated.xml, dòng 44, mục 'Bài ba bị cắt'"
    assert "cắt cụt" in cut.reason


def test_file_cut_between_items(tmp_path):
    text = (DATA / "wxr-bad-date.xml").read_text(encoding="utf-8")
    cut = tmp_path / "cut.xml"
    cut.write_text(text[: text.rindex("</item>") + len("</item>")], encoding="utf-8")
    records = list(read_wxr(cut))
    assert len(articles(records)) == 2
    _bad_date, cut_short = problems(records)
    assert cut_short.where == "tệp cut.xml, dòng 57"
    assert "thiếu thẻ đóng </rss>" in cut_short.reason


def test_bad_date_fails_its_item_only():
    records = read("wxr-bad-date.xml")
    assert [r.title for r in articles(records).values()] == ["Ngày đúng", "Ngày đúng nữa"]
    [problem] = problems(records)
    assert problem.where == "tệp wxr-bad-date.xml, dòng 30, mục 'Ngày sai'"
    assert "'2025-13-45 99:00:00'" in problem.reason
    assert "wp:post_date_gmt" in problem.reason


def test_html_page():
    [problem] = read("feed-is-html.xml")
    assert isinstance(problem, Problem)
    assert "trang HTML" in problem.reason


def test_rss_feed_is_no_wxr():
    [problem] = read("rss2.xml")
    assert "không phải tệp xuất WordPress" in problem.reason


@pytest.mark.parametrize("content", [b"", b"  \n\n "])
def test_empty_file(tmp_path, content):
    path = tmp_path / "rong.xml"
    path.write_bytes(content)
    [problem] = list(read_wxr(path))
    assert problem.where == "tệp rong.xml, dòng 1"
    assert problem.reason == "Tệp rỗng, không có gì để nhập."


def test_not_xml(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text("Đây chỉ là văn bản.\n", encoding="utf-8")
    [problem] = list(read_wxr(path))
    assert "không phải XML" in problem.reason


def test_missing_file(tmp_path):
    [problem] = list(read_wxr(tmp_path / "khong-co.xml"))
    assert "không tìm thấy tệp" in problem.reason


def test_php_warning_before_the_xml(tmp_path):
    text = (DATA / "wxr-bad-date.xml").read_text(encoding="utf-8")
    path = tmp_path / "canh-bao.xml"
    path.write_text(
        "<br />\n<b>Warning</b>:  Cannot modify header information in <b>x.php</b>\n" + text,
        encoding="utf-8",
    )
    records = list(read_wxr(path))
    warning, bad_date = problems(records)
    assert "2 dòng lạ" in warning.reason
    assert bad_date.where == "tệp canh-bao.xml, dòng 32, mục 'Ngày sai'"  # lines still right
    assert len(articles(records)) == 2


def test_gzipped_export(tmp_path):
    path = tmp_path / "export.xml.gz"
    path.write_bytes(gzip.compress((DATA / "wxr-1.1.xml").read_bytes()))
    assert len(articles(read_wxr(path))) == 2


def test_invalid_utf8_bytes_are_kept_as_characters(tmp_path):
    text = (DATA / "wxr-bad-date.xml").read_bytes()
    path = tmp_path / "latin.xml"
    path.write_bytes(text.replace("Ngày đúng nữa".encode(), b"Ng\xe0y \xf0\xfang n\xfca"))
    titles = [r.title for r in articles(read_wxr(path)).values()]
    assert titles[1] == "Ngày ðúng nüa"  # Windows-1252, for the mojibake repair to see


def test_small_blocks_cut_anywhere(tmp_path, monkeypatch):
    """Items, CDATA and tags cut across block boundaries give the same records."""
    from toasoan.importer.readers import xmlchunks

    whole = read("wxr-1.2.xml")
    monkeypatch.setattr(xmlchunks, "BLOCK_SIZE", 7)
    assert read("wxr-1.2.xml") == whole


def test_unclosed_comment_costs_one_item_not_the_memory(tmp_path, monkeypatch):
    from toasoan.importer.readers import xmlchunks

    monkeypatch.setattr(xmlchunks, "MAX_ITEM", 2000)
    monkeypatch.setattr(xmlchunks, "BLOCK_SIZE", 512)
    text = (DATA / "wxr-bad-date.xml").read_text(encoding="utf-8")
    body = "<![CDATA[<p>Nội dung bài.</p>]]>"
    broken = text.replace(body, "<!-- never closed " + "x" * 5000, 1)
    path = tmp_path / "comment.xml"
    path.write_text(broken, encoding="utf-8")
    records = list(read_wxr(path))
    oversized, bad_date = problems(records)
    assert oversized.where == "tệp comment.xml, dòng 16, mục 'Ngày đúng'"
    assert "dài quá mức" in oversized.reason
    assert bad_date.where == "tệp comment.xml, dòng 30, mục 'Ngày sai'"
    assert [r.title for r in articles(records).values()] == ["Ngày đúng nữa"]


def test_a_bug_while_reading_one_item_costs_that_item_only(monkeypatch):
    from toasoan.importer.readers import wxr

    real = wxr._WxrReader._item
    calls = []

    def fails_once(self, piece, namespaces):
        calls.append(piece.line)
        if len(calls) == 2:
            raise KeyError("hỏng")
        return real(self, piece, namespaces)

    monkeypatch.setattr(wxr._WxrReader, "_item", fails_once)
    records = read("wxr-1.2.xml")
    problems = [r for r in records if isinstance(r, Problem)]
    assert len(problems) == 1
    assert problems[0].reason.startswith("Lỗi không lường trước khi đọc mục này: KeyError")
    assert f"dòng {calls[1]}" in problems[0].where
    assert len([r for r in records if isinstance(r, ArticleRecord)]) >= 5
