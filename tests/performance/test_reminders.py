"""Performance return reminders: submitters before and after the due date, then the secretariat."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from forums.models import Membership
from performance import periods
from performance.models import PerformanceReturn, ReportingPeriod
from performance.tasks import send_return_reminders

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
SPEC = periods.recent_ended(periods.QUARTERLY, TODAY, 1)[0]


@pytest.fixture(autouse=True)
def seats_held_all_year(forum, secretariat, chair, member, data_submitter):
    Membership.objects.filter(forum=forum).update(start_date=TODAY - datetime.timedelta(days=400))


def _about_period(person, agency=None):
    return [
        m
        for m in mail.outbox
        if m.to == [person.email]
        and SPEC.code in m.subject
        and (agency is None or str(agency) in m.subject)
    ]


def _agency(person):
    return Membership.objects.get(person=person).agency


def _run(day, callbacks, times=1):
    for _ in range(times):
        with callbacks(execute=True):
            send_return_reminders.delay(day.isoformat())


def test_submitters_are_reminded_7_days_before_and_on_the_due_date_once_each(
    data_submitter, member, django_capture_on_commit_callbacks
):
    _run(SPEC.due_date - datetime.timedelta(days=7), django_capture_on_commit_callbacks, times=2)
    _run(SPEC.due_date, django_capture_on_commit_callbacks, times=2)
    messages = _about_period(data_submitter)
    assert [("in 7 days" in m.subject, "today" in m.subject) for m in messages] == [
        (True, False),
        (False, True),
    ]
    body = messages[0].body
    assert "/workspace/forums/cleveland-cjb/performance/returns/" in body
    assert SPEC.due_date.strftime("%-d %B %Y") in body
    # The CPS member is not HMCTS's submitter (CPS has none, so they hear about CPS's figures).
    assert _about_period(member, _agency(data_submitter)) == []
    assert _about_period(member, _agency(member))


def test_overdue_weekly_to_submitters_and_once_to_the_secretariat_after_7_days(
    data_submitter, secretariat, chair, django_capture_on_commit_callbacks
):
    for days in (1, 2, 8, 9, 15):
        _run(SPEC.due_date + datetime.timedelta(days=days), django_capture_on_commit_callbacks)
    overdue = _about_period(data_submitter)
    weeks = {
        (SPEC.due_date + datetime.timedelta(days=d)).isocalendar()[:2] for d in (1, 2, 8, 9, 15)
    }
    assert len(overdue) == len(weeks)
    hmcts = _agency(data_submitter)
    assert len(_about_period(secretariat, hmcts)) == 1
    assert len(_about_period(chair, hmcts)) == 1
    assert "days overdue" in _about_period(secretariat, hmcts)[0].subject


def test_a_submitted_return_stops_the_reminders(
    forum, data_submitter, django_capture_on_commit_callbacks
):
    _run(SPEC.due_date - datetime.timedelta(days=7), django_capture_on_commit_callbacks)
    assert len(_about_period(data_submitter)) == 1  # reminded while nothing is in
    period, _ = ReportingPeriod.objects.get_or_create(
        frequency=SPEC.frequency,
        start=SPEC.start,
        defaults={"end": SPEC.end, "due_date": SPEC.due_date, "code": SPEC.code},
    )
    agency = Membership.objects.get(person=data_submitter).agency
    PerformanceReturn.objects.create(
        forum=forum, agency=agency, period=period, status=PerformanceReturn.Status.SUBMITTED
    )
    _run(SPEC.due_date, django_capture_on_commit_callbacks)
    _run(SPEC.due_date + datetime.timedelta(days=8), django_capture_on_commit_callbacks)
    assert len(_about_period(data_submitter)) == 1


def test_late_returns_appear_in_the_secretariat_digest(forum, secretariat):
    from membership import digest

    sections = digest.digest_for(secretariat, [forum], SPEC.due_date + datetime.timedelta(days=3))
    late = next(s for s in sections if s.title == "Late performance returns")
    assert any(SPEC.code in row.text and "3 days late" in row.detail for row in late.rows)
