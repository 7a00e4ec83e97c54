"""URLs for generated reports: status and download (namespace ``reports``)."""

from django.urls import path

from forums.views import reports

app_name = "reports"
urlpatterns = [
    path("workspace/forums/<slug:slug>/reports/", reports.report_list, name="list"),
    path("workspace/forums/<slug:slug>/reports/request/", reports.report_request, name="request"),
    path("workspace/forums/<slug:slug>/reports/<int:pk>/", reports.report_status, name="status"),
    path(
        "workspace/forums/<slug:slug>/reports/<int:pk>/download/",
        reports.report_download,
        name="download",
    ),
    path(
        "forums/<slug:slug>/reports/<slug:kind>/<str:subject>.<str:fmt>",
        reports.public_report,
        name="public",
    ),
]
