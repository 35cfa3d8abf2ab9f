"""`toasoan backup` and `toasoan restore` through the real commands, each site in its own
processes, data dir and database: a demo site goes out and comes back with every row,
file and page as it was, also from SQLite into PostgreSQL; a bad archive changes nothing."""

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.processes import is_postgres, run_toasoan, scratch_postgres

DATABASE_URL = os.environ.get("TOASOAN_DATABASE_URL", "")
REPO = Path(__file__).resolve().parent.parent


class Site:
    def __init__(self, folder, database_url=""):
        self.env = {**os.environ, "DJANGO_SETTINGS_MODULE": "toasoan.settings",
                    "TOASOAN_DATA_DIR": str(folder), "TOASOAN_DEBUG": "0",
                    "PYTHONPATH": str(REPO)}
        self.env.pop("TOASOAN_SECRET_KEY", None)
        self.env.pop("TOASOAN_DATABASE_URL", None)
        if database_url:
            self.env["TOASOAN_DATABASE_URL"] = database_url
        self.folder = folder

    def toasoan(self, *args, check=True):
        return run_toasoan(self.env, *args, check=check)

    def script(self, *args):
        result = subprocess.run([sys.executable, "-m", "tests.site_inventory", *args],
                                env=self.env, cwd=REPO, capture_output=True, text=True,
                                timeout=600)
        assert result.returncode == 0, result.stderr[-5000:]

    def inventory(self):
        out = self.folder / "inventory.json"
        self.script("read", str(out))
        return json.loads(out.read_text())


@pytest.fixture
def databases():
    """Makes sites: on SQLite, or on a scratch PostgreSQL database beside the configured one."""
    drops = []

    def make(kind):
        if kind == "sqlite":
            return ""
        url, drop = scratch_postgres(DATABASE_URL, "toasoan_backup")
        drops.append(drop)
        return url

    yield make
    for drop in drops:
        drop()


@pytest.fixture
def demo_archive(tmp_path, databases):
    """A demo site on the configured database, with comments, a setting and renditions,
    backed up; returns the source site and its archive."""
    def make(kind):
        source = Site(tmp_path / f"source-{kind}", databases(kind))
        source.toasoan("setup", "--demo")
        source.script("prepare")
        archive = tmp_path / f"site-{kind}.tar.gz"
        output = source.toasoan("backup", str(archive)).stdout
        assert "Đã sao lưu" in output
        return source, archive

    return make


def configured_kind():
    return "postgresql" if is_postgres(DATABASE_URL) else "sqlite"


def assert_same_site(source, restored):
    before, after = source.inventory(), restored.inventory()
    assert before["rows"].keys() == after["rows"].keys()
    for model, rows in before["rows"].items():
        assert after["rows"][model] == rows, f"{model} differs after the restore"
    assert after["media"] == before["media"]
    assert after["readers"] == before["readers"]
    # What the comparison rests on is there: the demo's content, seen by readers.
    assert len(before["rows"]["news.articlepage"]) >= 10
    assert len(before["rows"]["comments.comment"]) >= 3
    assert any(path.startswith("images/") for path in before["media"])
    assert all(seen["status"] == 200 and seen["title_shown"] and seen["found_by_search"]
               for seen in before["readers"])
    assert before["readers"][0]["approved_comments"]


def test_round_trip_keeps_every_row_file_and_page(tmp_path, demo_archive, databases):
    kind = configured_kind()
    source, archive = demo_archive(kind)
    restored = Site(tmp_path / "restored", databases(kind))
    restored.toasoan("setup")  # a new server, set up empty

    output = restored.toasoan("restore", str(archive), "--yes").stdout

    assert "Đã khôi phục" in output
    assert_same_site(source, restored)


def test_sqlite_site_moves_into_postgresql(tmp_path, demo_archive, databases):
    if not is_postgres(DATABASE_URL):
        pytest.skip("runs in the PostgreSQL configuration (TOASOAN_DATABASE_URL)")
    source, archive = demo_archive("sqlite")
    restored = Site(tmp_path / "restored", databases("postgresql"))
    restored.toasoan("setup")

    restored.toasoan("restore", str(archive), "--yes")

    assert_same_site(source, restored)


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    """An empty site the refusals leave untouched (one for them all)."""
    drop = None
    url = ""
    if is_postgres(DATABASE_URL):
        url, drop = scratch_postgres(DATABASE_URL, "toasoan_backup")
    site = Site(tmp_path_factory.mktemp("small-site"), url)
    site.toasoan("setup")
    yield site
    if drop:
        drop()


def test_bad_archives_are_refused_and_change_nothing(tmp_path, small_site):
    before = small_site.inventory()
    not_archive = tmp_path / "bai-viet.txt"
    not_archive.write_text("Không phải bản sao lưu", encoding="utf-8")
    foreign = tmp_path / "other.tar.gz"
    with tarfile.open(foreign, "w:gz") as archive:
        archive.add(not_archive, "notes.txt")
    truncated = tmp_path / "truncated.tar.gz"

    cases = {
        str(tmp_path / "missing.tar.gz"): "Không tìm thấy tệp",
        str(not_archive): "không phải bản sao lưu",
        str(foreign): "không phải bản sao lưu",
    }
    for path, message in cases.items():
        result = small_site.toasoan("restore", path, "--yes", check=False)
        assert result.returncode != 0
        assert message in result.stderr
        assert "Traceback" not in result.stderr

    # An archive cut short, as a full disk or an interrupted copy leaves it.
    small_site.toasoan("backup", str(tmp_path / "whole.tar.gz"))
    data = (tmp_path / "whole.tar.gz").read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    result = small_site.toasoan("restore", str(truncated), "--yes", check=False)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "hỏng hoặc không trọn vẹn" in result.stderr

    assert small_site.inventory() == before


def test_restore_asks_before_replacing_the_site(tmp_path, small_site):
    small_site.toasoan("backup", str(tmp_path / "site.tar.gz"))

    result = small_site.toasoan("restore", str(tmp_path / "site.tar.gz"), check=False)

    assert result.returncode != 0
    assert "--yes" in result.stderr


def test_an_archive_from_a_newer_version_is_refused(tmp_path, small_site):
    small_site.toasoan("backup", str(tmp_path / "site.tar.gz"))
    newer = tmp_path / "newer.tar.gz"
    with tarfile.open(tmp_path / "site.tar.gz") as old, tarfile.open(newer, "w:gz") as new:
        for member in old.getmembers():
            data = old.extractfile(member)
            if member.name == "manifest.json":
                manifest = json.load(data)
                manifest["migrations"].append(["news", "9999_from_the_future"])
                payload = json.dumps(manifest).encode()
                member.size = len(payload)
                data = io.BytesIO(payload)
            new.addfile(member, data)

    result = small_site.toasoan("restore", str(newer), "--yes", check=False)

    assert result.returncode != 0
    assert "phiên bản toasoan mới hơn" in result.stderr


def test_backup_into_a_missing_folder_says_so(tmp_path, small_site):
    result = small_site.toasoan("backup", str(tmp_path / "nowhere" / "site.tar.gz"), check=False)

    assert result.returncode != 0
    assert "không tồn tại" in result.stderr
    assert not list(tmp_path.glob("**/*.partial"))
