"""One reference scheme for decisions and actions: per forum and year (D2026-013, A2026-019)."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from forums.models import Action, Decision
from forums.services.actions import action_create
from forums.services.minutes import decision_record
from tests.forums.factories import ActionFactory, DecisionFactory, MeetingFactory, at

pytestmark = pytest.mark.django_db

renumbering = importlib.import_module("forums.migrations.0011_one_reference_scheme")


def test_decisions_are_numbered_per_forum_and_year(forum, other_forum, secretariat):
    first = decision_record(
        forum=forum, by=secretariat, text="Agreed the plan", decided_on=datetime.date(2026, 3, 1)
    )
    second = decision_record(
        forum=forum, by=secretariat, text="Agreed the audit", decided_on=datetime.date(2026, 6, 1)
    )
    next_year = decision_record(
        forum=forum, by=secretariat, text="Agreed the budget", decided_on=datetime.date(2027, 1, 9)
    )
    assert [first.reference, second.reference, next_year.reference] == [
        "D2026-001",
        "D2026-002",
        "D2027-001",
    ]
    DecisionFactory(forum=other_forum, reference="D2026-007")
    assert (
        decision_record(
            forum=forum, by=secretariat, text="Agreed", decided_on=datetime.date(2026, 9, 1)
        ).reference
        == "D2026-003"
    )


def test_a_number_is_never_reused_after_a_deletion(forum, secretariat):
    day = datetime.date(2026, 3, 1)
    first = decision_record(forum=forum, by=secretariat, text="One", decided_on=day)
    decision_record(forum=forum, by=secretariat, text="Two", decided_on=day)
    first.delete()
    third = decision_record(forum=forum, by=secretariat, text="Three", decided_on=day)
    assert third.reference == "D2026-003"


def test_actions_take_the_year_of_their_meeting(forum, secretariat, member):
    meeting = MeetingFactory(forum=forum, starts_at=at(datetime.date(2025, 12, 10)))
    at_meeting = action_create(
        forum=forum,
        by=secretariat,
        title="Share the listing forecast",
        owner=member,
        due_date=timezone.localdate(),
        meeting=meeting,
    )
    between = action_create(
        forum=forum,
        by=secretariat,
        title="Audit victim letters",
        owner=member,
        due_date=timezone.localdate(),
    )
    year = timezone.localdate().year
    assert at_meeting.reference == "A2025-001"
    expected = "A2025-002" if year == 2025 else f"A{year}-001"
    assert between.reference == expected


def test_the_migration_numbers_old_references_again_in_the_order_they_were_taken(
    forum, other_forum
):
    old = [
        DecisionFactory(forum=forum, reference="D2601-1", decided_on=datetime.date(2026, 1, 20)),
        DecisionFactory(forum=forum, reference="D25-013", decided_on=datetime.date(2025, 11, 2)),
        DecisionFactory(forum=forum, reference="D26-002", decided_on=datetime.date(2026, 1, 5)),
        DecisionFactory(
            forum=other_forum, reference="D26-001", decided_on=datetime.date(2026, 2, 1)
        ),
    ]
    meeting = MeetingFactory(forum=forum, starts_at=at(datetime.date(2026, 9, 3)))
    actions = [
        ActionFactory(forum=forum, reference="A2609-3", meeting=meeting),
        ActionFactory(forum=forum, reference="A019", meeting=meeting),
    ]
    renumbering.renumber(apps, None)
    assert [Decision.objects.get(pk=d.pk).reference for d in old] == [
        "D2026-002",
        "D2025-001",
        "D2026-001",
        "D2026-001",
    ]
    assert [Action.objects.get(pk=a.pk).reference for a in actions] == [
        "A2026-001",
        "A2026-002",
    ]
