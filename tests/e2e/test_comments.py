"""A reader comments on an article; a moderator approves it; everyone sees it, and nobody
sees the reader's phone number. Also without JavaScript, and with the question instead
of the image."""

import re
import time
import uuid

import pytest
from playwright.sync_api import expect

from tests.comments.reading import phone_pattern, solve_question

pytestmark = pytest.mark.e2e

SENT = "Bình luận đã được gửi và sẽ hiển thị sau khi Ban biên tập duyệt"
MIN_SECONDS = 3  # the demo site's minimum time between showing the form and sending it
PHONE_TYPED = "0912 345 678"
PHONE = "+84912345678"


def captcha_answer(server, key):
    """Read the answer from the database, as the test may (captcha's test mode is never on)."""
    assert re.fullmatch(r"[0-9a-f]{40}", key), key
    code = ("from captcha.models import CaptchaStore; "
            f"print(CaptchaStore.objects.get(hashkey='{key}').response)")
    return server.run_toasoan("shell", "--no-imports", "-c", code).strip().splitlines()[-1]


def wait_since(moment, seconds=MIN_SECONDS + 0.5):
    """Let the minimum writing time pass since the form (or its new code) was shown."""
    time.sleep(max(0.0, moment + seconds - time.monotonic()))


def fill(form, *, name, title, content, phone=""):
    form.get_by_label("Họ tên").fill(name)
    form.get_by_label("Số điện thoại").fill(phone)
    form.get_by_label("Tiêu đề").fill(title)
    form.get_by_label("Nội dung").fill(content)
    form.locator("#bl-consent").check()


def assert_no_phone(text, where):
    found = phone_pattern(PHONE).search(text)
    assert found is None, f"phone number as {found[0]!r} in {where}"
    assert "0912***678" not in text, where


def test_reader_comments_moderator_approves_everyone_sees_it(page, server, article_url):
    token = uuid.uuid4().hex[:6]
    title = f"Góp ý về cầu Tân Hòa {token}"
    content = f"Dòng thứ nhất của bình luận {token}.\nDòng thứ hai, sau dấu xuống dòng."

    challenges = []
    page.on("request", lambda request: challenges.append(request.url)
            if "/binh-luan/ma-xac-nhan/" in request.url else None)
    page.goto(article_url)
    form = page.locator("form.comment-form")
    expect(form).to_be_visible()
    key = form.locator("[data-captcha-key]")
    image = form.locator("img[data-captcha-image]")
    # Reading the article costs the server no captcha; starting to write fetches one.
    page.wait_for_load_state("networkidle")
    assert challenges == []
    expect(key).to_have_value("")
    form.get_by_label("Họ tên").focus()
    expect(key).to_have_value(re.compile(r"^[0-9a-f]{40}$"))
    assert len(challenges) == 1
    first_key, first_image = key.input_value(), image.get_attribute("src")
    assert image.get_attribute("alt").startswith("Ảnh mã xác nhận")

    # "Lấy lại mã bảo mật" gives another code, without leaving the page.
    form.get_by_role("link", name="Lấy lại mã bảo mật").click()
    expect(key).not_to_have_value(first_key)
    shown = time.monotonic()
    expect(form.locator("[data-form-status]")).to_have_text("Đã tạo mã xác nhận mới.")
    assert image.get_attribute("src") != first_image
    assert page.url.endswith(article_url)
    # The status is shown when the new code arrives; its image may still be on the way.
    page.wait_for_function("img => img.complete && img.naturalWidth > 0",
                           arg=image.element_handle(), timeout=10_000)

    fill(form, name="Nguyễn Thị Mai", phone=PHONE_TYPED, title=title, content=content)
    form.get_by_label("Mã xác nhận").fill(captcha_answer(server, key.input_value()))
    wait_since(shown)
    form.get_by_role("button", name="Gửi bình luận").click()

    expect(form.locator("[data-form-status]")).to_contain_text(SENT)
    for label in ("Họ tên", "Số điện thoại", "Tiêu đề", "Nội dung", "Mã xác nhận"):
        expect(form.get_by_label(label)).to_have_value("")
    expect(form.locator("#bl-consent")).not_to_be_checked()
    expect(form.locator("[data-form-alert]")).to_be_hidden()

    # Not shown before a moderator approves it.
    page.reload()
    expect(page.locator("section.comments")).not_to_contain_text(title)

    # A moderator approves it in the admin's queue.
    moderator = page.context.browser.new_context(base_url=server.url)
    try:
        admin = moderator.new_page()
        server.log_in(admin)
        admin.goto("/admin/binh-luan/")
        row = admin.locator("tr", has_text=title)
        expect(row).to_be_visible()
        row.get_by_role("button", name="Duyệt").click()
        expect(admin.locator(".messages")).to_contain_text(f"Đã duyệt bình luận “{title}”")
    finally:
        moderator.close()

    page.reload()
    comment = page.locator("li.comment", has_text=title)
    expect(comment).to_be_visible()
    expect(comment.locator(".comment-name")).to_have_text("Nguyễn Thị Mai")
    expect(comment.locator(".comment-content")).to_have_text(content.replace("\n", ""))
    assert comment.locator(".comment-content br").count() == 1
    assert comment.locator(".comment-content").inner_text() == content
    assert re.fullmatch(r"\d{2}:\d{2} \d{2}/\d{2}/\d{4}", comment.locator("time").inner_text())

    # The phone number is nowhere: not in the page as the browser holds it, not in what
    # the server sent.
    assert_no_phone(page.content(), "the page")
    assert_no_phone(page.request.get(article_url).text(), "the page source")


