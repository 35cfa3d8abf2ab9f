"""What the accessibility, validity, budget and Lighthouse checks share: the Node tools
(axe-core, vnu-jar, Lighthouse from package.json), and the public pages they look at.

The fixtures that use these live in conftest.py.
"""

import fcntl
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote_plus, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
LOCK_FILE = ROOT / "package-lock.json"
# npm writes this file last on every install: its age is the installation's.
INSTALLED_MARK = NODE_MODULES / ".package-lock.json"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
NPM_TIMEOUT = 600

# The viewports every page is checked at: a phone and a desktop.
VIEWPORTS = {
    "phone-360": {"viewport": {"width": 360, "height": 800}, "is_mobile": True,
                  "has_touch": True, "device_scale_factor": 2},
    "desktop-1280": {"viewport": {"width": 1280, "height": 800}},
}

# A word every demo portal has in many articles.
SEARCH_WORD = "nông thôn"
MISSING_PATH = "/khong-co-trang-nay/"
CONTACT_PATH = "/lien-he/"
PAGE_NAMES = ["home", "section", "article", "search", "not-found", "contact"]


def missing_tool_message():
    missing = [tool for tool in ("node", "npm", "java") if shutil.which(tool) is None]
    if missing:
        return (f"{', '.join(missing)} missing: the accessibility and validity checks need "
                "Node.js with npm and a Java runtime (apt-get install nodejs npm "
                "default-jre-headless)")
    return None


def skip_or_fail(message):
    """Like the `browser` fixture: a missing tool fails under CI=1 and skips otherwise."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def node_modules_outdated():
    return (not INSTALLED_MARK.exists()
            or INSTALLED_MARK.stat().st_mtime < LOCK_FILE.stat().st_mtime
            or not (AXE.exists() and VNU.exists() and LIGHTHOUSE.exists()))


def install_node_modules():
    """`npm ci` once, when node_modules is missing or older than package-lock.json.

    --ignore-scripts: none of the packages needs its install script; vnu-jar's would
    download a Java runtime when it finds none, and the machine has its own.
    """
    message = missing_tool_message()
    if message:
        skip_or_fail(message)
    with (Path(tempfile.gettempdir()) / "toasoan-npm-install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two test runs at once install once
        if node_modules_outdated():
            result = subprocess.run(
                ["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
                cwd=ROOT, capture_output=True, text=True, timeout=NPM_TIMEOUT,
            )
            if result.returncode != 0:
                pytest.fail(f"`npm ci` failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
            INSTALLED_MARK.touch()
    return NODE_MODULES


def sample_article_path(server):
    """The demo's sample article: the full shape of an article, with approved comments."""
    code = ("from toasoan.demo.models import DemoArticle; "
            "print(DemoArticle.objects.get(key='bai-mau').page.specific.url)")
    url = server.run_toasoan("shell", "--no-imports", "-c", code).strip().splitlines()[-1]
    return urlsplit(url).path


def first_section_path(html):
    """The first section of the main menu (the menu's first link is the home page)."""
    menu = re.search(r'<nav\b[^>]*\bclass="(?:[^"]* )?main-nav\b.*?</nav>', html, re.S)
    assert menu, "the home page has no main menu (nav.main-nav)"
    paths = [path for path in re.findall(r'href="([^"]+)"', menu[0]) if path != "/"]
    assert paths, "the main menu lists no section"
    return paths[0]


def public_pages(server, html_of_home):
    """Name -> path of the pages the issue lists: home, a section, an article with
    approved comments and the comment form, search results, the 404, the contact page."""
    return {
        "home": "/",
        "section": first_section_path(html_of_home),
        "article": sample_article_path(server),
        "search": f"/tim-kiem/?q={quote_plus(SEARCH_WORD)}",
        "not-found": MISSING_PATH,
        "contact": CONTACT_PATH,
    }
