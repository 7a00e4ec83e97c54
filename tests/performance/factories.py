"""factory_boy factories and helpers for performance: returns, periods, figures, publishing."""

from decimal import Decimal

import factory

from forums.models import Forum
from membership.models import User
from performance import periods
from performance.models import (
    DataOwnerConfirmation,
    Indicator,
    Measurement,
    PerformanceReturn,
    PeriodPublication,
)
from performance.services import FigureInput, period_get_or_create
from tests.forums.factories import ForumFactory
from tests.membership.factories import AgencyFactory, agency_type

Status = PerformanceReturn.Status


def indicator(slug: str) -> Indicator:
    return Indicator.objects.get(slug=slug)


def period(code: str):
    return period_get_or_create(spec=periods.parse_code(code))


class PerformanceReturnFactory(factory.django.DjangoModelFactory):
    """An accepted 2025-Q1 return from an HMCTS agency, with the figures given as
    ``figures={indicator slug: value}``; ``code="2026-Q2"`` for another period, ``draft`` or
    ``submitted`` for a return still in its workflow."""

    class Meta:
        model = PerformanceReturn
        skip_postgeneration_save = True

    class Params:
        code = "2025-Q1"
        draft = factory.Trait(status=Status.DRAFT)
        submitted = factory.Trait(status=Status.SUBMITTED)

    forum = factory.SubFactory(ForumFactory)
    agency = factory.SubFactory(
        AgencyFactory, agency_type=factory.LazyFunction(lambda: agency_type("hmcts"))
    )
    period = factory.LazyAttribute(lambda o: period_get_or_create(spec=periods.parse_code(o.code)))
    status = Status.ACCEPTED

    @factory.post_generation
    def figures(self, create, extracted, **kwargs):
        if not create:
            return
        for slug, value in (extracted or {}).items():
            Measurement.objects.create(
                performance_return=self, indicator=indicator(slug), value=Decimal(value)
            )


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
