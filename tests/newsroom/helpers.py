"""A newsroom for tests: a home page with two sections, one user per role, and the
admin requests each role makes."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from wagtail.models import Page, TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.factories import make_article, make_home, make_section, vn_time
from toasoan.news.models import ArticlePage
from toasoan.newsroom import roles
from toasoan.text import slugify

ROLE_USERS = {
    "reporter": roles.REPORTER,
    "reporter2": roles.REPORTER,
    "editor": roles.EDITOR,
    "approver": roles.APPROVER,
    "approver2": roles.APPROVER,
    "moderator": roles.COMMENT_MODERATOR,
    "administrator": roles.ADMINISTRATOR,
}


def make_newsroom(test_class):
    test_class.home = make_home()
    test_class.section = make_section(test_class.home, "Thời sự")
    test_class.other_section = make_section(test_class.home, "Kinh tế")
    User = get_user_model()
    test_class.users = {}
    for username, group in ROLE_USERS.items():
        user = User.objects.create_user(username, f"{username}@example.invalid", "x",
                                        first_name=username)
        user.groups.add(Group.objects.get(name=group))
        test_class.users[username] = user


class NewsroomTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_newsroom(cls)

    def login(self, role):
        self.client.force_login(self.users[role])
        return self.users[role]


def article_form(title, **extra):
    return nested_form_data({
        "title": title,
        "slug": extra.pop("slug", None) or slugify(title),
        "lead": "Sáng nay, Ủy ban nhân dân huyện tổ chức hội nghị.",
        "body": streamfield([]),
        "authors": inline_formset([{"name": "Minh Anh"}]),
        "tags": "",
        **extra,
    })


def draft_by(user, section, title):
    """An article draft owned by `user` (a revision saved, never published)."""
    article = make_article(section, title, vn_time(2026, 11, 1), live=False)
    Page.objects.filter(pk=article.pk).update(owner=user)
    article.refresh_from_db()
    article.save_revision(user=user)
    return ArticlePage.objects.get(pk=article.pk)


def current_task_state(page):
    return TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def submit(client, page, title=None):
    """Submit `page` for approval as the logged-in user, through the edit form."""
    data = article_form(title or page.title, slug=page.slug)
    data["action-submit"] = "1"
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def workflow_action(client, page, action="approve"):
    state = current_task_state(page)
    return client.post(f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/",
                       {"comment": ""})
