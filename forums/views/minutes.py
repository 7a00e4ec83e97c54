"""Minutes: start, write (all on one page), circulate, comment, approve, publish, history;
decisions."""

from urllib.parse import urlencode

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
    MinutesWriteForm,
)
from forums.forms.procedures import MinutesInWritingForm
from forums.links import meeting_url, procedure_url
from forums.rules.meetings import not_yet_reason
from forums.selectors import meetings as meeting_selectors
from forums.selectors import minutes as minute_selectors
from forums.services import minutes as minute_services
from forums.views.common import apply_errors, confirm_page, form_page, forum_or_404, posted
from membership import dates


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
        can_write_minutes=can_manage and minutes.is_editable,
        can_circulate_minutes=can_manage and minutes.can_be_circulated,
        can_approve_minutes=(
            minutes.is_circulated and request.user.has_perm("forums.approve_minutes", forum)
        ),
        can_publish_minutes=can_manage and minutes.can_be_published,
        can_put_in_writing=(
            minutes.is_circulated
            and request.user.has_perm("forums.run_written_procedure", forum)
            and not minutes.procedures.open().exists()
        ),
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
    return redirect(reverse("meetings:workspace-minutes-write", args=[forum.slug, meeting.pk]))


def minutes_write(request, slug, pk):
    """The whole minutes on one page: introduction, attendance and declarations, then every
    item in agenda order; saved all together or not at all."""
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    context = minute_selectors.minutes_page(person=request.user, meeting=meeting)
    minutes = context["minutes"]
    if not minutes.is_editable:
        messages.error(request, "Approved minutes cannot be changed")
        return redirect(minutes_url(meeting))
    form = MinutesWriteForm(
        posted(request),
        entries=context["entries"],
        forum=forum,
        initial={"introduction": minutes.introduction, "introduction_cy": minutes.introduction_cy},
    )
    if request.method == "POST" and form.is_valid():
        try:
            minute_services.minutes_write(
                minutes=minutes,
                by=request.user,
                introduction=form.cleaned_data["introduction"],
                texts=form.texts(),
                introduction_cy=form.cleaned_data.get("introduction_cy"),
                texts_cy=form.texts_cy(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Minutes saved")
            return redirect(minutes_url(meeting))
    context["form"] = form
    return render(request, "forums/minutes_write.html", context)


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
    """Choose when comments close, then check who will be told (``?check``), then circulate."""
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    minutes = minute_selectors.minutes_page(person=request.user, meeting=meeting)["minutes"]
    if not (minutes.can_be_circulated and meeting.is_held):
        messages.error(request, "Only draft minutes of a meeting that was held can be circulated")
        return redirect(minutes_url(meeting))
    checking = request.method == "GET" and "check" in request.GET
    form = CirculateForm(request.GET if checking else posted(request))
    if checking and form.is_valid():
        closes = form.cleaned_data["comments_close_on"]
        return confirm_page(
            request,
            title="Check before you circulate the draft minutes",
            caption=str(meeting),
            back_url=request.path,
            what_happens=[
                "The draft minutes go out to the forum's members for comment.",
                "Members are emailed a link; the email does not contain the minutes.",
                f"Comments close on {dates.date_text(closes)}."
                if closes
                else "Comments stay open until the minutes are approved.",
            ],
            who_is_told=minute_selectors.circulation_recipients(forum=forum),
            becomes_public=[],
            button="Circulate to members",
            button_gerund="circulating",
            hidden={
                "confirmed": "yes",
                "comments_close_on": closes.isoformat() if closes else "",
            },
        )
    if request.method == "POST" and form.is_valid():
        closes = form.cleaned_data["comments_close_on"]
        if request.POST.get("confirmed") != "yes":
            query = urlencode(
                {"check": "1", "comments_close_on": closes.isoformat() if closes else ""}
            )
            return redirect(f"{request.path}?{query}")
        try:
            minute_services.minutes_circulate(
                minutes=minutes, by=request.user, comments_close_on=closes
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
        intro="Next you can check who will be told, before anything is sent.",
    )


def minutes_approve(request, slug, pk):
    """The chair approves: at a meeting that has started, or by the chair's action."""
    forum = forum_or_404(request, slug, "forums.approve_minutes")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    minutes = minute_selectors.minutes_page(person=request.user, meeting=meeting)["minutes"]
    refusal = (
        "Minutes cannot be approved before the meeting is held"
        if not meeting.is_held
        else ("" if minutes.is_circulated else "Only circulated minutes can be approved")
    )
    if refusal:
        messages.error(request, refusal)
        return redirect(minutes_url(meeting))
    form = ApproveForm(
        posted(request),
        meetings=minute_selectors.approving_meetings(meeting=meeting),
        next_meeting=minute_selectors.next_meeting_after(meeting=meeting),
    )
    if request.method == "POST" and form.is_valid():
        try:
            minute_services.minutes_approve(
                minutes=minutes, approved_by=request.user, **form.approval()
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
        intro="Minutes are approved at a later meeting of the forum once it has started, or by "
        "the chair's action between meetings.",
    )


def minutes_approve_in_writing(request, slug, pk):
    """Ask every agency to approve circulated minutes in writing, between meetings."""
    forum = forum_or_404(request, slug, "forums.run_written_procedure")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    minutes = minute_selectors.minutes_page(person=request.user, meeting=meeting)["minutes"]
    if not minutes.is_circulated:
        messages.error(request, "Only circulated minutes can be put to the board for approval")
        return redirect(minutes_url(meeting))
    form = MinutesInWritingForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            procedure = minute_services.minutes_put_in_writing(
                minutes=minutes, by=request.user, closes_at=form.cleaned_data["closes_at"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Each agency has been asked to approve the minutes")
            return redirect(procedure_url(procedure))
    return form_page(
        request,
        form,
        title="Ask the board to approve the minutes in writing",
        caption=str(meeting),
        back_url=minutes_url(meeting),
        intro="Each agency on the board answers once by the deadline: agree, agree with "
        "comments, or object. If they agree under the board's rule, the minutes are approved "
        "and reported at the next meeting for noting.",
    )


def minutes_publish(request, slug, pk):
    """Check what the public will see, then publish."""
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    minutes = minute_selectors.minutes_page(person=request.user, meeting=meeting)["minutes"]
    if request.method != "POST":
        if not minutes.can_be_published:
            messages.error(request, "Only approved minutes can be published")
            return redirect(minutes_url(meeting))
        return confirm_page(
            request,
            title="Check before you publish the minutes",
            caption=str(meeting),
            back_url=minutes_url(meeting),
            what_happens=[
                "The minutes are published: members can get the public version as a PDF.",
                "Confidential and restricted items stay private.",
            ],
            who_is_told=[],
            becomes_public=minute_selectors.publication_preview(minutes=minutes),
            button="Publish the minutes",
            button_gerund="publishing",
        )
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
    if reason := not_yet_reason(meeting, "decision"):
        messages.error(request, reason)
        return redirect(meeting_url(meeting))
    items = list(meeting.agenda_items.on_agenda())
    form = DecisionForm(posted(request), items=items, forum=forum)
    if request.method == "POST" and form.is_valid():
        try:
            minute_services.decision_record(
                forum=forum,
                by=request.user,
                text=form.cleaned_data["text"],
                agenda_item=form.cleaned_data["agenda_item"],
                text_cy=(form.cleaned_data.get("text_cy") or "").strip() or None,
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
