"""Staff sessions: ended after a quiet spell, and all at once on request.

A staff session opens casework records, so one left open on a shared or lost computer should
not stay usable: after `REDRESS_STAFF_IDLE_MINUTES` without a request it is signed out. And a
member of staff who fears a session is open somewhere else can end every one of theirs.
"""

import time

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY, logout
from django.contrib.sessions.models import Session
from django.utils import timezone

from portal.twofactor import services

LAST_SEEN = "staff_last_seen"
DEFAULT_IDLE_MINUTES = 60


def idle_seconds() -> int:
    return 60 * int(getattr(settings, "REDRESS_STAFF_IDLE_MINUTES", DEFAULT_IDLE_MINUTES))


class StaffIdleTimeoutMiddleware:
    """Signs a staff user out when their last request was longer ago than the idle time; the
    admin then asks them to sign in again, keeping the page they asked for. Goes after
    AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and services.user_needs_second_factor(user):
            now = int(time.time())
            last = request.session.get(LAST_SEEN, now)
            if now - last > idle_seconds():
                logout(request)
            else:
                request.session[LAST_SEEN] = now
        return self.get_response(request)


def user_sessions_end(user) -> int:
    """End every session signed in as `user` (sessions are kept in the database); returns how
    many. Reads each unexpired session, so it is for the rare moment someone asks."""
    ended = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        data = session.get_decoded()
        if data.get(SESSION_KEY) == str(user.pk) and data.get(BACKEND_SESSION_KEY):
            ended.append(session.session_key)
    Session.objects.filter(session_key__in=ended).delete()
    return len(ended)
