"""The reader's address, for rate limits and login lockouts.

Behind TOASOAN_PROXY_COUNT trusted reverse proxies (nginx appends the address it
saw to `X-Forwarded-For`), the client is that many entries from the right of the
header: anything further left was written by the client and can be forged. With
no proxy, REMOTE_ADDR is the client.
"""

from django.conf import settings


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.PROXY_COUNT
    if count <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    return hops[-count] if len(hops) >= count else remote
