"""axe-core finds no WCAG 2.1 A/AA violation on the public pages, on a phone and on a
desktop: home, a section, an article with approved comments and the comment form, search
results, the 404 page and the contact page."""

import pytest
from playwright.sync_api import expect

from tests.e2e.checks import AXE, PAGE_NAMES, VIEWPORTS

pytestmark = pytest.mark.e2e

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """tags => axe.run(document, {
    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
}).then(results => results.violations)"""


def describe(violations):
    """One line per rule, then one per element: its selector, its HTML, what is wrong."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} [{violation['impact']}] {violation['help']} "
                     f"({violation['helpUrl']})")
        for node in violation["nodes"]:
            target = " ".join(
                " >>> ".join(part) if isinstance(part, list) else part for part in node["target"]
            )
            lines.append(f"    {target}")
            lines.append(f"        {node['html'][:300]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ").strip()
            if summary:
                lines.append(f"        {summary[:400]}")
    return "\n".join(lines)


def open_checked_page(new_page, public_pages, name, viewport):
    # The site's CSP allows no inline script; axe-core is injected as one.
    page = new_page(bypass_csp=True, **VIEWPORTS[viewport])
    response = page.goto(public_pages[name])
    expected = 404 if name == "not-found" else 200
    assert response.status == expected, (
        f"{public_pages[name]} ({name}) answered {response.status}, not {expected}")
    page.wait_for_load_state("networkidle")
    if name == "article":
        assert page.locator("li.comment").count() > 0, "the article shows no approved comment"
        expect(page.locator("form.comment-form")).to_be_visible()
    return page


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_axe_finds_no_wcag_violation(new_page, public_pages, node_modules, name, viewport):
    page = open_checked_page(new_page, public_pages, name, viewport)
    page.add_script_tag(path=AXE)
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)
    assert not violations, (
        f"axe-core: {len(violations)} WCAG 2.1 A/AA rule(s) broken on {public_pages[name]} "
        f"({name}, {viewport}):\n{describe(violations)}")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_axe_finds_no_wcag_violation_in_the_comment_form_errors(
        new_page, public_pages, node_modules, viewport):
    """The article again, after sending the comment form empty: every field's error shown."""
    page = open_checked_page(new_page, public_pages, "article", viewport)
    form = page.locator("form.comment-form")
    form.get_by_label("Họ tên").focus()  # starting to write fetches the captcha
    expect(form.locator("[data-captcha-key]")).not_to_have_value("")
    form.get_by_role("button", name="Gửi bình luận").click()
    expect(form.locator("[data-form-alert]")).to_be_visible()
    expect(form.locator("[aria-invalid=true]").first).to_be_visible()
    page.add_script_tag(path=AXE)
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)
    assert not violations, (
        f"axe-core: {len(violations)} WCAG 2.1 A/AA rule(s) broken in the comment form's "
        f"errors on {public_pages['article']} ({viewport}):\n{describe(violations)}")


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_screen_readers_read_the_page_in_vietnamese(new_page, public_pages, name):
    page = open_checked_page(new_page, public_pages, name, "desktop-1280")
    expect(page.locator("html")).to_have_attribute("lang", "vi")


def test_axe_reports_an_image_without_a_text_alternative(new_page, public_pages, node_modules):
    """The check itself: a picture with no alt added to the home page is reported."""
    page = open_checked_page(new_page, public_pages, "home", "desktop-1280")
    page.evaluate("""() => {
        const img = document.createElement('img');
        img.src = '/favicon.ico';
        img.className = 'axe-canary';
        document.querySelector('main').append(img);
    }""")
    page.add_script_tag(path=AXE)
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)
    found = [v["id"] for v in violations for node in v["nodes"] if "axe-canary" in node["html"]]
    assert "image-alt" in found, describe(violations)
