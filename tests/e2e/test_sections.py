"""Section pages, their pagination, and the Vietnamese 404 page."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def titles(page):
    return page.locator(".article-list .item-title a").all_inner_texts()


def assert_vietnamese_404(page, response):
    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("h1")).to_have_text("Không tìm thấy trang")
    # Styled like the rest of the site: the site header and its stylesheet are there.
    expect(page.locator("header.site-header")).to_be_visible()
    assert page.evaluate("[...document.styleSheets].some(s => s.cssRules.length > 0)")


@pytest.fixture
def paginated_section(page):
    """The path of the first menu section that has more than one page of articles."""
    page.goto("/")
    sections = page.locator("nav.main-nav a").all()
    paths = [link.get_attribute("href") for link in sections[1:]]  # the first is the home
    for path in paths:
        page.goto(path)
        if page.locator("nav.pagination").count():
            return path
    pytest.fail(f"no section of {paths} has a second page of articles")


def test_section_pagination(page, paginated_section):
    page.goto(paginated_section)
    first_page = titles(page)
    assert first_page

    page.locator("nav.pagination a[href='?trang=2']").first.click()
    page.wait_for_url("**?trang=2")
    expect(page.locator("nav.pagination [aria-current=page]")).to_have_text("2")
    second_page = titles(page)
    assert second_page
    assert not set(first_page) & set(second_page)


def test_bad_page_number_is_404(page, paginated_section):
    assert_vietnamese_404(page, page.goto(f"{paginated_section}?trang=abc"))


def test_unknown_url_is_404(page):
    assert_vietnamese_404(page, page.goto("/khong-co-trang-nay/"))
