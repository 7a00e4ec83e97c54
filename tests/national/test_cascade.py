"""The cascade to local boards: the national team sends a national item (a published bulletin
section, a national priority) to boards' forward plans; only the receiving boards' secretariats
are e-mailed; each accepts, schedules or declines with a reason; the national team sees where
it went. Every URL refuses the people it should."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from forums.models import AgendaItem, Confidentiality, Forum, ForwardPlanItem, Membership
from national.models import Bulletin, BulletinSection, BulletinSeries
from national.models_cascade import CascadeItem, CascadeRecipient
from national.services_cascade import (
    cascade_accept,
    cascade_decline,
    cascade_send,
    cascade_source_for_priority,
    cascade_source_for_section,
)
from tests.forums.factories import ForumFactory, MeetingFactory, MembershipFactory
from tests.membership.factories import AgencyFactory, UserFactory, agency_type
from tests.priorities.factories import PriorityFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db
Status = CascadeRecipient.Status


@pytest.fixture
def team():
    return UserFactory(is_national_viewer=True)


@pytest.fixture
def section(team):
    series = BulletinSeries.objects.create(name="PCC Bulletin", slug="pcc", publisher="APCC")
    bulletin = Bulletin.objects.create(
        series=series,
        number=17,
        title="Victims",
        issued_on=timezone.localdate(),
        audience=Bulletin.Audience.OFFICES,
        created_by=team,
        published_at=timezone.now(),
    )
    return BulletinSection.objects.create(
        bulletin=bulletin, heading="Victims' Code compliance data", body="Quarterly data."
    )


@pytest.fixture
def national_priority():
    board = ForumFactory(name="National CJB", slug="national-cjb", kind=Forum.Kind.NATIONAL_BOARD)
    return PriorityFactory(forum=board, title="Reduce the Crown Court backlog", agreed=True)


def _runner(forum, role=Membership.Role.SECRETARIAT):
    agency = AgencyFactory(agency_type=agency_type("pcc"))
    return MembershipFactory(forum=forum, role=role, agency=agency).person


def _next_month() -> datetime.date:
    return (timezone.localdate().replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def _send(team, source, forums, purpose="discussion"):
    return cascade_send(
        by=team,
        source=source,
        purpose=purpose,
        summary="Discuss your plan for the oldest cases.",
        consider_by=_next_month(),
        forums=forums,
    )


def _one(team, priority, forum) -> CascadeRecipient:
    return _send(team, cascade_source_for_priority(priority), [forum]).recipients.get()


# --- the journey --------------------------------------------------------------------------------


def test_full_journey_push_email_decide_and_see_where_it_went(
    client,
    team,
    section,
    forum,
    secretariat,
    chair,
    member,
    other_forum,
    other_forum_member,
    django_capture_on_commit_callbacks,
):
    third = ForumFactory(name="Northumbria CJB", slug="northumbria-cjb")
    other_secretary = _runner(other_forum)
    third_secretary = _runner(third)
    not_sent = ForumFactory(name="Gwent CJB", slug="gwent-cjb")
    not_sent_secretary = _runner(not_sent)
    meeting = MeetingFactory(forum=forum, days_ahead=40, title="Spring board meeting")

    # The national team sends the section from the bulletin's page, to three picked boards.
    client.force_login(team)
    page = client.get(reverse("national:bulletin-read", args=["pcc", 17]))
    send_url = reverse("national:cascade-send-section", args=[section.pk])
    assert send_url in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            send_url,
            {
                "purpose": "discussion",
                "summary": "Please discuss your compliance figures.",
                "consider_by": _next_month().isoformat(),
                "send_to": "picked",
                "boards": [forum.pk, other_forum.pk, third.pk],
            },
        )
    item = CascadeItem.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("national:cascade-item", args=[item.pk])
    assert item.source_kind == CascadeItem.Source.BULLETIN_SECTION
    assert not item.is_public  # the bulletin is for offices only

    # Only the receiving boards' secretariats (and chairs, who run them) are e-mailed.
    told = {message.to[0] for message in mail.outbox}
    assert told == {secretariat.email, chair.email, other_secretary.email, third_secretary.email}
    assert member.email not in told and other_forum_member.email not in told
    assert not_sent_secretary.email not in told
    mine = next(message for message in mail.outbox if message.to[0] == secretariat.email)
    assert "Victims' Code compliance data" in mine.body

    # It waits on the secretariat's home and the board's page.
    client.force_login(secretariat)
    home = client.get(reverse("forums:workspace")).content.decode()
    assert "Victims&#x27; Code compliance data" in home or "Victims' Code compliance data" in home
    mine = CascadeRecipient.objects.get(forum=forum)
    board_url = reverse("national:cascade-board", args=[forum.slug])
    assert "Please discuss your compliance figures." not in client.get(board_url).content.decode()
    assert "Victims" in client.get(board_url).content.decode()

    # Cleveland schedules it for its next meeting: forward plan and agenda.
    response = client.post(
        reverse("national:cascade-schedule", args=[forum.slug, mine.pk]),
        {"meeting": meeting.pk},
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == Status.SCHEDULED and mine.meeting == meeting
    plan_item = mine.forward_plan_item
    assert plan_item.purpose == AgendaItem.Purpose.DISCUSSION
    assert plan_item.confidentiality == Confidentiality.CONFIDENTIAL
    assert plan_item.agenda_item.meeting == meeting

    # Durham accepts it: the forward plan for the month asked, no meeting.
    theirs = CascadeRecipient.objects.get(forum=other_forum)
    client.force_login(other_secretary)
    client.post(reverse("national:cascade-accept", args=[other_forum.slug, theirs.pk]))
    theirs.refresh_from_db()
    assert theirs.status == Status.ACCEPTED
    assert theirs.forward_plan_item.planned_for == _next_month()
    assert theirs.forward_plan_item.forum == other_forum

    # Northumbria declines it, saying why.
    declined = CascadeRecipient.objects.get(forum=third)
    client.force_login(third_secretary)
    client.post(
        reverse("national:cascade-decline", args=[third.slug, declined.pk]),
        {"reason": "We covered this last quarter."},
    )
    declined.refresh_from_db()
    assert declined.status == Status.DECLINED and declined.forward_plan_item is None

    # The national team sees where it went: each decision, reason, date and meeting, counted.
    client.force_login(team)
    page = client.get(reverse("national:cascade-item", args=[item.pk])).content.decode()
    for text in ("Cleveland", "Durham", "Northumbria", "We covered this last quarter."):
        assert text in page
    assert "Spring board meeting" in page
    assert "1 accepted, 1 scheduled, 1 declined, 0 waiting" in page
    listing = client.get(reverse("national:cascade")).content.decode()
    assert reverse("national:cascade-item", args=[item.pk]) in listing

    # Every decision is kept in history.
    assert declined.history.count() == 2
    assert [h.status for h in declined.history.order_by("history_date")] == [
        Status.WAITING,
        Status.DECLINED,
    ]


def test_national_priority_goes_public_for_information(team, national_priority, forum, secretariat):
    item = _send(team, cascade_source_for_priority(national_priority), [forum], "information")
    recipient = item.recipients.get()
    cascade_accept(recipient=recipient, by=secretariat)
    plan_item = ForwardPlanItem.objects.get(forum=forum)
    assert plan_item.title == "Reduce the Crown Court backlog"
    assert plan_item.purpose == AgendaItem.Purpose.INFORMATION
    assert plan_item.confidentiality == Confidentiality.PUBLIC  # a published priority


def test_a_local_priority_or_a_draft_bulletin_cannot_be_sent(team, section, forum):
    from django.core.exceptions import ValidationError

    local = PriorityFactory(forum=forum, agreed=True)
    with pytest.raises(ValidationError):
        cascade_source_for_priority(local)
    section.bulletin.published_at = None
    section.bulletin.save()
    with pytest.raises(ValidationError):
        cascade_source_for_section(section)


def test_send_to_a_region_reaches_its_local_boards_only(client, team, national_priority):
    from membership.models import PoliceForceArea

    north_east = PoliceForceArea.objects.filter(region="North East").first()
    elsewhere = PoliceForceArea.objects.exclude(region="North East").first()
    inside = ForumFactory(slug="inside-cjb")
    inside.areas.set([north_east])
    outside = ForumFactory(slug="outside-cjb")
    outside.areas.set([elsewhere])
    client.force_login(team)
    client.post(
        reverse("national:cascade-send-priority", args=[national_priority.pk]),
        {
            "purpose": "information",
            "summary": "For information.",
            "consider_by": _next_month().isoformat(),
            "send_to": "region",
            "region": "North East",
        },
    )
    assert list(CascadeRecipient.objects.values_list("forum__slug", flat=True)) == ["inside-cjb"]


def test_send_form_says_what_is_missing_next_to_the_field_and_keeps_input(
    client, team, national_priority
):
    client.force_login(team)
    response = client.post(
        reverse("national:cascade-send-priority", args=[national_priority.pk]),
        {"purpose": "discussion", "summary": "Keep this text", "send_to": "picked"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose at least one board" in page
    assert "Enter the month the boards should consider it by" in page
    assert "Keep this text" in page
    assert not CascadeItem.objects.exists()


def test_decline_without_a_reason_is_refused_next_to_the_field(
    client, team, national_priority, forum, secretariat
):
    recipient = _send(
        team, cascade_source_for_priority(national_priority), [forum]
    ).recipients.get()
    client.force_login(secretariat)
    url = reverse("national:cascade-decline", args=[forum.slug, recipient.pk])
    response = client.post(url, {"reason": "   "})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Say why the board is declining this item" in page
    assert 'id="id_reason"' in page and "govuk-error-message" in page
    assert "Error:" in page  # in the error summary
    recipient.refresh_from_db()
    assert recipient.status == Status.WAITING
    # What the user typed stays when another field's rule refuses it: here the text is kept.
    response = client.post(url, {"reason": "x" * 5001})
    assert "x" * 5001 in response.content.decode()


def test_a_board_decides_once(team, national_priority, forum, secretariat):
    from django.core.exceptions import ValidationError

    recipient = _send(
        team, cascade_source_for_priority(national_priority), [forum]
    ).recipients.get()
    cascade_accept(recipient=recipient, by=secretariat)
    with pytest.raises(ValidationError):
        cascade_decline(recipient=recipient, by=secretariat, reason="Changed our mind")


def test_scheduling_for_a_meeting_whose_agenda_is_out_plans_it_only(
    client, team, national_priority, forum, secretariat
):
    meeting = MeetingFactory(forum=forum, days_ahead=10, agenda_published=True)
    recipient = _send(
        team, cascade_source_for_priority(national_priority), [forum]
    ).recipients.get()
    client.force_login(secretariat)
    client.post(
        reverse("national:cascade-schedule", args=[forum.slug, recipient.pk]),
        {"meeting": meeting.pk},
    )
    recipient.refresh_from_db()
    assert recipient.status == Status.SCHEDULED and recipient.meeting == meeting
    assert recipient.forward_plan_item.agenda_item is None
    assert recipient.forward_plan_item.planned_for == meeting.starts_at.date().replace(day=1)


# --- who sees what ------------------------------------------------------------------------------


def test_members_read_what_the_board_took_up_and_nothing_waiting_or_declined(
    client, team, national_priority, forum, secretariat, member, advisory_member
):
    source = cascade_source_for_priority(national_priority)
    taken = _send(team, source, [forum]).recipients.get()
    cascade_accept(recipient=taken, by=secretariat)
    waiting = _send(team, source, [forum]).recipients.get()
    declined = _send(team, source, [forum]).recipients.get()
    cascade_decline(recipient=declined, by=secretariat, reason="Not for us")
    for person in (member, advisory_member):
        client.force_login(person)
        board = client.get(reverse("national:cascade-board", args=[forum.slug]))
        assert board.status_code == 200
        page = board.content.decode()
        assert reverse("national:cascade-board-item", args=[forum.slug, taken.pk]) in page
        assert reverse("national:cascade-board-item", args=[forum.slug, waiting.pk]) not in page
        assert "Not for us" not in page
        for hidden in (waiting, declined):
            url = reverse("national:cascade-board-item", args=[forum.slug, hidden.pk])
            assert client.get(url).status_code == 404
        for name in ("cascade-accept", "cascade-schedule", "cascade-decline"):
            url = reverse(f"national:{name}", args=[forum.slug, waiting.pk])
            assert client.get(url).status_code == 403
            assert client.post(url, {"reason": "No"}).status_code == 403
    waiting.refresh_from_db()
    assert waiting.status == Status.WAITING


BOARD_URLS = ("cascade-board-item", "cascade-accept", "cascade-schedule", "cascade-decline")


@pytest.mark.parametrize("name", ("cascade-board", *BOARD_URLS))
def test_board_pages_refuse_anonymous_other_boards_data_submitters_and_the_national_team(
    client, name, team, national_priority, forum, secretariat, data_submitter, other_forum_member
):
    MeetingFactory(forum=forum)  # something to schedule it for
    recipient = _send(
        team, cascade_source_for_priority(national_priority), [forum]
    ).recipients.get()
    args = [forum.slug] if name == "cascade-board" else [forum.slug, recipient.pk]
    url = reverse(f"national:{name}", args=args)
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/" in response.url  # sign in
    client.force_login(other_forum_member)
    assert client.get(url).status_code == 404
    client.force_login(team)
    assert client.get(url).status_code == 404  # no seat on the board
    client.force_login(data_submitter)
    assert client.get(url).status_code == 403
    client.force_login(secretariat)
    assert client.get(url).status_code == 200


def test_another_boards_item_is_not_found_on_this_board(
    client, team, national_priority, forum, other_forum, secretariat
):
    theirs = _send(team, cascade_source_for_priority(national_priority), [other_forum])
    recipient = theirs.recipients.get()
    client.force_login(secretariat)
    for name in BOARD_URLS:
        url = reverse(f"national:{name}", args=[forum.slug, recipient.pk])
        assert client.get(url).status_code == 404


def test_a_sub_group_has_no_page_of_items_from_the_national_team(client, forum, secretariat):
    sub_group = ForumFactory(slug="sub", kind=Forum.Kind.SUB_GROUP, parent=forum)
    MembershipFactory(forum=sub_group, person=secretariat, role=Membership.Role.SECRETARIAT)
    client.force_login(secretariat)
    assert client.get(reverse("national:cascade-board", args=["sub"])).status_code == 404


@pytest.mark.parametrize("name", ("cascade", "cascade-item", "send-section", "send-priority"))
def test_national_pages_are_the_national_teams_alone(
    client, name, team, section, national_priority, forum, secretariat, member
):
    item = _send(team, cascade_source_for_priority(national_priority), [forum])
    url = {
        "cascade": reverse("national:cascade"),
        "cascade-item": reverse("national:cascade-item", args=[item.pk]),
        "send-section": reverse("national:cascade-send-section", args=[section.pk]),
        "send-priority": reverse("national:cascade-send-priority", args=[national_priority.pk]),
    }[name]
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/" in response.url
    for person in (secretariat, member):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.post(url, {}).status_code == 404
    client.force_login(team)
    assert client.get(url).status_code == 200
    assert CascadeItem.objects.count() == 1


def test_a_draft_bulletins_section_cannot_be_sent_and_has_no_button(client, team, section):
    section.bulletin.published_at = None
    section.bulletin.save()
    client.force_login(team)
    assert (
        client.get(reverse("national:cascade-send-section", args=[section.pk])).status_code == 404
    )
    page = client.get(reverse("national:bulletin-read", args=["pcc", 17])).content.decode()
    assert reverse("national:cascade-send-section", args=[section.pk]) not in page


def test_readers_of_a_bulletin_outside_the_team_see_no_send_button(client, section, secretariat):
    client.force_login(secretariat)  # runs a board: reads bulletins for offices
    page = client.get(reverse("national:bulletin-read", args=["pcc", 17]))
    assert page.status_code == 200
    assert reverse("national:cascade-send-section", args=[section.pk]) not in page.content.decode()


# --- constant queries ---------------------------------------------------------------------------


def _world(team, national_priority, size: int, forum, secretariat):
    boards = [forum] + [ForumFactory() for _ in range(size)]
    for board in boards[1:]:
        _runner(board)
    source = cascade_source_for_priority(national_priority)
    for _ in range(size):
        item = _send(team, source, boards)
        for recipient in item.recipients.filter(forum=forum):
            cascade_accept(recipient=recipient, by=secretariat)
    return item


def test_where_it_went_and_the_board_page_read_in_constant_queries(
    client, team, national_priority, forum, secretariat
):
    small = _world(team, national_priority, 1, forum, secretariat)
    client.force_login(team)
    national_small = (
        queries_for(client, reverse("national:cascade")),
        queries_for(client, reverse("national:cascade-item", args=[small.pk])),
    )
    client.force_login(secretariat)
    board_small = queries_for(client, reverse("national:cascade-board", args=[forum.slug]))
    large = _world(team, national_priority, 6, forum, secretariat)
    client.force_login(team)
    national_large = (
        queries_for(client, reverse("national:cascade")),
        queries_for(client, reverse("national:cascade-item", args=[large.pk])),
    )
    client.force_login(secretariat)
    board_large = queries_for(client, reverse("national:cascade-board", args=[forum.slug]))
    assert large.recipients.count() == 7 and CascadeItem.objects.count() == 7
    assert national_small == national_large
    assert board_small == board_large


def test_the_link_to_a_bulletin_shows_only_to_those_in_its_audience(
    client, team, section, forum, secretariat, member
):
    recipient = _send(team, cascade_source_for_section(section), [forum]).recipients.get()
    cascade_accept(recipient=recipient, by=secretariat)
    url = reverse("national:cascade-board-item", args=[forum.slug, recipient.pk])
    bulletin_url = reverse("national:bulletin-read", args=["pcc", 17])
    client.force_login(secretariat)  # runs a local board: reads bulletins for offices
    assert bulletin_url in client.get(url).content.decode()
    client.force_login(member)  # not in the audience: the item, without the link
    page = client.get(url).content.decode()
    assert "Victims' Code compliance data" in page or "Victims&#x27; Code" in page
    assert bulletin_url not in page
