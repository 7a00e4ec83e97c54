"""How dates and times read everywhere — pages, emails, feeds and PDFs — in the GOV.UK style:
"10am", "2:30pm", "12pm" at midday and "12am" at midnight; "2 December 2026". Templates use
the same functions through the filters in ``membership.templatetags.dates``.

They read in the active language: Welsh month and day names come from Django's Welsh catalogue
("Dydd Mercher 2 Rhagfyr 2026") and the times from ours ("10yb", "2:30yh", "10yb i 12yh": "yb"
and "yh" as Django's Welsh has them).
"""

import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext, pgettext


def _local(value):
    """An aware datetime in the site's time zone; dates, times and naive values as they are."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def time_of_day(value: datetime.datetime | datetime.time) -> str:
    """'10am', '2:30pm', '12pm' (midday), '12am' (midnight)."""
    value = _local(value)
    hour = value.hour % 12 or 12
    if value.hour < 12:
        suffix = pgettext("time of day, before midday, as in 10am", "am")
    else:
        suffix = pgettext("time of day, from midday, as in 2:30pm", "pm")
    if value.minute:
        return f"{hour}:{value.minute:02d}{suffix}"
    return f"{hour}{suffix}"


def date_text(value: datetime.date) -> str:
    """'2 December 2026' (the month's name in the active language: '2 Rhagfyr 2026')."""
    return formats.date_format(_local(value), "j F Y")


def day_text(value: datetime.date) -> str:
    """'Wednesday 2 December 2026' (in Welsh: 'Dydd Mercher 2 Rhagfyr 2026')."""
    return formats.date_format(_local(value), "l j F Y")


def date_and_time(value: datetime.datetime, *, weekday: bool = False) -> str:
    """'2 December 2026, 2:30pm' (with ``weekday``: 'Wednesday 2 December 2026, 2:30pm')."""
    return f"{(day_text if weekday else date_text)(value)}, {time_of_day(value)}"


def when(start: datetime.datetime, end: datetime.datetime | None = None) -> str:
    """When something happens: 'Wednesday 2 December 2026, 10am to 12pm' (the end's date too
    if it ends on another day)."""
    text = date_and_time(start, weekday=True)
    if end is None:
        return text
    if _local(end).date() == _local(start).date():
        until = time_of_day(end)
    else:
        until = date_and_time(end, weekday=True)
    return gettext("%(start)s to %(end)s") % {"start": text, "end": until}


def iso_week(day: datetime.date) -> str:
    """'2026-W49': keys for things sent at most once a week."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def day_from(text: str | None) -> datetime.date:
    """A date given as YYYY-MM-DD (to a scheduled task), or today's local date."""
    return datetime.date.fromisoformat(text) if text else timezone.localdate()
