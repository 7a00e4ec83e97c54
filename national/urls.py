"""The national view's public pages."""

from django.urls import path

from national import views, views_reporting

app_name = "national"

urlpatterns = [
    path("national/", views.overview, name="overview"),
    path("national/indicators/<slug:indicator>/", views.indicator, name="indicator"),
    path("forums/<slug:slug>/member-boards/", views.region, name="region"),
    path(
        "workspace/forums/<slug:slug>/member-boards/",
        views.region_workspace,
        name="region-workspace",
    ),
    # A board's reporting to the national level
    path(
        "workspace/forums/<slug:slug>/national/",
        views_reporting.forum_reporting,
        name="forum-reporting",
    ),
    path(
        "workspace/forums/<slug:slug>/national/submit/<slug:kind>/",
        views_reporting.submission_create,
        name="submission-create",
    ),
    path(
        "workspace/forums/<slug:slug>/national/submissions/<int:pk>/",
        views_reporting.forum_submission,
        name="forum-submission",
    ),
    path(
        "workspace/forums/<slug:slug>/national/questions/<int:pk>/answer/",
        views_reporting.question_answer,
        name="question-answer",
    ),
    # The national team
    path("workspace/national/", views_reporting.workspace, name="workspace"),
    path(
        "workspace/national/submissions/<int:pk>/",
        views_reporting.submission,
        name="submission",
    ),
    path(
        "workspace/national/forums/<slug:slug>/ask/",
        views_reporting.question_ask,
        name="question-ask",
    ),
]
