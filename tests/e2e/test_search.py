"""A reader types a query without diacritics into the header search box and finds the
article on the demo portal."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

# A demo article whose title does not depend on the date (src/toasoan/demo/content.py).
TITLE = "Sản phẩm miến dong của xã Yên Trạch đạt chuẩn OCOP 4 sao"
TYPED = "san pham mien dong Yen Trach"


def test_search_without_diacritics_from_the_header(page):
    page.goto("/")
    box = page.get_by_role("searchbox", name="Tìm kiếm")
    expect(box).to_have_attribute("id", "site-search-q")
    box.fill(TYPED)
    box.press("Enter")

    page.wait_for_url(re.compile(r"/tim-kiem/\?q=san\+pham\+mien\+dong\+Yen\+Trach$"))
    expect(page.locator("h1")).to_have_text("Tìm kiếm")
    expect(page.locator("#id_q")).to_have_value(TYPED)
    expect(page.locator(".search-summary")).to_contain_text(f"cho “{TYPED}”")

    hit = page.locator("ol.search-results li.item").first
    link = hit.locator("h2.item-title a")
    expect(link).to_have_text(TITLE)
    expect(link.locator("mark")).to_have_text(["Sản", "phẩm", "miến", "dong", "Yên", "Trạch"])
    expect(hit.locator(".item-time a")).to_have_text("Kinh tế")
    expect(hit.locator(".item-time time")).to_have_text(
        re.compile(r"^\d{2}:\d{2} \d{2}/\d{2}/\d{4}$")
    )
    expect(hit.locator(".item-lead mark").first).to_be_visible()

    link.click()
    expect(page.locator("h1.article-title")).to_have_text(TITLE)
