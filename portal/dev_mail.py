"""While developing, the site shows the developer the mail it has sent (issue 5): the file
email backend (portal/settings/dev.py) writes each message to var/mail/, and /dev/mail/ lists
those files, newest first, each readable, with its links clickable (the follow pages' sign-in
link arrives this way).

Only when settings.DEBUG is on and the file backend is in use; otherwise every page here is
"not found", so production never shows anyone's mail. Even then, only to a signed-in admin user
whose session has passed the second factor: the mail holds residents' names, complaints and live
sign-in links, and a demo may be reachable by others.
"""

import os
from dataclasses import dataclass
from email import policy
from email.parser import BytesParser
from pathlib import Path

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache

from portal.twofactor import services as twofactor

FILE_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
# The file backend writes one file per connection, messages separated by this line.
SEPARATOR = b"\n" + b"-" * 79 + b"\n"
PER_PAGE = 50


@dataclass
class Message:
    subject: str
    to: str
    sent: str
    text: str
    attachments: list[str]


def mail_folder() -> Path:
    """The folder of sent mail; "not found" unless this is a development site using it."""
    if not settings.DEBUG or settings.EMAIL_BACKEND != FILE_BACKEND:
        raise Http404
    return Path(getattr(settings, "EMAIL_FILE_PATH", "") or "")


def staff_only(view):
    """Who may read the mail: a signed-in admin user with a verified second factor. Anyone else
    is sent to sign in (or to the second factor); a signed-in user who is not staff gets "not
    found". Checked after `mail_folder()`, so a production site answers "not found" to all."""

    def guarded(request, *args, **kwargs):
        mail_folder()
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        if not twofactor.user_needs_second_factor(user):
            raise Http404
        if not user.is_verified():
            onward = (
                "twofactor:verify"
                if twofactor.user_has_confirmed_device(user)
                else "twofactor:enrol"
            )
            return redirect(f"{reverse(onward)}?{urlencode({'next': request.get_full_path()})}")
        return view(request, *args, **kwargs)

    return guarded


def mail_files(folder: Path) -> list[os.DirEntry]:
    if not folder.is_dir():
        return []
    with os.scandir(folder) as entries:
        files = [entry for entry in entries if entry.is_file() and entry.name.endswith(".log")]
    return sorted(files, key=lambda entry: (entry.stat().st_mtime, entry.name), reverse=True)


def parse(content: bytes) -> list[Message]:
    messages = []
    for chunk in content.split(SEPARATOR):
        if not chunk.strip():
            continue
        message = BytesParser(policy=policy.default).parsebytes(chunk.strip(b"\n") + b"\n")
        body = message.get_body(preferencelist=("plain", "html"))
        messages.append(
            Message(
                subject=str(message["Subject"] or ""),
                to=str(message["To"] or ""),
                sent=str(message["Date"] or ""),
                text=body.get_content() if body is not None else "",
                attachments=[part.get_filename() or "" for part in message.iter_attachments()],
            )
        )
    return messages


@never_cache
@staff_only
def mail_index(request):
    files = mail_files(mail_folder())
    page = Paginator(files, PER_PAGE).get_page(request.GET.get("page"))
    rows = []
    for entry in page.object_list:
        with open(entry.path, "rb") as handle:
            messages = parse(handle.read())
        rows.append({"name": entry.name, "messages": messages})
    return render(request, "portal/dev_mail/index.html", {"page_obj": page, "rows": rows})


@never_cache
@staff_only
def mail_file(request, name: str):
    folder = mail_folder()
    # Only a file the folder lists: a name can never reach outside it.
    entry = next((e for e in mail_files(folder) if e.name == name), None)
    if entry is None:
        raise Http404
    with open(entry.path, "rb") as handle:
        messages = parse(handle.read())
    return render(request, "portal/dev_mail/file.html", {"name": name, "messages": messages})


app_name = "dev_mail"
urlpatterns = [
    path("", mail_index, name="index"),
    path("<str:name>/", mail_file, name="file"),
]
