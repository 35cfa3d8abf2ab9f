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


def test_most_read_lists_viewed_article(new_page, latest_urls):
    # "Đọc nhiều nhất" reads only the database, so this shows the workers' buffered
    # counts do get written (every ~5 s). Few articles have views in this session.
    page = new_page()
    page.goto(latest_urls[1])
    title = page.locator("h1.article-title").inner_text().strip()
    expect(page.locator("[data-view-count]")).to_have_text(re.compile(r"\d"))

    most_read = page.locator(".most-read li a")
    deadline = time.monotonic() + 15
    while True:
        page.goto("/")
        if title in most_read.all_inner_texts():
            break
        assert time.monotonic() < deadline, "the viewed article never reached 'Đọc nhiều nhất'"
        time.sleep(1)
