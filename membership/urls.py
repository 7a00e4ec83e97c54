"""URLs of the membership app on the signed-in side."""

from django.urls import path

from membership.views import accounts

app_name = "membership"
urlpatterns = [
    path("workspace/preferences/", accounts.preferences, name="preferences"),
]
