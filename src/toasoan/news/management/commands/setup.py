import hashlib
import os

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.core.management.base import BaseCommand

from toasoan.news.site import ensure_home
from toasoan.search.indexing import live_articles, rebuild
from toasoan.search.models import SearchDocument

STATIC_STAMP = ".toasoan-static-fingerprint"


def static_fingerprint():
    """A digest of every static source file's path, size and modification time."""
    digest = hashlib.sha256()
    for finder in get_finders():
        for path, storage in sorted(finder.list(["CVS", ".*", "*~"]), key=lambda item: item[0]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def collect_static():
    """Run collectstatic unless the collected files are already up to date (it takes ~15 s)."""
    stamp = settings.STATIC_ROOT / STATIC_STAMP
    fingerprint = static_fingerprint()
    if stamp.exists() and stamp.read_text() == fingerprint:
        return False
    call_command("collectstatic", interactive=False, verbosity=0)
    stamp.write_text(fingerprint)
    return True


def needs_search_index():
    """True on a site that had articles before the search index existed."""
    return not SearchDocument.objects.exists() and live_articles().exists()


class Command(BaseCommand):
    help = "Create or update the database, static files and the home page (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Also load the demo content.")

    def handle(self, *args, demo=False, **options):
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
        self.stdout.write("Cập nhật cơ sở dữ liệu…")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        self.stdout.write("Chuẩn bị tệp tĩnh…")
        collect_static()
        if demo:
            call_command("load_demo")
        else:
            ensure_home()
        if needs_search_index():
            self.stdout.write("Lập chỉ mục tìm kiếm cho các bài đã đăng…")
            rebuild()
        self.stdout.write(self.style.SUCCESS("Sẵn sàng."))
