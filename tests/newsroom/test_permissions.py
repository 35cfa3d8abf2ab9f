"""Each newsroom role against each admin action: allowed (and done), or refused
with a 403 (and nothing changed)."""

from wagtail.models import Page

from tests.factories import make_article, vn_time
from tests.newsroom.helpers import (
    NewsroomTestCase,
    article_form,
    current_task_state,
    draft_by,
    submit,
    workflow_action,
)
from toasoan.news.models import ArticlePage, ContactPage, SectionPage

ROLES = ["reporter", "editor", "approver", "moderator", "administrator"]
DENIED = 403


class PermissionMatrixTests(NewsroomTestCase):
    def check(self, allowed_roles, act):
        """`act(role)` returns (response, done: bool)."""
        for role in ROLES:
            with self.subTest(role=role):
                response, done = act(role)
                if role in allowed_roles:
                    self.assertLess(response.status_code, 400, response)
                    self.assertTrue(done, "allowed, but nothing happened")
                else:
                    self.assertEqual(response.status_code, DENIED)
                    self.assertFalse(done, "refused, but it happened")

    def test_create_an_article(self):
        def act(role):
            self.login(role)
            title = f"Bài mới của {role}"
            response = self.client.post(
                f"/admin/pages/add/news/articlepage/{self.section.pk}/", article_form(title)
            )
            return response, ArticlePage.objects.filter(title=title).exists()

        self.check({"reporter", "editor", "approver", "administrator"}, act)

    def test_edit_someone_elses_article(self):
        def act(role):
            self.login(role)
            article = draft_by(self.users["reporter2"], self.section, f"Bài của người khác {role}")
            data = article_form(f"Đã sửa bởi {role}", slug=article.slug)
            response = self.client.post(f"/admin/pages/{article.pk}/edit/", data)
            latest = Page.objects.get(pk=article.pk).get_latest_revision()
            return response, latest.content["title"] == f"Đã sửa bởi {role}"

        self.check({"editor", "approver", "administrator"}, act)

    def test_publish_directly(self):
        def act(role):
            user = self.login(role)
            article = draft_by(user, self.section, f"Bài xuất bản thẳng {role}")
            data = article_form(article.title, slug=article.slug)
            data["action-publish"] = "1"
            response = self.client.post(f"/admin/pages/{article.pk}/edit/", data)
            return response, Page.objects.get(pk=article.pk).live

        self.check({"approver", "administrator"}, act)

    def test_unpublish(self):
        def act(role):
            self.login(role)
            article = make_article(self.section, f"Bài đang đăng {role}", vn_time(2026, 11, 2))
            response = self.client.post(f"/admin/pages/{article.pk}/unpublish/")
            return response, not Page.objects.get(pk=article.pk).live

        self.check({"approver", "administrator"}, act)

    def test_add_a_section(self):
        def act(role):
            self.login(role)
            title = f"Chuyên mục {role}"
            response = self.client.post(
                f"/admin/pages/add/news/sectionpage/{self.home.pk}/",
                {"title": title, "slug": f"chuyen-muc-{role}", "intro": ""},
            )
            return response, SectionPage.objects.filter(title=title).exists()

        self.check({"administrator"}, act)

    def test_edit_a_section(self):
        def act(role):
            self.login(role)
            response = self.client.get(f"/admin/pages/{self.section.pk}/edit/")
            return response, response.status_code == 200

        self.check({"administrator"}, act)

    def test_edit_the_contact_page(self):
        contact = self.home.add_child(instance=ContactPage(title="Liên hệ", slug="lien-he"))

        def act(role):
            self.login(role)
            response = self.client.get(f"/admin/pages/{contact.pk}/edit/")
            return response, response.status_code == 200

        self.check({"administrator"}, act)

    def test_approve_the_first_step(self):
        def act(role):
            self.client.force_login(self.users["reporter2"])
            article = draft_by(self.users["reporter2"], self.section, f"Bài gửi duyệt {role}")
            submit(self.client, article)
            first = current_task_state(article)
            self.login(role)
            response = workflow_action(self.client, article)
            first.refresh_from_db()
            return response, first.status == "approved"

        self.check({"editor"}, act)

    def test_approve_the_final_step_publishes(self):
        def act(role):
            self.client.force_login(self.users["reporter2"])
            article = draft_by(self.users["reporter2"], self.section, f"Bài chờ xuất bản {role}")
            submit(self.client, article)
            self.client.force_login(self.users["editor"])
            workflow_action(self.client, article)
            self.login(role)
            response = workflow_action(self.client, article)
            return response, Page.objects.get(pk=article.pk).live

        self.check({"approver"}, act)

    def test_moderate_comments(self):
        def act(role):
            self.login(role)
            response = self.client.get("/admin/binh-luan/")
            return response, response.status_code == 200

        self.check({"moderator", "administrator"}, act)

    def test_manage_users(self):
        def act(role):
            self.login(role)
            response = self.client.get("/admin/users/")
            return response, response.status_code == 200

        self.check({"administrator"}, act)

    def test_upload_images(self):
        def act(role):
            self.login(role)
            response = self.client.get("/admin/images/multiple/add/")
            return response, response.status_code == 200

        self.check({"reporter", "editor", "approver", "administrator"}, act)
