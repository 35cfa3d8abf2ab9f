from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from toasoan.comments.retention import erase_phone


class Command(BaseCommand):
    help = "Delete every comment and trace of a phone number, at its owner's request."

    def add_arguments(self, parser):
        parser.add_argument("phone", help="The phone number, in any usual Vietnamese form.")

    def handle(self, *args, phone, **options):
        try:
            count = erase_phone(phone)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(f"Đã xóa {count} bình luận và mọi dấu vết của số điện thoại này.")
