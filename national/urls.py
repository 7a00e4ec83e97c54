"""The national view's public pages."""

from django.urls import path

from national import views

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
]
