"""Reporting-period arithmetic: months, calendar quarters and financial years (from April).

Periods are identified by frequency and start date; each has a stable code used in files and
URLs (``2026-03``, ``2026-Q1``, ``FY2025-26``). Nothing here touches the database.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.utils.dateformat import format as date_format
from django.utils.translation import gettext

MONTHLY, QUARTERLY, ANNUAL = "monthly", "quarterly", "annual"
FREQUENCIES = (MONTHLY, QUARTERLY, ANNUAL)
# Returns are due this many days after the end of the period.
DAYS_TO_SUBMIT = 21


@dataclass(frozen=True)
class PeriodSpec:
    """A reporting period before (or without) its database row."""

    frequency: str
    start: datetime.date
    end: datetime.date
    code: str

    @property
    def due_date(self) -> datetime.date:
        return self.end + datetime.timedelta(days=DAYS_TO_SUBMIT)

    @property
    def label(self) -> str:
        return label(self.frequency, self.start, self.end)

    @property
    def short_label(self) -> str:
        return short_label(self.frequency, self.start, self.end)


def _quarter_labels() -> dict[int, str]:
    # Whole phrases, not "month to month": Welsh mutates the month after "i" (i Fawrth).
    return {
        1: gettext("January to March %(year)s"),
        4: gettext("April to June %(year)s"),
        7: gettext("July to September %(year)s"),
        10: gettext("October to December %(year)s"),
    }


def label(frequency: str, start: datetime.date, end: datetime.date) -> str:
    """The period in words in the language of the moment: March 2026, January to March 2026,
    April 2025 to March 2026 (month names come from Django's date formatting)."""
    if frequency == MONTHLY:
        return date_format(start, "F Y")
    if frequency == QUARTERLY:
        return _quarter_labels()[start.month] % {"year": end.year}
    return gettext("April %(start_year)s to March %(end_year)s") % {
        "start_year": start.year,
        "end_year": end.year,
    }


def short_label(frequency: str, start: datetime.date, end: datetime.date) -> str:
    """The period in few words, for charts and narrow columns: Mar 2026, Jan–Mar 2026, 2025–26."""
    if frequency == MONTHLY:
        return date_format(start, "M Y")
    if frequency == QUARTERLY:
        return f"{date_format(start, 'M')}–{date_format(end, 'M Y')}"
    return f"{start.year}–{str(end.year)[2:]}"


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The first of the month ``months`` after (or before) the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _length(frequency: str) -> int:
    return {MONTHLY: 1, QUARTERLY: 3, ANNUAL: 12}[frequency]


def _code(frequency: str, start: datetime.date) -> str:
    if frequency == MONTHLY:
        return f"{start.year}-{start.month:02d}"
    if frequency == QUARTERLY:
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return f"FY{start.year}-{str(start.year + 1)[2:]}"


def period_starting(frequency: str, start: datetime.date) -> PeriodSpec:
    last_month = add_months(start, _length(frequency) - 1)
    end = last_month.replace(day=calendar.monthrange(last_month.year, last_month.month)[1])
    return PeriodSpec(frequency, start, end, _code(frequency, start))


def period_containing(frequency: str, day: datetime.date) -> PeriodSpec:
    if frequency == MONTHLY:
        start = day.replace(day=1)
    elif frequency == QUARTERLY:
        start = datetime.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    else:
        year = day.year if day.month >= 4 else day.year - 1
        start = datetime.date(year, 4, 1)
    return period_starting(frequency, start)


def shift(period: PeriodSpec, steps: int) -> PeriodSpec:
    """The period ``steps`` periods later (negative: earlier) of the same frequency."""
    return period_starting(
        period.frequency, add_months(period.start, steps * _length(period.frequency))
    )


def previous_start(frequency: str, start: datetime.date) -> datetime.date:
    return add_months(start, -_length(frequency))


def year_earlier_start(start: datetime.date) -> datetime.date:
    return add_months(start, -12)


_CODE_PATTERNS = [
    (re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"), MONTHLY),
    (re.compile(r"^(\d{4})-Q([1-4])$"), QUARTERLY),
    (re.compile(r"^FY(\d{4})-(\d{2})$"), ANNUAL),
]


def parse_code(code: str) -> PeriodSpec | None:
    """The period a code names, or None if it is not a period code."""
    code = (code or "").strip().upper()
    for pattern, frequency in _CODE_PATTERNS:
        match = pattern.match(code)
        if not match:
            continue
        year = int(match.group(1))
        if frequency == MONTHLY:
            return period_starting(MONTHLY, datetime.date(year, int(match.group(2)), 1))
        if frequency == QUARTERLY:
            return period_starting(
                QUARTERLY, datetime.date(year, (int(match.group(2)) - 1) * 3 + 1, 1)
            )
        if match.group(2) != str(year + 1)[2:]:
            return None
        return period_starting(ANNUAL, datetime.date(year, 4, 1))
    return None


def recent_ended(frequency: str, today: datetime.date, count: int) -> list[PeriodSpec]:
    """The ``count`` most recent periods that have ended by ``today``, newest first."""
    current = period_containing(frequency, today)
    return [shift(current, -step) for step in range(1, count + 1)]
