"""URLs of the forums app: public pages at the top level, the workspace under /workspace/.

Other parts of the app add their own paths under ``forums/<slug>/`` and
``workspace/forums/<slug>/``; nothing here catches everything below a forum.
"""

from django.urls import path

from forums.views import audit, home, invitations, public, workspace

app_name = "forums"
urlpatterns = [
    path("", public.home, name="home"),
    path("forums/<slug:slug>/", public.public_forum, name="public-forum"),
    path("invitations/accept/", invitations.invitation_accept, name="invitation-accept"),
    path("invitations/<str:token>/", invitations.invitation_open, name="invitation-open"),
    path("workspace/", home.workspace_home, name="workspace"),
    path(
        "workspace/forums/<slug:slug>/meetings/<int:pk>/quick-reply/",
        home.home_rsvp,
        name="home-rsvp",
    ),
    path("workspace/forums/<slug:slug>/", workspace.forum_workspace, name="workspace-forum"),
    path("workspace/forums/<slug:slug>/details/", workspace.forum_edit, name="forum-edit"),
    path("workspace/forums/<slug:slug>/audit/", audit.audit_list, name="audit"),
    path(
        "workspace/forums/<slug:slug>/your-public-name/",
        workspace.public_name,
        name="public-name",
    ),
    path(
        "workspace/forums/<slug:slug>/members/add/",
        workspace.membership_add,
        name="membership-add",
    ),
    path(
        "workspace/forums/<slug:slug>/members/<int:pk>/",
        workspace.membership_detail,
        name="membership-detail",
    ),
    path(
        "workspace/forums/<slug:slug>/members/<int:pk>/change/",
        workspace.membership_edit,
        name="membership-edit",
    ),
    path(
        "workspace/forums/<slug:slug>/members/<int:pk>/end/",
        workspace.membership_end,
        name="membership-end",
    ),
    path(
        "workspace/forums/<slug:slug>/invitations/new/",
        workspace.invitation_new,
        name="invitation-new",
    ),
    path(
        "workspace/forums/<slug:slug>/invitations/<int:pk>/withdraw/",
        workspace.invitation_revoke,
        name="invitation-revoke",
    ),
]
