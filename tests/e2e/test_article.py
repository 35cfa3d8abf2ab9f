"""A reader opens an article from the home page and reads (or prints) it."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

TIME = re.compile(r"\(\d{2}:\d{2} \d{2}/\d{2}/\d{4}\)")
# UTF-8 Vietnamese decoded as Latin-1/cp1252: "Ã©", "áº¡", "á»", "Æ°", "Ä‘"...
MOJIBAKE = re.compile(r"[ÃÂÄÅÆá][\u0080-\u00bf\u0152-\u0192\u02c6-\u02dc\u2013-\u203a\u20ac\u2122]")


def assert_no_mojibake(page):
    text = page.title() + "\n" + page.locator("body").text_content()
    assert "\ufffd" not in text, "replacement characters on the page"
    bad = MOJIBAKE.search(text)
    assert bad is None, f"mojibake near {text[max(bad.start() - 30, 0) : bad.end() + 30]!r}"


SCROLL_THROUGH = """async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 500) {
        window.scrollTo(0, y);
        await new Promise(resolve => setTimeout(resolve, 30));
    }
    window.scrollTo(0, 0);
}"""


def load_all_pictures(page):
    """Scroll through the page so lazy pictures load too; return the URLs of broken ones
    (the comment form's captcha image stays hidden, with no source, until the reader
    starts writing)."""
    page.evaluate(SCROLL_THROUGH)
    page.wait_for_function("[...document.images].every(img => img.complete)")
    return page.evaluate(
        "[...document.images].filter(img => !img.hidden && !img.naturalWidth)"
        ".map(img => img.currentSrc)"
    )


def test_article_from_latest_list(page, artifacts):
    page.goto("/")
    assert load_all_pictures(page) == []
    page.screenshot(path=artifacts / "home.png", full_page=True)
    link = page.locator("section.latest .item-title a").first
    title = link.inner_text().strip()
    link.click()

    expect(page.locator("h1.article-title")).to_have_text(title)
    assert page.locator("figure.article-figure figcaption").inner_text().strip()
    assert TIME.fullmatch(page.locator("p.article-time").inner_text().strip())
    tag = page.locator(".article-lead .agency-tag").inner_text().strip()
    assert tag
    assert re.match(re.escape(tag) + r" - \S", page.locator("p.article-lead").inner_text())
    assert page.locator(".byline").inner_text().strip()

    # The browser picks the AVIF rendition; the picture must have really loaded.
    assert load_all_pictures(page) == []
    image = page.locator("figure.article-figure picture img")
    assert image.evaluate("img => img.naturalWidth") > 0
    assert image.evaluate("img => img.currentSrc").endswith(".avif")
    webp = page.locator("figure.article-figure picture source[type='image/webp']")
    webp_url = webp.get_attribute("srcset").split(",")[0].split()[0]
    response = page.request.get(webp_url)
    assert response.ok
    assert response.headers["content-type"] == "image/webp"

    page.screenshot(path=artifacts / "article.png", full_page=True)


def test_text_is_vietnamese(page, article_url):
    response = page.goto("/")
    assert "charset=utf-8" in response.headers["content-type"].lower()
    assert_no_mojibake(page)

    page.goto(article_url)
    text = page.locator(".related").text_content()  # inner_text() has the CSS upper case
    assert "Các bài mới đăng" in text or "Các bài đã đăng" in text
    assert_no_mojibake(page)


def test_print_shows_article_only(page, article_url):
    page.goto(article_url)
    page.emulate_media(media="print")
    expect(page.locator("header.site-header")).to_be_hidden()
    expect(page.locator("nav.main-nav")).to_be_hidden()
    expect(page.locator("h1.article-title")).to_be_visible()
