"""Mounted at /another-format/ inside the language prefix (portal/urls.py)."""

from django.urls import path

from portal.formats import views

app_name = "formats"

urlpatterns = [
    path("", views.FormatRequestView.as_view(), name="request"),
    path("sent/", views.FormatConfirmationView.as_view(), name="confirmation"),
]
