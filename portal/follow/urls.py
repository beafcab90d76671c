"""Mounted at /follow/ inside the language prefix (portal/urls.py)."""

from django.urls import path
from django.views.decorators.cache import never_cache

from portal.follow import views

app_name = "follow"

# never_cache: every page is one person's.
urlpatterns = [
    path("", never_cache(views.RequestLinkView.as_view()), name="start"),
    path("link-sent/", never_cache(views.LinkSentView.as_view()), name="link_sent"),
    path("sign-in/<str:token>/", never_cache(views.SignInView.as_view()), name="sign_in"),
    path("sign-out/", never_cache(views.SignOutView.as_view()), name="sign_out"),
    path("keeping-in-touch/", never_cache(views.KeepInTouchView.as_view()), name="keep_in_touch"),
    path("cases/", never_cache(views.CasesView.as_view()), name="cases"),
    path("cases/<str:reference>/", never_cache(views.CaseView.as_view()), name="case"),
    path(
        "cases/<str:reference>/documents/<int:pk>/",
        never_cache(views.DocumentView.as_view()),
        name="document",
    ),
    path(
        "cases/<str:reference>/stage-2/",
        never_cache(views.EscalateView.as_view()),
        name="escalate",
    ),
    path(
        "cases/<str:reference>/withdraw/",
        never_cache(views.WithdrawView.as_view()),
        name="withdraw",
    ),
    path(
        "cases/<str:reference>/complain/",
        never_cache(views.MakeComplaintView.as_view()),
        name="make_complaint",
    ),
    path(
        "cases/<str:reference>/comments/",
        never_cache(views.CommentView.as_view()),
        name="comment",
    ),
    path(
        "cases/<str:reference>/add-information/",
        never_cache(views.AddInformationView.as_view()),
        name="add_information",
    ),
]
