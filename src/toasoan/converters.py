"""URL converters shared by the apps; importing this module registers them."""

from django.urls import register_converter
from django.urls.converters import IntConverter


class PageIdConverter(IntConverter):
    """At most 18 digits: a longer number is no page, and would overflow the database's
    64-bit integers (SQLite raises instead of finding nothing)."""

    regex = "[0-9]{1,18}"


register_converter(PageIdConverter, "page_id")
