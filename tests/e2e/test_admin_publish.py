"""An editor writes and publishes an article in the admin; readers see it at once."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

TITLE = "Đảng bộ xã Tân Lập học tập Nghị quyết – ưu tiên ứng dụng số"
SLUG = "dang-bo-xa-tan-lap-hoc-tap-nghi-quyet-uu-tien-ung-dung-so"


def test_editor_publishes_an_article_with_a_vietnamese_title(page, server):
    server.log_in(page)
    page.goto("/admin/pages/")
    home_id = _first_page_id(page.content())
    page.goto(f"/admin/pages/{home_id}/")
    section_link = page.get_by_role("link", name="Xây dựng Đảng", exact=True).first
    section_id = re.search(r"/(\d+)/", section_link.get_attribute("href")).group(1)

    page.goto(f"/admin/pages/add/news/articlepage/{section_id}/")
    # Typed key by key, as an editor would: the slug is filled in the browser.
    page.locator("#id_title").press_sequentially(TITLE)
    page.locator("#id_lead").fill("Sáng 27/11, Đảng ủy xã tổ chức hội nghị học tập nghị quyết.")
    expect(page.locator("#id_slug")).to_have_value(SLUG)
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator("button[name=action-publish]").click()
    expect(page.locator(".messages")).to_contain_text(TITLE)

    article_path = f"/xay-dung-dang/{SLUG}/"
    try:
        page.goto("/xay-dung-dang/")
        expect(page.locator(".article-list .item-title a").first).to_have_text(TITLE)
        page.goto(article_path)
        expect(page.locator("h1.article-title")).to_have_text(TITLE)
        expect(page.locator(".article-lead")).to_contain_text(" - Sáng 27/11, Đảng ủy xã")
    finally:
        _delete(page, article_path)


def _first_page_id(html):
    return re.search(r'href="/admin/pages/(\d+)/"', html).group(1)


def _delete(page, public_path):
    """Leave the shared demo server as it was for the other tests."""
    page.goto(public_path)
    counter_url = page.locator("[data-view-count]").get_attribute("data-url")
    page_id = re.search(r"/(\d+)/$", counter_url).group(1)
    page.goto(f"/admin/pages/{page_id}/delete/")
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    expect(page.locator(".messages")).to_be_visible()
