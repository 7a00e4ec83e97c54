"""Minutes: start, write per item, circulate, comment, approve, publish, history; decisions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from forums.forms.minutes import (
    ApproveForm,
    CirculateForm,
    DecisionForm,
    MinuteCommentForm,
    MinuteEntryForm,
    MinutesIntroductionForm,
)
from forums.links import meeting_url
from forums.selectors import meetings as meeting_selectors
from forums.selectors import minutes as minute_selectors
from forums.services import minutes as minute_services
from forums.views.common import apply_errors, form_page, forum_or_404, posted


def minutes_url(meeting) -> str:
    return reverse("meetings:workspace-minutes", args=[meeting.forum.slug, meeting.pk])


def minutes_detail(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.view_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    context = minute_selectors.minutes_page(person=request.user, meeting=meeting)
    minutes = context["minutes"]
    can_manage = request.user.has_perm("forums.manage_meetings", forum)
    context.update(
        can_manage=can_manage,
        can_circulate_minutes=can_manage and minutes.can_be_circulated,
        can_approve_minutes=(
            minutes.is_circulated and request.user.has_perm("forums.approve_minutes", forum)
        ),
        can_publish_minutes=can_manage and minutes.can_be_published,
        can_comment=(
            minutes.is_circulated and request.user.has_perm("forums.comment_on_minutes", forum)
        ),
        comment_form=MinuteCommentForm(),
    )
    return render(request, "forums/minutes_detail.html", context)


@require_POST
def minutes_start(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    try:
        minute_services.minutes_start(meeting=meeting, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(meeting_url(meeting))
    return redirect(minutes_url(meeting))


def minutes_introduction(request, slug, pk):
    """The opening of the minutes (welcome, apologies noted), before the entries."""
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    minutes = minute_selectors.minutes_page(person=request.user, meeting=meeting)["minutes"]
    form = MinutesIntroductionForm(
        posted(request),
        initial={"introduction": minutes.introduction},
    )
    if request.method == "POST" and form.is_valid():
        try:
            minute_services.minutes_update(
                minutes=minutes, by=request.user, introduction=form.cleaned_data["introduction"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Introduction saved")
            return redirect(minutes_url(meeting))
    return form_page(
        request,
        form,
        title="Introduction to the minutes",
        caption=str(meeting),
        back_url=minutes_url(meeting),
    )


def minute_entry_edit(request, slug, pk, entry_pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    entry = minute_selectors.minute_entry_for(person=request.user, meeting=meeting, pk=entry_pk)
    form = MinuteEntryForm(posted(request), initial={"text": entry.text})
    if request.method == "POST" and form.is_valid():
        try:
            minute_services.minute_entry_update(
                entry=entry, by=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Minute saved")
            return redirect(minutes_url(meeting) + f"#entry-{entry.pk}")
    return form_page(
        request,
        form,
        title=f"Minute: {entry.agenda_item.title}",
        caption=str(meeting),
        back_url=minutes_url(meeting),
        intro=f"This item is {entry.agenda_item.get_confidentiality_display().lower()}.",
    )


def minute_entry_history(request, slug, pk, entry_pk):
    forum = forum_or_404(request, slug, "forums.view_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    entry = minute_selectors.minute_entry_for(person=request.user, meeting=meeting, pk=entry_pk)
    history = list(entry.history.select_related("history_user").order_by("-history_date"))
    return render(
        request,
        "forums/minutes_history.html",
        {"forum": forum, "meeting": meeting, "entry": entry, "history": history},
    )


@require_POST
def minute_comment_add(request, slug, pk, entry_pk):
    forum = forum_or_404(request, slug, "forums.comment_on_minutes")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    entry = minute_selectors.minute_entry_for(person=request.user, meeting=meeting, pk=entry_pk)
    form = MinuteCommentForm(request.POST)
    if form.is_valid():
        try:
            minute_services.minute_comment_add(
                entry=entry, author=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Comment added")
            return redirect(minutes_url(meeting) + f"#entry-{entry.pk}")
    return form_page(
        request,
        form,
        title="Comment on the minute",
        caption=entry.agenda_item.title,
        back_url=minutes_url(meeting),
    )


def minutes_circulate(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    minutes = minute_selectors.minutes_page(person=request.user, meeting=meeting)["minutes"]
    form = CirculateForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            minute_services.minutes_circulate(
                minutes=minutes,
                by=request.user,
                comments_close_on=form.cleaned_data["comments_close_on"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Minutes circulated to members for comment")
            return redirect(minutes_url(meeting))
    return form_page(
        request,
        form,
        title="Circulate the draft minutes",
        caption=str(meeting),
        back_url=minutes_url(meeting),
        intro="Members are emailed a link. The email does not contain the minutes.",
    )


def minutes_approve(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.approve_minutes")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    minutes = minute_selectors.minutes_page(person=request.user, meeting=meeting)["minutes"]
    form = ApproveForm(
        posted(request),
        meetings=minute_selectors.later_meetings(meeting=meeting),
    )
    if request.method == "POST" and form.is_valid():
        try:
            minute_services.minutes_approve(
                minutes=minutes,
                approved_by=request.user,
                at_meeting=form.cleaned_data["at_meeting"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Minutes approved")
            return redirect(minutes_url(meeting))
    return form_page(
        request,
        form,
        title="Approve the minutes",
        caption=str(meeting),
        back_url=minutes_url(meeting),
        intro="Minutes are approved at or after the next meeting of the forum.",
    )


@require_POST
def minutes_publish(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    minutes = minute_selectors.minutes_page(person=request.user, meeting=meeting)["minutes"]
    try:
        minute_services.minutes_publish(minutes=minutes, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "Minutes published: the public sees the public items only")
    return redirect(minutes_url(meeting))


def decision_add(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    items = list(meeting.agenda_items.on_agenda())
    form = DecisionForm(posted(request), items=items)
    if request.method == "POST" and form.is_valid():
        try:
            minute_services.decision_record(
                forum=forum,
                by=request.user,
                text=form.cleaned_data["text"],
                agenda_item=form.cleaned_data["agenda_item"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Decision recorded")
            return redirect(
                minutes_url(meeting) if hasattr(meeting, "minutes") else meeting_url(meeting)
            )
    return form_page(
        request,
        form,
        title="Record a decision",
        caption=str(meeting),
        back_url=meeting_url(meeting),
    )


def decision_list(request, slug):
    forum = forum_or_404(request, slug, "forums.view_meetings")
    return render(
        request,
        "forums/decision_list.html",
        {
            "forum": forum,
            "decisions": minute_selectors.decision_list_for(person=request.user, forum=forum),
        },
    )
