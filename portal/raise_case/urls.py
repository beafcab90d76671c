"""Mounted at /complain/ inside the language prefix (portal/urls.py), ahead of Wagtail's pages."""

from django.urls import path
from django.views.decorators.cache import never_cache

from portal.raise_case import views

app_name = "raise_case"

# never_cache: every page shows one person's answers.
urlpatterns = [
    path("", views.StartView.as_view(), name="start"),
    path("who/", never_cache(views.WhoView.as_view()), name="who"),
    path("about-you/", never_cache(views.RepresentativeView.as_view()), name="representative"),
    path("about-the-resident/", never_cache(views.ResidentView.as_view()), name="resident"),
    path("what-you-want-to-do/", never_cache(views.KindView.as_view()), name="kind"),
    path("what-happened/", never_cache(views.WhatHappenedView.as_view()), name="what_happened"),
    path("support/", never_cache(views.SupportView.as_view()), name="support"),
    path("contact-details/", never_cache(views.ContactView.as_view()), name="contact"),
    path("keeping-in-touch/", never_cache(views.PreferencesView.as_view()), name="preferences"),
    path("check-your-answers/", never_cache(views.CheckAnswersView.as_view()), name="check"),
    path("consent/<str:token>/", never_cache(views.ConsentView.as_view()), name="consent"),
    path("confirmation/", never_cache(views.ConfirmationView.as_view()), name="confirmation"),
]
