"""Rate limits hold under bursts: each request is counted, whichever cache counts them (the
database table by default, Redis where REDIS_URL configures it)."""

import threading
import uuid

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory

from portal import ratelimit_cache
from portal.ratelimits import limited

TABLE = "redress_ratelimit_test"
BURST = 40


def database_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {"BACKEND": "portal.ratelimit_cache.AtomicDatabaseCache", "LOCATION": TABLE},
    }
    call_command("createcachetable", TABLE)
    return caches["ratelimit"]


def burst(count: int) -> int:
    """`count` requests from one address at once; how many the 10-an-hour limit let through."""
    address = f"192.0.2.{uuid.uuid4().int % 250 + 1}"
    start = threading.Barrier(count)
    allowed = []

    def one():
        request = RequestFactory().post("/complain/", REMOTE_ADDR=address)
        start.wait()
        try:
            if not limited(request, "submit"):
                allowed.append(1)
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(allowed)


@pytest.mark.django_db
def test_an_increment_made_meanwhile_by_another_request_is_not_lost(settings, monkeypatch):
    """The count read, another request counts, then this one writes: both are counted."""
    cache = database_cache(settings)
    cache.add("k", 1, 3600)
    real_loads = ratelimit_cache.pickle.loads
    raced = []

    def loads_while_another_counts(data):
        value = real_loads(data)
        if not raced:
            raced.append(True)
            cache.set("k", value + 1, 3600)  # the other request's increment lands first
        return value

    monkeypatch.setattr(ratelimit_cache.pickle, "loads", loads_while_another_counts)
    assert cache.incr("k") == 3
    monkeypatch.undo()
    assert cache.get("k") == 3


@pytest.mark.django_db
def test_an_expired_count_is_not_incremented(settings):
    cache = database_cache(settings)
    with pytest.raises(ValueError):
        cache.incr("missing")


@pytest.mark.django_db(transaction=True)
def test_a_burst_on_the_database_cache_never_passes_the_limit(settings):
    if connection.vendor != "postgresql":
        pytest.skip("threads need PostgreSQL; CI's second pass runs this on PostgreSQL")
    settings.REDRESS_RATE_LIMITS = {**settings.REDRESS_RATE_LIMITS, "submit": "10/h"}
    database_cache(settings)
    assert burst(BURST) == 10


def test_a_burst_on_redis_never_passes_the_limit(settings, redis_url):
    settings.REDRESS_RATE_LIMITS = {**settings.REDRESS_RATE_LIMITS, "submit": "10/h"}
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": f"redress-test-{uuid.uuid4().hex}",
        },
    }
    assert burst(BURST) == 10
