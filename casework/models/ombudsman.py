"""The redress schemes a resident can go to: the Housing Ombudsman and, for councils, the Local
Government and Social Care Ombudsman. Translatable snippets, shown on every complaints page and
in letters (Code 3.7, 6.5, 6.16, 6.19)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin

from casework.choices import OmbudsmanSchemeKind


class OmbudsmanScheme(TranslatableMixin, models.Model):
    kind = models.CharField(
        _("scheme"),
        max_length=20,
        choices=OmbudsmanSchemeKind.choices,
        default=OmbudsmanSchemeKind.HOUSING,
    )
    name = models.CharField(_("name"), max_length=120)
    postal_address = models.TextField(_("postal address"))
    phone = models.CharField(_("phone"), max_length=40)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"))
    any_stage_text = models.TextField(
        _("when residents can contact them"),
        help_text=_(
            "Shown with the details on every complaints page, for example that residents can "
            "ask the Ombudsman for help at any stage of their complaint."
        ),
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldPanel("postal_address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("website"),
        FieldPanel("any_stage_text"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("ombudsman")
        verbose_name_plural = _("ombudsman schemes")
        constraints = [
            models.UniqueConstraint(fields=["kind", "locale"], name="one_scheme_per_locale"),
        ]

    def __str__(self):
        return self.name

    def postal_address_lines(self) -> list[str]:
        return [line.strip() for line in self.postal_address.splitlines() if line.strip()]

    @classmethod
    def for_kind(cls, kind: str = OmbudsmanSchemeKind.HOUSING, locale: Locale | None = None):
        """The scheme in the reader's language, falling back to the default language."""
        locale = locale or Locale.get_active()
        schemes = {s.locale_id: s for s in cls.objects.filter(kind=kind)}
        if locale.pk in schemes:
            return schemes[locale.pk]
        default = Locale.get_default()
        return schemes.get(default.pk) or next(iter(schemes.values()), None)
