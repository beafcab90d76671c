"""A new site's first pages: the home page residents start from and the cookies page, so that a
site made from an empty database leads residents to the complaint form, following a complaint
and whatever else is published (cms_pages/defaults.py), instead of Wagtail's welcome page. Staff
in the comms groups may choose the header and footer links (Settings > Navigation).

Works with the migration's historical models and with the real ones (the tests replay it after
flushing the database), so pages are written with Django's own Model.save, not Wagtail's."""

import uuid

from django.conf import settings
from django.db import migrations
from django.db.models import Model
from django.utils import timezone

from casework.group_permissions import make_permissions
from cms_pages import defaults

# django-treebeard's materialised path: 4 characters per level, in base 36.
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _next_child_path(Page, parent) -> str:
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
    last = last.order_by("-path").values_list("path", flat=True).first()
    number = 0
    if last:
        for char in last[-STEPLEN:]:
            number = number * len(ALPHABET) + ALPHABET.index(char)
    number += 1
    step = ""
    for _ in range(STEPLEN):
        number, digit = divmod(number, len(ALPHABET))
        step = ALPHABET[digit] + step
    return parent.path + step


def _content_type(apps, model: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="cms_pages", model=model)[0]


def _add_child(apps, parent, model_name: str, **fields):
    Page = apps.get_model("wagtailcore", "Page")
    model = apps.get_model("cms_pages", model_name)
    now = timezone.now()
    page = model(
        **fields,
        draft_title=fields["title"],
        content_type=_content_type(apps, model_name.lower()),
        path=_next_child_path(Page, parent),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{fields['slug']}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        locale_id=parent.locale_id,
        translation_key=uuid.uuid4(),
    )
    Model.save(page)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    parent.numchild += 1
    return page


def _is_plain_page(apps, page) -> bool:
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.get(pk=page.content_type_id)
    return (content_type.app_label, content_type.model) == ("wagtailcore", "page")


def create_first_pages(apps, schema_editor):
    make_permissions(apps, "cms_pages")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    change_navigation = Permission.objects.get(
        content_type__app_label="cms_pages", codename="change_navigationsettings"
    )
    for group in Group.objects.filter(name__in=["Comms editor", "Comms approver"]):
        group.permissions.add(change_navigation)

    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("cms_pages", "HomePage")
    CookiesPage = apps.get_model("cms_pages", "CookiesPage")

    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    home = HomePage.objects.filter(pk=site.root_page_id).first() if site else None
    if home is None:
        # Wagtail's "Welcome to your new Wagtail site!" page is not ours to keep, unless
        # someone has built on it.
        if site is not None:
            old = Page.objects.get(pk=site.root_page_id)
            if old.depth == 2 and old.numchild == 0 and _is_plain_page(apps, old):
                Page.objects.filter(pk=old.pk).delete()
                root.numchild -= 1
                Page.objects.filter(pk=root.pk).update(numchild=root.numchild)
        locale = (
            Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
            or Locale.objects.first()
        )
        root.locale_id = locale.pk
        taken = set(Page.objects.filter(depth=2).values_list("slug", flat=True))
        slug = defaults.HOME_SLUG if defaults.HOME_SLUG not in taken else "complaints"
        home = _add_child(
            apps,
            root,
            "HomePage",
            title=defaults.HOME_TITLE,
            slug=slug,
            intro=defaults.HOME_INTRO,
            body=defaults.home_body(),
        )
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        site.root_page_id = home.pk
        site.save()
    home_page = Page.objects.get(pk=home.pk)
    if not CookiesPage.objects.filter(path__startswith=home_page.path).exists():
        taken = set(
            Page.objects.filter(
                path__startswith=home_page.path, depth=home_page.depth + 1
            ).values_list("slug", flat=True)
        )
        if defaults.COOKIES_SLUG not in taken:
            _add_child(
                apps,
                home_page,
                "CookiesPage",
                title=defaults.COOKIES_TITLE,
                slug=defaults.COOKIES_SLUG,
                intro=defaults.COOKIES_INTRO,
                body=[],
            )


class Migration(migrations.Migration):
    dependencies = [
        ("cms_pages", "0008_navigation_privacy_cookies"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_first_pages, migrations.RunPython.noop)]
