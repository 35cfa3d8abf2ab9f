from datetime import timedelta

from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings
from django.utils import timezone

DATABASE_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {"BACKEND": "toasoan.sharedcache.DatabaseCache",
               "LOCATION": "toasoan_shared_cache"},
}


@override_settings(CACHES=DATABASE_CACHE)
class DatabaseSharedCacheTests(TestCase):
    def setUp(self):
        call_command("createcachetable", verbosity=0)  # none on a site that runs on Redis
        self.cache = caches["shared"]

    def test_reads_what_was_stored(self):
        self.cache.set_many({"a": 1, "b": {"tick": 2}, "c": "chữ Việt"}, 60)
        self.assertEqual(self.cache.get_many(["a", "b", "c", "missing"]),
                         {"a": 1, "b": {"tick": 2}, "c": "chữ Việt"})
        self.assertEqual(self.cache.get("c"), "chữ Việt")
        self.assertIsNone(self.cache.get("missing"))

    def test_an_expired_key_is_gone(self):
        self.cache.set_many({"old": 1, "new": 2}, 60)
        past = connection.ops.adapt_datetimefield_value(
            (timezone.now() - timedelta(seconds=5)).replace(microsecond=0))
        with connection.cursor() as cursor:
            cursor.execute("UPDATE toasoan_shared_cache SET expires = %s WHERE cache_key = %s",
                           [past, self.cache.make_key("old")])
        self.assertEqual(self.cache.get_many(["old", "new"]), {"new": 2})
        self.assertEqual(self.cache.get("old", "gone"), "gone")
