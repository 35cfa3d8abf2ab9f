"""The anti-abuse rules every comment passes, in order; each decision is recorded.

A rule answers `pass`, `suspect` (stored, held for a moderator with a flag),
`spam` (stored as spam, the reader is not told) or `reject` (not stored, the
reader gets the message). The first `spam` or `reject` ends the run.
"""

import re
import time
from dataclasses import asdict, dataclass, field
from datetime import timedelta

from django.utils import timezone

from toasoan.text import normalize

from . import ratelimit
from .models import Comment, WordRule

PASS, SUSPECT, SPAM, REJECT = "pass", "suspect", "spam", "reject"
DUPLICATE_WINDOW = timedelta(days=1)
_LINK_RE = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|vn|xyz|top|biz|io|me|co)\b",
    re.IGNORECASE,
)


@dataclass
class Decision:
    rule: str
    outcome: str
    detail: str = ""


@dataclass
class Submission:
    """A comment that passed the form's validation, with what the rules need to know."""

    page_id: int
    name: str
    title: str
    content: str
    phone: str = ""
    ip: str = ""
    honeypot: str = ""
    shown_at: float | None = None  # when the form was shown (verified signed timestamp)


@dataclass
class Result:
    decisions: list = field(default_factory=list)

    @property
    def outcome(self):
        outcomes = {decision.outcome for decision in self.decisions}
        for outcome in (REJECT, SPAM, SUSPECT):
            if outcome in outcomes:
                return outcome
        return PASS

    @property
    def message(self):
        """What the reader is told when the comment is rejected."""
        for decision in self.decisions:
            if decision.outcome == REJECT:
                return decision.detail
        return ""

    def as_flags(self):
        return [asdict(decision) for decision in self.decisions]


def honeypot(sub, limits):
    if sub.honeypot.strip():
        return Decision("honeypot", SPAM, "Ô ẩn dành cho máy tự động đã được điền.")
    return Decision("honeypot", PASS)


def too_fast(sub, limits):
    if sub.shown_at is None:
        return Decision("too_fast", REJECT, "Biểu mẫu đã hết hạn. Vui lòng tải lại trang và "
                        "gửi lại bình luận.")
    elapsed = time.time() - sub.shown_at
    if elapsed < limits.min_seconds:
        return Decision("too_fast", REJECT, f"Bình luận được gửi quá nhanh ({elapsed:.1f} giây). "
                        "Vui lòng đọc lại và gửi lại sau giây lát.")
    return Decision("too_fast", PASS, f"{elapsed:.0f} giây")


def _over_limit(kind, value, limit):
    return bool(value) and ratelimit.hit(kind, value) > limit


def ip_rate(sub, limits):
    if _over_limit("ip", sub.ip, limits.per_ip_per_hour):
        return Decision("ip_rate", REJECT, "Bạn đã gửi quá nhiều bình luận trong một giờ. "
                        "Vui lòng thử lại sau.")
    return Decision("ip_rate", PASS)


def phone_rate(sub, limits):
    if _over_limit("phone", sub.phone, limits.per_phone_per_hour):
        return Decision("phone_rate", REJECT, "Số điện thoại này đã gửi quá nhiều bình luận "
                        "trong một giờ. Vui lòng thử lại sau.")
    return Decision("phone_rate", PASS)


def duplicate(sub, limits):
    since = timezone.now() - DUPLICATE_WINDOW
    if Comment.objects.filter(created_at__gte=since, content=sub.content).exists():
        return Decision("duplicate", REJECT, "Bình luận này trùng với một bình luận vừa được "
                        "gửi.")
    return Decision("duplicate", PASS)


def _word_pattern(word):
    words = [re.escape(part) for part in normalize(word).lower().split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")


def _matches(kind, sub):
    # NFC and no invisible characters here too, whoever built the submission: NFD `ngủ`
    # is not `ngu`, and `ng\u200bu` is.
    text = normalize(" ".join([sub.name, sub.title, sub.content])).lower()
    words = WordRule.objects.filter(kind=kind).values_list("word", flat=True)
    return [word for word in words if _word_pattern(word).search(text)]


def banned_words(sub, limits):
    found = _matches(WordRule.Kind.BANNED, sub)
    if found:
        return Decision("banned_words", REJECT, "Bình luận có từ ngữ không phù hợp, vui lòng "
                        "sửa lại.")
    return Decision("banned_words", PASS)


def links(sub, limits):
    count = len(_LINK_RE.findall(f"{sub.title} {sub.content}"))
    if count > limits.max_links:
        return Decision("links", SUSPECT, f"{count} liên kết")
    return Decision("links", PASS, f"{count} liên kết" if count else "")


def suspect_words(sub, limits):
    found = _matches(WordRule.Kind.SUSPECT, sub)
    if found:
        return Decision("suspect_words", SUSPECT, ", ".join(found))
    return Decision("suspect_words", PASS)


RULES = [honeypot, too_fast, ip_rate, phone_rate, duplicate, banned_words, links, suspect_words]


def screen(sub, limits):
    """Run the rules in order until one says spam or reject."""
    result = Result()
    for rule in RULES:
        decision = rule(sub, limits)
        result.decisions.append(decision)
        if decision.outcome in (SPAM, REJECT):
            break
    return result
