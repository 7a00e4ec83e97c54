"""URLs for meetings, papers, minutes, actions and calendars (namespace ``meetings``)."""

from django.urls import path

from forums.views import (
    actions,
    agenda,
    attendance,
    calendar,
    forward_plan,
    guests,
    meetings,
    meetings_public,
    minutes,
    papers,
    procedures,
    search,
)

app_name = "meetings"

W = "workspace/forums/<slug:slug>/meetings/"
M = W + "<int:pk>/"
P = "workspace/forums/<slug:slug>/decisions-in-writing/"

urlpatterns = [
    # Workspace: meetings
    path(W, meetings.meeting_list, name="workspace-list"),
    path(W + "new/", meetings.meeting_schedule, name="workspace-schedule"),
    path(W + "series/", meetings.meeting_series, name="workspace-series"),
    path(W + "decisions/", minutes.decision_list, name="workspace-decisions"),
    # Workspace: decisions in writing between meetings (written procedures)
    path(P, procedures.procedure_list, name="workspace-procedures"),
    path(P + "new/", procedures.procedure_start, name="workspace-procedure-start"),
    path(P + "<int:pk>/", procedures.procedure_detail, name="workspace-procedure"),
    path(P + "<int:pk>/answer/", procedures.procedure_respond, name="workspace-procedure-respond"),
    path(
        P + "<int:pk>/papers/new/",
        procedures.procedure_paper_add,
        name="workspace-procedure-paper-add",
    ),
    path(
        P + "<int:pk>/papers/<int:paper_pk>/",
        procedures.procedure_paper_download,
        name="workspace-procedure-paper",
    ),
    path(P + "<int:pk>/close/", procedures.procedure_close, name="workspace-procedure-close"),
    path(
        P + "<int:pk>/withdraw/", procedures.procedure_withdraw, name="workspace-procedure-withdraw"
    ),
    path(W + "forward-plan/", forward_plan.forward_plan, name="workspace-forward-plan"),
    path(
        W + "forward-plan/<int:pk>/change/",
        forward_plan.forward_plan_item_change,
        name="workspace-forward-plan-change",
    ),
    path(
        W + "forward-plan/<int:pk>/remove/",
        forward_plan.forward_plan_item_remove,
        name="workspace-forward-plan-remove",
    ),
    path(W + "attendance/", attendance.attendance_statistics, name="workspace-attendance-stats"),
    path(W + "escalations/", actions.escalation_list, name="workspace-escalations"),
    path(W + "escalations/new/", actions.escalation_raise, name="workspace-escalation-raise"),
    path(
        W + "escalations/<int:pk>/respond/",
        actions.escalation_respond,
        name="workspace-escalation-respond",
    ),
    path(W + "papers/<int:paper_pk>/", papers.paper_detail, name="workspace-paper"),
    path(
        W + "papers/<int:paper_pk>/download/",
        papers.paper_download,
        name="workspace-paper-download",
    ),
    path(M, meetings.meeting_detail, name="workspace-meeting"),
    path(M + "edit/", meetings.meeting_edit, name="workspace-meeting-edit"),
    path(M + "meeting.ics", calendar.meeting_ics, name="workspace-meeting-ics"),
    path(M + "publish-agenda/", meetings.meeting_publish_agenda, name="workspace-publish-agenda"),
    path(M + "held/", meetings.meeting_mark_held, name="workspace-held"),
    path(M + "cancel/", meetings.meeting_cancel, name="workspace-cancel"),
    path(M + "guests/", guests.guest_list, name="workspace-guests"),
    path(M + "guests/new/", guests.guest_invite, name="workspace-guest-invite"),
    path(
        M + "guests/<int:guest_pk>/withdraw/",
        guests.guest_withdraw,
        name="workspace-guest-withdraw",
    ),
    path(M + "items/new/", agenda.agenda_item_add, name="workspace-item-add"),
    path(M + "items/<int:item_pk>/edit/", agenda.agenda_item_edit, name="workspace-item-edit"),
    path(M + "items/<int:item_pk>/move/", agenda.agenda_item_move, name="workspace-item-move"),
    path(
        M + "items/<int:item_pk>/accept/", agenda.agenda_item_accept, name="workspace-item-accept"
    ),
    path(
        M + "items/<int:item_pk>/remove/", agenda.agenda_item_remove, name="workspace-item-remove"
    ),
    path(M + "items/<int:item_pk>/papers/new/", papers.paper_upload, name="workspace-paper-upload"),
    path(M + "reply/", attendance.rsvp, name="workspace-rsvp"),
    path(M + "attendance/", attendance.attendance_record, name="workspace-attendance"),
    path(M + "declarations/new/", attendance.declaration_add, name="workspace-declaration-add"),
    path(M + "decisions/new/", minutes.decision_add, name="workspace-decision-add"),
    path(M + "actions/new/", actions.action_add, name="workspace-meeting-action-add"),
    path(M + "minutes/", minutes.minutes_detail, name="workspace-minutes"),
    path(M + "minutes/start/", minutes.minutes_start, name="workspace-minutes-start"),
    path(M + "minutes/write/", minutes.minutes_write, name="workspace-minutes-write"),
    path(M + "minutes/circulate/", minutes.minutes_circulate, name="workspace-minutes-circulate"),
    path(M + "minutes/approve/", minutes.minutes_approve, name="workspace-minutes-approve"),
    path(
        M + "minutes/approve-in-writing/",
        minutes.minutes_approve_in_writing,
        name="workspace-minutes-in-writing",
    ),
    path(M + "minutes/publish/", minutes.minutes_publish, name="workspace-minutes-publish"),
    path(
        M + "minutes/<int:entry_pk>/history/",
        minutes.minute_entry_history,
        name="workspace-minute-history",
    ),
    path(
        M + "minutes/<int:entry_pk>/comment/",
        minutes.minute_comment_add,
        name="workspace-minute-comment",
    ),
    # Workspace: actions
    path("workspace/forums/<slug:slug>/actions/", actions.action_list, name="workspace-actions"),
    path(
        "workspace/forums/<slug:slug>/actions/new/", actions.action_add, name="workspace-action-add"
    ),
    path(
        "workspace/forums/<slug:slug>/actions/<int:pk>/",
        actions.action_detail,
        name="workspace-action",
    ),
    # Workspace: search, calendar, your actions
    path("workspace/search/", search.search, name="workspace-search"),
    path("workspace/your-actions/", actions.your_actions, name="workspace-your-actions"),
    path(
        "workspace/national/escalations/",
        actions.national_escalations,
        name="workspace-national-escalations",
    ),
    path("workspace/calendar/", calendar.calendar_settings, name="workspace-calendar"),
    path("workspace/calendar/reset/", calendar.calendar_reset, name="workspace-calendar-reset"),
    path("workspace/calendar/<str:token>.ics", calendar.personal_feed, name="personal-feed"),
    # Guests: their signed link is the only way in
    path("guest/<str:token>/", guests.guest_page, name="guest"),
    path("guest/<str:token>/papers/<int:paper_pk>/", guests.guest_paper, name="guest-paper"),
    # Public
    path("forums/<slug:slug>/meetings.ics", calendar.public_feed, name="public-ics"),
    path("forums/<slug:slug>/meetings/", meetings_public.meeting_list, name="public-list"),
    path(
        "forums/<slug:slug>/decisions-in-writing/",
        procedures.public_procedure_list,
        name="public-procedures",
    ),
    path(
        "forums/<slug:slug>/meetings/forward-plan/",
        meetings_public.forward_plan,
        name="public-forward-plan",
    ),
    path(
        "forums/<slug:slug>/meetings/<int:pk>/",
        meetings_public.meeting_detail,
        name="public-meeting",
    ),
    path(
        "forums/<slug:slug>/meetings/<int:pk>/meeting.ics",
        calendar.public_meeting_ics,
        name="public-meeting-ics",
    ),
    path(
        "forums/<slug:slug>/meetings/papers/<int:paper_pk>/",
        meetings_public.paper_download,
        name="public-paper",
    ),
]
