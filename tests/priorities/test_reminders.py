"""Reminders for sign-offs, risks, the annual evaluation and consultations."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from forums.models import Membership
from membership import digest
from priorities import reminders
from priorities.models import AnnualEvaluation, Consultation, Risk, SignOff
from priorities.tasks import send_sign_off_reminders
from tests.priorities.factories import PriorityFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def seats_held_for_years(forum, secretariat, chair, member, advisory_member):
    Membership.objects.filter(forum=forum).update(start_date=TODAY - datetime.timedelta(days=800))


def _to(person, text=""):
    return [m for m in mail.outbox if m.to == [person.email] and text in m.subject]


def _priority(forum, **kwargs):
    return PriorityFactory(forum=forum, plan_year=2025, title="Cut the court backlog", **kwargs)


def test_outstanding_sign_off_reminds_each_unsigned_agency_weekly(
    forum, member, chair, advisory_member, django_capture_on_commit_callbacks
):
    priority = _priority(
        forum,
        in_sign_off=True,
        sent_for_sign_off_at=timezone.now() - datetime.timedelta(days=5),
    )
    SignOff.objects.create(
        priority=priority,
        round=1,
        agency=Membership.objects.get(person=chair).agency,
        decision=SignOff.Decision.AGREE,
        signed_by=chair,
    )
    for day in (TODAY, TODAY, TODAY + datetime.timedelta(days=7)):
        with django_capture_on_commit_callbacks(execute=True):
            send_sign_off_reminders.delay(day.isoformat())
    assert len(_to(member, "sign-off")) == 2  # once a week
    assert "Cut the court backlog" in _to(member)[0].body
    assert _to(chair) == []  # their agency has signed
    assert _to(advisory_member) == []  # advisory members never sign off


def test_sign_off_just_sent_is_not_chased_yet(forum, member, django_capture_on_commit_callbacks):
    _priority(
        forum,
        in_sign_off=True,
        sent_for_sign_off_at=timezone.now(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_sign_off_reminders(today=TODAY)
    assert _to(member) == []
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_sign_off_reminders(today=TODAY + datetime.timedelta(days=7))
    assert len(_to(member, "sign-off")) == 1  # chased once it has waited


def test_risk_past_review_date_goes_to_its_owner_once_a_week(
    forum, member, secretariat, django_capture_on_commit_callbacks
):
    Risk.objects.create(
        forum=forum,
        title="Loss of interpreters contract",
        cause="Tender",
        consequence="Delays",
        likelihood=3,
        impact=4,
        owner=member,
        review_date=TODAY - datetime.timedelta(days=2),
    )
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            reminders.send_risk_review_reminders(today=TODAY)
    (message,) = _to(member)
    assert "Loss of interpreters contract" in message.body
    assert _to(secretariat) == []
    sections = digest.digest_for(secretariat, [forum], TODAY)
    assert any(s.title == "Risks past their review date" for s in sections)


def test_annual_evaluation_reminder_before_year_end_and_until_approved(
    forum, secretariat, chair, member, django_capture_on_commit_callbacks
):
    _priority(forum, agreed=True)
    before = datetime.date(2026, 3, 31) - datetime.timedelta(days=28)
    after = datetime.date(2026, 4, 7)
    for day in (before, before, after):
        with django_capture_on_commit_callbacks(execute=True):
            reminders.send_evaluation_reminders(today=day)
    assert len(_to(secretariat, "annual evaluation")) == 2
    assert len(_to(chair, "annual evaluation")) == 2
    assert _to(member) == []
    AnnualEvaluation.objects.create(
        forum=forum, plan_year=2025, status=AnnualEvaluation.Status.APPROVED
    )
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_evaluation_reminders(today=after + datetime.timedelta(days=7))
    assert len(_to(secretariat, "annual evaluation")) == 2


def test_consultation_closing_and_closed(forum, secretariat, django_capture_on_commit_callbacks):
    Consultation.objects.create(
        forum=forum,
        title="Victims' voices 2026",
        introduction="Tell us",
        opens_on=TODAY - datetime.timedelta(days=20),
        closes_on=TODAY + datetime.timedelta(days=3),
        is_published=True,
    )
    for day in (TODAY, TODAY, TODAY + datetime.timedelta(days=4)):
        with django_capture_on_commit_callbacks(execute=True):
            reminders.send_consultation_reminders(today=day)
    subjects = [m.subject for m in _to(secretariat, "Victims' voices 2026")]
    assert len(subjects) == 2
    assert "closes in 3 days" in subjects[0] and "has closed" in subjects[1]


def test_outstanding_sign_offs_in_the_digest(forum, secretariat):
    _priority(forum, in_sign_off=True)
    sections = digest.digest_for(secretariat, [forum], TODAY)
    section = next(s for s in sections if s.title == "Outstanding sign-offs")
    assert "Cut the court backlog" in section.rows[0].text
