"""The article page's weight budget: its HTML, CSS and JavaScript at most 100 KB
compressed (images aside), no script that blocks rendering, and nothing fetched from
another host on the home page or an article."""

import gzip
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from tests.e2e.test_article import load_all_pictures

pytestmark = pytest.mark.e2e

BUDGET = 100 * 1024
# nginx's default gzip level (deploy/nginx/toasoan.conf sets gzip on, no level), used for
# responses the app itself sends uncompressed: nginx compresses them on the way out.
NGINX_GZIP_LEVEL = 1
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


class Resources(HTMLParser):
    """The stylesheets and scripts a page references, and its scripts' attributes."""

    def __init__(self):
        super().__init__()
        self.urls = []
        self.scripts = []  # (attributes, has src)

    def handle_starttag(self, tag, attrs):
        attributes = {name: (value or "") for name, value in attrs}
        if tag == "link":
            rel = attributes.get("rel", "").lower().split()
            kind = attributes.get("as", "")
            if "stylesheet" in rel or "modulepreload" in rel or (
                    "preload" in rel and kind in ("style", "script")):
                self.urls.append(attributes["href"])
        elif tag == "script":
            if attributes.get("type", "").lower() not in SCRIPT_TYPES:
                return  # a data block (JSON-LD...), not a script
            if "src" in attributes:
                self.urls.append(attributes["src"])
            self.scripts.append(attributes)


def transferred(url):
    """Bytes on the wire for `url` when the client accepts gzip and brotli, and how."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip, br"})
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()  # urllib does not decompress: these are the wire bytes
        encoding = response.headers.get("Content-Encoding", "")
    if encoding:
        return len(body), encoding
    return len(gzip.compress(body, NGINX_GZIP_LEVEL)), "none (counted as nginx's gzip -1)"


@pytest.fixture(scope="module")
def article(server, public_pages):
    url = f"{server.url}{public_pages['article']}"
    with urllib.request.urlopen(url, timeout=30) as response:
        html = response.read().decode()
    parser = Resources()
    parser.feed(html)
    return url, parser


def test_article_html_css_and_js_weigh_at_most_100_kb_compressed(server, article):
    url, parser = article
    rows = [(url, *transferred(url))]
    for reference in dict.fromkeys(parser.urls):
        resource = urljoin(url, reference)
        if urlsplit(resource).netloc != urlsplit(server.url).netloc:
            continue  # another host: test_nothing_is_fetched_from_another_host says no
        rows.append((resource, *transferred(resource)))
    total = sum(size for _url, size, _encoding in rows)
    table = "\n".join(f"    {size:>8,} B  {encoding:<12} {each}" for each, size, encoding in rows)
    print(f"article page: {total:,} bytes compressed\n{table}")
    assert total <= BUDGET, (
        f"the article page weighs {total:,} bytes compressed, over {BUDGET:,}:\n{table}")


def test_no_script_blocks_rendering(article):
    _url, parser = article
    blocking = [
        attributes for attributes in parser.scripts
        if not ("defer" in attributes or "async" in attributes
                or attributes.get("type", "").lower() == "module")
    ]
    assert not blocking, f"scripts without defer, async or type=module: {blocking}"


def test_nothing_is_fetched_from_another_host(page, server, public_pages):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ("/", public_pages["article"]):
        page.goto(path)
        load_all_pictures(page)
        page.wait_for_load_state("networkidle")
    ours = urlsplit(server.url).netloc
    foreign = [url for url in requests
               if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != ours]
    assert not foreign, f"requests to other hosts: {foreign}"
