"""One e-mail to the moderators about the comments that are waiting for them.

`notify_moderators()` is called periodically. Each call reports the pending comments
not reported before, in one message, then marks them; a failed send marks nothing, so
the next call reports them again. The message carries no phone number, no reader's
name and no comment text: only what a moderator needs to find the comments.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.permissions import policy_registry

from toasoan.news.site import default_site
from toasoan.text import format_datetime

from .flag_labels import describe_flags
from .models import Comment, CommentSettings

LISTED = 50  # comments listed one by one; the rest are counted


def configured_addresses(site):
    if site is None:
        return []
    text = CommentSettings.for_site(site).moderator_emails
    addresses = []
    for address in re.split(r"[\s,;]+", text or ""):
        try:
            validate_email(address)
        except ValidationError:
            continue
        if address.lower() not in (known.lower() for known in addresses):
            addresses.append(address)
    return addresses


def moderator_addresses(site):
    """The addresses in the comment settings, else every active user who may moderate."""
    addresses = configured_addresses(site)
    if addresses:
        return addresses
    users = policy_registry.get_by_type(Comment).users_with_permission("change")
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def _admin_url(name, *args):
    return settings.BASE_URL + reverse(f"toasoan_comments:{name}", args=args)


def compose(comments, site_name):
    count = len(comments)
    subject = f"[{site_name}] {count} bình luận mới chờ duyệt"
    lines = [f"Có {count} bình luận mới đang chờ duyệt.", ""]
    for number, comment in enumerate(comments[:LISTED], start=1):
        flags = describe_flags(comment)
        lines += [
            f"{number}. “{comment.title}” — bài “{comment.page.title}”, "
            f"gửi lúc {format_datetime(comment.created_at)}",
            *([f"   Cảnh báo: {flags}"] if flags else []),
            f"   {_admin_url('edit', comment.pk)}",
        ]
    if count > LISTED:
        lines.append(f"… và {count - LISTED} bình luận khác.")
    lines += [
        "",
        f"Hàng đợi duyệt bình luận: {_admin_url('list')}?status=pending",
        "",
        "Thư này được gửi tự động, vui lòng không trả lời.",
    ]
    return subject, "\n".join(lines)


def notify_moderators():
    """Send one summary of the newly pending comments; returns how many it reported."""
    with transaction.atomic():
        waiting = (
            Comment.objects.filter(status=Comment.Status.PENDING, notified_at__isnull=True)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("page")
            .order_by("created_at", "pk")
        )
        comments = list(waiting)
        if not comments:
            return 0
        site = default_site()
        recipients = moderator_addresses(site)
        if not recipients:
            return 0  # kept for when someone can receive them
        site_name = (site and site.site_name) or settings.WAGTAIL_SITE_NAME
        subject, body = compose(comments, site_name)
        send_mail(subject, body, None, recipients)
        Comment.objects.filter(pk__in=[c.pk for c in comments]).update(
            notified_at=timezone.now()
        )
    return len(comments)
