"""Machine-readable endpoints: health check, sitemap, robots.txt."""

import json
import urllib.request
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

pytestmark = pytest.mark.e2e

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get_content_type(), response.read().decode()


def test_healthz(server):
    status, content_type, body = get(f"{server.url}/healthz")
    assert (status, content_type) == (200, "application/json")
    assert json.loads(body)["status"] == "ok"


def test_sitemap_lists_articles(server, latest_urls):
    status, _content_type, body = get(f"{server.url}/sitemap.xml")
    assert status == 200
    # An index: the articles are in the sitemaps it lists.
    locations = []
    for sitemap in ElementTree.fromstring(body).iter(f"{SITEMAP_NS}loc"):
        assert sitemap.text.startswith(f"{server.url}/")
        root = ElementTree.fromstring(get(sitemap.text)[2])
        locations += [loc.text for loc in root.iter(f"{SITEMAP_NS}loc")]
    # Absolute addresses on the site's public address (TOASOAN_BASE_URL).
    assert all(location.startswith(f"{server.url}/") for location in locations)
    assert set(latest_urls) <= {urlsplit(location).path for location in locations}


def test_robots_mentions_sitemap(server):
    status, content_type, body = get(f"{server.url}/robots.txt")
    assert (status, content_type) == (200, "text/plain")
    assert f"Sitemap: {server.url}/sitemap.xml" in body
