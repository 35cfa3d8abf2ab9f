"""Everything a backup must carry, read from a site, as JSON: `python -m
tests.site_inventory prepare` gives a demo site what the demo lacks (reader comments
in three states, an edited setting, image renditions); `python -m tests.site_inventory
read OUT` writes every saved row, every media file's digest, and what readers see."""

import hashlib
import json
import sys
from pathlib import Path

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core import serializers  # noqa: E402
from django.core.serializers.json import DjangoJSONEncoder  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Site  # noqa: E402

from toasoan.backup import saved_models  # noqa: E402
from toasoan.comments.models import Comment  # noqa: E402
from toasoan.news.models import ArticlePage, PortalSettings  # noqa: E402
from toasoan.text import fold  # noqa: E402

HOST = "localhost"


def newest_articles(count=3):
    return list(ArticlePage.objects.live().order_by("-first_published_at", "-pk")[:count])


def prepare():
    article = newest_articles(1)[0]
    now = timezone.now()
    for status, title in [(Comment.Status.APPROVED, "Đồng tình với chủ trương"),
                          (Comment.Status.PENDING, "Xin hỏi thủ tục <b>cấp đổi</b>"),
                          (Comment.Status.REJECTED, "Quảng cáo ỗặự")]:
        Comment.objects.create(page=article, name="Nguyễn Thị Thuỷ", phone="0912345678",
                               title=title, content=f"{title}: nội dung <script>x</script>",
                               status=status, consent_at=now, consent_version="1",
                               ip_address="203.0.113.9")
    portal = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal.address = "Số 1 đường Trần Hưng Đạo, phường Đông Kinh"
    portal.save()
    Client(HTTP_HOST=HOST).get("/")  # the home page makes the images' renditions


def _comparable(value):
    # JSON held in text (StreamField) compares by content: PostgreSQL's jsonb
    # reorders keys.
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return {key: _comparable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    return value


def rows():
    found = {}
    for model in saved_models():
        objects = model._base_manager.order_by("pk")
        serialized = serializers.serialize("python", objects)
        found[model._meta.label_lower] = _comparable(json.loads(
            json.dumps(serialized, cls=DjangoJSONEncoder)))
    return found


def media():
    root = Path(settings.MEDIA_ROOT)
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


def reader_view():
    client = Client(HTTP_HOST=HOST)
    seen = []
    for article in newest_articles():
        page = client.get(article.url)
        words = " ".join(fold(article.title).split()[:3])
        found = client.get("/tim-kiem/", {"q": words})
        seen.append({
            "url": article.url,
            "status": page.status_code,
            "title_shown": article.title in page.content.decode(),
            "approved_comments": [comment.title for comment in
                                  Comment.objects.filter(page=article, status="approved")],
            "found_by_search": article.url in found.content.decode(),
        })
    return seen


def main(command, *args):
    if command == "prepare":
        prepare()
        return
    # Rows first: reading the pages counts views.
    inventory = {"rows": rows(), "media": media(), "readers": reader_view()}
    Path(args[0]).write_text(json.dumps(inventory, ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main(*sys.argv[1:])
