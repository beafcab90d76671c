"""Mounted at /admin/2fa/, ahead of Wagtail's admin URLs (see portal/urls.py)."""

from django.urls import path
from django.views.decorators.cache import never_cache

from portal.twofactor import views

app_name = "twofactor"

# never_cache: these pages show secrets (setup key, backup codes) and per-session state.
urlpatterns = [
    path("", never_cache(views.ManageView.as_view()), name="manage"),
    path("verify/", never_cache(views.VerifyView.as_view()), name="verify"),
    path("verify/backup/", never_cache(views.VerifyBackupView.as_view()), name="verify_backup"),
    path("set-up/", never_cache(views.EnrolView.as_view()), name="enrol"),
    path("backup-codes/", never_cache(views.BackupCodesView.as_view()), name="backup_codes"),
    path(
        "sign-out-everywhere/",
        never_cache(views.SignOutEverywhereView.as_view()),
        name="sign_out_everywhere",
    ),
    path(
        "backup-codes/new/",
        never_cache(views.BackupCodesRegenerateView.as_view()),
        name="backup_codes_regenerate",
    ),
]
