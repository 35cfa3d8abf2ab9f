from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from toasoan.backup import BackupError, backup
from toasoan.text import format_number


def default_name():
    return f"toasoan-{datetime.now():%Y%m%d-%H%M%S}.tar.gz"


class Command(BaseCommand):
    help = "Write the whole site (database and uploaded files) to one archive, while it runs."

    def add_arguments(self, parser):
        parser.add_argument("archive", nargs="?",
                            help="Where to write (default: toasoan-<time>.tar.gz here).")

    def handle(self, *args, archive=None, **options):
        destination = Path(archive or default_name())
        try:
            manifest = backup(destination, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        size = format_number(destination.stat().st_size)
        self.stdout.write(self.style.SUCCESS(
            f"Đã sao lưu {format_number(rows)} bản ghi vào {destination} ({size} byte)."
        ))
