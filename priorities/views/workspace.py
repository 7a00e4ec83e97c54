"""Workspace: a forum's priorities, one priority's page, objectives, sign-off and links."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from forums.views.common import apply_errors, form_page, forum_or_404, posted
from performance.models import Indicator
from priorities import selectors, services
from priorities.forms import (
    DeliveryActionForm,
    DiscussionForm,
    ObjectiveForm,
    PriorityForm,
    SignOffForm,
    StatusForm,
    ThemeForm,
)
from priorities.models import Objective, Risk, current_plan_year

VIEW = "priorities.view_plans"
EDIT = "priorities.edit_plans"


def _indicators(forum):
    from django.db.models import Q

    return Indicator.objects.filter(Q(forum__isnull=True) | Q(forum=forum), is_active=True)


def _priority_form(request, forum, instance=None):
    return PriorityForm(
        posted(request),
        instance=instance,
        initial=None if instance else {"plan_year": current_plan_year()},
        themes=selectors.theme_choices(forum=forum),
        indicators=_indicators(forum),
        agencies=selectors.forum_agencies(forum=forum),
        members=selectors.forum_members(forum=forum),
        forum=forum,
    )


def priority_list(request, slug):
    """Every priority of the forum by plan year; the secretariat also sees sign-offs owed."""
    forum = forum_or_404(request, slug, VIEW)
    can_edit = request.user.has_perm(EDIT, forum)
    priorities = selectors.attach_roll_ups(
        list(
            selectors.priority_list_for(forum=forum).prefetch_related(
                *selectors.delivery_prefetch(person=request.user)
            )
        )
    )
    agency_count = len(selectors.signing_agencies(forum=forum))
    selectors.attach_sign_off_tallies(priorities, expected=agency_count)
    years = {}
    for priority in priorities:
        years.setdefault(priority.plan_year_label, []).append(priority)
    outstanding = selectors.outstanding_sign_offs(forum=forum)
    context = {
        "forum": forum,
        "years": years,
        "can_edit": can_edit,
        "agency_count": agency_count,
        "outstanding": outstanding if can_edit else [],
        "to_sign": selectors.sign_offs_owed_by(person=request.user, outstanding=outstanding),
    }
    return render(request, "priorities/priority_list.html", context)


def priority_detail(request, slug, pk):
    forum = forum_or_404(request, slug, VIEW)
    priority = selectors.priority_for(forum=forum, pk=pk)
    plan = selectors.delivery_plan(priority=priority, person=request.user)
    can_edit = request.user.has_perm(EDIT, forum)
    context = {
        "forum": forum,
        "priority": plan,
        "board": selectors.sign_off_board(priority=priority),
        "discussions": selectors.discussions_of(priority=priority, person=request.user),
        "timeline": selectors.timeline(
            priority=priority, actions=[link.action for link in plan.visible_actions]
        ),
        "tensions": priority.tensions.all(),
        "risks": priority.risks.exclude(status=Risk.Status.CLOSED),
        # Cited responses are evidence for the members who sign off; never public.
        "cited_responses": priority.cited_responses.select_related("consultation").prefetch_related(
            "answers__question"
        ),
        "can_edit": can_edit,
        "can_sign_off": (
            priority.is_out_for_sign_off and request.user.has_perm("priorities.sign_off", forum)
        ),
    }
    return render(request, "priorities/priority_detail.html", context)


def priority_create(request, slug):
    forum = forum_or_404(request, slug, EDIT)
    form = _priority_form(request, forum)
    if request.method == "POST" and form.is_valid():
        try:
            priority = services.priority_create(
                forum=forum, by=request.user, fields=form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Priority drafted. Now add its objectives.")
            return redirect("priorities:detail", forum.slug, priority.pk)
    return form_page(
        request,
        form,
        title="Draft a priority",
        caption=forum.name,
        back_url=reverse("priorities:workspace-list", args=[forum.slug]),
    )


def priority_edit(request, slug, pk):
    forum = forum_or_404(request, slug, EDIT)
    priority = selectors.priority_for(forum=forum, pk=pk)
    if not priority.is_editable:
        messages.error(
            request,
            f"A priority that is {priority.get_status_display().lower()} cannot be changed.",
        )
        return redirect("priorities:detail", forum.slug, priority.pk)
    form = _priority_form(request, forum, instance=priority)
    if request.method == "POST" and form.is_valid():
        try:
            services.priority_update(priority=priority, by=request.user, fields=form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Priority saved.")
            return redirect("priorities:detail", forum.slug, priority.pk)
    intro = (
        "This priority is agreed: every change is kept in its history."
        if priority.is_agreed
        else ""
    )
    return form_page(
        request,
        form,
        title=f"Change: {priority.title}",
        caption=forum.name,
        back_url=reverse("priorities:detail", args=[forum.slug, priority.pk]),
        intro=intro,
    )


STATUS_SERVICES = {
    "send": (services.priority_send_for_sign_off, "Priority sent to every agency for sign-off."),
    "agree": (services.priority_agree, "Priority agreed."),
    "return": (services.priority_return_to_draft, "Priority returned to draft."),
    "retire": (services.priority_retire, "Priority retired."),
}


@require_POST
def priority_status(request, slug, pk):
    forum = forum_or_404(request, slug, EDIT)
    priority = selectors.priority_for(forum=forum, pk=pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose what to do with the priority")
    else:
        service, done = STATUS_SERVICES[form.cleaned_data["to"]]
        try:
            service(priority=priority, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done)
    return redirect("priorities:detail", forum.slug, priority.pk)


def _objective_form(request, forum, instance=None):
    return ObjectiveForm(
        posted(request), instance=instance, indicators=_indicators(forum), forum=forum
    )


def objective_create(request, slug, pk):
    forum = forum_or_404(request, slug, EDIT)
    priority = selectors.priority_for(forum=forum, pk=pk)
    form = _objective_form(request, forum)
    if request.method == "POST" and form.is_valid():
        try:
            services.objective_create(priority=priority, by=request.user, fields=form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Objective added.")
            return redirect("priorities:detail", forum.slug, priority.pk)
    return form_page(
        request,
        form,
        title="Add an objective",
        caption=priority.title,
        back_url=reverse("priorities:detail", args=[forum.slug, priority.pk]),
        intro="Every objective needs a measure (an indicator or a described local measure) "
        "and a target with a date.",
    )


def objective_edit(request, slug, pk, objective_pk):
    forum = forum_or_404(request, slug, EDIT)
    priority = selectors.priority_for(forum=forum, pk=pk)
    objective = get_object_or_404(Objective, priority=priority, pk=objective_pk)
    form = _objective_form(request, forum, instance=objective)
    if request.method == "POST" and form.is_valid():
        try:
            services.objective_update(
                objective=objective, by=request.user, fields=form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Objective saved.")
            return redirect("priorities:detail", forum.slug, priority.pk)
    return render(
        request,
        "priorities/objective_form.html",
        {
            "form": form,
            "page_title": f"Change objective: {objective.title}",
            "caption": priority.title,
            "back_url": reverse("priorities:detail", args=[forum.slug, priority.pk]),
            "remove_url": (
                reverse("priorities:objective-delete", args=[forum.slug, priority.pk, objective.pk])
                if priority.is_draft
                else ""
            ),
        },
    )


@require_POST
def objective_delete(request, slug, pk, objective_pk):
    forum = forum_or_404(request, slug, EDIT)
    priority = selectors.priority_for(forum=forum, pk=pk)
    objective = get_object_or_404(Objective, priority=priority, pk=objective_pk)
    try:
        services.objective_delete(objective=objective, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Objective removed.")
    return redirect("priorities:detail", forum.slug, priority.pk)


def sign_off(request, slug, pk):
    """A member records their own agency's sign-off. Advisory members are refused."""
    forum = forum_or_404(request, slug, "priorities.sign_off")
    priority = selectors.priority_for(forum=forum, pk=pk)
    agencies = selectors.agencies_person_signs_for(person=request.user, priority=priority)
    back_url = reverse("priorities:detail", args=[forum.slug, priority.pk])
    if not priority.is_out_for_sign_off:
        messages.error(request, "This priority is not out for sign-off.")
        return redirect(back_url)
    board = selectors.sign_off_board(priority=priority)
    answers = board.answer_of({agency.pk for agency in agencies})
    form = SignOffForm(posted(request), agencies=agencies, answers=answers)
    if request.method == "POST" and form.is_valid():
        try:
            services.sign_off_record(
                priority=priority,
                agency=form.cleaned_data["agency"],
                decision=form.cleaned_data["decision"],
                comment=form.cleaned_data["comment"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Sign-off recorded.")
            return redirect(back_url)
    return render(
        request,
        "priorities/signoff_form.html",
        {
            "forum": forum,
            "priority": priority,
            "form": form,
            "objectives": selectors.objectives_of(priority=priority),
            "agencies": agencies,
            "board": board,
            "back_url": back_url,
        },
    )


def delivery_action_add(request, slug, pk):
    forum = forum_or_404(request, slug, EDIT)
    priority = selectors.priority_for(forum=forum, pk=pk)
    form = DeliveryActionForm(
        posted(request),
        actions=selectors.action_choices(forum=forum, person=request.user),
        objectives=priority.objectives.all(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.delivery_action_link(priority=priority, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Action added to the delivery plan.")
            return redirect("priorities:detail", forum.slug, priority.pk)
    return form_page(
        request,
        form,
        title="Add an action to the delivery plan",
        caption=priority.title,
        back_url=reverse("priorities:detail", args=[forum.slug, priority.pk]),
        intro="Actions come from the forum's action list, so one list serves meetings and "
        "the delivery plan.",
    )


@require_POST
def delivery_action_remove(request, slug, pk, link_pk):
    forum = forum_or_404(request, slug, EDIT)
    priority = selectors.priority_for(forum=forum, pk=pk)
    link = get_object_or_404(priority.delivery_actions, pk=link_pk)
    services.delivery_action_unlink(link=link, by=request.user)
    messages.success(request, "Action taken off the delivery plan.")
    return redirect("priorities:detail", forum.slug, priority.pk)


def discussion_add(request, slug, pk):
    forum = forum_or_404(request, slug, EDIT)
    priority = selectors.priority_for(forum=forum, pk=pk)
    agenda_items, decisions, minute_entries = selectors.discussion_choices(
        forum=forum, person=request.user
    )
    form = DiscussionForm(
        posted(request),
        agenda_items=agenda_items,
        decisions=decisions,
        minute_entries=minute_entries,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.discussion_link(priority=priority, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Link added.")
            return redirect("priorities:detail", forum.slug, priority.pk)
    return form_page(
        request,
        form,
        title="Link to where it was discussed",
        caption=priority.title,
        back_url=reverse("priorities:detail", args=[forum.slug, priority.pk]),
        intro="Choose one agenda item, decision or minute.",
    )


def theme_create(request, slug):
    forum = forum_or_404(request, slug, EDIT)
    form = ThemeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.local_theme_create(forum=forum, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Local theme added.")
            return redirect("priorities:workspace-list", forum.slug)
    return form_page(
        request,
        form,
        title="Add a local theme",
        caption=forum.name,
        back_url=reverse("priorities:workspace-list", args=[forum.slug]),
        intro="Use a national theme where one fits, so areas can be compared.",
    )
