"""Who owes which return for the recent periods, what is late and what awaits review."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from forums.models import Forum, Membership
from membership.models import Agency
from performance import periods
from performance.models import Indicator, PerformanceReturn
from performance.selectors._common import Status

RECENT_PERIODS = {periods.MONTHLY: 3, periods.QUARTERLY: 2, periods.ANNUAL: 1}


@dataclass
class OwedReturn:
    """One agency's return for one period: started or not, late or not."""

    agency: Agency
    spec: periods.PeriodSpec
    indicator_count: int
    performance_return: PerformanceReturn | None
    today: datetime.date
    forum: Forum | None = None

    @property
    def is_owed(self) -> bool:
        """Not yet submitted (not started, in draft or returned for correction), for a period
        with figures to give."""
        status = self.performance_return.status if self.performance_return else None
        return bool(self.indicator_count) and status in (None, *PerformanceReturn.EDITABLE)

    @property
    def status_label(self) -> str:
        if self.performance_return is None:
            return gettext("Not started")
        return self.performance_return.get_status_display()

    @property
    def is_late(self) -> bool:
        open_states = (None, Status.DRAFT, Status.RETURNED)
        status = self.performance_return.status if self.performance_return else None
        return status in open_states and self.spec.due_date < self.today

    @property
    def awaits_review(self) -> bool:
        return bool(
            self.performance_return
            and self.performance_return.status in PerformanceReturn.AWAITING_REVIEW
        )

    @property
    def tag_class(self) -> str:
        if self.is_late:
            return "govuk-tag--red"
        if self.awaits_review:
            return "govuk-tag--blue"
        status = self.performance_return.status if self.performance_return else None
        return {
            Status.ACCEPTED: "govuk-tag--green",
            Status.RETURNED: "govuk-tag--orange",
            Status.DRAFT: "govuk-tag--yellow",
        }.get(status, "govuk-tag--grey")


def returns_overview(
    *, forum: Forum, agency_ids: set[int] | None = None, today: datetime.date | None = None
) -> list[OwedReturn]:
    """Who owes what for the recent periods, what is late and what is waiting for review.

    Also lists any older return still open or waiting for review. ``agency_ids`` limits it to
    the agencies a data submitter works for.
    """
    return returns_overviews(agency_ids_by_forum={forum: agency_ids}, today=today)[forum.pk]


def returns_overviews(
    *,
    agency_ids_by_forum: dict[Forum, set[int] | None],
    today: datetime.date | None = None,
) -> dict[int, list[OwedReturn]]:
    """:func:`returns_overview` for many forums at once (forum id → rows), in four queries
    whatever their number. ``None`` for a forum means every agency with a seat on it."""
    today = today or timezone.localdate()
    forums = {forum.pk: forum for forum in agency_ids_by_forum}
    limits = {forum.pk: ids for forum, ids in agency_ids_by_forum.items()}
    if not forums:
        return {}
    seated: dict[int, set[int]] = defaultdict(set)
    for forum_id, agency_id in (
        Membership.objects.current()
        .filter(forum_id__in=list(forums), agency__isnull=False)
        .values_list("forum_id", "agency_id")
        .distinct()
    ):
        if limits[forum_id] is None or agency_id in limits[forum_id]:
            seated[forum_id].add(agency_id)
    agencies = {
        agency.pk: agency
        for agency in Agency.objects.filter(
            pk__in={pk for ids in seated.values() for pk in ids}
        ).select_related("agency_type")
    }
    # (forum id or None for the national suite, agency type, frequency) → indicators owed.
    counts: dict[tuple[int | None, int, str], int] = defaultdict(int)
    for forum_id, type_id, frequency in Indicator.objects.filter(
        Q(forum__isnull=True) | Q(forum_id__in=list(forums)), is_active=True
    ).values_list("forum_id", "responsible_agency_type_id", "frequency"):
        counts[(forum_id, type_id, frequency)] += 1

    def owed_count(forum_id: int, type_id: int, frequency: str) -> int:
        return counts.get((None, type_id, frequency), 0) + counts.get(
            (forum_id, type_id, frequency), 0
        )

    specs = [
        spec
        for frequency, count in RECENT_PERIODS.items()
        for spec in periods.recent_ended(frequency, today, count)
    ]
    returns = PerformanceReturn.objects.filter(
        forum_id__in=list(forums), agency_id__in=list(agencies)
    ).filter(
        Q(period__code__in=[spec.code for spec in specs])
        | Q(status__in=(Status.DRAFT, Status.RETURNED, Status.SUBMITTED, Status.RESUBMITTED))
    )
    by_key = {
        (r.forum_id, r.agency_id, r.period.code): r
        for r in returns.select_related("period", "agency__agency_type")
        if r.agency_id in seated[r.forum_id]
    }
    result: dict[int, list[OwedReturn]] = {}
    for forum_id, forum in forums.items():
        rows = []
        for agency in sorted(
            (agencies[pk] for pk in seated[forum_id]), key=lambda agency: agency.name
        ):
            for spec in specs:
                owed = owed_count(forum_id, agency.agency_type_id, spec.frequency)
                if owed:
                    found = by_key.pop((forum_id, agency.pk, spec.code), None)
                    rows.append(OwedReturn(agency, spec, owed, found, today, forum))
        for (found_forum_id, _, _), found in list(by_key.items()):
            if found_forum_id != forum_id:
                continue
            period = found.period
            spec = periods.PeriodSpec(period.frequency, period.start, period.end, period.code)
            owed = owed_count(forum_id, found.agency.agency_type_id, period.frequency)
            rows.append(OwedReturn(found.agency, spec, owed, found, today, forum))
        rows.sort(key=lambda row: (-row.spec.end.toordinal(), row.agency.name))
        result[forum_id] = rows
    return result
