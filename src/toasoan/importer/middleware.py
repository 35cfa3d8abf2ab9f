"""WordPress's own links (`/?p=123`) redirect to the imported article.

Wagtail's redirects apply only where nothing else answers (a 404), and `/?p=123`
is the home page to Django, so these are looked up before anything else answers.
"""

from django import http
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

# The query parameters of WordPress's plain links to a post, page or attachment.
WORDPRESS_PARAMETERS = ("p", "page_id", "attachment_id")


class OldLinkRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and any(
            name in request.GET for name in WORDPRESS_PARAMETERS
        ):
            path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
            redirect = get_redirect(request, path)
            if redirect is not None and redirect.link:
                if redirect.is_permanent:
                    return http.HttpResponsePermanentRedirect(redirect.link)
                return http.HttpResponseRedirect(redirect.link)
        return self.get_response(request)
