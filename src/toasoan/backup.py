"""One archive holding a whole site, and putting it back (`toasoan backup`, `toasoan restore`).

The archive is a gzip'd tar:

- `manifest.json`: format, when, from which database, the migrations the data is at,
  and how many rows of each model;
- `database.jsonl`: every row, one JSON object a line, in Django's serialization (the
  same on SQLite and PostgreSQL, so a SQLite site moves into PostgreSQL by restoring);
- `media/`: the uploaded images and documents and their renditions.

The rows are read from one consistent state of a running site: on SQLite a copy made
with SQLite's online backup, on PostgreSQL a repeatable-read, read-only transaction.
Search indexes, sessions and login-attempt records are left out; the indexes are
rebuilt after a restore.
"""

import io
import json
import shutil
import sqlite3
import tarfile
import tempfile
import zlib
from contextlib import contextmanager
from datetime import UTC, datetime, time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.cache import caches
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.migrations.executor import MigrationExecutor

from toasoan.text import format_number

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE = "database.jsonl"
MEDIA = "media"
SNAPSHOT_ALIAS = "backup_snapshot"
# Derived or short-lived: rebuilt or not worth keeping.
SKIPPED_APPS = {"search", "wagtailsearch", "modelsearch", "sessions", "axes"}
SKIPPED_MODELS = {"wagtailadmin.editingsession"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is for the operator."""


def saved_models():
    models = []
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or meta.app_label in SKIPPED_APPS:
            continue
        if meta.label_lower in SKIPPED_MODELS:
            continue
        models.append(model)
    return sorted(models, key=lambda model: model._meta.label_lower)


def _leaf_migrations(alias):
    executor = MigrationExecutor(connections[alias])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise BackupError("Cơ sở dữ liệu chưa được cập nhật: hãy chạy `toasoan migrate` trước.")
    return sorted(executor.loader.graph.leaf_nodes())


@contextmanager
def _snapshot():
    """A connection alias reading one state of the database while the site runs on."""
    if connection.vendor != "sqlite":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield DEFAULT_DB_ALIAS
        return
    with tempfile.TemporaryDirectory(prefix="toasoan-backup-") as folder:
        copy = Path(folder) / "snapshot.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)
        target.close()
        connections.settings[SNAPSHOT_ALIAS] = {**connection.settings_dict, "NAME": copy}
        try:
            yield SNAPSHOT_ALIAS
        finally:
            connections[SNAPSHOT_ALIAS].close()
            del connections[SNAPSHOT_ALIAS]
            del connections.settings[SNAPSHOT_ALIAS]


class ExactEncoder(DjangoJSONEncoder):
    """Times to the microsecond: Django's encoder keeps milliseconds."""

    def default(self, o):
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def _write_rows(alias, path):
    counts = {}
    with path.open("w", encoding="utf-8") as stream:
        for model in saved_models():
            rows = model._base_manager.using(alias).order_by("pk")
            counts[model._meta.label_lower] = rows.count()
            serializers.serialize("jsonl", rows.iterator(chunk_size=2000), stream=stream,
                                  cls=ExactEncoder)
    return counts


def _media_files():
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


def backup(destination, log=print):
    """Write the site's archive to `destination` (written beside it, then moved in
    place: a failed backup never leaves half an archive under that name)."""
    destination = Path(destination)
    if not destination.parent.is_dir():
        raise BackupError(f"Thư mục {destination.parent} không tồn tại.")
    partial = destination.with_name(destination.name + ".partial")
    try:
        with tempfile.TemporaryDirectory(prefix="toasoan-backup-") as folder:
            rows = Path(folder) / DATABASE
            log("Đọc cơ sở dữ liệu…")
            with _snapshot() as alias:
                migrations = _leaf_migrations(alias)
                counts = _write_rows(alias, rows)
            manifest = {
                "format": FORMAT,
                "created": datetime.now(UTC).isoformat(timespec="seconds"),
                "database": connection.vendor,
                "migrations": migrations,
                "rows": counts,
            }
            (Path(folder) / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
            files = _media_files()
            log(f"Ghi bản sao lưu ({format_number(sum(counts.values()))} bản ghi, "
                f"{format_number(len(files))} tệp)…")
            with tarfile.open(partial, "w:gz") as archive:
                archive.add(Path(folder) / MANIFEST, MANIFEST)
                archive.add(rows, DATABASE)
                root = Path(settings.MEDIA_ROOT)
                for path in files:
                    archive.add(path, f"{MEDIA}/{path.relative_to(root).as_posix()}")
        partial.replace(destination)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Không ghi được bản sao lưu: {error.strerror or error}.") from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return manifest


def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, AttributeError, ValueError) as error:
        raise BackupError("Tệp này không phải bản sao lưu của toasoan.") from error
    except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
        raise BackupError("Bản sao lưu bị hỏng hoặc không trọn vẹn.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Bản sao lưu có định dạng {manifest.get('format')!r}, "
                          f"phiên bản này đọc định dạng {FORMAT}.")
    return manifest


def _open(source):
    try:
        return tarfile.open(source, "r:*")
    except FileNotFoundError as error:
        raise BackupError(f"Không tìm thấy tệp {source}.") from error
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError("Tệp này không phải bản sao lưu của toasoan, hoặc đã hỏng.") from error


def _migrate_to(targets):
    executor = MigrationExecutor(connection)
    unknown = [node for node in targets if node not in executor.loader.graph.nodes]
    if unknown:
        app, name = unknown[0]
        raise BackupError("Bản sao lưu được tạo bởi một phiên bản toasoan mới hơn "
                          f"(có migration {app}.{name}): hãy cập nhật toasoan trước khi khôi phục.")
    executor.migrate(targets)


def _forget_cached_pages():
    from toasoan.news import pagecache
    from toasoan.news.invalidation import SITE

    cache = caches["default"]
    if hasattr(cache, "delete_pattern"):  # Redis: this site's keys, not the whole database
        cache.delete_pattern("*")
    else:
        cache.clear()
    pagecache.bump([SITE])


def restore(source, log=print):
    """Replace the site's whole content with the archive's: the database rows (in one
    transaction: a failed load leaves the site as it was), then the media files, then
    fresh search indexes."""
    with _open(source) as archive, tempfile.TemporaryDirectory(prefix="toasoan-restore-") as folder:
        manifest = read_manifest(archive)
        log(f"Bản sao lưu ngày {manifest['created']} ({manifest['database']}).")
        folder = Path(folder)
        try:
            archive.extractall(folder, filter="data")
        except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
            raise BackupError("Bản sao lưu bị hỏng hoặc không trọn vẹn.") from error
        if not (folder / DATABASE).is_file():
            raise BackupError("Bản sao lưu thiếu phần cơ sở dữ liệu.")

        log("Đưa cấu trúc cơ sở dữ liệu về đúng phiên bản của bản sao lưu…")
        _migrate_to([tuple(node) for node in manifest["migrations"]])
        log("Nạp dữ liệu…")
        with transaction.atomic():
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            call_command("loaddata", folder / DATABASE, verbosity=0)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)

        if (folder / MEDIA).is_dir():
            log("Chép tệp ảnh và tài liệu…")
            shutil.copytree(folder / MEDIA, settings.MEDIA_ROOT, dirs_exist_ok=True)
    log("Lập lại chỉ mục tìm kiếm…")
    call_command("update_index", verbosity=0, stdout=io.StringIO())
    _forget_cached_pages()
    return manifest
