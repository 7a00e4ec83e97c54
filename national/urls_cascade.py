"""The cascade's URLs (added to ``national.urls``): the national team's under
/workspace/national/cascade/, a board's under /workspace/forums/<slug>/national/."""

from django.urls import path

from national import views_cascade

B = "workspace/forums/<slug:slug>/national/from-the-national-team/"
N = "workspace/national/cascade/"

urlpatterns = [
    path(N, views_cascade.sent, name="cascade"),
    path(f"{N}<int:pk>/", views_cascade.where_it_went, name="cascade-item"),
    path(
        f"{N}send/bulletin-section/<int:pk>/",
        views_cascade.send_section,
        name="cascade-send-section",
    ),
    path(
        f"{N}send/national-priority/<int:pk>/",
        views_cascade.send_priority,
        name="cascade-send-priority",
    ),
    path(
        f"{N}send/engagement-outcome/<int:pk>/",
        views_cascade.send_engagement,
        name="cascade-send-engagement",
    ),
    path(B, views_cascade.board, name="cascade-board"),
    path(f"{B}<int:pk>/", views_cascade.board_item, name="cascade-board-item"),
    path(f"{B}<int:pk>/accept/", views_cascade.accept, name="cascade-accept"),
    path(f"{B}<int:pk>/schedule/", views_cascade.schedule, name="cascade-schedule"),
    path(f"{B}<int:pk>/decline/", views_cascade.decline, name="cascade-decline"),
]
