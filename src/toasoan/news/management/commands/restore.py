import sys

from django.core.management.base import BaseCommand, CommandError

from toasoan.backup import BackupError, restore
from toasoan.text import format_number

WARNING = ("Khôi phục sẽ thay toàn bộ nội dung của trang này (bài viết, bình luận, ảnh, "
           "tài khoản, cài đặt) bằng nội dung của bản sao lưu.")


class Command(BaseCommand):
    help = "Replace the site's whole content with a backup archive's (`toasoan backup`)."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, archive, yes=False, **options):
        if not yes:
            if not sys.stdin.isatty():
                raise CommandError(f"{WARNING} Thêm --yes để xác nhận.")
            answer = input(f"{WARNING}\nGõ 'có' để tiếp tục: ")
            if answer.strip().lower() not in {"có", "co", "yes"}:
                raise CommandError("Đã huỷ, không thay đổi gì.")
        try:
            manifest = restore(archive, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        done = f"Đã khôi phục {format_number(rows)} bản ghi từ {archive}."
        self.stdout.write(self.style.SUCCESS(done))
