"""Workspace meeting pages: who may do what, bad input, and the cycle in the browser's terms."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from forums.models import Action, AgendaItem, Attendance, Meeting, Minutes, Paper
from tests.forums.factories import (
    ActionFactory,
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteEntryFactory,
    MinutesFactory,
    PaperFactory,
    pdf_bytes,
)
from tests.membership.factories import UserFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db
MEMBERS = ["member_client", "advisory_client", "secretariat_client", "chair_client"]
RUNNERS = ["secretariat_client", "chair_client"]
NOT_RUNNERS = ["member_client", "advisory_client"]


@pytest.fixture
def meeting(forum):
    return MeetingFactory(forum=forum)


@pytest.mark.parametrize("role", MEMBERS)
def test_members_see_the_meeting_list_and_page(role, request, forum, meeting):
    client = request.getfixturevalue(role)
    assert client.get(reverse("meetings:workspace-list", args=[forum.slug])).status_code == 200
    page = client.get(reverse("meetings:workspace-meeting", args=[forum.slug, meeting.pk]))
    assert page.status_code == 200
    assert ("Publish the agenda" in page.content.decode()) == (role in RUNNERS)


@pytest.mark.parametrize("role", NOT_RUNNERS)
def test_members_cannot_run_meetings(role, request, secretariat_client, forum, meeting):
    client = request.getfixturevalue(role)
    AgendaItemFactory(meeting=meeting)
    for name in ["meetings:workspace-schedule", "meetings:workspace-series"]:
        url = reverse(name, args=[forum.slug])
        assert secretariat_client.get(url).status_code == 200, name
        assert client.get(url).status_code == 403, name
    for name in [
        "meetings:workspace-item-add",
        "meetings:workspace-cancel",
        "meetings:workspace-attendance",
        "meetings:workspace-meeting-edit",
        "meetings:workspace-declaration-add",
        "meetings:workspace-decision-add",
    ]:
        url = reverse(name, args=[forum.slug, meeting.pk])
        # Attendance and decisions wait for the meeting to start: the secretariat is sent back.
        assert secretariat_client.get(url).status_code in (200, 302), name
        assert client.get(url).status_code == 403, name
    publish = reverse("meetings:workspace-publish-agenda", args=[forum.slug, meeting.pk])
    assert client.post(publish).status_code == 403
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SCHEDULED
    secretariat_client.post(publish)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.AGENDA_PUBLISHED


def test_other_forum_member_gets_404_for_management_urls(
    other_forum_member_client, secretariat_client, forum, meeting
):
    for name in [
        "meetings:workspace-item-add",
        "meetings:workspace-cancel",
        "meetings:workspace-attendance",
    ]:
        url = reverse(name, args=[forum.slug, meeting.pk])
        assert secretariat_client.get(url).status_code in (200, 302), name
        assert other_forum_member_client.get(url).status_code == 404, name


def test_secretariat_schedules_a_meeting(secretariat_client, forum):
    date = timezone.localdate() + datetime.timedelta(days=20)
    response = secretariat_client.post(
        reverse("meetings:workspace-schedule", args=[forum.slug]),
        {
            "title": "Board meeting",
            "date": date.isoformat(),
            "start_time": "14:00",
            "end_time": "16:00",
            "location": "Middlesbrough",
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(forum=forum)
    assert timezone.localtime(meeting.starts_at).hour == 14


def test_schedule_without_date_keeps_what_was_typed(secretariat_client, forum):
    response = secretariat_client.post(
        reverse("meetings:workspace-schedule", args=[forum.slug]),
        {"title": "Extraordinary meeting", "start_time": "14:00", "location": "Town hall"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter the meeting date" in body
    assert "Extraordinary meeting" in body and "Town hall" in body
    assert "<title>Error:" in body


def test_agenda_item_without_confidentiality_reason_gets_a_message(
    secretariat_client, forum, meeting
):
    response = secretariat_client.post(
        reverse("meetings:workspace-item-add", args=[forum.slug, meeting.pk]),
        {"title": "Case review", "purpose": "discussion", "confidentiality": "confidential"},
    )
    body = response.content.decode()
    assert "Enter why this item is not public" in body
    assert "Case review" in body
    assert not AgendaItem.objects.filter(title="Case review").exists()


def test_secretariat_adds_item_uploads_paper_and_publishes(
    secretariat_client, member_client, forum, meeting
):
    secretariat_client.post(
        reverse("meetings:workspace-item-add", args=[forum.slug, meeting.pk]),
        {"title": "Performance report", "purpose": "assurance", "confidentiality": "public"},
    )
    item = AgendaItem.objects.get(title="Performance report")
    response = secretariat_client.post(
        reverse("meetings:workspace-paper-upload", args=[forum.slug, meeting.pk, item.pk]),
        {
            "title": "Q2 figures",
            "classification": "official",
            "file": SimpleUploadedFile(
                "Q2 figures.pdf", pdf_bytes(), content_type="application/pdf"
            ),
        },
    )
    assert response.status_code == 302
    paper = Paper.objects.get()
    download = member_client.get(
        reverse("meetings:workspace-paper-download", args=[forum.slug, paper.pk])
    )
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="Q2-figures.pdf"'
    secretariat_client.post(
        reverse("meetings:workspace-publish-agenda", args=[forum.slug, meeting.pk])
    )
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.AGENDA_PUBLISHED


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("report.pdf", b"This is not a PDF at all\x00\x01", "The file must be a PDF"),
        ("empty.pdf", b"", "The selected file is empty"),
    ],
)
def test_wrong_file_gets_a_clear_message(
    secretariat_client, forum, meeting, name, content, message
):
    item = AgendaItemFactory(meeting=meeting)
    response = secretariat_client.post(
        reverse("meetings:workspace-paper-upload", args=[forum.slug, meeting.pk, item.pk]),
        {
            "title": "My paper",
            "classification": "official",
            "file": SimpleUploadedFile(name, content),
        },
    )
    body = response.content.decode()
    assert message in body
    assert "My paper" in body
    assert not Paper.objects.exists()


def test_too_large_file_is_refused(secretariat_client, forum, meeting, monkeypatch):
    monkeypatch.setattr("forums.forms.papers.MAX_BYTES", 10)
    item = AgendaItemFactory(meeting=meeting)
    response = secretariat_client.post(
        reverse("meetings:workspace-paper-upload", args=[forum.slug, meeting.pk, item.pk]),
        {
            "title": "Big",
            "classification": "official",
            "file": SimpleUploadedFile("b.pdf", pdf_bytes()),
        },
    )
    assert "smaller than 25MB" in response.content.decode()


def test_member_replies_sending_a_deputy(member_client, member, forum, meeting):
    deputy = UserFactory(email="deputy@example.org")
    url = reverse("meetings:workspace-rsvp", args=[forum.slug, meeting.pk])
    response = member_client.post(url, {"reply": "deputy", "deputy_email": "nobody@example.org"})
    body = response.content.decode()
    assert "There is no one with that email address" in body
    assert "nobody@example.org" in body
    response = member_client.post(url, {"reply": "deputy", "deputy_email": deputy.email})
    assert response.status_code == 302
    attendance = Attendance.objects.get(meeting=meeting, person=member)
    assert attendance.deputy == deputy


def test_other_forum_member_cannot_reply(
    other_forum_member_client, member_client, member, forum, meeting
):
    url = reverse("meetings:workspace-rsvp", args=[forum.slug, meeting.pk])
    assert other_forum_member_client.post(url, {"reply": "attending"}).status_code == 404
    assert member_client.post(url, {"reply": "attending"}).status_code == 302
    assert [a.person for a in meeting.attendances.filter(reply="attending")] == [member]


def test_secretariat_records_attendance(secretariat_client, forum, member):
    meeting = MeetingFactory(forum=forum, starts_at=timezone.now() - datetime.timedelta(hours=1))
    attendance = Attendance.objects.create(meeting=meeting, person=member)
    url = reverse("meetings:workspace-attendance", args=[forum.slug, meeting.pk])
    assert secretariat_client.get(url).status_code == 200
    secretariat_client.post(url, {f"a{attendance.pk}": "present"})
    attendance.refresh_from_db()
    assert attendance.actual == "present"


def test_minutes_cycle_through_the_pages(secretariat_client, chair_client, member_client, forum):
    meeting = MeetingFactory(
        forum=forum,
        status=Meeting.Status.HELD,
        starts_at=timezone.now() - datetime.timedelta(days=30),
    )
    AgendaItemFactory(meeting=meeting, title="Performance")
    secretariat_client.post(
        reverse("meetings:workspace-minutes-start", args=[forum.slug, meeting.pk])
    )
    minutes = Minutes.objects.get(meeting=meeting)
    entry = minutes.entries.get()
    secretariat_client.post(
        reverse("meetings:workspace-minutes-write", args=[forum.slug, meeting.pk]),
        {"introduction": "", f"entry_{entry.pk}": "Noted."},
    )
    secretariat_client.post(
        reverse("meetings:workspace-minutes-circulate", args=[forum.slug, meeting.pk]),
        {"confirmed": "yes"},
    )
    member_client.post(
        reverse("meetings:workspace-minute-comment", args=[forum.slug, meeting.pk, entry.pk]),
        {"text": "Agreed"},
    )
    assert entry.comments.count() == 1
    approve = reverse("meetings:workspace-minutes-approve", args=[forum.slug, meeting.pk])
    assert secretariat_client.get(approve).status_code == 403
    later = MeetingFactory(
        forum=forum,
        status=Meeting.Status.HELD,
        starts_at=timezone.now() - datetime.timedelta(days=1),
    )
    chair_client.post(approve, {"route": later.pk})
    secretariat_client.post(
        reverse("meetings:workspace-minutes-publish", args=[forum.slug, meeting.pk])
    )
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.PUBLISHED
    history = member_client.get(
        reverse("meetings:workspace-minute-history", args=[forum.slug, meeting.pk, entry.pk])
    )
    assert "Noted." in history.content.decode()


def test_approving_minutes_of_a_meeting_not_held_gets_a_message(chair_client, forum):
    meeting = MeetingFactory(forum=forum, starts_at=timezone.now() - datetime.timedelta(days=30))
    MinutesFactory(meeting=meeting, status=Minutes.Status.CIRCULATED)
    later = MeetingFactory(forum=forum, starts_at=timezone.now() - datetime.timedelta(days=1))
    response = chair_client.post(
        reverse("meetings:workspace-minutes-approve", args=[forum.slug, meeting.pk]),
        {"route": later.pk},
        follow=True,
    )
    assert "Minutes cannot be approved before the meeting is held" in response.content.decode()


def test_member_comments_only_when_circulated(member_client, forum):
    # Approved minutes: the member reads them but comments are closed (a draft is not theirs).
    entry = MinuteEntryFactory(minutes__meeting__forum=forum, minutes__approved=True)
    meeting = entry.minutes.meeting
    response = member_client.post(
        reverse("meetings:workspace-minute-comment", args=[forum.slug, meeting.pk, entry.pk]),
        {"text": "Hm"},
    )
    assert "Comments are only taken while the minutes are circulated" in response.content.decode()


def test_actions_list_filters_and_owner_updates(secretariat_client, member_client, member, forum):
    secretariat_client.post(
        reverse("meetings:workspace-action-add", args=[forum.slug]),
        {
            "title": "Review charging delays",
            "owner": member.pk,
            "due_date": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
        },
    )
    action = Action.objects.get()
    listing = member_client.get(
        reverse("meetings:workspace-actions", args=[forum.slug]), {"overdue": "on", "owner": "me"}
    )
    assert "Review charging delays" in listing.content.decode()
    assert "Overdue" in listing.content.decode()
    member_client.post(
        reverse("meetings:workspace-action", args=[forum.slug, action.pk]),
        {"status": "in_progress", "percent_complete": "50", "text": "Meeting booked"},
    )
    action.refresh_from_db()
    assert action.percent_complete == 50
    yours = member_client.get(reverse("meetings:workspace-your-actions"))
    assert "Review charging delays" in yours.content.decode()


def test_advisory_member_cannot_update_someone_elses_action(
    advisory_client, member_client, member, forum
):
    action = ActionFactory(forum=forum, owner=member)
    url = reverse("meetings:workspace-action", args=[forum.slug, action.pk])
    update = {"status": "done", "percent_complete": "100", "text": "Done"}
    assert advisory_client.post(url, update).status_code == 403
    action.refresh_from_db()
    assert action.status == Action.Status.OPEN
    assert member_client.post(url, update).status_code == 302  # the owner may
    action.refresh_from_db()
    assert action.status == Action.Status.DONE


def test_advisory_member_is_not_offered_as_action_owner(
    secretariat_client, secretariat, chair, member, advisory_member, forum
):
    url = reverse("meetings:workspace-action-add", args=[forum.slug])
    page = secretariat_client.get(url)
    assert page.status_code == 200
    select = re.search(r'<select[^>]*name="owner".*?</select>', page.content.decode(), re.S)
    offered = {int(pk) for pk in re.findall(r'<option value="(\d+)"', select.group(0))}
    assert offered == {secretariat.pk, chair.pk, member.pk}  # every member but the advisory one
    due = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    refused = secretariat_client.post(
        url, {"title": "Advisory-owned", "owner": advisory_member.pk, "due_date": due}
    )
    assert refused.status_code == 200 and not Action.objects.filter(title="Advisory-owned")
    secretariat_client.post(url, {"title": "Member-owned", "owner": member.pk, "due_date": due})
    assert Action.objects.get(title="Member-owned").owner == member


def test_calendar_token_feed_and_reset(member_client, member, forum, meeting, client):
    url = reverse("meetings:personal-feed", args=[member.calendar_token])
    feed = client.get(url)
    assert feed.status_code == 200 and b"BEGIN:VCALENDAR" in feed.content
    member_client.post(reverse("meetings:workspace-calendar-reset"))
    assert client.get(url).status_code == 404
    assert member_client.get(reverse("meetings:workspace-calendar")).status_code == 200


def test_meeting_page_queries_do_not_grow_with_the_data(secretariat_client, forum, member):
    def build(items, papers_per_item, attendees):
        meeting = MeetingFactory(forum=forum)
        for n in range(items):
            item = AgendaItemFactory(
                meeting=meeting,
                confidentiality=["public", "confidential", "restricted"][n % 3],
                restricted_to=[member],
            )
            for _ in range(papers_per_item):
                PaperFactory(agenda_item=item, without_file=True)
        for _ in range(attendees):
            Attendance.objects.create(meeting=meeting, person=MembershipFactory(forum=forum).person)
        return reverse("meetings:workspace-meeting", args=[forum.slug, meeting.pk])

    small = build(2, 1, 2)
    large = build(30, 2, 25)
    assert queries_for(secretariat_client, small) == queries_for(secretariat_client, large)


def test_public_meeting_page_queries_do_not_grow(client, forum):
    def build(items):
        meeting = MeetingFactory(forum=forum, status=Meeting.Status.AGENDA_PUBLISHED)
        for _ in range(items):
            PaperFactory(agenda_item=AgendaItemFactory(meeting=meeting))
        return reverse("meetings:public-meeting", args=[forum.slug, meeting.pk])

    assert queries_for(client, build(1)) == queries_for(client, build(20))


@pytest.mark.parametrize("role", MEMBERS)
@pytest.mark.parametrize(
    "name",
    [
        "meetings:workspace-decisions",
        "meetings:workspace-forward-plan",
        "meetings:workspace-attendance-stats",
        "meetings:workspace-escalations",
        "meetings:workspace-actions",
    ],
)
def test_members_see_forum_level_pages(role, name, request, forum):
    client = request.getfixturevalue(role)
    assert client.get(reverse(name, args=[forum.slug])).status_code == 200


def test_secretariat_removes_an_item_without_a_minute(
    secretariat_client, member_client, forum, meeting
):
    item = AgendaItemFactory(meeting=meeting)
    url = reverse("meetings:workspace-item-remove", args=[forum.slug, meeting.pk, item.pk])
    assert member_client.post(url).status_code == 403
    assert AgendaItem.objects.filter(pk=item.pk).exists()
    secretariat_client.post(url)
    assert not AgendaItem.objects.filter(pk=item.pk).exists()


def test_secretariat_writes_the_minutes_introduction(secretariat_client, forum):
    minutes = MinutesFactory(meeting__forum=forum)
    url = reverse("meetings:workspace-minutes-write", args=[forum.slug, minutes.meeting.pk])
    secretariat_client.post(url, {"introduction": "The chair welcomed members."})
    minutes.refresh_from_db()
    assert minutes.introduction == "The chair welcomed members."


def test_matters_arising_lists_open_actions_carried_forward(member_client, forum, member):
    meeting = MeetingFactory(forum=forum)
    AgendaItemFactory(
        meeting=meeting, kind=AgendaItem.Kind.MATTERS_ARISING, title="Matters arising"
    )
    ActionFactory(forum=forum, title="Carry me forward", owner=member)
    ActionFactory(forum=forum, title="Finished one", status=Action.Status.DONE)
    body = member_client.get(
        reverse("meetings:workspace-meeting", args=[forum.slug, meeting.pk])
    ).content.decode()
    assert "Carry me forward" in body and "Finished one" not in body


@pytest.mark.parametrize("role", ["member_client", "secretariat_client"])
def test_member_meeting_page_and_action_list_queries_do_not_grow(role, request, forum, member):
    client = request.getfixturevalue(role)

    def build(items, papers_per_item, attendees, actions):
        meeting = MeetingFactory(forum=forum)
        for n in range(items):
            level = ["public", "confidential", "restricted"][n % 3]
            item = AgendaItemFactory(meeting=meeting, confidentiality=level, restricted_to=[member])
            for _ in range(papers_per_item):
                PaperFactory(agenda_item=item, without_file=True)
            if n == 0:
                item.kind = AgendaItem.Kind.MATTERS_ARISING
                item.save()
        for _ in range(attendees):
            Attendance.objects.create(meeting=meeting, person=MembershipFactory(forum=forum).person)
        for _ in range(actions):
            ActionFactory(forum=forum, owner=member, agenda_item=AgendaItemFactory(meeting=meeting))
        return reverse("meetings:workspace-meeting", args=[forum.slug, meeting.pk])

    small = build(3, 1, 2, 1)
    first = queries_for(client, small)
    actions_url = reverse("meetings:workspace-actions", args=[forum.slug])
    few_actions = queries_for(client, actions_url)
    large = build(30, 2, 25, 10)
    assert queries_for(client, large) == first
    assert queries_for(client, actions_url) == few_actions


def test_minutes_list_the_meetings_decisions_and_actions(member_client, forum, member):
    minutes = MinutesFactory(meeting__forum=forum, circulated=True)
    meeting = minutes.meeting
    ActionFactory(forum=forum, meeting=meeting, title="Action without an item", owner=member)
    DecisionFactory(forum=forum, meeting=meeting, text="Decision without an item")
    body = member_client.get(reverse("meetings:workspace-minutes", args=[forum.slug, meeting.pk]))
    assert "Action without an item" in body.content.decode()
    assert "Decision without an item" in body.content.decode()
