"""Public pages: agreed priorities, open consultations, evaluations, the cross-area view."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from forums.access import public_forum_for
from priorities import selectors
from priorities.models import current_plan_year, plan_year_label


def _year(request, default: int) -> int:
    try:
        year = int(request.GET.get("year", default))
    except (TypeError, ValueError):
        return default
    return year if 2000 <= year <= 2100 else default


@login_not_required
def priority_list(request, slug):
    """A forum's agreed priorities for a plan year, with objectives and delivery roll-up."""
    forum = public_forum_for(slug=slug)
    year = _year(request, current_plan_year())
    return render(
        request,
        "priorities/public_priority_list.html",
        {
            "forum": forum,
            "year": year,
            "year_label": plan_year_label(year),
            "years": [(y, plan_year_label(y)) for y in selectors.public_plan_years(forum=forum)],
            "priorities": selectors.public_priorities(forum=forum, plan_year=year),
            "consultations": selectors.public_consultations(forum=forum),
            "evaluations": selectors.public_evaluations(forum=forum),
        },
    )


@login_not_required
def evaluation(request, slug, year):
    forum = public_forum_for(slug=slug)
    evaluation = selectors.public_evaluation(forum=forum, plan_year=year)
    return render(
        request,
        "priorities/public_evaluation.html",
        {
            "forum": forum,
            "evaluation": evaluation,
            "outcomes": selectors.public_evaluation_outcomes(evaluation=evaluation),
        },
    )


@login_not_required
def themes(request):
    """Areas × themes: which themes each area's board has prioritised this plan year."""
    year = _year(request, current_plan_year())
    theme_list, rows = selectors.cross_area_themes(plan_year=year)
    return render(
        request,
        "priorities/public_themes.html",
        {
            "year": year,
            "year_label": plan_year_label(year),
            "previous": year - 1,
            "next": year + 1,
            "themes": theme_list,
            "rows": rows,
        },
    )
