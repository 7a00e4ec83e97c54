"""Publishing a period: its returns, the data owners' confirmations and the publication; targets."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from forums.models import Forum
from performance.models import (
    DataOwnerConfirmation,
    PerformanceReturn,
    PeriodPublication,
    ReportingPeriod,
    Target,
)
from performance.selectors._common import Status


@dataclass
class PeriodState:
    """A period of a forum: its accepted returns, confirmations and publication."""

    period: ReportingPeriod
    returns: list[PerformanceReturn]
    confirmations: dict[int, DataOwnerConfirmation]
    publication: PeriodPublication | None

    @property
    def accepted(self) -> list[PerformanceReturn]:
        return [r for r in self.returns if r.status == Status.ACCEPTED]

    @property
    def ready(self) -> bool:
        return bool(self.accepted) and all(r.agency_id in self.confirmations for r in self.accepted)


def period_state(*, forum: Forum, period: ReportingPeriod) -> PeriodState:
    returns = list(
        PerformanceReturn.objects.filter(forum=forum, period=period)
        .select_related("agency")
        .order_by("agency__name")
    )
    confirmations = {
        c.agency_id: c
        for c in DataOwnerConfirmation.objects.filter(forum=forum, period=period).select_related(
            "recorded_by"
        )
    }
    publication = (
        PeriodPublication.objects.filter(forum=forum, period=period)
        .select_related("published_by")
        .first()
    )
    return PeriodState(period, returns, confirmations, publication)


def periods_with_returns(*, forum: Forum) -> QuerySet[ReportingPeriod]:
    """Periods the forum has any return for, newest first, with publication state."""
    return (
        ReportingPeriod.objects.filter(returns__forum=forum)
        .distinct()
        .annotate(
            is_published=Exists(
                PeriodPublication.objects.filter(forum=forum, period=OuterRef("pk"))
            )
        )
        .order_by("-start", "frequency")
    )


def period_for_forum(*, forum: Forum, code: str) -> ReportingPeriod:
    try:
        return ReportingPeriod.objects.filter(returns__forum=forum).distinct().get(code=code)
    except ReportingPeriod.DoesNotExist:
        raise Http404("No such period") from None


def targets_for(*, forum: Forum) -> QuerySet[Target]:
    area_ids = [area.pk for area in forum.areas.all()]
    return (
        Target.objects.filter(Q(forum=forum) | Q(forum__isnull=True, area_id__in=area_ids))
        .select_related("indicator", "period", "area")
        .order_by("indicator__name", "-period__start")
    )
