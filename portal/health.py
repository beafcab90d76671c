"""Health checks for a load balancer or orchestrator.

/health/live/ answers while the process can answer at all, asking nothing of the database.
/health/ready/ says whether this server can serve residents and staff: the database reachable
and fully migrated, the cache and the file storage reachable. It also reports how long the
oldest unsent email has waited and how many background tasks are waiting, for monitoring to
alert on (a stopped worker shows there first). Only counts and ages: never a person or a case.
"""

import uuid

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.cache import never_cache

_migrated = False


def database_check() -> dict:
    """The database answers and has every migration this code knows of. Once migrated, a
    process stays so (new migrations come with new code, so a new process)."""
    global _migrated
    connection.ensure_connection()
    if not _migrated:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            return {"ok": False, "unapplied_migrations": len(plan)}
        _migrated = True
    return {"ok": True}


def cache_check() -> dict:
    probe = f"health:{uuid.uuid4().hex}"
    for alias in ("default", "ratelimit"):
        cache = caches[alias]
        cache.set(probe, "1", 10)
        # The dummy cache (tests) keeps nothing; any other that loses a value at once is broken.
        if cache.get(probe) != "1" and not isinstance(cache, DummyCache):
            return {"ok": False}
        cache.delete(probe)
    return {"ok": True}


def storage_check() -> dict:
    """Case documents' storage answers (for object storage, the bucket with these keys)."""
    from casework.models import private_storage

    private_storage.exists("health-check")
    return {"ok": True}


def outbox_check(now) -> dict:
    from casework.models import OutboundEmail

    oldest = (
        OutboundEmail.objects.filter(
            status__in=[OutboundEmail.Status.QUEUED, OutboundEmail.Status.RETRYING]
        )
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    return {"oldest_unsent_seconds": int((now - oldest).total_seconds()) if oldest else 0}


def tasks_check() -> dict:
    from django_tasks_db.models import DBTaskResult

    return {"waiting": DBTaskResult.objects.ready().count()}


REQUIRED = {"database": database_check, "cache": cache_check, "storage": storage_check}


@never_cache
def live(request):
    return JsonResponse({"status": "ok"})


@never_cache
def ready(request):
    checks = {}
    for name, check in REQUIRED.items():
        try:
            checks[name] = check()
        except Exception as error:  # any failure means not ready; say what kind, no detail
            checks[name] = {"ok": False, "error": type(error).__name__}
    ok = all(result["ok"] for result in checks.values())
    if checks["database"]["ok"]:
        now = timezone.now()
        checks["outbox"] = outbox_check(now)
        checks["tasks"] = tasks_check()
    return JsonResponse(
        {"status": "ok" if ok else "unavailable", "checks": checks}, status=200 if ok else 503
    )


class HealthCheckMiddleware:
    """Answers the health paths before any other middleware, so that a load balancer asking a
    server by its own address (not one of ALLOWED_HOSTS) and over plain HTTP gets an answer."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.views = {"/health/live/": live, "/health/ready/": ready}

    def __call__(self, request):
        view = self.views.get(request.path_info)
        if view is not None and request.method in ("GET", "HEAD"):
            return view(request)
        return self.get_response(request)


urlpatterns = [
    path("live/", live, name="health_live"),
    path("ready/", ready, name="health_ready"),
]
