"""Atom feeds under /feeds/ (namespace ``feeds``)."""

from django.urls import path

from forums import feeds

app_name = "feeds"
urlpatterns = [
    path("", feeds.feed_index, name="index"),
    path("all.atom", feeds.AllBoardsFeed(), name="all"),
    path("forums/<slug:slug>.atom", feeds.ForumFeed(), name="forum"),
]
