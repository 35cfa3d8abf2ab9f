"""An editor logs in to the Wagtail admin, which speaks Vietnamese."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_admin_login_and_edit_article(page, server, article_url):
    # `page` has an English browser: the admin must be Vietnamese all the same.
    page.goto(article_url)
    title = page.locator("h1.article-title").inner_text().strip()
    counter_url = page.locator("[data-view-count]").get_attribute("data-url")
    page_id = re.search(r"/(\d+)/$", counter_url).group(1)

    server.log_in(page)

    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("body")).to_contain_text("Trang")
    expect(page.locator("body")).to_contain_text("Tìm kiếm")

    page.goto(f"/admin/pages/{page_id}/edit/")
    expect(page.locator("input[name=title]")).to_have_value(title)
