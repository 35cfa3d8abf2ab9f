"""The article's view counter, filled by a POST to /api/luot-xem/<id>/."""

import re
import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def load_and_count(new_page, url):
    """Open `url` in a new tab (one more view) and return the number the counter shows."""
    page = new_page()
    page.goto(url)
    counter = page.locator("[data-view-count]")
    expect(counter).to_have_text(re.compile(r"\d"))
    count = int(re.sub(r"\D", "", counter.inner_text()))  # "1.234" in Vietnamese
    page.context.close()
    return count


def test_view_counter_grows(new_page, latest_urls):
    url = latest_urls[1]  # an article no other test opens
    first = load_and_count(new_page, url)
    assert first >= 1

    # Each gunicorn worker buffers its counts and writes them every ~5 s; the number shown
    # is the database total plus the answering worker's buffer. With 2 workers the next
    # view may land on the other worker before the first one has flushed, and then shows
    # the same number, so keep opening the article until a larger number appears.
    deadline = time.monotonic() + 15
    while (count := load_and_count(new_page, url)) <= first:
        assert time.monotonic() < deadline, f"view counter stuck at {count} (first {first})"
        time.sleep(1)
