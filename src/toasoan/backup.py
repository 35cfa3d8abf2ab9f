"""One archive holding a whole site: its data and its uploaded files.

The data is Django's own serialisation (as `dumpdata` writes it), read inside one
transaction that sees a single snapshot of the database (REPEATABLE READ on
PostgreSQL, a deferred read transaction in SQLite's WAL mode), so a backup taken while
editors and readers are at work is consistent. Being the same for every database,
it restores into SQLite or PostgreSQL alike: that is how a site moves from one
machine's SQLite to PostgreSQL. What can be rebuilt from the rest is left out and
rebuilt on restore (search indexes, the reference index); so is what is only
transient (sessions, captcha challenges, login attempts, the shared cache).

Archive: a gzipped tar of `manifest.json`, `data.jsonl` and `media/…`.
"""

import io
import json
import os
import shutil
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.jsonl import Serializer as JSONLSerializer
from django.db import connection, transaction
from django.utils import timezone

FORMAT = 1
# Rebuilt on restore, or not worth keeping.
LEFT_OUT = [
    "contenttypes", "auth.permission", "sessions", "admin.logentry",
    "search.searchdocument", "wagtailsearch.indexentry", "wagtailcore.referenceindex",
    "captcha", "axes", "wagtailadmin.editingsession",
]


class BackupError(Exception):
    """A Vietnamese message for the operator."""


def _models():
    from django.apps import apps

    left_apps = {label for label in LEFT_OUT if "." not in label}
    left_models = {label for label in LEFT_OUT if "." in label}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in left_apps or label in left_models:
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        yield model


@contextmanager
def _snapshot():
    """One consistent state of the database while the site keeps running: a
    REPEATABLE READ transaction on PostgreSQL; on SQLite a deferred read transaction,
    which in WAL mode reads one snapshot without holding writers up (Django's own
    transactions there begin IMMEDIATE, taking the write lock)."""
    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield
    elif connection.in_atomic_block:
        yield
    else:
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")


class Serializer(JSONLSerializer):
    """Every row keeps its id, so ids stored as text (revisions, logs, rich text) stay
    right; only content types and permissions, which the target database numbers
    its own way, are written by name."""

    BY_NAME = {"contenttypes.contenttype", "auth.permission"}

    def _by_name(self, field):
        self.use_natural_foreign_keys = field.remote_field.model._meta.label_lower in self.BY_NAME

    def handle_fk_field(self, obj, field):
        self._by_name(field)
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self._by_name(field)
        super().handle_m2m_field(obj, field)


def _objects():
    for model in serializers.sort_dependencies([(None, list(_models()))], allow_cycles=True):
        yield from model._default_manager.order_by(model._meta.pk.name).iterator(chunk_size=500)


def write(path) -> dict:
    """Write the archive to `path`; return its manifest."""
    path = Path(path)
    with tempfile.TemporaryDirectory(dir=path.parent) as scratch:
        data = Path(scratch) / "data.jsonl"
        with _snapshot(), data.open("w", encoding="utf-8") as out:
            Serializer().serialize(_objects(), stream=out)
            counts = _counts()
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "database": connection.vendor,
            "counts": counts,
        }
        partial = path.with_name(path.name + ".tmp")
        try:
            with tarfile.open(partial, "w:gz") as archive:
                _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
                archive.add(data, arcname="data.jsonl")
                media = Path(settings.MEDIA_ROOT)
                if media.exists():
                    archive.add(media, arcname="media")
            os.replace(partial, path)  # a finished archive or none
        finally:
            partial.unlink(missing_ok=True)
    return manifest


def _add_bytes(archive, name, content):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(content))


def _counts():
    from wagtail.images import get_image_model

    from toasoan.comments.models import Comment
    from toasoan.news.models import ArticlePage

    return {
        "articles": ArticlePage.objects.count(),
        "comments": Comment.objects.count(),
        "images": get_image_model().objects.count(),
    }


def read_manifest(archive) -> dict:
    try:
        member = archive.extractfile("manifest.json")
    except KeyError:
        member = None
    if member is None:
        raise BackupError("Tệp này không phải bản sao lưu của toasoan (thiếu manifest.json).")
    manifest = json.load(member)
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Bản sao lưu định dạng {manifest.get('format')!r}, "
                          f"phiên bản này chỉ đọc được định dạng {FORMAT}.")
    return manifest


def restore(path) -> dict:
    """Replace this site's data and media with the archive's. The database is
    replaced in one transaction; the media folder is swapped in only after it."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu: {path}")
    try:
        archive = tarfile.open(path, "r:gz")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"Không đọc được tệp sao lưu {path}: {error}") from error
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with archive, tempfile.TemporaryDirectory(dir=media_root.parent) as scratch:
        manifest = read_manifest(archive)
        _extract(archive, Path(scratch))
        call_command("migrate", interactive=False, verbosity=0)
        with transaction.atomic():
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=False)
            call_command("loaddata", str(Path(scratch) / "data.jsonl"), verbosity=0)
        # The flush numbered the content types afresh; this process still knows the old.
        ContentType.objects.clear_cache()
        _swap_media(Path(scratch) / "media", media_root)
    _rebuild_indexes()
    return manifest


def _extract(archive, target):
    for member in archive.getmembers():
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"Tệp sao lưu có mục không hợp lệ: {member.name}")
    archive.extractall(target, filter="data")
    if not (target / "data.jsonl").is_file():
        raise BackupError("Tệp sao lưu thiếu data.jsonl.")


def _swap_media(new, media_root):
    new.mkdir(exist_ok=True)
    old = media_root.with_name(media_root.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if media_root.exists():
        media_root.rename(old)
    new.rename(media_root)
    shutil.rmtree(old, ignore_errors=True)


def _rebuild_indexes():
    """What was left out of the archive, rebuilt; what was kept in caches, forgotten."""
    from wagtail.models import Site
    from wagtail.search.management.commands.update_index import Command as WagtailIndex

    from toasoan.news import pagecache
    from toasoan.search.indexing import rebuild

    rebuild()
    if connection.vendor == "sqlite":
        # Wagtail's SQLite index keeps its words in an FTS5 table beside its entries;
        # after the flush and reload it can hold rows the entries no longer have.
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM wagtailsearch_indexentry")
            cursor.execute("DELETE FROM wagtailsearch_indexentry_fts")
    call_command(WagtailIndex(), verbosity=0)
    call_command("rebuild_references_index", verbosity=0)
    Site.clear_site_root_paths_cache()
    pagecache.bump([pagecache.SITE_TAG])  # every stored page carries it
