"""The Nu HTML Checker (vnu.jar) finds no error in the public pages' HTML as the server
sends it: home, a section, an article with comments, search results, the 404 page and the
contact page. The checker runs once for all of them (a JVM start is slow)."""

import json
import subprocess
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.e2e.checks import PAGE_NAMES, VNU

pytestmark = pytest.mark.e2e

VNU_TIMEOUT = 300
CANARY = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Trang hỏng</title></head>
<body><p><img width="150" height="50" alt="Ảnh không có nguồn"></p></body></html>
"""


def fetch(url):
    """Status and body of a GET, error pages included."""
    request = urllib.request.Request(url, headers={"Accept": "text/html"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def run_vnu(files):
    """vnu.jar's messages (errors only) for `files`, as {file name: [messages]}."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True, text=True, timeout=VNU_TIMEOUT,
    )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu.jar did not answer in JSON (exit {result.returncode}):\n"
                    f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    found = {file.name: [] for file in files}
    for message in messages:
        name = Path(unquote(urlsplit(message.get("url", "")).path)).name
        if name not in found:
            pytest.fail(f"vnu.jar could not check a page: {message}")
        found[name].append(message)
    return found


@pytest.fixture(scope="module")
def checked(server, public_pages, node_modules, artifacts):
    """Each page's status, saved HTML file and vnu.jar's errors about it."""
    folder = artifacts / "html"
    folder.mkdir(exist_ok=True)
    pages = {}
    for name, path in public_pages.items():
        status, body = fetch(f"{server.url}{path}")
        file = folder / f"{name}.html"
        file.write_bytes(body)
        pages[name] = (path, status, file)
    # A page with a known error, checked in the same run: the checker really reports.
    canary = folder / "canary.html"
    canary.write_text(CANARY)
    pages["canary"] = (None, None, canary)
    errors = run_vnu([file for _path, _status, file in pages.values()])
    return {name: (path, status, file, errors.get(file.name, []))
            for name, (path, status, file) in pages.items()}


def describe(messages):
    lines = []
    for m in messages:
        column = m.get("firstColumn", m.get("lastColumn", "?"))
        lines.append(f"    line {m.get('lastLine', '?')}, column {column} [{m.get('type')}]: "
                     f"{m.get('message')}")
        lines.append(f"        {(m.get('extract') or '').strip()[:200]}")
    return "\n".join(lines)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_html_has_no_validation_error(checked, name):
    path, status, file, messages = checked[name]
    expected = 404 if name == "not-found" else 200
    assert status == expected, f"{path} ({name}) answered {status}, not {expected}"
    assert not messages, (
        f"vnu.jar: {len(messages)} error(s) in {path} ({name}, saved as {file}):\n"
        f"{describe(messages)}")


def test_the_checker_reports_a_known_error(checked):
    _path, _status, _file, messages = checked["canary"]
    assert any("img" in m.get("message", "") for m in messages), messages
