"""Captcha challenges: the image of django-simple-captcha, or a question in words.

The question is the accessible alternative to the image (WCAG 1.1.1): a screen
reader reads it out, and it is answered in digits. Both live in the same store, so
both expire after CAPTCHA_TIMEOUT and allow one attempt.
"""

import random
import time

from captcha.helpers import captcha_image_url
from captcha.models import CaptchaStore
from django.core import signing
from django.db import connection
from django.utils import timezone

NUMBERS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]
_SALT = "toasoan.comments.form-shown"


def question_challenge():
    """`Bảy cộng hai bằng mấy?` -> `9` (django-simple-captcha's generator contract)."""
    rng = random.SystemRandom()
    a, b = rng.randint(1, 10), rng.randint(1, 9)
    if rng.random() < 0.5 and a >= b:
        return f"{NUMBERS[a].capitalize()} trừ {NUMBERS[b]} bằng mấy?", str(a - b)
    return f"{NUMBERS[a].capitalize()} cộng {NUMBERS[b]} bằng mấy?", str(a + b)


def new_challenge(kind="image"):
    """A fresh challenge as the comment form needs it, plus the signed time it was shown."""
    if kind == "question":
        key = CaptchaStore.generate_key(question_challenge)
        challenge = {"key": key, "question": CaptchaStore.objects.get(hashkey=key).challenge}
    else:
        key = CaptchaStore.generate_key()
        challenge = {"key": key, "image_url": captcha_image_url(key)}
    challenge["shown"] = signing.TimestampSigner(salt=_SALT).sign(f"{time.time():.3f}")
    return challenge


def take(key):
    """The answer to challenge `key`, which is used up by asking (None if unknown or
    expired). One statement: two submissions racing with the same challenge cannot
    both read it before it is gone."""
    quote = connection.ops.quote_name
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(CaptchaStore._meta.db_table)} "
            f"WHERE {quote('hashkey')} = %s AND {quote('expiration')} > %s "
            f"RETURNING {quote('response')}",
            [key, now],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def shown_at(token, max_age=3600):
    """The time a form was shown, from its signed token; None if forged or too old."""
    try:
        return float(signing.TimestampSigner(salt=_SALT).unsign(token, max_age=max_age))
    except (signing.BadSignature, ValueError):
        return None
