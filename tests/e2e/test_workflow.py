"""A reporter submits an article; an editor, then a leader, approve it in the admin's
two-step workflow; the last approval publishes it, and the history tells who did what."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

TITLE = "Phường Hòa Bình ra mắt mô hình “Dân vận khéo” trong chuyển đổi số"
LEAD = "Chiều 12/3, Đảng ủy phường tổng kết một năm đưa thủ tục hành chính lên môi trường số."
SECTION = "Xây dựng Đảng"
SECTION_PATH = "/xay-dung-dang/"
WORKFLOW = "Biên tập và duyệt xuất bản"
EDITING, APPROVAL = "Biên tập", "Duyệt xuất bản"
REPORTER, EDITOR, LEADER = "Nguyễn Thu Hà", "Trần Minh Đức", "Lê Văn Thắng"


def test_reporter_submits_editor_and_leader_approve_article_goes_live(page, server):
    page_id = None
    try:
        # 1. The reporter writes the article and sends it for approval.
        server.log_in(page, "phongvien")
        page.goto("/admin/pages/")
        home_id = re.search(r'href="/admin/pages/(\d+)/"', page.content()).group(1)
        page.goto(f"/admin/pages/{home_id}/")
        # Sections are the administrators': a reporter may only open their children.
        section_link = page.get_by_role("link", name=f"Xem các trang con của '{SECTION}'")
        section_id = re.search(r"/(\d+)/", section_link.get_attribute("href")).group(1)

        page.goto(f"/admin/pages/add/news/articlepage/{section_id}/")
        page.locator("#id_title").press_sequentially(TITLE)
        page.locator("#id_lead").fill(LEAD)
        slug = page.locator("#id_slug")
        expect(slug).to_have_value(re.compile(r"^phuong-hoa-binh-ra-mat-mo-hinh-dan-van-kheo"))
        public_path = f"{SECTION_PATH}{slug.input_value()}/"
        # A reporter may not publish: the editor offers no publish button at all.
        expect(page.locator("button[name=action-publish]")).to_have_count(0)
        footer = page.locator("footer")
        footer.locator(".w-dropdown__toggle").first.click()
        submit = footer.locator("button[name=action-submit]")
        expect(submit).to_contain_text("Gửi duyệt")
        submit.click()
        message = page.locator(".messages")
        expect(message).to_contain_text(f"Đã tạo trang '{TITLE}' và gửi duyệt.")
        edit_href = message.get_by_role("link", name="Sửa").get_attribute("href")
        page_id = re.search(r"/admin/pages/(\d+)/edit/", edit_href).group(1)

        page.goto(f"/admin/pages/{page_id}/edit/")
        expect(page.locator("#id_title")).to_have_value(TITLE)
        expect(page.locator("button[name=action-publish]")).to_have_count(0)
        assert page.request.get(public_path).status == 404

        # The leader's step comes second: nothing awaits the leader yet.
        server.log_in(page, "lanhdao")
        expect(_awaiting(page).get_by_role("link", name=TITLE, exact=True)).to_have_count(0)

        # 2. The editor finds it awaiting review on the dashboard and approves "Biên tập";
        # an editor may not publish either.
        _approve(page, server, "bientap", page_id, may_publish=False)
        assert page.request.get(public_path).status == 404

        # 3. The leader approves "Duyệt xuất bản": that publishes the article.
        _approve(page, server, "lanhdao", page_id, may_publish=True)
        response = page.goto(public_path)
        assert response.status == 200
        expect(page.locator("h1.article-title")).to_have_text(TITLE)
        page.goto(SECTION_PATH)
        expect(page.locator(".article-list .item-title a").first).to_have_text(TITLE)

        # 4. The page's history tells who submitted, approved each step and published.
        server.log_in(page, "admin")
        page.goto(f"/admin/pages/{page_id}/history/")
        rows = page.locator("tbody tr")
        _expect_row(rows, f"Đã bắt đầu quy trình duyệt '{WORKFLOW}'. Bước tiếp theo: "
                          f"'{EDITING}'", REPORTER)
        _expect_row(rows, f"Đã duyệt ở bước '{EDITING}'. Bước tiếp theo: '{APPROVAL}'",
                    EDITOR)
        _expect_row(rows, f"Đã duyệt ở bước '{APPROVAL}'. Quy trình duyệt '{WORKFLOW}' "
                          "hoàn tất", LEADER)
        _expect_row(rows, "Đã xuất bản", LEADER)
    finally:
        if page_id is not None:
            _delete(page, server, page_id)


def _awaiting(page):
    """The dashboard's "Awaiting your review" panel."""
    return page.get_by_role("region", name="Đang chờ bạn duyệt")


def _approve(page, server, username, page_id, *, may_publish):
    """Log in as `username`, open the article from the dashboard's review list and
    approve the current step with "Duyệt" in the editor's action menu."""
    server.log_in(page, username)
    title_link = page.get_by_role("link", name=TITLE, exact=True)
    row = _awaiting(page).locator("tr", has=title_link)
    expect(row).to_contain_text(REPORTER)  # who submitted it
    row.get_by_role("link", name=TITLE, exact=True).click()
    page.wait_for_url(f"**/admin/pages/{page_id}/edit/")
    expect(page.locator("button[name=action-publish]")).to_have_count(int(may_publish))
    footer = page.locator("footer")
    footer.locator(".w-dropdown__toggle").first.click()
    # "Duyệt" approves at once; "Duyệt kèm góp ý" would open a modal for a comment.
    footer.get_by_role("button", name="Duyệt", exact=True).click()
    # Wagtail's editor confirms a workflow action as an update of the page.
    expect(page.locator(".messages")).to_contain_text(f"Trang '{TITLE}' đã được cập nhật.")


def _expect_row(rows, action, user):
    row = rows.filter(has_text=action)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(user)


def _delete(page, server, page_id):
    """Leave the shared demo server as it was for the other tests."""
    server.log_in(page, "admin")
    page.goto(f"/admin/pages/{page_id}/delete/")
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    expect(page.locator(".messages")).to_be_visible()
