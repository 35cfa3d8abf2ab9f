"""`toasoan import text`: scraped article pages, the reference page among them."""

import html
import os
import re
import unicodedata
from datetime import datetime
from io import BytesIO, StringIO
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

from django.core.management import CommandError, call_command
from django.test import TestCase
from PIL import Image as PILImage

from tests.factories import make_home
from toasoan.importer.models import ImportedItem
from toasoan.news.models import ArticlePage
from toasoan.text import fold

REFERENCE = (Path(__file__).resolve().parents[2].parent / "shared" / "reference"
             / "district-portal-article.txt")
VN = ZoneInfo("Asia/Ho_Chi_Minh")

PAGE = """Xã Yên Trạch ra mắt mô hình “Khu dân cư văn minh” (09:30 15/03/2024)

HNP - Sáng 15/3, UBND xã Yên Trạch tổ chức lễ ra mắt mô hình khu dân cư văn minh tại thôn Đồng Tâm.

Đại diện thôn Đồng Tâm nhận quyết định công nhận mô hình

Mô hình được triển khai từ đầu năm, với sự tham gia của 312 hộ dân.
Các hộ cam kết giữ gìn vệ sinh môi trường, không lấn chiếm lòng đường.

Dịp này, xã trao giấy khen cho 12 tập thể và 20 cá nhân có thành tích tiêu biểu.

Minh Anh - Quốc Việt


Các bài mới đăng

Tin khác trong chuyên mục
Viết bình luận
Họ tên:(*)
Mã xác nhận:  L?y l?i m� b?o m?t
"""


