"""URLs of the performance app: public pages, open data and the forum workspace."""

from django.urls import path

from performance.views import open_data, public, returns, workspace

app_name = "performance"

W = "workspace/forums/<slug:slug>/performance/"
R = W + "returns/<int:pk>/"
P = W + "periods/<str:code>/"

urlpatterns = [
    # Public
    path("forums/<slug:slug>/performance/", public.dashboard, name="public-dashboard"),
    path(
        "forums/<slug:slug>/performance/victims-code/",
        public.victims_code,
        name="public-victims-code",
    ),
    path(
        "forums/<slug:slug>/performance/indicators/<slug:indicator>/",
        public.indicator,
        name="public-indicator",
    ),
    path("data/", open_data.index, name="open-data"),
    path("data/<slug:dataset>.<str:fmt>", open_data.dataset_file, name="open-data-file"),
    path(
        "data/forums/<slug:slug>/figures.<str:fmt>",
        open_data.forum_figures_file,
        name="open-data-forum-file",
    ),
    # Workspace
    path(W, workspace.dashboard, name="workspace-dashboard"),
    path(W + "victims-code/", workspace.victims_code, name="workspace-victims-code"),
    path(W + "indicators/", workspace.indicator_list, name="indicators"),
    path(W + "indicators/new/", workspace.indicator_create, name="indicator-create"),
    path(W + "indicators/<slug:indicator>/", workspace.indicator, name="workspace-indicator"),
    path(W + "targets/", workspace.targets, name="targets"),
    path(W + "periods/", workspace.period_list, name="periods"),
    path(P, workspace.period_detail, name="period-detail"),
    path(P + "confirm/<int:agency>/", workspace.period_confirm, name="period-confirm"),
    path(P + "reason/<int:agency>/", workspace.period_reason, name="period-reason"),
    path(P + "publish/", workspace.period_publish, name="period-publish"),
    path(W + "exceptions/", workspace.exceptions, name="exceptions"),
    path(W + "meetings/", workspace.meetings, name="meetings"),
    path(W + "meetings/<int:meeting>/", workspace.meeting_figures, name="meeting-figures"),
    path(W + "returns/", returns.overview, name="returns"),
    path(W + "returns/start/", returns.start, name="return-start"),
    path(R, returns.detail, name="return-detail"),
    path(R + "figures/", returns.edit, name="return-edit"),
    path(R + "upload/", returns.upload, name="return-upload"),
    path(R + "template.<str:fmt>", returns.template_file, name="return-template"),
    path(R + "submit/", returns.submit, name="return-submit"),
    path(R + "review/", returns.review, name="return-review"),
    path(R + "revise/", returns.revise, name="return-revise"),
]
