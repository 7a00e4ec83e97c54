"""Replies to meetings, recorded attendance, its statistics, declarations of interest."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from forums.forms.attendance import AttendanceRecordForm, DeclarationForm, RsvpForm
from forums.links import meeting_url
from forums.models import Attendance
from forums.rules.meetings import not_yet_reason
from forums.selectors import attendance as attendance_selectors
from forums.selectors import meetings as meeting_selectors
from forums.services import attendance as attendance_services
from forums.views.common import apply_errors, form_page, forum_or_404, posted


def rsvp(request, slug, pk):
    """A member replies: attending, apologies, or sending a named deputy."""
    forum = forum_or_404(request, slug, "forums.rsvp")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    own = attendance_selectors.own_attendance(person=request.user, meeting=meeting)
    initial = {
        "deputy_email": attendance_selectors.standing_deputy_email(person=request.user, forum=forum)
    }
    if own and own.reply != Attendance.Reply.NO_REPLY:
        initial = {"reply": own.reply, "deputy_email": own.deputy.email if own.deputy else ""}
    form = RsvpForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            attendance_services.attendance_reply(
                meeting=meeting,
                person=request.user,
                reply=form.cleaned_data["reply"],
                deputy=form.cleaned_data.get("deputy"),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, gettext("Reply sent"))
            return redirect(meeting_url(meeting))
    return form_page(
        request,
        form,
        title=gettext("Reply to the meeting invitation"),
        caption=str(meeting),
        back_url=meeting_url(meeting),
    )


def attendance_record(request, slug, pk):
    """The secretariat records who actually came, and which deputy, once the meeting started."""
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    if reason := not_yet_reason(meeting, "attendance"):
        messages.error(request, reason)
        return redirect(meeting_url(meeting))
    form = AttendanceRecordForm(
        posted(request),
        attendances=attendance_selectors.attendance_rows(meeting=meeting),
        people=attendance_selectors.deputy_choices(meeting=meeting),
    )
    if request.method == "POST" and form.is_valid():
        try:
            attendance_services.attendance_record(
                meeting=meeting, by=request.user, actual=form.actual(), deputies=form.deputies()
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, gettext("Attendance recorded"))
            return redirect(meeting_url(meeting) + "#attendance")
    return render(
        request,
        "forums/attendance_record.html",
        {"form": form, "meeting": meeting, "forum": forum},
    )


def attendance_statistics(request, slug):
    forum = forum_or_404(request, slug, "forums.view_meetings")
    context = {"forum": forum, **attendance_selectors.attendance_statistics(forum=forum)}
    return render(request, "forums/attendance_statistics.html", context)


def declaration_add(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    items = list(meeting.agenda_items.on_agenda())
    form = DeclarationForm(posted(request), meeting=meeting, items=items)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            attendance_services.declaration_record(
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
            messages.success(request, gettext("Declaration of interest recorded"))
            return redirect(meeting_url(meeting) + "#declarations")
    return form_page(
        request,
        form,
        title=gettext("Record a declaration of interest"),
        caption=str(meeting),
        back_url=meeting_url(meeting),
    )
