"""Personal data kept no longer than needed, and erased on request (Law 91/2025)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from toasoan.news.site import default_site

from . import moderation, ratelimit
from .models import Comment, CommentSettings
from .phones import to_e164


def retention_days():
    site = default_site()
    return CommentSettings.for_site(site).retention_days if site else 90


def purge(days=None, now=None):
    """Blank the phone, IP and user agent of comments older than the retention period.

    Returns how many comments lost personal data. Old rate-limit counters go too.
    """
    days = retention_days() if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    old = Comment.objects.filter(created_at__lt=cutoff).exclude(
        phone="", ip_address__isnull=True, user_agent=""
    )
    purged = old.update(phone="", ip_address=None, user_agent="")
    ratelimit.purge_old()
    return purged


@transaction.atomic
def erase_phone(raw_phone, user=None):
    """Delete every comment sent with this phone number, and its rate-limit counters."""
    phone = to_e164(raw_phone)
    comments = list(Comment.objects.filter(phone=phone))
    for comment in comments:
        moderation.delete(comment, user)
    ratelimit.forget("phone", phone)
    return len(comments)
