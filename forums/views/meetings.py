"""Workspace views of meetings: list, scheduling, the meeting page, agenda, attendance."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from forums.forms.meetings import (
    AgendaItemForm,
    AttendanceRecordForm,
    CancelForm,
    DeclarationForm,
    MeetingForm,
    MeetingSeriesForm,
    RsvpForm,
)
from forums.models import Attendance
from forums.selectors import meetings as selectors
from forums.services import meetings as services
from forums.views.common import apply_errors, form_page, forum_or_404, posted


def meeting_url(meeting) -> str:
    return reverse("meetings:workspace-meeting", args=[meeting.forum.slug, meeting.pk])


def meeting_list(request, slug):
    """A forum's meetings, upcoming and past."""
    forum = forum_or_404(request, slug, "forums.view_meetings")
    context = {
        "forum": forum,
        **selectors.meeting_list_for(forum=forum),
        "can_manage": request.user.has_perm("forums.manage_meetings", forum),
    }
    return render(request, "forums/meeting_list.html", context)


def meeting_schedule(request, slug):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    form = MeetingForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.meeting_schedule(
                forum=forum,
                by=request.user,
                title=data["title"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                location=data["location"],
                online_link=data["online_link"],
                papers_deadline=data["papers_deadline"],
                is_public=data["is_public"],
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
    form = MeetingSeriesForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meetings = services.meeting_series_schedule(
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
    meeting = selectors.meeting_for(forum=forum, pk=pk)
    context = selectors.meeting_page(person=request.user, meeting=meeting)
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
    meeting = selectors.meeting_for(forum=forum, pk=pk)
    form = MeetingForm(posted(request), initial=MeetingForm.initial_for(meeting))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.meeting_update(
                meeting=meeting,
                by=request.user,
                title=data["title"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                location=data["location"],
                online_link=data["online_link"],
                papers_deadline=data["papers_deadline"],
                is_public=data["is_public"],
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
    )


def _post_action(request, slug, pk, action, success):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = selectors.meeting_for(forum=forum, pk=pk)
    try:
        action(meeting=meeting, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect(meeting_url(meeting))


@require_POST
def meeting_publish_agenda(request, slug, pk):
    return _post_action(
        request, slug, pk, services.meeting_publish_agenda, "Agenda published and members told"
    )


@require_POST
def meeting_mark_held(request, slug, pk):
    return _post_action(request, slug, pk, services.meeting_mark_held, "Meeting marked as held")


def meeting_cancel(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = selectors.meeting_for(forum=forum, pk=pk)
    form = CancelForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_cancel(
                meeting=meeting, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Meeting cancelled and members told")
            return redirect(meeting_url(meeting))
    return form_page(
        request,
        form,
        title="Cancel the meeting",
        caption=str(meeting),
        back_url=meeting_url(meeting),
    )


# --- agenda -----------------------------------------------------------------------------------


def _item_data(form) -> dict:
    data = form.cleaned_data
    return {
        "title": data["title"],
        "purpose": data["purpose"],
        "description": data["description"],
        "presenter": data["presenter"],
        "presenter_agency": data["presenter_agency"],
        "minutes_allowed": data["minutes_allowed"],
        "confidentiality": data["confidentiality"],
        "confidentiality_reason": data["confidentiality_reason"],
        "public_title": data["public_title"],
    }


def agenda_item_add(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = selectors.meeting_for(forum=forum, pk=pk)
    form = AgendaItemForm(posted(request), forum=forum)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_add(
                meeting=meeting,
                by=request.user,
                restricted_to=form.cleaned_data["restricted_to"],
                **_item_data(form),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Item added to the agenda")
            return redirect(meeting_url(meeting))
    return form_page(
        request,
        form,
        title="Add an agenda item",
        caption=str(meeting),
        back_url=meeting_url(meeting),
    )


def agenda_item_edit(request, slug, pk, item_pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = selectors.meeting_for(forum=forum, pk=pk)
    item = selectors.agenda_item_for(person=request.user, meeting=meeting, pk=item_pk)
    initial = {
        "title": item.title,
        "purpose": item.purpose,
        "description": item.description,
        "presenter": item.presenter_id,
        "presenter_agency": item.presenter_agency_id,
        "minutes_allowed": item.minutes_allowed,
        "confidentiality": item.confidentiality,
        "confidentiality_reason": item.confidentiality_reason,
        "public_title": item.public_title,
        "restricted_to": [p.pk for p in item.restricted_to.all()],
    }
    form = AgendaItemForm(posted(request), forum=forum, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_update(
                item=item,
                by=request.user,
                restricted_to=form.cleaned_data["restricted_to"],
                **_item_data(form),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Agenda item saved")
            return redirect(meeting_url(meeting))
    return form_page(
        request,
        form,
        title="Change agenda item",
        caption=str(meeting),
        back_url=meeting_url(meeting),
    )


@require_POST
def agenda_item_move(request, slug, pk, item_pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = selectors.meeting_for(forum=forum, pk=pk)
    item = selectors.agenda_item_for(person=request.user, meeting=meeting, pk=item_pk)
    services.agenda_item_move(
        item=item,
        by=request.user,
        direction="up" if request.POST.get("direction") == "up" else "down",
    )
    return redirect(meeting_url(meeting) + "#agenda")


@require_POST
def agenda_item_remove(request, slug, pk, item_pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = selectors.meeting_for(forum=forum, pk=pk)
    item = selectors.agenda_item_for(person=request.user, meeting=meeting, pk=item_pk)
    try:
        services.agenda_item_remove(item=item, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "Item removed from the agenda")
    return redirect(meeting_url(meeting) + "#agenda")


@require_POST
def agenda_item_accept(request, slug, pk, item_pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = selectors.meeting_for(forum=forum, pk=pk)
    item = selectors.agenda_item_for(person=request.user, meeting=meeting, pk=item_pk)
    services.agenda_item_accept(item=item, by=request.user)
    messages.success(request, "Proposed item put on the agenda")
    return redirect(meeting_url(meeting))


# --- attendance ---------------------------------------------------------------------------


def rsvp(request, slug, pk):
    """A member replies: attending, apologies, or sending a named deputy."""
    forum = forum_or_404(request, slug, "forums.rsvp")
    meeting = selectors.meeting_for(forum=forum, pk=pk)
    own = selectors.own_attendance(person=request.user, meeting=meeting)
    initial = {"deputy_email": selectors.standing_deputy_email(person=request.user, forum=forum)}
    if own and own.reply != Attendance.Reply.NO_REPLY:
        initial = {"reply": own.reply, "deputy_email": own.deputy.email if own.deputy else ""}
    form = RsvpForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_reply(
                meeting=meeting,
                person=request.user,
                reply=form.cleaned_data["reply"],
                deputy=form.cleaned_data.get("deputy"),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Reply sent")
            return redirect(meeting_url(meeting))
    return form_page(
        request,
        form,
        title="Reply to the meeting invitation",
        caption=str(meeting),
        back_url=meeting_url(meeting),
    )


def attendance_record(request, slug, pk):
    """The secretariat records who actually came."""
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = selectors.meeting_for(forum=forum, pk=pk)
    attendances = list(
        meeting.attendances.select_related("person", "agency", "deputy").order_by(
            "agency__name", "person__full_name"
        )
    )
    form = AttendanceRecordForm(posted(request), attendances=attendances)
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(meeting=meeting, by=request.user, actual=form.actual())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Attendance recorded")
            return redirect(meeting_url(meeting) + "#attendance")
    return render(
        request,
        "forums/attendance_record.html",
        {"form": form, "meeting": meeting, "forum": forum},
    )


def attendance_statistics(request, slug):
    forum = forum_or_404(request, slug, "forums.view_meetings")
    context = {"forum": forum, **selectors.attendance_statistics(forum=forum)}
    return render(request, "forums/attendance_statistics.html", context)


def declaration_add(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = selectors.meeting_for(forum=forum, pk=pk)
    items = list(meeting.agenda_items.on_agenda())
    form = DeclarationForm(posted(request), meeting=meeting, items=items)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.declaration_record(
                meeting=meeting,
                by=request.user,
                person=data["person"],
                interest=data["interest"],
                agenda_item=data["agenda_item"],
                action_taken=data["action_taken"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Declaration of interest recorded")
            return redirect(meeting_url(meeting) + "#declarations")
    return form_page(
        request,
        form,
        title="Record a declaration of interest",
        caption=str(meeting),
        back_url=meeting_url(meeting),
    )