def test_without_javascript_the_fallback_page_works(new_page, server, article_url):
    page = new_page(java_script_enabled=False)
    page.goto(article_url)
    expect(page.locator("form.comment-form")).to_be_hidden()
    page.get_by_role("link", name="Mở trang viết bình luận").click()

    expect(page.locator("h1")).to_have_text("Viết bình luận")
    form = page.locator("form.comment-form")
    expect(form).to_be_visible()
    key = form.locator("[data-captcha-key]")
    first_key = key.input_value()
    image = form.locator("img[data-captcha-image]")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")

    # Without JavaScript, "Lấy lại mã bảo mật" reloads the page with another code.
    form.get_by_role("link", name="Lấy lại mã bảo mật").click()
    expect(key).not_to_have_value(first_key)
    shown = time.monotonic()

    token = uuid.uuid4().hex[:6]
    fill(form, name="Trần Văn Bình", title=f"Gửi không cần JavaScript {token}",
         content=f"Trình duyệt của tôi tắt JavaScript, bình luận {token}.")
    form.get_by_label("Mã xác nhận").fill(captcha_answer(server, key.input_value()))
    wait_since(shown)
    form.get_by_role("button", name="Gửi bình luận").click()

    expect(page.locator("[data-form-status]")).to_have_text(re.compile(SENT))
    expect(page.get_by_label("Họ tên")).to_have_value("")
    expect(page.get_by_label("Nội dung")).to_have_value("")


def test_question_instead_of_the_image(page, server, latest_urls):
    page.goto(latest_urls[1])
    form = page.locator("form.comment-form")
    expect(form).to_be_visible()
    form.get_by_role("link", name="Dùng câu hỏi thay cho ảnh").click()

    question = form.locator("[data-captcha-question]")
    expect(question).to_have_text(re.compile(r"bằng mấy\?$"))
    shown = time.monotonic()
    expect(form.locator("img[data-captcha-image]")).to_be_hidden()
    assert page.url.endswith(latest_urls[1])

    token = uuid.uuid4().hex[:6]
    fill(form, name="Lê Hoàng", title=f"Trả lời câu hỏi {token}",
         content=f"Tôi dùng trình đọc màn hình nên chọn câu hỏi, {token}.")
    form.get_by_label("Mã xác nhận").fill(solve_question(question.inner_text()))
    wait_since(shown)
    form.get_by_role("button", name="Gửi bình luận").click()

    expect(form.locator("[data-form-status]")).to_contain_text(SENT)
    expect(form.get_by_label("Tiêu đề")).to_have_value("")


def test_a_late_image_challenge_does_not_replace_the_question(page, server, latest_urls):
    # Clicking "use a question" first focuses the form, which asks for an image
    # challenge; if that answer arrives after the question's, the question stays.
    held = []

    def hold_images(route):
        if "kieu=cau-hoi" in route.request.url:
            route.continue_()
        else:
            held.append(route)

    page.route(re.compile(r"/binh-luan/ma-xac-nhan/"), hold_images)
    page.goto(latest_urls[2])
    form = page.locator("form.comment-form")
    form.get_by_role("link", name="Dùng câu hỏi thay cho ảnh").click()
    question = form.locator("[data-captcha-question]")
    expect(question).to_have_text(re.compile(r"bằng mấy\?$"))
    assert len(held) == 1
    with page.expect_response(re.compile(r"/binh-luan/ma-xac-nhan/$")):
        held[0].continue_()
    page.evaluate("() => new Promise(done => setTimeout(done, 200))")
    expect(question).to_have_text(re.compile(r"bằng mấy\?$"))
    expect(form.locator("img[data-captcha-image]")).to_be_hidden()


def test_a_captcha_that_cannot_load_keeps_what_the_reader_wrote(page, server, latest_urls):
    page.route(re.compile(r"/binh-luan/ma-xac-nhan/"), lambda route: route.abort())
    page.goto(latest_urls[2])
    form = page.locator("form.comment-form")
    form.get_by_label("Họ tên").fill("Lê Văn An")

    expect(form.locator("[data-form-alert]")).to_contain_text("Chưa tải được mã xác nhận")
    expect(form).to_be_visible()
    expect(form.get_by_label("Họ tên")).to_have_value("Lê Văn An")
    expect(page.get_by_role("link", name="Mở trang viết bình luận")).to_be_visible()
