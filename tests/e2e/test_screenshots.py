"""Full-page screenshots of the home page and an article on a phone (360 px) and a desktop
(1280 px), saved in test-artifacts/screenshots/ for a person to look at, and what a
reader would notice at once: no sideways scrolling, the article's title and lead on the
first screen, no jump when the page's scripts run after its first paint."""

import re
import time

import pytest

from tests.e2e.checks import VIEWPORTS
from tests.e2e.test_article import load_all_pictures

pytestmark = pytest.mark.e2e

SIZES = {360: "phone-360", 1280: "desktop-1280"}


def first_screen_box(locator):
    """[top, bottom] of the element, and the window's width and height, before scrolling."""
    return locator.evaluate("el => { const r = el.getBoundingClientRect();"
                            " return [r.top + scrollY, r.bottom + scrollY, innerHeight]; }")


@pytest.mark.parametrize("width", list(SIZES))
@pytest.mark.parametrize("name", ["home", "article"])
def test_page_fits_the_screen_width(new_page, public_pages, artifacts, name, width):
    page = new_page(**VIEWPORTS[SIZES[width]])
    response = page.goto(public_pages[name])
    assert response.ok
    assert load_all_pictures(page) == []
    folder = artifacts / "screenshots"
    folder.mkdir(exist_ok=True)
    page.screenshot(path=folder / f"{name}-{width}.png", full_page=True)

    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(f"""[...document.querySelectorAll('body *')]
        .filter(el => el.getBoundingClientRect().right > {width} + 0.5)
        .filter(el => getComputedStyle(el).position !== 'fixed')
        .slice(0, 5).map(el => el.outerHTML.slice(0, 120))""")
    assert scroll_width <= width, (
        f"{public_pages[name]} scrolls sideways at {width} px: {scroll_width} px wide; "
        f"wider than the screen: {wide}")


@pytest.mark.parametrize("width", list(SIZES))
def test_article_title_and_lead_on_the_first_screen(new_page, public_pages, width):
    page = new_page(**VIEWPORTS[SIZES[width]])
    page.goto(public_pages["article"])
    top, bottom, height = first_screen_box(page.locator("h1.article-title"))
    assert bottom <= height, (
        f"at {width} px the title ends at {bottom:.0f} px, below the first screen ({height} px)")
    top, bottom, height = first_screen_box(page.locator("p.article-lead"))
    line = float(page.locator("p.article-lead").evaluate(
        "el => parseFloat(getComputedStyle(el).lineHeight) || 24"))
    # At least the lead's first two lines (the whole lead if shorter).
    assert min(bottom, top + 2 * line) <= height, (
        f"at {width} px the lead starts at {top:.0f} px: its first lines are below the first "
        f"screen ({height} px)")


LATE_SCRIPT_SECONDS = 0.8
# Layout shifts (the Layout Instability API) added up from the start of the page.
MEASURE_SHIFTS = """window.__layoutShift = 0;
new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) { window.__layoutShift += entry.value; }
    }
}).observe({type: 'layout-shift', buffered: true});"""


@pytest.mark.parametrize("name", ["home", "article"])
def test_phone_page_does_not_jump_when_its_scripts_arrive_late(new_page, public_pages, name):
    """On a slow connection the page is painted before its deferred scripts run: what
    they change must not move what the reader already sees (CLS under 0.1, "good")."""
    page = new_page(**VIEWPORTS["phone-360"])
    page.add_init_script(MEASURE_SHIFTS)

    def late(route):
        time.sleep(LATE_SCRIPT_SECONDS)
        route.continue_()

    page.route(re.compile(r"/static/.*\.js$"), late)
    page.goto(public_pages[name])
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    shift = page.evaluate("window.__layoutShift")
    assert shift < 0.1, (f"{public_pages[name]} jumps when its scripts run late: cumulative "
                         f"layout shift {shift:.3f} at 360 px")
