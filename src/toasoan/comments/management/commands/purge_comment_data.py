from django.core.management.base import BaseCommand

from toasoan.comments.retention import purge, retention_days


class Command(BaseCommand):
    help = "Remove phone numbers, IP addresses and user agents older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Override the site's retention setting.")

    def handle(self, *args, days=None, **options):
        days = retention_days() if days is None else days
        count = purge(days=days)
        self.stdout.write(f"Đã xóa dữ liệu cá nhân của {count} bình luận cũ hơn {days} ngày.")
