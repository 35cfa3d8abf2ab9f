"""The public site's frame in a browser: the section menu on a phone, today's date,
no sideways scrolling from a 360 px phone to a laptop at 200 % zoom."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from toasoan.text import format_weekday_date

pytestmark = pytest.mark.e2e

PHONE = {"width": 360, "height": 740}
# A 1280 px wide screen at 200 % zoom lays pages out in 640 CSS pixels.
ZOOMED = {"width": 640, "height": 400}


def test_phone_menu_is_a_button_that_opens_and_closes(new_page):
    page = new_page(viewport=PHONE)
    page.goto("/")
    button = page.get_by_role("button", name="Chuyên mục")
    menu = page.locator("nav#menu-chinh")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()

    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()
    menu.locator("a").first.focus()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()

    page.keyboard.press("Enter")  # the keyboard opens it too
    expect(menu).to_be_visible()
    page.keyboard.press("Tab")
    expect(menu.locator("a").first).to_be_focused()


def test_wide_screens_show_the_menu_without_a_button(page):
    page.goto("/")
    expect(page.locator("nav#menu-chinh")).to_be_visible()
    expect(page.locator("[data-menu-toggle]")).to_be_hidden()


def test_without_javascript_the_phone_menu_is_simply_shown(new_page):
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto("/")
    expect(page.locator("nav#menu-chinh")).to_be_visible()
    expect(page.locator("[data-menu-toggle]")).to_be_hidden()


def test_header_shows_todays_date_in_vietnam(page):
    page.goto("/")
    today = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    expect(page.locator("time[data-today]")).to_have_text(format_weekday_date(today))
    expect(page.locator("time[data-today]")).to_have_attribute("datetime", today.isoformat())


@pytest.mark.parametrize("viewport", [PHONE, ZOOMED], ids=["360px", "200%"])
def test_no_sideways_scrolling(new_page, latest_urls, viewport):
    page = new_page(viewport=viewport)
    for path in ("/", latest_urls[0], "/lien-he/", "/tim-kiem/?q=huyen"):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], (path, width)
