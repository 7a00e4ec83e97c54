"""A forum's annual evaluations: one evaluation, its rows and the figures behind an outcome."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.formats import date_format
from django.utils.translation import gettext

from forums.models import Forum
from priorities.models import AnnualEvaluation, EvaluationOutcome, Objective, Priority
from priorities.selectors.rollup import attach_figures


def evaluation_list_for(*, forum: Forum) -> QuerySet[AnnualEvaluation]:
    return AnnualEvaluation.objects.filter(forum=forum).select_related("approved_by")


def evaluation_for(*, forum: Forum, plan_year: int) -> AnnualEvaluation:
    evaluation = (
        AnnualEvaluation.objects.filter(forum=forum, plan_year=plan_year)
        .select_related("approved_by")
        .first()
    )
    if evaluation is None:
        raise Http404("No such evaluation")
    return evaluation


def evaluation_rows(
    *, evaluation: AnnualEvaluation
) -> list[tuple[Priority, EvaluationOutcome | None]]:
    """Every priority agreed in the plan year (or since retired), with its outcome if recorded."""
    outcomes = {o.priority_id: o for o in evaluation.outcomes.select_related("priority")}
    priorities = (
        Priority.objects.filter(
            forum=evaluation.forum,
            plan_year=evaluation.plan_year,
            status__in=[Priority.Status.AGREED, Priority.Status.RETIRED],
        )
        .select_related("theme")
        .order_by("title")
    )
    rows = [(priority, outcomes.pop(priority.pk, None)) for priority in priorities]
    rows += [(o.priority, o) for o in outcomes.values()]
    return rows


def evaluation_figures(*, priority: Priority) -> str:
    """A starting point for an outcome's 'figures behind it': each objective's baseline and
    target, and the latest accepted figure of its indicator."""
    priority = Priority.objects.prefetch_related(
        Prefetch("objectives", queryset=Objective.objects.select_related("indicator")),
        "indicators",
    ).get(pk=priority.pk)
    attach_figures([priority], forum=priority.forum, published_only=False)
    lines = []
    for objective in priority.objectives.all():
        baseline = (
            gettext("baseline %(figure)s (%(date)s), ")
            % {
                "figure": objective.baseline_text,
                "date": date_format(objective.baseline_date, "j F Y"),
            }
            if objective.baseline is not None and objective.baseline_date
            else ""
        )
        latest = (
            gettext("latest %(figure)s (%(period)s)")
            % {
                "figure": objective.figure.latest_text,
                "period": objective.figure.latest.period.label,
            }
            if getattr(objective, "figure", None)
            else gettext("result: ")
        )
        lines.append(
            gettext("%(measure)s: %(baseline)starget %(target)s by %(date)s; %(latest)s")
            % {
                "measure": objective.measure,
                "baseline": baseline,
                "target": objective.target_text,
                "date": date_format(objective.target_date, "j F Y"),
                "latest": latest,
            }
        )
    return "\n".join(lines)
