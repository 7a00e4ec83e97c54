"""National engagements (issue 16): the workspace pages under /workspace/national/engagements/
and the public page of what a policy lead released publicly."""

from django.urls import path

from national import views_engagements as views

BASE = "workspace/national/engagements/"
ONE = BASE + "<int:pk>/"

urlpatterns = [
    path(BASE, views.engagement_list, name="engagements"),
    path(BASE + "new/", views.engagement_edit, name="engagement-create"),
    path(ONE, views.engagement_detail, name="engagement"),
    path(ONE + "edit/", views.engagement_edit, name="engagement-edit"),
    path(ONE + "questions/new/", views.question_edit, name="engagement-question-add"),
    path(
        ONE + "questions/<int:question_pk>/",
        views.question_edit,
        name="engagement-question-edit",
    ),
    path(ONE + "open/", views.engagement_open, name="engagement-open"),
    path(ONE + "close/", views.engagement_close, name="engagement-close"),
    path(ONE + "papers/new/", views.paper_upload, name="engagement-paper-upload"),
    path(
        ONE + "papers/<int:paper_pk>/download/",
        views.paper_download,
        name="engagement-paper-download",
    ),
    path(ONE + "papers/<int:paper_pk>/release/", views.release, name="engagement-paper-release"),
    path(
        ONE + "papers/<int:paper_pk>/to-agenda/",
        views.paper_to_agenda,
        name="engagement-paper-to-agenda",
    ),
    path(ONE + "downloads/", views.downloads, name="engagement-downloads"),
    path(ONE + "release/", views.release, name="engagement-release"),
    path(ONE + "respond/<slug:slug>/", views.respond, name="engagement-respond"),
    path(ONE + "respond/<slug:slug>/agree/", views.response_agree, name="engagement-agree"),
    path(ONE + "respond/<slug:slug>/submit/", views.response_submit, name="engagement-submit"),
    path(ONE + "responses/", views.responses, name="engagement-responses"),
    path(
        ONE + "responses/export.<str:fmt>",
        views.responses_export,
        name="engagement-export",
    ),
    path(ONE + "outcome/", views.outcome, name="engagement-outcome"),
    # Public: only what a lead released publicly, from its date (else 404).
    path("national/engagements/<int:pk>/", views.public_detail, name="engagement-public"),
    path(
        "national/engagements/<int:pk>/papers/<int:paper_pk>/",
        views.public_paper,
        name="engagement-public-paper",
    ),
]
