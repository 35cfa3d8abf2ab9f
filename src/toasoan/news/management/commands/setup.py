from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from toasoan.news.site import ensure_home


class Command(BaseCommand):
    help = "Create or update the database, static files and the home page (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Also load the demo content.")

    def handle(self, *args, demo=False, **options):
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
        self.stdout.write("Cập nhật cơ sở dữ liệu…")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Chuẩn bị tệp tĩnh…")
        call_command("collectstatic", interactive=False, verbosity=0)
        if demo:
            call_command("load_demo")
        else:
            ensure_home()
        self.stdout.write(self.style.SUCCESS("Sẵn sàng."))
