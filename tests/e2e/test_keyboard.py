"""A reader without a mouse: the skip link, an article reached from the home page, the
comment form sent (to the captcha error, announced, nothing lost), the phone's section
menu; every element that takes the focus shows it.

Only the keyboard moves the focus and types here: no click(), fill() or focus()."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.checks import VIEWPORTS

pytestmark = pytest.mark.e2e

NAME = "Nguyễn Văn Phím"
TITLE = "Góp ý gửi bằng bàn phím"
CONTENT = "Tôi không dùng chuột; mong cổng luôn dùng được bằng bàn phím."
WRONG_ANSWER = "khongdung"

# After each key press: describe the focused element, check it shows where it is, and
# check the element focused before shows a difference now that it lost the focus (a
# visible indicator is what differs between focused and not).
CHECK_FOCUS = """() => {
    const indicator = el => {
        const s = getComputedStyle(el);
        const outline = s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0
            ? 'none' : [s.outlineStyle, s.outlineWidth, s.outlineColor, s.outlineOffset].join(' ');
        return JSON.stringify([outline, s.boxShadow, s.backgroundColor, s.color,
            s.borderTopColor, s.borderTopWidth, s.borderBottomColor, s.borderBottomWidth,
            s.textDecorationLine, s.textDecorationThickness]);
    };
    const describe = el => {
        const text = (el.getAttribute('aria-label') || el.innerText || el.value || '')
            .trim().replace(/\\s+/g, ' ').slice(0, 60);
        return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
            + (el.className && typeof el.className === 'string'
               ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
            + (text ? ` "${text}"` : '');
    };
    const problems = [];
    const before = window.__keyboardFocus;
    const active = document.activeElement;
    if (before && before.element !== active && before.element.isConnected
            && indicator(before.element) === before.indicator) {
        problems.push(`${before.description}: no visible focus indicator `
            + '(its outline, shadow, colours and borders are the same unfocused)');
    }
    if (!active || active === document.body) {
        window.__keyboardFocus = null;
        return {description: 'body', problems};
    }
    const rect = active.getBoundingClientRect();
    const onScreen = rect.width > 1 && rect.height > 1 && rect.right > 0 && rect.bottom > 0
        && rect.left < innerWidth && rect.top < innerHeight;
    const description = describe(active);
    if (!onScreen) {
        problems.push(`${description}: focused but not on screen `
            + `(${Math.round(rect.left)},${Math.round(rect.top)} `
            + `${Math.round(rect.width)}x${Math.round(rect.height)})`);
    }
    window.__keyboardFocus = {element: active, indicator: indicator(active), description};
    return {description, problems};
}"""


class Keyboard:
    """Presses keys and remembers every focus problem seen on the way."""

    def __init__(self, page):
        self.page = page
        self.problems = []
        self.path = []

    def press(self, key):
        self.page.keyboard.press(key)
        return self.check()

    def type(self, text):
        self.page.keyboard.type(text)

    def check(self):
        seen = self.page.evaluate(CHECK_FOCUS)
        self.path.append(seen["description"])
        for problem in seen["problems"]:
            problem = f"{self.page.url}: {problem}"
            if problem not in self.problems:
                self.problems.append(problem)
        return seen["description"]

    def is_focused(self, locator):
        return locator.evaluate("el => el === document.activeElement")

    def tab_to(self, locator, what, limit=200):
        """Press Tab until `locator` has the focus."""
        expect(locator, f"{what} is not on the page").to_have_count(1)
        for _ in range(limit):
            self.press("Tab")
            if self.is_focused(locator):
                return
        pytest.fail(f"{limit} presses of Tab never reached {what}; the focus went through "
                    f"{self.path[-limit:]}")

    def tab_until(self, predicate, what, limit=200):
        """Press Tab until the focused element satisfies the JavaScript `predicate`."""
        for _ in range(limit):
            self.press("Tab")
            if self.page.evaluate(f"({predicate})(document.activeElement)"):
                return self.page.evaluate_handle("document.activeElement")
        pytest.fail(f"{limit} presses of Tab never reached {what}; the focus went through "
                    f"{self.path[-limit:]}")

    def assert_focus_always_visible(self):
        assert not self.problems, ("the focus could not be seen:\n"
                                   + "\n".join(f"    {p}" for p in self.problems))


def assert_on_screen(locator, what):
    box = locator.evaluate("el => { const r = el.getBoundingClientRect();"
                           " return [r.left, r.top, r.right, r.bottom, innerWidth, innerHeight]; }")
    left, top, right, bottom, width, height = box
    assert right - left > 1 and bottom - top > 1 and left >= 0 and top >= 0 \
        and right <= width and bottom <= height, f"{what} is not shown on screen: {box}"


def test_keyboard_only_reader_reaches_an_article_and_sends_a_comment(new_page):
    page = new_page(**VIEWPORTS["desktop-1280"])
    keys = Keyboard(page)
    page.goto("/")

    # The first Tab shows the skip link; following it moves on to the main content.
    keys.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_count(1)
    assert skip.evaluate("el => el.matches('a[href^=\"#\"]')"), \
        f"the first Tab reaches {keys.path[-1]}, not a skip link"
    expect(skip).to_contain_text("Bỏ qua")
    assert_on_screen(skip, "the focused skip link")
    target = skip.get_attribute("href")
    assert page.locator(target).count() == 1, f"the skip link's target {target} is missing"
    keys.press("Enter")
    page.wait_for_url(f"**/{target}")
    keys.press("Tab")
    assert page.evaluate("id => document.querySelector(id).contains(document.activeElement)",
                         target), f"after the skip link, Tab goes to {keys.path[-1]}"

    # On to the first article's link, and into the article.
    link = keys.tab_until("el => el.matches('a[href]') && !!el.closest('article')",
                          "an article's link")
    href = link.evaluate("el => el.getAttribute('href')")
    title = link.evaluate("el => el.innerText.trim()")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(href)
    expect(page.locator("h1.article-title")).to_have_text(title)
    keys.check()

    # The comment form, field by field.
    form = page.locator("form.comment-form")
    keys.tab_to(form.get_by_label("Họ tên"), "the name field")
    keys.type(NAME)
    # Starting to write fetches the captcha.
    expect(form.locator("[data-captcha-key]")).to_have_value(re.compile(r"^[0-9a-f]{40}$"))
    keys.tab_to(form.get_by_label("Tiêu đề"), "the title field")
    keys.type(TITLE)
    keys.tab_to(form.get_by_label("Nội dung"), "the content field")
    keys.type(CONTENT)
    consent = form.get_by_role("checkbox")
    keys.tab_to(consent, "the consent checkbox")
    keys.press("Space")
    expect(consent).to_be_checked()
    captcha = form.get_by_label("Mã xác nhận")
    keys.tab_to(captcha, "the captcha field")
    keys.type(WRONG_ANSWER)
    keys.press("Enter")

    # The error is announced, tied to the field, and nothing the reader wrote is lost.
    alert = form.locator("[data-form-alert]")
    expect(alert).to_be_visible()
    expect(alert).not_to_have_text("")
    assert alert.evaluate(
        "el => !!el.closest('[role=alert], [aria-live=assertive], [aria-live=polite]')"
    ), "the form's error message is not in a live region (role=alert or aria-live)"
    expect(captcha).to_have_attribute("aria-invalid", "true")
    described_by = (captcha.get_attribute("aria-describedby") or "").split()
    messages = [page.locator(f"[id='{each}']") for each in described_by]
    shown = [m.inner_text().strip() for m in messages if m.count() and m.is_visible()]
    assert any(shown), (f"the captcha field's aria-describedby ({described_by}) points to "
                        "no visible error message")
    expect(form.get_by_label("Họ tên")).to_have_value(NAME)
    expect(form.get_by_label("Tiêu đề")).to_have_value(TITLE)
    expect(form.get_by_label("Nội dung")).to_have_value(CONTENT)
    expect(consent).to_be_checked()
    keys.check()

    keys.assert_focus_always_visible()


def menu_of(page, button):
    """The menu a disclosure button opens: the element its aria-controls names, or the
    site's section menu."""
    controls = button.get_attribute("aria-controls")
    if controls:
        return page.locator(f"[id='{controls}']")
    return page.locator("nav.main-nav")


def test_phone_section_menu_opens_and_closes_with_the_keyboard(new_page):
    page = new_page(**VIEWPORTS["phone-360"])
    keys = Keyboard(page)
    page.goto("/")
    button = page.get_by_role("button", name="Chuyên mục")
    expect(button, "no “Chuyên mục” menu button on a phone").to_have_count(1)
    expect(button).to_have_attribute("aria-expanded", "false")
    menu = menu_of(page, button)
    expect(menu.locator("a").first).to_be_hidden()

    keys.tab_to(button, "the “Chuyên mục” button", limit=20)
    keys.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu.locator("a").first).to_be_visible()
    keys.tab_until("el => el.matches('a[href]')", "a link of the open menu", limit=5)
    assert menu.evaluate("menu => menu.contains(document.activeElement)"), \
        f"Tab after opening the menu goes to {keys.path[-1]}, not into the menu"
    keys.press("Tab")
    assert menu.evaluate("menu => menu.contains(document.activeElement)"), \
        "the menu's links are not next to each other in the Tab order"

    keys.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu.locator("a").first).to_be_hidden()
    assert keys.is_focused(button), "Escape closes the menu but the focus is lost"

    keys.assert_focus_always_visible()


def test_the_focus_check_notices_a_focus_indicator_taken_away(new_page):
    """The check itself: with every focus style overridden, the focus is not seen."""
    page = new_page(bypass_csp=True, **VIEWPORTS["desktop-1280"])
    page.goto("/")
    page.add_style_tag(content=(
        "*, *:focus, *:focus-visible { outline: none !important; box-shadow: none !important;"
        " background: #fff !important; color: #000 !important; border-color: #000 !important;"
        " text-decoration: none !important; }"))
    keys = Keyboard(page)
    for _ in range(5):
        keys.press("Tab")
    assert any("no visible focus indicator" in problem for problem in keys.problems), keys.path
