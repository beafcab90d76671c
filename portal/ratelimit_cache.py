"""The database cache the public forms' rate limits count in, with an atomic increment.

Django's DatabaseCache increments by reading the value and writing it back, so two requests at
the same instant both read 3 and both write 4: a burst from one address got through at twice
its limit. Here each increment is a compare-and-swap, `UPDATE ... SET value = new WHERE value =
old`, retried when another request changed the count in between; one statement decides, so it
holds on SQLite and PostgreSQL alike, with no lock held between statements. Redis (RedisCache,
whose INCR is atomic already) needs nothing of this.
"""

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router
from django.utils import timezone

MAX_TRIES = 1000


class AtomicDatabaseCache(DatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(self._table)
        for _ in range(MAX_TRIES):
            now = connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT value FROM {table} WHERE cache_key = %s AND expires > %s",  # noqa: S608 - the table name is ours
                    [key, now],
                )
                row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found")
            old = row[0]
            new_value = pickle.loads(base64.b64decode(old.encode())) + delta  # noqa: S301 - our own table
            new = base64.b64encode(pickle.dumps(new_value, self.pickle_protocol)).decode("latin1")
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {table} SET value = %s WHERE cache_key = %s AND value = %s",  # noqa: S608
                    [new, key, old],
                )
                if cursor.rowcount == 1:
                    return new_value
        raise RuntimeError(f"Could not increment '{key}': too many concurrent changes")
