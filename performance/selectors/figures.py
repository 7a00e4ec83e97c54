"""Accepted figures; published only: public forums' figures for the periods they published."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from performance.models import Measurement, PerformanceReturn, PeriodPublication
from performance.selectors._common import Status


def accepted_returns(*, published_only: bool) -> QuerySet[PerformanceReturn]:
    """Accepted returns; with ``published_only`` only public forums' published periods."""
    returns = PerformanceReturn.objects.filter(status=Status.ACCEPTED)
    if published_only:
        returns = (
            returns.filter(forum__is_public=True)
            .alias(
                published=Exists(
                    PeriodPublication.objects.filter(
                        forum_id=OuterRef("forum_id"), period_id=OuterRef("period_id")
                    )
                )
            )
            .filter(published=True)
        )
    return returns


def accepted_measurements(
    *, published_only: bool, returns: Q | None = None, materialize: bool = False
) -> QuerySet[Measurement]:
    """Figures of accepted returns (filtered by ``returns``), published only if asked.

    With ``materialize`` the (few) return ids are fetched first, in one query, so the figures
    are read through their index rather than by scanning every figure of the instance.
    """
    chosen = accepted_returns(published_only=published_only).filter(returns or Q())
    if materialize:
        return Measurement.objects.filter(
            performance_return_id__in=list(chosen.values_list("pk", flat=True))
        ).order_by()
    return Measurement.objects.filter(performance_return__in=chosen).order_by()
