"""Times and dates read the same everywhere, GOV.UK style."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone

from membership import dates

LONDON_WINTER = datetime.datetime(2026, 12, 2, 14, 30)


def aware(value: datetime.datetime) -> datetime.datetime:
    return timezone.make_aware(value)


@pytest.mark.parametrize(
    ("hour", "minute", "text"),
    [(10, 0, "10am"), (14, 30, "2:30pm"), (12, 0, "12pm"), (0, 0, "12am"), (9, 5, "9:05am")],
)
def test_times_of_day(hour, minute, text):
    assert dates.time_of_day(datetime.time(hour, minute)) == text


def test_an_aware_time_reads_in_the_sites_time_zone():
    summer_utc = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC)
    assert dates.time_of_day(summer_utc) == "10am"  # British Summer Time
    assert dates.date_text(datetime.datetime(2026, 6, 1, 23, 30, tzinfo=datetime.UTC)) == (
        "2 June 2026"
    )


def test_dates_and_spans():
    start = aware(LONDON_WINTER)
    assert dates.date_text(start.date()) == "2 December 2026"
    assert dates.date_and_time(start) == "2 December 2026, 2:30pm"
    assert dates.when(start) == "Wednesday 2 December 2026, 2:30pm"
    assert dates.when(start, start + datetime.timedelta(hours=2)) == (
        "Wednesday 2 December 2026, 2:30pm to 4:30pm"
    )
    assert dates.when(start, start + datetime.timedelta(days=1)) == (
        "Wednesday 2 December 2026, 2:30pm to Thursday 3 December 2026, 2:30pm"
    )


def test_week_keys_and_task_dates():
    assert dates.iso_week(datetime.date(2026, 12, 2)) == "2026-W49"
    assert dates.iso_week(datetime.date(2027, 1, 1)) == "2026-W53"
    assert dates.day_from("2026-12-02") == datetime.date(2026, 12, 2)
    assert dates.day_from(None) == timezone.localdate()


def test_templates_use_the_same_filters_without_loading_them():
    start = aware(LONDON_WINTER)
    rendered = Template(
        "{{ start|time_of_day }}|{{ start|date_and_time }}|{{ start|date_and_time:'weekday' }}"
        "|{{ start|when:end }}|{{ missing|date_and_time|default:'Not yet' }}"
    ).render(Context({"start": start, "end": start + datetime.timedelta(hours=1, minutes=30)}))
    assert rendered.split("|") == [
        "2:30pm",
        "2 December 2026, 2:30pm",
        "Wednesday 2 December 2026, 2:30pm",
        "Wednesday 2 December 2026, 2:30pm to 4pm",
        "Not yet",
    ]
