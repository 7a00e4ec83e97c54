"""Workspace: the annual evaluation of each plan year, approved by the chair."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from forums import reports
from forums.views.common import apply_errors, form_page, forum_or_404, posted
from priorities import selectors, services
from priorities.forms import EvaluationStartForm, EvaluationSummaryForm, OutcomeForm
from priorities.models import current_plan_year

VIEW = "priorities.view_plans"
EDIT = "priorities.edit_plans"


def evaluation_list(request, slug):
    forum = forum_or_404(request, slug, VIEW)
    can_edit = request.user.has_perm(EDIT, forum)
    evaluations = list(selectors.evaluation_list_for(forum=forum))
    form = None
    if can_edit:
        done = {e.plan_year for e in evaluations}
        years = [y for y in selectors.plan_years(forum=forum) if y not in done]
        form = EvaluationStartForm(posted(request), years=years)
        if request.method == "POST" and form.is_valid():
            try:
                evaluation = services.evaluation_start(
                    forum=forum, plan_year=form.cleaned_data["plan_year"], by=request.user
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                return redirect("priorities:evaluation", forum.slug, evaluation.plan_year)
    return render(
        request,
        "priorities/evaluation_list.html",
        {
            "forum": forum,
            "evaluations": evaluations,
            "form": form,
            "can_edit": can_edit,
            "current_year": current_plan_year(),
        },
    )


def evaluation_detail(request, slug, year):
    forum = forum_or_404(request, slug, VIEW)
    evaluation = selectors.evaluation_for(forum=forum, plan_year=year)
    return render(
        request,
        "priorities/evaluation_detail.html",
        {
            "forum": forum,
            "evaluation": evaluation,
            "rows": selectors.evaluation_rows(evaluation=evaluation),
            "can_edit": not evaluation.is_approved and request.user.has_perm(EDIT, forum),
            "can_approve": not evaluation.is_approved
            and request.user.has_perm("priorities.approve_evaluation", forum),
            "report_kind": reports.kind_offered_to(request.user, forum, "annual_report"),
            "report_public": evaluation.is_approved and forum.is_public,
        },
    )


def evaluation_summary(request, slug, year):
    forum = forum_or_404(request, slug, EDIT)
    evaluation = selectors.evaluation_for(forum=forum, plan_year=year)
    form = EvaluationSummaryForm(posted(request), instance=evaluation, forum=forum)
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluation_update(
                evaluation=evaluation,
                by=request.user,
                summary=form.cleaned_data["summary"],
                summary_cy=form.cleaned_data.get("summary_cy"),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect("priorities:evaluation", forum.slug, year)
    return form_page(
        request,
        form,
        title="Overall summary",
        caption=f"Annual evaluation {evaluation.plan_year_label}",
        back_url=reverse("priorities:evaluation", args=[forum.slug, year]),
    )


def outcome_edit(request, slug, year, priority_pk):
    forum = forum_or_404(request, slug, EDIT)
    evaluation = selectors.evaluation_for(forum=forum, plan_year=year)
    priority = selectors.priority_for(forum=forum, pk=priority_pk)
    outcome = evaluation.outcomes.filter(priority=priority).first()
    form = OutcomeForm(
        posted(request),
        instance=outcome,
        initial=None if outcome else {"figures": selectors.evaluation_figures(priority=priority)},
        forum=forum,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.outcome_record(
                evaluation=evaluation, priority=priority, by=request.user, fields=form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Outcome saved.")
            return redirect("priorities:evaluation", forum.slug, year)
    return form_page(
        request,
        form,
        title=f"Outcome: {priority.title}",
        caption=f"Annual evaluation {evaluation.plan_year_label}",
        back_url=reverse("priorities:evaluation", args=[forum.slug, year]),
    )


@require_POST
def evaluation_approve(request, slug, year):
    forum = forum_or_404(request, slug, "priorities.approve_evaluation")
    evaluation = selectors.evaluation_for(forum=forum, plan_year=year)
    try:
        services.evaluation_approve(evaluation=evaluation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Evaluation approved and published.")
    return redirect("priorities:evaluation", forum.slug, year)
