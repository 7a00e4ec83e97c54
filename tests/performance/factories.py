"""Factories and helpers for performance tests."""

import datetime
from decimal import Decimal

from forums.models import Forum
from membership.models import Agency, User
from performance import periods
from performance.models import (
    DataOwnerConfirmation,
    Indicator,
    Measurement,
    PerformanceReturn,
    PeriodPublication,
)
from performance.services import FigureInput, period_get_or_create

Status = PerformanceReturn.Status


def indicator(slug: str) -> Indicator:
    return Indicator.objects.get(slug=slug)


def period(code: str):
    return period_get_or_create(spec=periods.parse_code(code))


def make_return(
    forum: Forum,
    agency: Agency,
    code: str = "2025-Q1",
    *,
    status: str = Status.ACCEPTED,
    figures: dict | None = None,
    by: User | None = None,
) -> PerformanceReturn:
    """A return with the given figures {indicator slug: value}, stored directly."""
    performance_return = PerformanceReturn.objects.create(
        forum=forum, agency=agency, period=period(code), status=status, created_by=by
    )
    for slug, value in (figures or {}).items():
        Measurement.objects.create(
            performance_return=performance_return, indicator=indicator(slug), value=Decimal(value)
        )
    return performance_return


def publish(forum: Forum, code: str, by: User) -> PeriodPublication:
    found = period(code)
    for agency_id in PerformanceReturn.objects.filter(forum=forum, period=found).values_list(
        "agency_id", flat=True
    ):
        DataOwnerConfirmation.objects.get_or_create(
            forum=forum, period=found, agency_id=agency_id, defaults={"recorded_by": by}
        )
    return PeriodPublication.objects.get_or_create(
        forum=forum, period=found, defaults={"published_by": by}
    )[0]


def figure(slug: str, value=None, **kwargs) -> FigureInput:
    return FigureInput(
        indicator=indicator(slug),
        value=Decimal(str(value)) if value is not None else None,
        **kwargs,
    )


def hmcts_quarterly_slugs(forum: Forum) -> list[str]:
    return list(
        Indicator.objects.filter(
            responsible_agency_type__slug="hmcts", frequency="quarterly", forum__isnull=True
        ).values_list("slug", flat=True)
    )


TODAY = datetime.date(2026, 11, 23)
