"""Background work for following a case."""

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task

from casework.outbox import email_queue
from portal.follow import access, tokens


@task()
def sign_in_link_send(email: str, language: str, base_url: str) -> bool:
    """Email a sign-in link to `email` if it has a case; nothing otherwise. Run in the
    background, so the request that asked for it looks and takes the same whether or not the
    address is known: a stranger cannot learn from it that someone has complained. Returns
    whether a link was sent."""
    if not access.cases_for(email).exists():
        return False
    with transaction.atomic(), override(language):
        token = tokens.token_issue(email)
        link = base_url.rstrip("/") + reverse("follow:sign_in", args=[token])
        context = {"link": link, "minutes": tokens.link_minutes()}
        email_queue(
            to=[email],
            subject=_("Your link to follow your case"),
            body_text=render_to_string("follow/email/sign_in.txt", context),
            purpose="follow_sign_in",
        )
    return True
