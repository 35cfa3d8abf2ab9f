"""One archive holding a whole site: its data and its uploaded files.

The data is Django's own serialisation (`dumpdata`, natural keys), read inside one
transaction that sees a single snapshot of the database (REPEATABLE READ on
PostgreSQL, a read transaction in SQLite's WAL mode), so a backup taken while
editors and readers are at work is consistent. Being the same for every database,
it restores into SQLite or PostgreSQL alike: that is how a site moves from one
machine's SQLite to PostgreSQL. What can be rebuilt from the rest is left out and
rebuilt on restore (search indexes, the reference index); so is what is only
transient (sessions, captcha challenges, login attempts, the shared cache).

Archive: a gzipped tar of `manifest.json`, `data.json` and `media/…`.
"""

import io
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone

FORMAT = 1
SNAPSHOT = "backup_snapshot"
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
def _snapshot(scratch):
    """A database alias that reads one consistent state while the site keeps running:
    on PostgreSQL a REPEATABLE READ transaction; on SQLite a copy made with its online
    backup API (a transaction there would hold the write lock for the whole dump)."""
    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield DEFAULT_DB_ALIAS
        return
    copy = Path(scratch) / "snapshot.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(copy)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    connections.databases[SNAPSHOT] = {**connections.databases[DEFAULT_DB_ALIAS], "NAME": copy}
    try:
        yield SNAPSHOT
    finally:
        connections[SNAPSHOT].close()
        del connections[SNAPSHOT]
        del connections.databases[SNAPSHOT]


def _objects(alias):
    for model in serializers.sort_dependencies([(None, list(_models()))]):
        queryset = model._default_manager.using(alias).order_by(model._meta.pk.name)
        yield from queryset.iterator(chunk_size=500)


def write(path) -> dict:
    """Write the archive to `path`; return its manifest."""
    path = Path(path)
    with tempfile.TemporaryDirectory(dir=path.parent) as scratch:
        data = Path(scratch) / "data.json"
        with _snapshot(scratch) as alias, data.open("w", encoding="utf-8") as out:
            serializers.serialize("json", _objects(alias), stream=out,
                                  use_natural_foreign_keys=True, use_natural_primary_keys=True)
            counts = _counts(alias)
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "database": connection.vendor,
            "counts": counts,
        }
        partial = path.with_name(path.name + ".tmp")
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
            archive.add(data, arcname="data.json")
            media = Path(settings.MEDIA_ROOT)
            if media.exists():
                archive.add(media, arcname="media")
        os.replace(partial, path)  # a finished archive or none
    return manifest


def _add_bytes(archive, name, content):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(content))


def _counts(alias):
    from wagtail.images import get_image_model

    from toasoan.comments.models import Comment
    from toasoan.news.models import ArticlePage

    return {
        "articles": ArticlePage.objects.using(alias).count(),
        "comments": Comment.objects.using(alias).count(),
        "images": get_image_model().objects.using(alias).count(),
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
            call_command("loaddata", str(Path(scratch) / "data.json"), verbosity=0)
        _swap_media(Path(scratch) / "media", media_root)
    _rebuild_indexes()
    return manifest


def _extract(archive, target):
    for member in archive.getmembers():
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"Tệp sao lưu có mục không hợp lệ: {member.name}")
    archive.extractall(target, filter="data")
    if not (target / "data.json").is_file():
        raise BackupError("Tệp sao lưu thiếu data.json.")


def _swap_media(new, media_root):
    new.mkdir(exist_ok=True)
    old = media_root.with_name(media_root.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if media_root.exists():
        media_root.rename(old)
    new.rename(media_root)
    shutil.rmtree(old, ignore_errors=True)


def _rebuild_indexes():
    from toasoan.news import pagecache
    from toasoan.search.indexing import rebuild

    rebuild()
    call_command("rebuild_references_index", verbosity=0)
    pagecache.bump(["site"])
