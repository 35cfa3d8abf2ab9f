import time

from tqdm import tqdm
from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from toasoan.search.indexing import live_articles, rebuild
from toasoan.text import format_number


class Command(WagtailUpdateIndex):
    help = "Rebuild the search indexes from scratch: the public search, then Wagtail's (admin)."

    def handle(self, **options):
        started = time.monotonic()
        total = live_articles().count()
        with tqdm(total=total, desc="Chỉ mục tìm kiếm", unit=" bài", disable=None) as bar:
            count = rebuild(progress=bar.update)
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Chỉ mục tìm kiếm công khai: {format_number(count)} bài viết "
            f"trong {format_number(seconds, 1)} giây."
        )
        super().handle(**options)