def write(folder: Path, name: str, text: str, encoding="utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: ă, â, ê, ô, ơ, ư, đ are letters
    of the code page, tones are combining marks after them."""
    encoded = []
    for char in text:
        try:
            encoded.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            marks = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize(
                "NFC", marks[0] + "".join(m for m in marks[1:] if m not in TONES))
            tones = "".join(m for m in marks[1:] if m in TONES)
            encoded.append((base + tones).encode("cp1258"))
    return b"".join(encoded)


def run_import(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import", "text", *map(str, args), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


class TextImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_home()

    def setUp(self):
        import tempfile

        self.folder = Path(tempfile.mkdtemp())

    def imported(self, title_start):
        return ArticlePage.objects.get(title__startswith=title_start)

    def test_the_reference_page_imports_every_field_and_no_chrome(self):
        if not REFERENCE.exists():
            if os.environ.get("CI"):
                self.fail(f"the reference page is missing: {REFERENCE}")
            self.skipTest("../shared/reference is not beside this checkout")
        # What each field must be, read off the page itself: its paragraphs are the
        # title line, the tagged lead, the caption, the body, the byline, then chrome.
        paragraphs = [" ".join(part.split()) for part in
                      re.split(r"\n\s*\n", REFERENCE.read_text(encoding="utf-8")) if part.strip()]
        title_line, lead_line, caption = paragraphs[:3]
        chrome = paragraphs.index("Các bài mới đăng")
        body_paragraphs, byline = paragraphs[3:chrome - 1], paragraphs[chrome - 1]
        title, when = re.fullmatch(r"(.+) \((\d\d:\d\d \d\d/\d\d/\d{4})\)", title_line).groups()

        out, _err, error = run_import(REFERENCE)
        self.assertIsNone(error, out)
        page = ArticlePage.objects.get()
        self.assertEqual(page.title, title)
        self.assertEqual(page.first_published_at,
                         datetime.strptime(when, "%H:%M %d/%m/%Y").replace(tzinfo=VN))
        self.assertTrue(page.live)
        self.assertEqual(page.lead, lead_line.split(" - ", 1)[1])  # without the old tag
        self.assertEqual(page.image_caption, caption)
        self.assertEqual(page.byline, [byline])
        body = "".join(block.value.source for block in page.body)
        self.assertEqual(body, "".join(f"<p>{html.escape(text, quote=False)}</p>"
                                       for text in body_paragraphs))
        for chrome_text in paragraphs[chrome:] + [byline, "\ufffd", "L?y"]:
            self.assertNotIn(chrome_text, body)
        self.assertEqual(unicodedata.normalize("NFC", body), body)
        self.assertIn("Tạo mới:                    1", out)
        self.assertContains(self.client.get(page.url), html.escape(title, quote=False))
        found = self.client.get("/tim-kiem/", {"q": fold(title)})
        self.assertContains(found, "Tìm thấy 1 bài viết")

    def test_a_page_in_the_reference_shape_with_two_authors_and_its_photo(self):
        write(self.folder, "yen-trach.txt", PAGE)
        buffer = BytesIO()
        PILImage.new("RGB", (640, 400), (20, 90, 160)).save(buffer, "JPEG")
        (self.folder / "yen-trach.jpg").write_bytes(buffer.getvalue())
        out, _err, error = run_import(self.folder)
        self.assertIsNone(error, out)
        page = self.imported("Xã Yên Trạch")
        self.assertEqual(page.title, "Xã Yên Trạch ra mắt mô hình “Khu dân cư văn minh”")
        self.assertEqual(page.byline, ["Minh Anh", "Quốc Việt"])
        self.assertIsNotNone(page.image)
        self.assertEqual(page.image_caption,
                         "Đại diện thôn Đồng Tâm nhận quyết định công nhận mô hình")
        body = page.body[0].value.source
        # Lines of one paragraph join; paragraphs stay apart.
        self.assertIn("312 hộ dân. Các hộ cam kết", body)
        self.assertEqual(body.count("<p>"), 2)
        self.assertEqual(page.get_parent().title, "Tin tức")

    def test_importing_again_updates_in_place_and_never_duplicates(self):
        path = write(self.folder, "a.txt", PAGE)
        run_import(path)
        first = self.imported("Xã Yên Trạch")
        out, _err, _error = run_import(path)
        self.assertIn("Bỏ qua (không đổi):         1", out)
        self.assertEqual(ArticlePage.objects.count(), 1)
        write(self.folder, "a.txt", PAGE.replace("312 hộ dân", "320 hộ dân"))
        out, _err, _error = run_import(path)
        self.assertIn("Cập nhật:                   1", out)
        self.assertEqual(ArticlePage.objects.count(), 1)
        page = self.imported("Xã Yên Trạch")
        self.assertEqual(page.pk, first.pk)
        self.assertIn("320 hộ dân", page.body[0].value.source)

    def test_an_interrupted_import_carries_on_where_it_stopped(self):
        for number in range(1, 8):
            write(self.folder, f"{number:02}.txt",
                  PAGE.replace("Xã Yên Trạch ra mắt", f"Xã số {number} ra mắt"))
        from toasoan.importer import saving

        real = saving.Importer.prepare
        calls = []

        def crash_on_the_fifth(importer, record):
            calls.append(record.key)
            if len(calls) == 5:
                raise KeyboardInterrupt  # the power goes, or someone presses Ctrl+C
            return real(importer, record)

        with (mock.patch.object(saving, "BATCH_SIZE", 2),
              mock.patch.object(saving.Importer, "prepare", crash_on_the_fifth),
              self.assertRaises(KeyboardInterrupt)):
            run_import(self.folder)
        # Two whole batches were committed; the third was rolled back.
        self.assertEqual(ArticlePage.objects.count(), 4)
        out, _err, error = run_import(self.folder)
        self.assertIsNone(error, out)
        self.assertIn("Tạo mới:                    3", out)
        self.assertIn("Bỏ qua (không đổi):         4", out)
        self.assertEqual(ArticlePage.objects.count(), 7)
        self.assertEqual(ImportedItem.objects.count(), 7)

    def test_lost_letters_make_a_draft_for_an_editor_with_the_passages_listed(self):
        damaged = PAGE.replace("tổ chức lễ ra mắt", "t? ch?c l? ra m?t")
        write(self.folder, "hong.txt", damaged)
        out, _err, error = run_import(self.folder)
        self.assertIsNone(error, out)
        page = self.imported("Xã Yên Trạch")
        self.assertFalse(page.live)
        self.assertIn("Cần kiểm tra (bản nháp):    1", out)
        item = ImportedItem.objects.get(object_id=page.pk, kind="article")
        self.assertTrue(any("ch?c" in passage for passage in item.damage))
        self.assertNotContains(self.client.get("/tim-kiem/", {"q": "Yen Trach"}),
                               "Xã Yên Trạch ra mắt")
        from django.contrib.auth import get_user_model

        self.client.force_login(get_user_model().objects.create_superuser("bt", "bt@x.vn", "x"))
        report = self.client.get("/admin/nhap/can-kiem-tra/")
        self.assertContains(report, "Bài nhập cần kiểm tra")
        self.assertContains(report, "Xã Yên Trạch ra mắt mô hình")
        self.assertContains(report, "t? ch?c l? ra m?t")
        self.assertContains(self.client.get("/admin/"), "/admin/nhap/can-kiem-tra/")  # the menu

    def test_mojibake_and_nfd_are_repaired(self):
        broken = PAGE.replace("Sáng 15/3, UBND xã Yên Trạch",
                              "SÃ¡ng 15/3, UBND xÃ£ YÃªn Tráº¡ch")
        title = "Xã Yên Trạch ra mắt mô hình"
        broken = broken.replace(title, unicodedata.normalize("NFD", title))
        write(self.folder, "moji.txt", broken)
        out, _err, error = run_import(self.folder)
        self.assertIsNone(error, out)
        page = self.imported("Xã Yên Trạch")
        self.assertTrue(page.lead.startswith("Sáng 15/3, UBND xã Yên Trạch"))
        self.assertEqual(unicodedata.normalize("NFC", page.title), page.title)
        self.assertIn("Đã sửa lỗi mã hóa:          1", out)
        self.assertTrue(page.live)

    def test_markup_in_a_text_page_is_text(self):
        write(self.folder, "xss.txt", PAGE.replace(
            "Dịp này, xã trao",
            "<script>alert('x')</script><img src=x onerror=alert(1)> Dịp này, xã trao"))
        run_import(self.folder)
        response = self.client.get(self.imported("Xã Yên Trạch").url)
        self.assertNotContains(response, "<script>alert")
        self.assertNotContains(response, "<img src=x")
        self.assertContains(response, "&lt;script&gt;")

    def test_a_file_without_its_title_line_fails_alone_with_its_name_and_line(self):
        write(self.folder, "1-tot.txt", PAGE)
        write(self.folder, "2-hong.txt", "\n\nKhông có dòng tiêu đề\n\nĐoạn thân bài.\n")
        write(self.folder, "3-sai-ngay.txt",
              PAGE.replace("(09:30 15/03/2024)", "(09:30 31/02/2024)"))
        write(self.folder, "4-tot.txt", PAGE.replace("Xã Yên Trạch ra mắt", "Xã Đông Phú ra mắt"))
        out, _err, error = run_import(self.folder)
        self.assertIsNotNone(error)  # the exit status says something failed
        self.assertIn("tệp 2-hong.txt, dòng 3", out)
        self.assertIn("tệp 3-sai-ngay.txt, dòng 1", out)
        self.assertIn("31/02/2024", out)
        self.assertEqual(ArticlePage.objects.count(), 2)

    def test_tcvn3_and_vni_files_are_converted(self):
        from toasoan.text.legacy_encodings import encode_tcvn3, encode_vni

        page = PAGE.split("Các bài mới đăng")[0]
        for name, encode in (("tcvn3", encode_tcvn3), ("vni", encode_vni)):
            (self.folder / f"{name}.txt").write_bytes(
                encode(page.replace("Xã Yên Trạch", f"Xã {name}")).encode("cp1252"))
        out, _err, error = run_import(self.folder)
        self.assertIsNone(error, out)
        self.assertIn("Đã sửa lỗi mã hóa:          2", out)
        for name in ("tcvn3", "vni"):
            page = self.imported(f"Xã {name}")
            self.assertTrue(page.lead.startswith("Sáng 15/3, UBND xã Yên Trạch tổ chức lễ ra mắt"))
            self.assertEqual(page.byline, ["Minh Anh", "Quốc Việt"])

    def test_legacy_code_page_text_is_read(self):
        (self.folder / "cp1258.txt").write_bytes(cp1258(PAGE.split("Các bài mới đăng")[0]))
        out, _err, error = run_import(self.folder)
        self.assertIsNone(error, out)
        self.assertTrue(self.imported("Xã Yên Trạch").lead.startswith("Sáng 15/3, UBND xã"))

    def test_off_a_terminal_progress_is_a_plain_log(self):
        for number in range(1, 4):
            write(self.folder, f"{number}.txt", PAGE.replace("Xã Yên Trạch", f"Xã số {number}"))
        command = "toasoan.importer.management.commands.import"
        with mock.patch(f"{command}.LOG_EVERY", 0):
            _out, err, error = run_import(self.folder)
        self.assertIsNone(error)
        self.assertIn("Nhập: đã xử lý 3 mục: tạo 3, cập nhật 0, bỏ qua 0, lỗi 0", err)
        self.assertNotIn("\r", err)  # no progress bar redrawn into a log file
