"""Public reads: published priorities, consultations and evaluations, and themes across areas."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from forums import confidentiality
from forums.models import Decision, Forum
from membership.models import PoliceForceArea
from priorities.models import (
    AnnualEvaluation,
    Consultation,
    EvaluationOutcome,
    Priority,
    Theme,
    current_plan_year,
)
from priorities.selectors.rollup import attach_figures, attach_roll_ups, delivery_prefetch


def public_priorities(*, forum: Forum, plan_year: int) -> list[Priority]:
    """Agreed priorities of a public forum for a plan year, with objectives and roll-ups."""
    priorities = list(
        Priority.objects.published()
        .filter(forum=forum, plan_year=plan_year)
        .select_related("theme", "lead_agency")
        .prefetch_related(
            *delivery_prefetch(public=True),
            Prefetch("indicators"),
        )
        .order_by("title")
    )
    attach_figures(priorities, forum=forum, published_only=True)
    return attach_roll_ups(priorities)


def public_plan_years(*, forum: Forum) -> list[int]:
    years = set(
        Priority.objects.published().filter(forum=forum).values_list("plan_year", flat=True)
    )
    years.add(current_plan_year())
    return sorted(years, reverse=True)


def public_consultations(*, forum: Forum) -> QuerySet[Consultation]:
    return Consultation.objects.published().filter(forum=forum).order_by("-closes_on")


def public_consultation(*, forum: Forum, pk: int) -> Consultation:
    consultation = public_consultations(forum=forum).filter(pk=pk).first()
    if consultation is None:
        raise Http404("No such consultation")
    return consultation


def public_you_said_we_did(*, consultation: Consultation):
    """Entries with only public things linked: a decision whose minutes are published, a public
    action of a public forum, an agreed priority."""
    entries = list(
        consultation.you_said_we_did.select_related("priority", "decision", "action__agenda_item")
    )
    public_decisions = set(
        Decision.objects.public()
        .filter(pk__in=[e.decision_id for e in entries if e.decision_id])
        .values_list("pk", flat=True)
    )
    for entry in entries:
        entry.public_priority = (
            entry.priority
            if entry.priority
            and entry.priority.status in (Priority.Status.AGREED, Priority.Status.RETIRED)
            else None
        )
        entry.public_decision = entry.decision if entry.decision_id in public_decisions else None
        entry.public_action = (
            entry.action if entry.action and confidentiality.marked_public(entry.action) else None
        )
    return entries


def public_evaluations(*, forum: Forum) -> QuerySet[AnnualEvaluation]:
    return AnnualEvaluation.objects.published().filter(forum=forum).order_by("-plan_year")


def public_evaluation(*, forum: Forum, plan_year: int) -> AnnualEvaluation:
    evaluation = public_evaluations(forum=forum).filter(plan_year=plan_year).first()
    if evaluation is None:
        raise Http404("No such evaluation")
    return evaluation


def published_outcomes() -> QuerySet[EvaluationOutcome]:
    """Outcomes the public may see (of a published evaluation): those of agreed or retired
    priorities, never of a draft."""
    return EvaluationOutcome.objects.filter(
        priority__status__in=[Priority.Status.AGREED, Priority.Status.RETIRED]
    )


def public_evaluation_outcomes(*, evaluation: AnnualEvaluation) -> QuerySet[EvaluationOutcome]:
    return published_outcomes().filter(evaluation=evaluation).select_related("priority__theme")


# The six themes the joint inspection expected every board to consider; each gets a column.
# Every other theme an area has prioritised is listed in one "other themes" column.
INSPECTION_THEMES = [
    "victims_and_witnesses",
    "vulnerable_victims_witnesses",
    "efficiency",
    "digitisation",
    "reducing_reoffending",
    "enforcement_court_decisions",
]


@dataclass
class AreaThemes:
    area: PoliceForceArea
    cells: list[tuple[Theme, list[Priority]]]
    others: list[tuple[Theme, list[Priority]]]

    @property
    def theme_count(self) -> int:
        return sum(1 for _, priorities in self.cells + self.others if priorities)


def cross_area_themes(*, plan_year: int) -> tuple[list[Theme], list[AreaThemes]]:
    """Areas × themes: the agreed priorities of public local boards, one column per theme the
    inspection expected, and the other themes each area chose (local themes count as others)."""
    themes = sorted(
        Theme.objects.filter(slug__in=INSPECTION_THEMES),
        key=lambda theme: INSPECTION_THEMES.index(theme.slug),
    )
    core = {theme.pk for theme in themes}
    priorities = list(
        Priority.objects.published()
        .filter(plan_year=plan_year, forum__kind=Forum.Kind.LOCAL_BOARD)
        .select_related("theme", "forum")
        .prefetch_related("forum__areas")
        .order_by("theme__name", "title")
    )
    by_area: dict[int, dict[int, list[Priority]]] = defaultdict(lambda: defaultdict(list))
    other_themes: dict[int, dict[int, Theme]] = defaultdict(dict)
    for priority in priorities:
        for area in priority.forum.areas.all():
            by_area[area.pk][priority.theme_id].append(priority)
            if priority.theme_id not in core:
                other_themes[area.pk][priority.theme_id] = priority.theme
    areas = PoliceForceArea.objects.filter(
        pk__in=Forum.objects.public().filter(kind=Forum.Kind.LOCAL_BOARD).values("areas")
    ).order_by("country", "name")
    rows = [
        AreaThemes(
            area,
            [(theme, by_area[area.pk].get(theme.pk, [])) for theme in themes],
            [(theme, by_area[area.pk][theme.pk]) for theme in other_themes[area.pk].values()],
        )
        for area in areas
    ]
    return themes, rows


def decimal_or_blank(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}"
