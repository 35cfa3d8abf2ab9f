"""What a visitor is told when the server cannot answer: an unreachable database and
a full disk are said as such (503 with Retry-After, 507), the rest is a plain 500.

The pages are rendered without a request: what failed may be what a context
processor would need."""

import errno
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

RETRY_SECONDS = 30


def _page(template, status):
    return HttpResponse(loader.render_to_string(template), status=status)


def server_error(request):
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = _page("503.html", 503)
        response["Retry-After"] = str(RETRY_SECONDS)
        return response
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return _page("507.html", 507)
    return _page("500.html", 500)
