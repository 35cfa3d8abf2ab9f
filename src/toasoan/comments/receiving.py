"""From a valid form to a stored comment: screen it, then commit it before replying."""

import ipaddress

from django.utils import timezone

from toasoan.clientip import client_ip

from .challenges import shown_at
from .forms import clean_single_line
from .models import CONSENT_VERSION, Comment
from .pipeline import PASS, REJECT, SPAM, SUSPECT, Submission, screen


def truncate_ip(ip):
    """Keep the network, not the host: /24 for IPv4, /48 for IPv6."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return None
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False).network_address)


def receive(page, form, request):
    """Screen a validated comment and store it unless a rule rejects it.

    Returns the pipeline's result and the stored comment (None when rejected). The
    comment is committed here, before the reader's reply is built: autocommit is on
    and no transaction wraps the request.
    """
    data = form.cleaned_data
    submission = Submission(
        page_id=page.pk, name=data["name"], title=data["title"], content=data["content"],
        phone=data.get("phone", ""), ip=client_ip(request), honeypot=data.get("website", ""),
        shown_at=shown_at(data.get("shown", "")),
    )
    limits = form.limits
    result = screen(submission, limits)
    if result.outcome == REJECT:
        return result, None
    status = {PASS: Comment.Status.PENDING, SUSPECT: Comment.Status.PENDING,
              SPAM: Comment.Status.SPAM}[result.outcome]
    comment = Comment.objects.create(
        page=page, name=submission.name, phone=submission.phone, title=submission.title,
        content=submission.content, status=status, flags=result.as_flags(),
        consent_at=timezone.now(), consent_version=CONSENT_VERSION,
        ip_address=truncate_ip(submission.ip),
        # Headers are anyone's input too: no NUL (PostgreSQL refuses it) or controls.
        user_agent=clean_single_line(request.META.get("HTTP_USER_AGENT", ""))[:300],
    )
    return result, comment
