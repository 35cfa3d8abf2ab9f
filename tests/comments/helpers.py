"""What the comment tests share: a site with an article, its comment settings, and a
reader who fetches a challenge, solves it (reading the captcha store) and sends a comment."""

import json
import re
import time
from unittest import mock

from captcha.models import CaptchaStore
from django.core import signing
from wagtail.models import Site

from tests.factories import make_article, make_home, make_section, vn_time
from toasoan.comments.models import CommentSettings

CHALLENGE_URL = "/binh-luan/ma-xac-nhan/"
SHOWN_SALT = "toasoan.comments.form-shown"
SENT = "Bình luận đã được gửi và sẽ hiển thị sau khi Ban biên tập duyệt"

# Letters only Vietnamese uses among Latin scripts (and its tone marks on vowels).
VIETNAMESE = re.compile(
    "[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE
)
# What Django or a library says when a message was not put into Vietnamese.
ENGLISH = ("This field", "Ensure this", "Enter a", "Bad Request", "Forbidden", "Not Found",
           "Server Error", "Invalid CAPTCHA", "CSRF", "Method Not Allowed", "Traceback")


def shown_token(seconds_ago=10.0):
    """The signed time the form was shown, `seconds_ago` seconds back (signed then, too)."""
    then = time.time() - seconds_ago
    with mock.patch("django.core.signing.time.time", return_value=then):
        return signing.TimestampSigner(salt=SHOWN_SALT).sign(f"{then:.3f}")


def comment_url(page):
    return f"/binh-luan/bai/{page.pk}/"


def make_site(**limits):
    """Home, one section, one article; comment settings with no minimum time unless given."""
    home = make_home()
    section = make_section(home, "Thời sự")
    article = make_article(section, "Huyện khánh thành cầu Tân Hòa", vn_time(2026, 1, 8, 16, 4))
    site = Site.objects.get(root_page=home)
    set_limits(site, **{"min_seconds": 0, **limits})
    return home, section, article, site


def set_limits(site, **changes):
    limits = CommentSettings.for_site(site)
    for name, value in changes.items():
        setattr(limits, name, value)
    limits.save()
    return limits


def answer(key):
    """What a person reads in the image (or works out from the question)."""
    return CaptchaStore.objects.get(hashkey=key).response


def body(response):
    return b"".join(response.streaming_content if response.streaming else [response.content]
                    ).decode("utf-8")


def _strings(value):
    if isinstance(value, dict):
        return " ".join(_strings(item) for item in value.values())
    if isinstance(value, list):
        return " ".join(_strings(item) for item in value)
    return str(value)


def assert_vietnamese(response):
    """What the reader is told is in Vietnamese, with no English left in it."""
    text = body(response)
    if response.get("Content-Type", "").startswith("application/json"):
        text = _strings(json.loads(text))
    assert VIETNAMESE.search(text), f"no Vietnamese in {response.status_code}: {text[:300]!r}"
    for phrase in ENGLISH:
        assert phrase not in text, f"{phrase!r} in {response.status_code}: {text[:300]!r}"


class Reader:
    """A reader's browser: the test client, with the steps of sending a comment."""

    def __init__(self, client):
        self.client = client

    def challenge(self, kind="image"):
        response = self.client.get(CHALLENGE_URL, {"kieu": "cau-hoi"} if kind == "question"
                                   else {})
        assert response.status_code == 200
        return response.json()

    def form(self, challenge=None, **fields):
        """A filled-in form that passes every rule; `fields` replace its values."""
        challenge = challenge or self.challenge()
        data = {
            "name": "Nguyễn Văn An",
            "phone": "",
            "title": "Đề nghị sửa đường liên xã",
            "content": "Đoạn đường liên xã qua thôn Đông đã xuống cấp, đề nghị huyện sớm sửa.",
            "consent": "on",
            "captcha_0": challenge["key"],
            "captcha_1": "" if "captcha_1" in fields else answer(challenge["key"]),
            "website": "",
            "shown": challenge["shown"],
            "csrfmiddlewaretoken": challenge["csrf_token"],
        }
        data.update(fields)
        return data

    def send(self, page, data, *, json=True, **extra):
        if json:
            extra.setdefault("HTTP_ACCEPT", "application/json")
        return self.client.post(comment_url(page), data, **extra)
