"""URLs of the membership app on the signed-in side."""

from django.urls import path

from membership.views import accounts, notices

app_name = "membership"
urlpatterns = [
    path("workspace/preferences/", accounts.preferences, name="preferences"),
    path("workspace/notices/", notices.notice_list, name="notices"),
    path("workspace/notices/read-all/", notices.notices_read_all, name="notices-read-all"),
    path("workspace/notices/<int:pk>/", notices.notice_detail, name="notice"),
]
