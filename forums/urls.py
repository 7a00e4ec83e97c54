"""URLs of the forums app: public pages at the top level, the workspace under /workspace/."""

from django.urls import path

from forums.views import public, workspace

app_name = "forums"
urlpatterns = [
    path("", public.home, name="home"),
    path("workspace/", workspace.workspace_home, name="workspace"),
]
