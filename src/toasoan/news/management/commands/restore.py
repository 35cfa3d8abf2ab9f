from django.core.management.base import BaseCommand, CommandError

from toasoan import backup


class Command(BaseCommand):
    help = "Replace this site's database and uploaded files with a `toasoan backup` archive."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true",
                            help="do not ask (the current content is replaced)")

    def handle(self, *args, archive, yes=False, **options):
        if not yes:
            answer = input("Toàn bộ nội dung hiện có sẽ bị thay bằng bản sao lưu. Gõ «có» để "
                           "tiếp tục: ")
            if answer.strip().lower() not in {"có", "co"}:
                raise CommandError("Đã hủy, không thay đổi gì.")
        try:
            manifest = backup.restore(archive)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        counts = manifest["counts"]
        self.stdout.write(self.style.SUCCESS(
            f"Đã khôi phục bản sao lưu ngày {manifest['created_at'][:10]} "
            f"(từ {manifest['database']}): {counts['articles']} bài viết, "
            f"{counts['comments']} bình luận, {counts['images']} ảnh."
        ))
