"""What an editor or a moderator does, done in a process of its own against a deployed
site's database: `python -m tests.deploy.site_changes COMMAND ARGS`, answering JSON."""

import json
import sys

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.utils import timezone  # noqa: E402

from toasoan.comments import moderation  # noqa: E402
from toasoan.comments.models import Comment, CommentSettings  # noqa: E402
from toasoan.news.models import ArticlePage  # noqa: E402
from toasoan.news.site import default_site  # noqa: E402


def pages():
    """The newest article, an older one in its section that lists it, their section."""
    article = ArticlePage.objects.live().order_by("-first_published_at", "-pk").first()
    older = article.older_articles()[0]
    return {"article": article.pk, "article_url": article.url, "title": article.title,
            "older_url": older.url, "section_url": article.get_parent().url}


def retitle(page_id, title):
    page = ArticlePage.objects.get(pk=page_id)
    page.title = title
    page.save_revision().publish()
    return {}


def approve_comment(page_id, title):
    comment = Comment.objects.create(
        page_id=page_id, name="Trần Văn Bình", title=title,
        content="Bình luận được duyệt trong lúc trang đang được giữ trong bộ nhớ đệm.",
        consent_at=timezone.now(), consent_version="1", ip_address="203.0.113.5")
    admin = get_user_model().objects.filter(is_superuser=True).first()
    moderation.moderate(comment, "approve", admin)
    return {}


def open_comments(per_ip_per_hour):
    """No minimum writing time (a test fills the form at once); the given rate limit."""
    limits = CommentSettings.for_site(default_site())
    limits.min_seconds = 0
    limits.per_ip_per_hour = int(per_ip_per_hour)
    limits.save()
    return {}


def captcha_answer(key):
    from captcha.models import CaptchaStore

    return {"answer": CaptchaStore.objects.get(hashkey=key).response}


def comments(page_id):
    return {"titles": list(Comment.objects.filter(page_id=page_id)
                           .values_list("title", flat=True))}


COMMANDS = {"pages": pages, "retitle": retitle, "approve-comment": approve_comment,
            "open-comments": open_comments, "captcha-answer": captcha_answer,
            "comments": comments}

if __name__ == "__main__":
    print(json.dumps(COMMANDS[sys.argv[1]](*sys.argv[2:]), ensure_ascii=False))
