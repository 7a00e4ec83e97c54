"""Who owes which return for the recent periods, what is late and what awaits review."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

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

    @property
    def status_label(self) -> str:
        if self.performance_return is None:
            return "Not started"
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
    today = today or timezone.localdate()
    agencies = Agency.objects.filter(
        memberships__in=Membership.objects.current().filter(forum=forum)
    ).distinct()
    if agency_ids is not None:
        agencies = agencies.filter(pk__in=agency_ids)
    agencies = list(agencies.select_related("agency_type").order_by("name"))
    counts: dict[tuple[int, str], int] = defaultdict(int)
    for type_id, frequency in Indicator.objects.filter(
        Q(forum__isnull=True) | Q(forum=forum), is_active=True
    ).values_list("responsible_agency_type_id", "frequency"):
        counts[(type_id, frequency)] += 1
    specs = [
        spec
        for frequency, count in RECENT_PERIODS.items()
        for spec in periods.recent_ended(frequency, today, count)
    ]
    returns = PerformanceReturn.objects.filter(forum=forum, agency__in=agencies).filter(
        Q(period__code__in=[spec.code for spec in specs])
        | Q(status__in=(Status.DRAFT, Status.RETURNED, Status.SUBMITTED, Status.RESUBMITTED))
    )
    by_key = {(r.agency_id, r.period.code): r for r in returns.select_related("period", "agency")}
    rows = []
    for agency in agencies:
        for spec in specs:
            owed = counts.get((agency.agency_type_id, spec.frequency), 0)
            if owed:
                found = by_key.pop((agency.pk, spec.code), None)
                rows.append(OwedReturn(agency, spec, owed, found, today))
    for found in by_key.values():
        period = found.period
        spec = periods.PeriodSpec(period.frequency, period.start, period.end, period.code)
        owed = counts.get((found.agency.agency_type_id, period.frequency), 0)
        rows.append(OwedReturn(found.agency, spec, owed, found, today))
    rows.sort(key=lambda row: (-row.spec.end.toordinal(), row.agency.name))
    return rows
