"""A newsroom confined to one section; revisions; the audit log by user and date."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from wagtail.models import GroupPagePermission, Page

from tests.newsroom.helpers import (
    NewsroomTestCase,
    article_form,
    draft_by,
    make_newsroom,
    submit,
)
from toasoan.newsroom import roles


class SectionNewsroomTests(TestCase):
    """A reporter whose group has rights on "Thời sự" only (docs/newsroom.md)."""

    @classmethod
    def setUpTestData(cls):
        make_newsroom(cls)
        group = Group.objects.create(name="Phóng viên – Thời sự")
        group.permissions.set(Group.objects.get(name=roles.REPORTER).permissions.all())
        GroupPagePermission.objects.create(
            group=group, page=cls.section,
            permission=Permission.objects.get(codename="add_page"),
        )
        cls.reporter = get_user_model().objects.create_user("pv_thoisu", password="x")
        cls.reporter.groups.add(group)

    def setUp(self):
        self.client.force_login(self.reporter)

    def test_writes_in_their_section(self):
        response = self.client.post(
            f"/admin/pages/add/news/articlepage/{self.section.pk}/", article_form("Tin thời sự")
        )
        self.assertEqual(response.status_code, 302)

    def test_cannot_write_or_edit_in_another_section(self):
        response = self.client.post(
            f"/admin/pages/add/news/articlepage/{self.other_section.pk}/",
            article_form("Tin kinh tế"),
        )
        self.assertEqual(response.status_code, 403)
        theirs = draft_by(self.reporter, self.other_section, "Bài cũ ở chuyên mục khác")
        response = self.client.get(f"/admin/pages/{theirs.pk}/edit/")
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Page.objects.filter(title="Tin kinh tế").exists())


class RevisionsAndHistoryTests(NewsroomTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = draft_by(cls.users["reporter"], cls.section, "Bản đầu tiên")

    def test_an_editor_compares_and_reverts_revisions(self):
        self.login("editor")
        first = self.article.get_latest_revision()
        data = article_form("Bản đã sửa", slug=self.article.slug)
        self.client.post(f"/admin/pages/{self.article.pk}/edit/", data)
        second = Page.objects.get(pk=self.article.pk).get_latest_revision()
        response = self.client.get(
            f"/admin/pages/{self.article.pk}/revisions/compare/{first.pk}...{second.pk}/"
        )
        self.assertContains(response, "So sánh")
        self.assertContains(response, "đầu tiên")  # the old words, marked as removed
        response = self.client.get(f"/admin/pages/{self.article.pk}/revisions/{first.pk}/revert/")
        self.assertContains(response, 'value="Bản đầu tiên"')

    def test_site_history_by_user_and_date(self):
        self.login("reporter")
        submit(self.client, self.article)
        self.login("administrator")
        reporter = self.users["reporter"].pk
        response = self.client.get("/admin/reports/site-history/", {"user": reporter})
        self.assertContains(response, "Bản đầu tiên")
        self.assertContains(response, "Đã bắt đầu quy trình duyệt")  # in Vietnamese
        response = self.client.get(
            "/admin/reports/site-history/",
            {"user": reporter, "timestamp_from": "01/01/2020", "timestamp_to": "02/01/2020"},
        )
        self.assertNotContains(response, "Bản đầu tiên")
