"""The workspace home: next meetings with a one-click reply, new papers, actions, the to-do."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forums.models import Attendance, LastLooked, Meeting, Membership
from forums.services.home import last_looked_record
from tests.forums.factories import (
    ActionFactory,
    AgendaItemFactory,
    AttendanceFactory,
    ForumFactory,
    MeetingFactory,
    MembershipFactory,
    MinutesFactory,
    PaperFactory,
)
from tests.membership.factories import AgencyFactory, UserFactory, agency_type

pytestmark = pytest.mark.django_db
HOME = "/workspace/"
PDF = b"%PDF-1.4 a board paper"


def quick_reply_url(meeting):
    return reverse("forums:home-rsvp", args=[meeting.forum.slug, meeting.pk])


# --- who may use it ---------------------------------------------------------------------------


def test_anonymous_is_sent_to_sign_in_from_home_and_the_quick_reply(client, forum):
    meeting = MeetingFactory(forum=forum)
    assert "/accounts/sign-in/" in client.get(HOME)["Location"]
    assert "/accounts/sign-in/" in client.post(quick_reply_url(meeting))["Location"]


def test_another_forums_member_cannot_reply_to_a_meeting_they_do_not_sit_on(
    other_forum_member_client, forum
):
    meeting = MeetingFactory(forum=forum)
    response = other_forum_member_client.post(quick_reply_url(meeting), {"reply": "attending"})
    assert response.status_code == 404
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_a_data_submitter_cannot_reply_to_meetings(data_submitter_client, forum):
    meeting = MeetingFactory(forum=forum)
    response = data_submitter_client.post(quick_reply_url(meeting), {"reply": "attending"})
    assert response.status_code == 403


def test_the_quick_reply_is_a_post(member_client, forum):
    assert member_client.get(quick_reply_url(MeetingFactory(forum=forum))).status_code == 405


# --- next meetings and the one-click reply ----------------------------------------------------


def test_a_member_sees_their_next_meetings_across_forums_with_their_reply(member, forum):
    second = ForumFactory(name="Victims Sub-group Cleveland")
    MembershipFactory(forum=second, person=member)
    soon = MeetingFactory(forum=forum, title="Spring board", days_ahead=3)
    later = MeetingFactory(forum=second, title="Victims group", days_ahead=10)
    AttendanceFactory(meeting=soon, person=member, reply=Attendance.Reply.APOLOGIES)
    MeetingFactory(forum=forum, title="Called off", cancelled=True, days_ahead=5)
    MeetingFactory(forum=forum, title="Last winter", past=True)
    MeetingFactory(forum=ForumFactory(), title="Not my forum")
    page = _client(member).get(HOME).text
    assert page.index("Spring board") < page.index("Victims group")
    assert "Apologies" in page and "Not replied" in page
    for absent in ("Called off", "Last winter", "Not my forum"):
        assert absent not in page
    assert reverse("meetings:workspace-rsvp", args=[second.slug, later.pk]) in page


def test_one_click_reply_records_it_and_returns_home_with_a_success_message(member, forum):
    meeting = MeetingFactory(forum=forum, title="Spring board")
    client = _client(member)
    response = client.post(quick_reply_url(meeting), {"reply": "attending"}, follow=True)
    assert response.redirect_chain[-1][0] == HOME
    assert "Reply sent: you are attending for Spring board" in response.text
    assert Attendance.objects.get(meeting=meeting, person=member).reply == "attending"
    client.post(quick_reply_url(meeting), {"reply": "apologies"})
    assert Attendance.objects.get(meeting=meeting, person=member).reply == "apologies"


def test_sending_a_deputy_goes_to_the_full_reply_page(member_client, forum):
    meeting = MeetingFactory(forum=forum)
    response = member_client.post(quick_reply_url(meeting), {"reply": "deputy"})
    assert response["Location"] == reverse("meetings:workspace-rsvp", args=[forum.slug, meeting.pk])
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_a_reply_to_a_held_meeting_is_refused_with_the_reason(member, forum):
    meeting = MeetingFactory(forum=forum, status=Meeting.Status.HELD)
    response = _client(member).post(quick_reply_url(meeting), {"reply": "attending"}, follow=True)
    assert "Replies are closed for this meeting" in response.text
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_with_no_meetings_the_home_says_so(member_client):
    assert (
        "Nothing to do: no meetings are scheduled in your forums." in member_client.get(HOME).text
    )


# --- papers since they last looked ------------------------------------------------------------


def _published_paper(forum, title, **item):
    meeting = MeetingFactory(forum=forum, agenda_published=True)
    item = AgendaItemFactory(meeting=meeting, **item)
    named = list(item.restricted_to.all())
    return PaperFactory(agenda_item=item, title=title, file=PDF, restricted_to=named)


def test_papers_published_since_the_last_look_are_listed_until_a_new_visit(member, forum):
    last_looked_record(person=member, at=timezone.now() - datetime.timedelta(days=1))
    paper = _published_paper(forum, "Victims Code compliance report")
    client = _client(member)
    page = client.get(HOME).text
    assert "Victims Code compliance report" in page
    assert reverse("meetings:workspace-paper-download", args=[forum.slug, paper.pk]) in page
    # The same visit (replying and coming back) keeps the list; a new visit starts afresh.
    assert "Victims Code compliance report" in client.get(HOME).text
    assert "Victims Code compliance report" not in _client(member).get(HOME).text
    assert "Nothing new" in _client(member).get(HOME).text


def test_opening_the_meeting_marks_its_papers_as_seen(member, forum):
    last_looked_record(person=member, at=timezone.now() - datetime.timedelta(days=1))
    seen = _published_paper(forum, "Seen at the meeting")
    _published_paper(forum, "Not yet seen")
    client = _client(member)
    meeting = seen.agenda_item.meeting
    client.get(reverse("meetings:workspace-meeting", args=[forum.slug, meeting.pk]))
    assert LastLooked.objects.filter(person=member, meeting=meeting).exists()
    page = client.get(HOME).text
    assert "Not yet seen" in page
    assert "Seen at the meeting" not in page


def test_new_papers_leave_out_what_the_member_may_not_see(member, forum):
    _published_paper(forum, "Restricted case file", restricted=True)
    _published_paper(forum, "Named on it", restricted=True, restricted_to=[member])
    unpublished = AgendaItemFactory(meeting=MeetingFactory(forum=forum))
    PaperFactory(agenda_item=unpublished, title="Agenda not out", file=PDF)
    _published_paper(ForumFactory(), "Another forum's paper")
    page = _client(member).get(HOME).text
    assert "Named on it" in page
    for hidden in ("Restricted case file", "Agenda not out", "Another forum's paper"):
        assert hidden not in page


# --- actions ------------------------------------------------------------------------------------


def test_a_member_sees_their_actions_due_and_overdue_and_not_others(member, forum):
    ActionFactory(forum=forum, owner=member, title="Send the court data", overdue=True)
    ActionFactory(
        forum=forum,
        owner=member,
        title="Draft the victims leaflet",
        due_date=timezone.localdate() + datetime.timedelta(days=3),
    )
    ActionFactory(forum=forum, owner=member, title="Finished work", done=True)
    ActionFactory(forum=forum, owner=UserFactory(), title="Someone else's")
    page = _client(member).get(HOME).text
    assert page.index("Send the court data") < page.index("Draft the victims leaflet")
    assert "10 days overdue" in page and "Due soon" in page
    assert "Finished work" not in page and "Someone else" not in page


def test_with_no_actions_the_home_says_there_is_nothing_to_do(member_client):
    assert "Nothing to do: you have no open actions." in member_client.get(HOME).text


# --- the secretariat's to-do --------------------------------------------------------------------


def test_the_secretariat_sees_the_forums_to_do_each_linked_to_where_it_is_done(secretariat, forum):
    unpublished = MeetingFactory(forum=forum, title="Summer board", days_ahead=5)
    AgendaItemFactory(meeting=unpublished, title="Youth justice update")
    held = MeetingFactory(forum=forum, title="Spring board", held=True)
    MinutesFactory(meeting=held)
    page = _client(secretariat).get(HOME).text
    assert f"To do for {forum.name}" in page
    assert "Publish the agenda for Summer board" in page
    assert "Past the notice date" in page
    assert "1 item without a paper for Summer board" in page
    assert "Circulate the minutes of Spring board" in page
    assert reverse("meetings:workspace-minutes", args=[forum.slug, held.pk]) in page
    assert reverse("meetings:workspace-meeting", args=[forum.slug, unpublished.pk]) in page
    assert "Empty seats" in page and "seat" in page
    assert "Membership gaps are shown for the forums you run" in page


def test_a_member_who_runs_nothing_sees_no_to_do_and_no_membership_gaps(member_client, forum):
    MeetingFactory(forum=forum, title="Summer board", days_ahead=5)
    page = member_client.get(HOME).text
    assert "To do for" not in page
    assert "Publish the agenda" not in page
    assert "membership gaps" not in page.lower()


def test_a_data_submitter_sees_returns_only(data_submitter, forum):
    MeetingFactory(forum=forum, title="Summer board")
    page = _client(data_submitter).get(HOME).text
    assert "Summer board" not in page
    assert "Your next meetings" not in page
    assert "Your actions" not in page
    assert "Papers published" not in page
    assert "membership gaps" not in page.lower()
    assert "Forums you sit on" not in page


def test_a_person_with_no_seat_is_told_so(client):
    person = UserFactory()
    assert "You do not sit on any forum" in _client(person).get(HOME).text


# --- a fixed number of queries ------------------------------------------------------------------


def _lots_for(person, forum, role=Membership.Role.MEMBER):
    """More forums, meetings, replies, papers, actions and minutes for the person."""
    for n in range(3):
        other = ForumFactory()
        MembershipFactory(
            forum=other,
            person=person,
            role=role,
            agency=AgencyFactory(agency_type=agency_type("cps")),
        )
        for days in (2, 6, 12):
            meeting = MeetingFactory(forum=other, days_ahead=days, agenda_published=days < 10)
            AttendanceFactory(meeting=meeting, person=person, reply=Attendance.Reply.ATTENDING)
            item = AgendaItemFactory(meeting=meeting)
            PaperFactory(agenda_item=item, file=PDF)
            AgendaItemFactory(meeting=meeting)
        ActionFactory(forum=other, owner=person, overdue=n == 0)
        MinutesFactory(meeting=MeetingFactory(forum=other, held=True))


@pytest.mark.parametrize("role", [Membership.Role.MEMBER, Membership.Role.SECRETARIAT])
def test_home_issues_the_same_queries_however_much_there_is(django_assert_num_queries, forum, role):
    from tests.queries import queries_for

    person = MembershipFactory(forum=forum, role=role).person
    MeetingFactory(forum=forum)
    ActionFactory(forum=forum, owner=person)
    client = _client(person)
    few = queries_for(client, HOME)
    _lots_for(person, forum, role)
    with django_assert_num_queries(few, info=f"{role}: {few} with little data"):
        assert client.get(HOME).status_code == 200


def _client(person) -> Client:
    client = Client()
    client.force_login(person)
    return client
