"""Workspace views of meetings: list, scheduling, the meeting page, publish, hold, cancel."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from forums.bilingual import welsh_changes
from forums.forms.meetings import MEETING_WELSH, CancelForm, MeetingForm, MeetingSeriesForm
from forums.links import meeting_url
from forums.rules.meetings import not_yet_reason
from forums.selectors import confirmations
from forums.selectors import meetings as meeting_selectors
from forums.services import home as home_services
from forums.services import meetings as meeting_services
from forums.views.common import apply_errors, confirm_page, form_page, forum_or_404, posted


def meeting_list(request, slug):
    """A forum's meetings, upcoming and past."""
    forum = forum_or_404(request, slug, "forums.view_meetings")
    context = {
        "forum": forum,
        **meeting_selectors.meeting_list_for(forum=forum),
        "can_manage": request.user.has_perm("forums.manage_meetings", forum),
    }
    return render(request, "forums/meeting_list.html", context)


def meeting_schedule(request, slug):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    form = MeetingForm(posted(request), forum=forum)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = meeting_services.meeting_schedule(
                forum=forum,
                by=request.user,
                title=data["title"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                location=data["location"],
                online_link=data["online_link"],
                papers_deadline=data["papers_deadline"],
                is_public=data["is_public"],
                **welsh_changes(data, MEETING_WELSH),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Meeting scheduled")
            return redirect(meeting_url(meeting))
    return form_page(
        request,
        form,
        title="Schedule a meeting",
        caption=forum.name,
        back_url=reverse("meetings:workspace-list", args=[forum.slug]),
        intro="The agenda starts with the previous meeting's minutes, matters arising and "
        "anything on the forward plan for that month.",
    )


def meeting_series(request, slug):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    form = MeetingSeriesForm(posted(request), forum=forum)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meetings = meeting_services.meeting_series_schedule(
                forum=forum,
                by=request.user,
                title=data["title"],
                first_starts_at=data["starts_at"],
                duration=(data["ends_at"] - data["starts_at"]) if data["ends_at"] else None,
                frequency=data["frequency"],
                count=data["count"],
                location=data["location"],
                online_link=data["online_link"],
                is_public=data["is_public"],
                **welsh_changes(data, MEETING_WELSH),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{len(meetings)} meetings scheduled")
            return redirect("meetings:workspace-list", forum.slug)
    return form_page(
        request,
        form,
        title="Schedule a series of meetings",
        caption=forum.name,
        back_url=reverse("meetings:workspace-list", args=[forum.slug]),
    )


def meeting_detail(request, slug, pk):
    """The meeting page: agenda, papers, replies, attendance and quorum, declarations."""
    forum = forum_or_404(request, slug, "forums.view_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    context = meeting_selectors.meeting_page(person=request.user, meeting=meeting)
    # Its papers are no longer "new" on the person's home.
    home_services.last_looked_record(person=request.user, meeting=meeting)
    can_manage = request.user.has_perm("forums.manage_meetings", forum)
    context.update(
        can_manage=can_manage,
        can_reply=meeting.is_open and request.user.has_perm("forums.rsvp", forum),
        can_change_meeting=can_manage and meeting.is_open,
        can_publish_agenda=can_manage and meeting.agenda_can_be_published,
        can_record=can_manage and not meeting.is_cancelled,
    )
    return render(request, "forums/meeting_detail.html", context)


def meeting_edit(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    form = MeetingForm(posted(request), forum=forum, initial=MeetingForm.initial_for(meeting))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting_services.meeting_update(
                meeting=meeting,
                by=request.user,
                title=data["title"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                location=data["location"],
                online_link=data["online_link"],
                papers_deadline=data["papers_deadline"],
                is_public=data["is_public"],
                **welsh_changes(data, MEETING_WELSH),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Meeting details saved")
            return redirect(meeting_url(meeting))
    return form_page(
        request,
        form,
        title="Change meeting details",
        caption=forum.name,
        back_url=meeting_url(meeting),
        intro="The agenda is out: if you change the date, time or place, everyone invited is "
        "emailed what changed, with an update for their calendar."
        if meeting.agenda_is_out and meeting.is_open
        else "",
    )


def _act(request, meeting, action, success, **kwargs):
    """Do the action; its refusal (a service's ValidationError) becomes a message."""
    try:
        action(meeting=meeting, by=request.user, **kwargs)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect(meeting_url(meeting))


def meeting_publish_agenda(request, slug, pk):
    """Check, then publish the agenda: who is told, what the public will see."""
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    if request.method == "POST":
        return _act(
            request,
            meeting,
            meeting_services.meeting_publish_agenda,
            "Agenda published and members told",
        )
    if not meeting.agenda_can_be_published:
        messages.error(request, "Only the agenda of a scheduled meeting can be published")
        return redirect(meeting_url(meeting))
    return confirm_page(
        request,
        title="Publish the agenda",
        caption=str(meeting),
        back_url=meeting_url(meeting),
        what_happens=[
            "Members are emailed the agenda and asked whether they can come.",
            "Members see the agenda and its papers in their workspace.",
            "If the meeting then moves or is cancelled, everyone invited is told.",
        ],
        who_is_told=confirmations.told_of_agenda(meeting),
        becomes_public=confirmations.public_once_agenda_published(meeting),
        button="Publish the agenda",
        button_gerund="publishing",
    )


def meeting_mark_held(request, slug, pk):
    """Check, then record that the meeting took place."""
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    if reason := not_yet_reason(meeting, "held"):
        messages.error(request, reason)
        return redirect(meeting_url(meeting))
    if request.method == "POST":
        return _act(request, meeting, meeting_services.meeting_mark_held, "Meeting marked as held")
    return confirm_page(
        request,
        title="Mark the meeting as held",
        caption=str(meeting),
        back_url=meeting_url(meeting),
        what_happens=[
            "The meeting is recorded as having taken place: it can no longer be moved, "
            "cancelled or have items added.",
            "Replies to the invitation close.",
        ],
        who_is_told=[],
        becomes_public=[],
        button="Mark as held",
        button_gerund="marking it as held",
    )


def meeting_cancel(request, slug, pk):
    """Why it is cancelled, then a check of who will be told, then cancel (a warning button)."""
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    form = CancelForm(posted(request))
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        if request.POST.get("confirmed") != "yes":
            return confirm_page(
                request,
                title="Cancel the meeting",
                caption=str(meeting),
                back_url=meeting_url(meeting),
                what_happens=[
                    f"The meeting is cancelled, with the reason: {reason}",
                    "Everyone invited is emailed, with a calendar update that removes the "
                    "meeting from their calendar.",
                    "The next meeting's agenda takes the minutes of the meeting before this one.",
                ],
                who_is_told=confirmations.told_of_change(meeting),
                becomes_public=confirmations.public_once_cancelled(meeting),
                warning="A cancelled meeting cannot be reinstated: schedule a new one instead.",
                destructive=True,
                button="Cancel the meeting",
                button_gerund="cancelling",
                hidden={"reason": reason, "confirmed": "yes"},
            )
        try:
            meeting_services.meeting_cancel(meeting=meeting, by=request.user, reason=reason)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Meeting cancelled and everyone invited told")
            return redirect(meeting_url(meeting))
    return form_page(
        request,
        form,
        title="Cancel the meeting",
        caption=str(meeting),
        back_url=meeting_url(meeting),
        intro="You will see who will be told before the meeting is cancelled.",
    )
