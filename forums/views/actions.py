"""Actions and their updates, and escalations (a forum's and the national list)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from forums.forms.actions import (
    ActionFilterForm,
    ActionForm,
    ActionUpdateForm,
    EscalationForm,
    EscalationResponseForm,
)
from forums.links import meeting_url
from forums.models import Escalation
from forums.selectors import actions as action_selectors
from forums.selectors import meetings as meeting_selectors
from forums.services import actions as action_services
from forums.views.common import apply_errors, form_page, forum_or_404, posted


def action_list(request, slug):
    """A forum's actions, overdue ones marked; filters by status, owner, agency and due date."""
    forum = forum_or_404(request, slug, "forums.view_meetings")
    filters = ActionFilterForm(request.GET or None, forum=forum)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    actions = action_selectors.action_list_for(
        person=request.user,
        forum=forum,
        status=criteria.get("status", ""),
        owner=criteria.get("owner", ""),
        agency=criteria.get("agency", ""),
        due_before=criteria.get("due_before"),
        overdue=criteria.get("overdue", False),
    )
    return render(
        request,
        "forums/action_list.html",
        {
            "forum": forum,
            "actions": actions,
            "filters": filters,
            "can_manage": request.user.has_perm("forums.manage_meetings", forum),
        },
    )


def your_actions(request):
    return render(
        request,
        "forums/action_yours.html",
        {"actions": action_selectors.your_actions(person=request.user)},
    )


def action_detail(request, slug, pk):
    """An action with its history of updates; the owner or secretariat adds an update."""
    forum = forum_or_404(request, slug, "forums.view_meetings")
    action = action_selectors.action_for(person=request.user, forum=forum, pk=pk)
    may_update = request.user.has_perm("forums.update_action", action)
    form = None
    if may_update:
        form = ActionUpdateForm(
            posted(request),
            initial={"status": action.status, "percent_complete": action.percent_complete},
        )
    if request.method == "POST":
        if not may_update:
            raise PermissionDenied
        if form.is_valid():
            try:
                action_services.action_update_progress(
                    action=action, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, gettext("Update saved"))
                return redirect("meetings:workspace-action", forum.slug, action.pk)
    updates = list(action.updates.select_related("author"))
    return render(
        request,
        "forums/action_detail.html",
        {"forum": forum, "action": action, "form": form, "updates": updates},
    )


def action_add(request, slug, pk=None):
    """Record an action on the forum, or on the meeting ``pk`` when reached from a meeting."""
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk) if pk else None
    items = list(meeting.agenda_items.on_agenda()) if meeting else ()
    form = ActionForm(posted(request), forum=forum, items=items)
    back = (
        meeting_url(meeting)
        if meeting
        else reverse("meetings:workspace-actions", args=[forum.slug])
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            action = action_services.action_create(
                forum=forum,
                by=request.user,
                title=data["title"],
                description=data["description"],
                owner=data["owner"],
                accountable_agency=data["accountable_agency"],
                due_date=data["due_date"],
                meeting=meeting,
                agenda_item=data.get("agenda_item"),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, gettext("Action %(reference)s recorded") % {"reference": action.reference}
            )
            return redirect(back)
    return form_page(
        request, form, title=gettext("Record an action"), caption=forum.name, back_url=back
    )


def escalation_list(request, slug):
    forum = forum_or_404(request, slug, "forums.view_meetings")
    return render(
        request,
        "forums/escalation_list.html",
        {
            "forum": forum,
            **action_selectors.escalations_for(forum=forum),
            "can_raise": request.user.has_perm("forums.raise_escalation", forum),
            "can_manage": request.user.has_perm("forums.manage_meetings", forum),
        },
    )


def escalation_raise(request, slug):
    forum = forum_or_404(request, slug, "forums.raise_escalation")
    form = EscalationForm(posted(request), forum=forum)
    if request.method == "POST" and form.is_valid():
        try:
            action_services.escalation_raise(from_forum=forum, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, gettext("Escalation raised"))
            return redirect("meetings:workspace-escalations", forum.slug)
    return form_page(
        request,
        form,
        title=gettext("Raise an escalation"),
        caption=forum.name,
        back_url=reverse("meetings:workspace-escalations", args=[forum.slug]),
        intro=gettext(
            "For an issue that cannot be solved between the agencies involved. A sub-group's "
            "escalation is proposed for its parent board's next meeting."
        ),
    )


def escalation_respond(request, slug, pk):
    """The receiving board's secretariat responds to a sub-group's escalation."""
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    escalation = get_object_or_404(Escalation, to_forum=forum, pk=pk)
    form = EscalationResponseForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            action_services.escalation_respond(
                escalation=escalation, by=request.user, response=form.cleaned_data["response"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, gettext("Response sent"))
            return redirect("meetings:workspace-escalations", forum.slug)
    return form_page(
        request,
        form,
        title=gettext("Respond to the escalation"),
        caption=escalation.title,
        back_url=reverse("meetings:workspace-escalations", args=[forum.slug]),
        intro=escalation.description,
    )


def national_escalations(request):
    """National viewers (APCC, national board staff) read and answer national escalations.

    Only the escalation itself is shown: never the raising forum's confidential items.
    """
    if not request.user.has_perm("forums.answer_national_escalations"):
        raise PermissionDenied
    escalations = action_selectors.national_escalations()
    responding = None
    form = None
    if request.method == "POST":
        escalation_id = request.POST.get("escalation", "")
        if not (escalation_id.isascii() and escalation_id.isdigit()):
            raise Http404
        responding = get_object_or_404(
            Escalation, pk=int(escalation_id), level=Escalation.Level.NATIONAL
        )
        form = EscalationResponseForm(request.POST)
        if form.is_valid():
            action_services.escalation_respond(
                escalation=responding, by=request.user, response=form.cleaned_data["response"]
            )
            messages.success(request, gettext("Response recorded"))
            return redirect("meetings:workspace-national-escalations")
    return render(
        request,
        "forums/escalation_national.html",
        {"escalations": escalations, "form": form, "responding": responding},
    )
