"""The national view's public pages."""

from django.urls import path

from national import urls_engagements, views, views_bulletins, views_reporting
from national.feeds import SeriesFeed

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
        "workspace/national/escalations/by-theme/",
        views_reporting.escalations,
        name="escalations",
    ),
    path(
        "workspace/national/submissions/<int:pk>/",
        views_reporting.submission,
        name="submission",
    ),
    # Bulletins: public pages, the Atom feed per series, readers' and the national team's pages
    path("bulletins/", views_bulletins.index, name="bulletins"),
    path("bulletins/<slug:series>/", views_bulletins.series, name="series"),
    path("bulletins/<slug:series>/<int:number>/", views_bulletins.bulletin, name="bulletin"),
    path(
        "bulletins/<slug:series>/<int:number>/files/<int:pk>/",
        views_bulletins.attachment,
        name="attachment",
    ),
    path(
        "bulletins/<slug:series>/subscribe/",
        views_bulletins.email_subscribe,
        name="series-email-subscribe",
    ),
    path(
        "bulletins/subscription/confirm/<str:token>/",
        views_bulletins.subscription_confirm,
        name="subscription-confirm",
    ),
    path(
        "bulletins/subscription/stop/<str:token>/",
        views_bulletins.unsubscribe,
        name="unsubscribe",
    ),
    path("feeds/bulletins/<slug:series>.atom", SeriesFeed(), name="series-feed"),
    path("workspace/national/bulletins/", views_bulletins.workspace, name="bulletins-workspace"),
    path(
        "workspace/national/bulletins/series/new/",
        views_bulletins.series_create,
        name="series-create",
    ),
    path(
        "workspace/national/bulletins/new/", views_bulletins.bulletin_edit, name="bulletin-create"
    ),
    path(
        "workspace/national/bulletins/<int:pk>/edit/",
        views_bulletins.bulletin_edit,
        name="bulletin-edit",
    ),
    path(
        "workspace/national/bulletins/<int:pk>/sections/new/",
        views_bulletins.section_edit,
        name="section-add",
    ),
    path(
        "workspace/national/bulletins/<int:pk>/sections/<int:section_pk>/",
        views_bulletins.section_edit,
        name="section-edit",
    ),
    path(
        "workspace/national/bulletins/<int:pk>/sections/<int:section_pk>/files/new/",
        views_bulletins.attachment_add,
        name="attachment-add",
    ),
    path(
        "workspace/national/bulletins/<int:pk>/files/<int:attachment_pk>/remove/",
        views_bulletins.attachment_remove,
        name="attachment-remove",
    ),
    path(
        "workspace/national/bulletins/<int:pk>/publish/",
        views_bulletins.publish,
        name="bulletin-publish",
    ),
    path(
        "workspace/national/bulletins/<slug:series>/subscription/",
        views_bulletins.subscribe,
        name="series-subscribe",
    ),
    path(
        "workspace/national/bulletins/<slug:series>/<int:number>/",
        views_bulletins.read,
        name="bulletin-read",
    ),
    path(
        "workspace/national/bulletins/<slug:series>/<int:number>/files/<int:pk>/",
        views_bulletins.attachment_read,
        name="attachment-read",
    ),
    path(
        "workspace/national/forums/<slug:slug>/ask/",
        views_reporting.question_ask,
        name="question-ask",
    ),
]
from national import urls_cascade  # noqa: E402  (the cascade to local boards)

urlpatterns += urls_cascade.urlpatterns
urlpatterns += urls_engagements.urlpatterns
