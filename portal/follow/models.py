from django.db import models
from django.utils.translation import gettext_lazy as _


class SignInToken(models.Model):
    """A link we emailed so that someone can follow their cases (issue 4, Follow). Only the
    SHA-256 of the token is kept: the database never holds a working link."""

    email = models.EmailField(_("email"))
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sign-in link")
        indexes = [models.Index(fields=["email", "created_at"])]

    def __str__(self):
        return f"{self.email} ({self.created_at:%Y-%m-%d %H:%M})"
