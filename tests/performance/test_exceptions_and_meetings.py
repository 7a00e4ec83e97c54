"""Exception reporting to the next meeting, and figures frozen for a meeting's papers."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.models import AgendaItem, Meeting, Membership
from performance import selectors
from performance.models import Measurement, MeetingFigures, Target
from tests.performance.factories import PerformanceReturnFactory, indicator, period

pytestmark = pytest.mark.django_db


@pytest.fixture
def hmcts(forum, data_submitter):
    return Membership.objects.get(person=data_submitter, forum=forum).agency


@pytest.fixture
def next_meeting(forum):
    return Meeting.objects.create(
        forum=forum,
        title="Board meeting",
        starts_at=timezone.now() + datetime.timedelta(days=20),
    )


def quarters(forum, hmcts, values: list[str], slug="cc_effective_trial_rate"):
    codes = [f"{2022 + n // 4}-Q{n % 4 + 1}" for n in range(len(values))]
    for code, value in zip(codes, values, strict=True):
        PerformanceReturnFactory(forum=forum, agency=hmcts, code=code, figures={slug: value})
    return codes


def test_off_target_twice_running_is_an_exception(forum, hmcts):
    quarters(forum, hmcts, ["60", "61", "45", "44"])
    for year in ("FY2021-22", "FY2022-23", "FY2023-24"):
        Target.objects.create(
            forum=forum,
            indicator=indicator("cc_effective_trial_rate"),
            period=period(year),
            value=55,
            amber_tolerance=3,
        )
    board = selectors.forum_dashboard(forum=forum, published_only=False)
    found = selectors.performance_exceptions(dashboard=board)
    assert [e.summary.indicator.slug for e in found] == ["cc_effective_trial_rate"]
    assert "second period running" in found[0].reasons[0]


def test_off_target_once_is_not_an_exception(forum, hmcts):
    quarters(forum, hmcts, ["60", "61", "62", "44"])
    Target.objects.create(
        forum=forum,
        indicator=indicator("cc_effective_trial_rate"),
        period=period("FY2022-23"),
        value=55,
        amber_tolerance=3,
    )
    board = selectors.forum_dashboard(forum=forum, published_only=False)
    assert selectors.performance_exceptions(dashboard=board) == []


def test_a_figure_beyond_its_control_limits_is_an_exception(forum, hmcts):
    quarters(forum, hmcts, ["60", "61", "59", "60", "62", "61", "60", "59", "61", "30"])
    board = selectors.forum_dashboard(forum=forum, published_only=False)
    found = selectors.performance_exceptions(dashboard=board)
    assert "usual range" in found[0].reasons[0]


def test_secretariat_proposes_a_drafted_item_for_the_next_meeting(
    secretariat_client, forum, hmcts, next_meeting
):
    quarters(forum, hmcts, ["60", "61", "59", "60", "62", "61", "60", "59", "61", "30"])
    url = reverse("performance:exceptions", args=[forum.slug])
    assert "Crown Court effective trial rate" in secretariat_client.get(url).content.decode()
    secretariat_client.post(url, {"indicator": "cc_effective_trial_rate"})
    item = AgendaItem.objects.get(meeting=next_meeting)
    assert item.status == AgendaItem.Status.PROPOSED
    assert "30.0%" in item.description and item.confidentiality != "public"
    response = secretariat_client.post(url, {"indicator": "cc_effective_trial_rate"}, follow=True)
    assert "already on the agenda" in response.content.decode()
    assert AgendaItem.objects.filter(meeting=next_meeting).count() == 1


def test_member_sees_exceptions_but_cannot_propose(member_client, forum, hmcts, next_meeting):
    url = reverse("performance:exceptions", args=[forum.slug])
    assert member_client.get(url).status_code == 200
    assert member_client.post(url, {"indicator": "x"}).status_code == 403


def test_frozen_figures_stay_as_the_board_saw_them(
    secretariat_client, member_client, forum, hmcts, next_meeting
):
    quarters(forum, hmcts, ["60", "61"])
    url = reverse("performance:meeting-figures", args=[forum.slug, next_meeting.pk])
    secretariat_client.post(url)
    snapshot = MeetingFigures.objects.get(meeting=next_meeting)
    assert snapshot.figures[0]["text"] == "61.0%"
    next_meeting.status = Meeting.Status.AGENDA_PUBLISHED
    next_meeting.save()
    Measurement.objects.filter(performance_return__period__code="2022-Q2").update(value=66)
    body = member_client.get(url).content.decode()
    assert "61.0%" in body and "Changed since" in body and "66.0%" in body
    response = secretariat_client.post(url, follow=True)
    assert "frozen as they were" in response.content.decode()
    snapshot.refresh_from_db()
    assert snapshot.figures[0]["text"] == "61.0%"


def test_other_forum_member_gets_404_for_meeting_figures(
    other_forum_member_client, member_client, forum, next_meeting
):
    url = reverse("performance:meeting-figures", args=[forum.slug, next_meeting.pk])
    assert member_client.get(url).status_code == 200
    assert other_forum_member_client.get(url).status_code == 404


def test_member_cannot_freeze_figures(member_client, forum, next_meeting):
    url = reverse("performance:meeting-figures", args=[forum.slug, next_meeting.pk])
    assert member_client.post(url).status_code == 403
    assert member_client.get(reverse("performance:meetings", args=[forum.slug])).status_code == 200


def test_workspace_dashboard_points_to_exceptions(member_client, forum, hmcts):
    quarters(forum, hmcts, ["60", "61", "59", "60", "62", "61", "60", "59", "61", "30"])
    body = member_client.get(
        reverse("performance:workspace-dashboard", args=[forum.slug])
    ).content.decode()
    assert (
        "1 figure needs the board&#x27;s attention" in body or "1 figure needs the board's" in body
    )


def test_publishing_the_papers_freezes_the_figures(
    secretariat, forum, hmcts, next_meeting, django_capture_on_commit_callbacks
):
    from forums.services.agenda import agenda_item_add
    from forums.services.meetings import meeting_publish_agenda

    quarters(forum, hmcts, ["60", "61"])
    agenda_item_add(meeting=next_meeting, by=secretariat, title="Performance report")
    with django_capture_on_commit_callbacks(execute=True):
        meeting_publish_agenda(meeting=next_meeting, by=secretariat)
    snapshot = MeetingFigures.objects.get(meeting=next_meeting)
    assert snapshot.taken_by is None
    assert [row["text"] for row in snapshot.figures] == ["61.0%"]
    # Saving the meeting again later does not refreeze it.
    Measurement.objects.update(value=70)
    with django_capture_on_commit_callbacks(execute=True):
        next_meeting.refresh_from_db()
        next_meeting.save()
    snapshot.refresh_from_db()
    assert [row["text"] for row in snapshot.figures] == ["61.0%"]
