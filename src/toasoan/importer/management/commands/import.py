"""`toasoan import text|wxr|rss`: bring old articles in."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from toasoan.importer.readers.feed import read_feed
from toasoan.importer.readers.text import read_text
from toasoan.importer.readers.wxr import read_wxr
from toasoan.importer.saving import Importer

LOG_EVERY = 10.0  # seconds between progress lines when not on a terminal
# No monitor thread: the importer forks a second process, and forking a process
# that runs other threads can deadlock the child.
tqdm.monitor_interval = 0


class Command(BaseCommand):
    help = (
        "Nhập bài viết: từ trang văn bản lưu từ cổng cũ (text), từ tệp xuất của WordPress"
        " (wxr) hoặc từ RSS/Atom (rss). Chạy lại sẽ cập nhật, không nhân đôi."
    )

    def add_arguments(self, parser):
        formats = parser.add_subparsers(dest="format", required=True, metavar="text|wxr|rss")
        text = formats.add_parser("text", help="Trang bài viết dạng văn bản (.txt hoặc thư mục).")
        text.add_argument("paths", nargs="+", metavar="TỆP")
        text.add_argument("--section", default="Tin tức",
                          help="Chuyên mục nhận bài (mặc định: Tin tức).")
        wxr = formats.add_parser("wxr", help="Tệp xuất WordPress (WXR 1.0, 1.1, 1.2).")
        wxr.add_argument("path", metavar="TỆP")
        wxr.add_argument("--media-dir", help="Thư mục chứa ảnh (bản sao wp-content/uploads).")
        wxr.add_argument("--section", default="Tin tức",
                         help="Chuyên mục cho bài không có chuyên mục.")
        feed = formats.add_parser("rss", help="Nguồn tin RSS 2.0 hoặc Atom (tệp hoặc địa chỉ).")
        feed.add_argument("path", metavar="TỆP_HOẶC_URL")
        feed.add_argument("--media-dir", help="Thư mục chứa ảnh.")
        feed.add_argument("--section", default="Tin tức",
                          help="Chuyên mục cho bài không có chuyên mục.")

    def handle(self, *args, format, section, **options):
        if format == "text":
            items = read_text(options["paths"])
        elif format == "wxr":
            items = read_wxr(options["path"], media_dir=options.get("media_dir"))
        else:
            items = read_feed(options["path"])
        importer = Importer(default_section=section, media_dir=options.get("media_dir"))
        started = time.monotonic()
        with tqdm(desc="Nhập", unit=" mục", disable=not sys.stderr.isatty(),
                  file=sys.stderr) as bar:
            summary = importer.run(items, progress=self._progress(bar, started))
        self.stdout.write(summary.report(time.monotonic() - started))
        if summary.failed:
            raise CommandError(f"{len(summary.failed)} mục không nhập được (xem danh sách ở trên).")

    def _progress(self, bar, started):
        last = [started]

        def progress(summary, count):
            if not bar.disable:
                bar.update(count)
            elif time.monotonic() - last[0] >= LOG_EVERY:
                last[0] = time.monotonic()
                self.stderr.write(f"Nhập: {summary.progress_line()}")
        return progress
