from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from toasoan import backup


class Command(BaseCommand):
    help = "Write the whole site (database and uploaded files) to one archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", nargs="?",
                            help="where to write it (default: toasoan-YYYYmmdd-HHMMSS.tar.gz)")

    def handle(self, *args, archive=None, **options):
        path = Path(archive or timezone.localtime().strftime("toasoan-%Y%m%d-%H%M%S.tar.gz"))
        if not path.parent.is_dir():
            raise CommandError(f"Không có thư mục {path.parent}")
        try:
            manifest = backup.write(path)
        except OSError as error:  # a full disk, a folder we may not write to
            raise CommandError(f"Không ghi được bản sao lưu: {error}") from error
        counts = manifest["counts"]
        self.stdout.write(self.style.SUCCESS(
            f"Đã sao lưu vào {path}: {counts['articles']} bài viết, {counts['comments']} bình "
            f"luận, {counts['images']} ảnh ({path.stat().st_size / 2**20:.1f} MB)."
        ))
