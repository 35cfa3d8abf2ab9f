"""The shared cache on one machine without Redis: Django's database cache, with a
faster `get_many`.

Every stored page is checked against the ticks of its tags (`news.pagecache`), about
a dozen keys read on every request. Django's `get_many` converts each row's expiry
to a datetime in Python and checks each key for memcached's limits; here the
database compares the expiry and the keys are the site's own.
"""

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router
from django.utils import timezone


class DatabaseCache(DjangoDatabaseCache):
    def get_many(self, keys, version=None):
        if not keys:
            return {}
        key_map = {self.make_key(key, version=version): key for key in keys}
        connection = connections[router.db_for_read(self.cache_model_class)]
        quote_name = connection.ops.quote_name
        now = connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote_name('cache_key')}, {quote_name('value')} "
                f"FROM {quote_name(self._table)} "
                f"WHERE {quote_name('cache_key')} IN ({', '.join(['%s'] * len(key_map))}) "
                f"AND {quote_name('expires')} >= %s",
                [*key_map, now],
            )
            rows = cursor.fetchall()
        return {
            key_map[key]: pickle.loads(base64.b64decode(connection.ops.process_clob(value)))
            for key, value in rows
        }
