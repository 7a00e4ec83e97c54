"""The tensions and risks registers, and the risks' heat map."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from forums.models import Forum
from priorities.models import Risk, Tension


def tension_list_for(*, forum: Forum) -> QuerySet[Tension]:
    return (
        Tension.objects.filter(forum=forum).select_related("priority").prefetch_related("agencies")
    )


def tension_for(*, forum: Forum, pk: int) -> Tension:
    tension = Tension.objects.filter(forum=forum, pk=pk).first()
    if tension is None:
        raise Http404("No such tension")
    return tension


def risk_list_for(*, forum: Forum, include_closed: bool = True) -> QuerySet[Risk]:
    risks = Risk.objects.filter(forum=forum).select_related("priority", "owner", "owner_agency")
    if not include_closed:
        risks = risks.exclude(status=Risk.Status.CLOSED)
    return risks


def risk_for(*, forum: Forum, pk: int) -> Risk:
    risk = Risk.objects.filter(forum=forum, pk=pk).first()
    if risk is None:
        raise Http404("No such risk")
    return risk


@dataclass
class HeatMapCell:
    likelihood: int
    impact: int
    risks: list[Risk]

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def level_class(self) -> str:
        if self.score >= 10:
            return "app-heatmap__cell--high"
        if self.score >= 5:
            return "app-heatmap__cell--medium"
        return "app-heatmap__cell--low"


def heat_map(risks) -> list[tuple[int, list[HeatMapCell]]]:
    """Rows of likelihood 5 down to 1, each with cells of impact 1 to 5 (open risks only)."""
    grid: dict[tuple[int, int], list[Risk]] = defaultdict(list)
    for risk in risks:
        if risk.status != Risk.Status.CLOSED:
            grid[(risk.likelihood, risk.impact)].append(risk)
    return [
        (
            likelihood,
            [HeatMapCell(likelihood, impact, grid[(likelihood, impact)]) for impact in range(1, 6)],
        )
        for likelihood in range(5, 0, -1)
    ]
