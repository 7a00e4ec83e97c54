"""The meeting cycle in services: schedule, agenda, papers, attendance, minutes, actions."""

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from forums.models import (
    Action,
    AgendaItem,
    Attendance,
    Confidentiality,
    Escalation,
    ForwardPlanItem,
    Meeting,
    Minutes,
)
from forums.selectors.attendance import attendance_statistics
from forums.selectors.meetings import meeting_page
from forums.services import actions as action_services
from forums.services import agenda as agenda_services
from forums.services import forward_plan as forward_plan_services
from forums.services import meetings as services
from forums.services import minutes as minute_services
from forums.services import papers as paper_services
from forums.services.attendance import attendance_record, attendance_reply
from tests.forums.factories import (
    ActionFactory,
    AgendaItemFactory,
    ForumFactory,
    MeetingFactory,
    MembershipFactory,
    MinutesFactory,
    pdf_bytes,
)
from tests.membership.factories import UserFactory

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def schedule(forum, by, days=14, **kwargs):
    return services.meeting_schedule(
        forum=forum,
        by=by,
        title="Board meeting",
        starts_at=NOW + datetime.timedelta(days=days),
        **kwargs,
    )


def test_scheduling_starts_the_agenda_with_previous_minutes_and_matters_arising(
    forum, secretariat, member
):
    first = schedule(forum, secretariat, days=-30)
    ActionFactory(forum=forum, owner=member)
    second = schedule(forum, secretariat, days=30)
    assert list(first.agenda_items.values_list("kind", flat=True)) == [
        AgendaItem.Kind.MATTERS_ARISING
    ]
    kinds = list(second.agenda_items.order_by("order").values_list("kind", flat=True))
    assert kinds == [AgendaItem.Kind.PREVIOUS_MINUTES, AgendaItem.Kind.MATTERS_ARISING]
    assert (
        "1 open action" in second.agenda_items.get(kind=AgendaItem.Kind.MATTERS_ARISING).description
    )
    # Members are invited.
    assert second.attendances.filter(person=member).exists()


def test_forward_plan_items_join_the_agenda_of_that_months_meeting(forum, secretariat):
    starts = NOW + datetime.timedelta(days=60)
    plan = forward_plan_services.forward_plan_item_add(
        forum=forum, by=secretariat, title="Annual victims' survey", planned_for=starts.date()
    )
    meeting = schedule(forum, secretariat, days=60)
    plan.refresh_from_db()
    assert plan.agenda_item.meeting == meeting
    assert ForwardPlanItem.objects.public().filter(pk=plan.pk).exists()


def test_a_planned_item_lands_alike_before_or_after_the_meeting_is_set_up(forum, secretariat):
    """Planned before the meeting (set up with it) or after (placed at once): the same item."""
    agency = secretariat.memberships.first().agency
    fields = {
        "forum": forum,
        "by": secretariat,
        "description": "Findings of the review.",
        "purpose": AgendaItem.Purpose.DECISION,
        "presenter_agency": agency,
        "confidentiality": Confidentiality.CONFIDENTIAL,
    }
    month = timezone.localtime(NOW + datetime.timedelta(days=60)).date()
    before = forward_plan_services.forward_plan_item_add(
        title="Planned before", planned_for=month, **fields
    )
    meeting = schedule(forum, secretariat, days=60)
    after = forward_plan_services.forward_plan_item_add(
        title="Planned after", planned_for=timezone.localtime(meeting.starts_at).date(), **fields
    )
    before.refresh_from_db()
    landed = [before.agenda_item, after.agenda_item]
    assert [item.meeting for item in landed] == [meeting, meeting]
    assert {
        (
            item.description,
            item.purpose,
            item.presenter_agency,
            item.confidentiality,
            item.confidentiality_reason,
        )
        for item in landed
    } == {("Findings of the review.", "decision", agency, "confidential", "From the forward plan")}
    assert after.agenda_item.order == max(meeting.agenda_items.values_list("order", flat=True))
    assert before.agenda_item.order < after.agenda_item.order


def test_series_schedules_quarterly_meetings(forum, secretariat):
    meetings = services.meeting_series_schedule(
        forum=forum,
        by=secretariat,
        title="Board meeting",
        first_starts_at=NOW + datetime.timedelta(days=10),
        duration=datetime.timedelta(hours=2),
        frequency="quarterly",
        count=4,
    )
    assert len(meetings) == 4
    months = [(m.starts_at.year * 12 + m.starts_at.month) for m in meetings]
    assert [b - a for a, b in zip(months, months[1:], strict=False)] == [3, 3, 3]


def test_only_the_secretariat_schedules(forum, member, secretariat):
    with pytest.raises(PermissionDenied):
        schedule(forum, member)
    assert schedule(forum, secretariat).forum == forum


def test_agenda_item_without_reason_for_confidentiality_is_refused(forum, secretariat):
    meeting = MeetingFactory(forum=forum)
    with pytest.raises(ValidationError) as error:
        agenda_services.agenda_item_add(
            meeting=meeting,
            by=secretariat,
            title="Case review",
            confidentiality=Confidentiality.CONFIDENTIAL,
        )
    assert "Enter why this item is not public" in str(error.value)


def test_restricted_item_needs_named_people(forum, secretariat):
    meeting = MeetingFactory(forum=forum)
    with pytest.raises(ValidationError):
        agenda_services.agenda_item_add(
            meeting=meeting,
            by=secretariat,
            title="Operation X",
            confidentiality=Confidentiality.RESTRICTED,
            confidentiality_reason="Live operation",
        )


def test_publishing_the_agenda_emails_members_without_confidential_titles(
    forum, secretariat, member, other_forum_member, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(forum=forum)
    AgendaItemFactory(meeting=meeting, title="Public performance report")
    AgendaItemFactory(
        meeting=meeting,
        title="Secret case conference",
        confidentiality=Confidentiality.CONFIDENTIAL,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_publish_agenda(meeting=meeting, by=secretariat)
    recipients = {m.to[0] for m in mail.outbox}
    assert member.email in recipients
    assert other_forum_member.email not in recipients
    for message in mail.outbox:
        assert "Public performance report" in message.body
        assert "Secret case conference" not in message.body
        assert "Secret case conference" not in message.alternatives[0][0]
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.AGENDA_PUBLISHED


def test_cancelling_tells_members_even_when_they_turned_emails_off(
    forum, secretariat, member, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(forum=forum)
    with pytest.raises(ValidationError):
        services.meeting_cancel(meeting=meeting, by=secretariat, reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(meeting=meeting, by=secretariat, reason="Not quorate")
    assert any(member.email in m.to and "Not quorate" in m.body for m in mail.outbox)
    assert member.notifications.get().essential


def upload(name="paper.pdf", content=None):
    return SimpleUploadedFile(
        name, content if content is not None else pdf_bytes(), content_type="application/pdf"
    )


def test_papers_are_versioned(forum, secretariat):
    item = AgendaItemFactory(meeting__forum=forum)
    first = paper_services.paper_upload(
        agenda_item=item, by=secretariat, upload=upload("Report (draft).pdf"), title="Report"
    )
    second = paper_services.paper_upload(
        agenda_item=item, by=secretariat, upload=upload(), paper=first.paper, note="Typos"
    )
    paper = first.paper
    paper.refresh_from_db()
    assert paper.current_version == second
    assert [v.number for v in paper.versions.all()] == [2, 1]
    assert first.file_name == "Report-draft.pdf"


def test_paper_with_wrong_content_is_refused_whatever_its_name(forum, secretariat):
    item = AgendaItemFactory(meeting__forum=forum)
    with pytest.raises(ValidationError, match="must be a PDF"):
        paper_services.paper_upload(
            agenda_item=item,
            by=secretariat,
            upload=upload("evil.pdf", b"MZ\x90\x00" + b"\x00" * 100),
        )


def test_rsvp_by_non_member_is_refused(forum, member, other_forum_member):
    meeting = MeetingFactory(forum=forum)
    with pytest.raises(PermissionDenied):
        attendance_reply(meeting=meeting, person=other_forum_member, reply="attending")
    attendance_reply(meeting=meeting, person=member, reply="attending")
    assert [a.person for a in meeting.attendances.filter(reply="attending")] == [member]


def test_rsvp_with_a_deputy(forum, member):
    meeting = MeetingFactory(forum=forum)
    deputy = UserFactory()
    attendance = attendance_reply(meeting=meeting, person=member, reply="deputy", deputy=deputy)
    assert attendance.deputy == deputy
    with pytest.raises(ValidationError):
        attendance_reply(meeting=meeting, person=member, reply="deputy", deputy=None)


def test_quorum_counts_core_agency_types_present(forum, secretariat, member, chair):
    forum.quorum_core_agency_types = 2
    forum.save()
    meeting = schedule(forum, secretariat, days=-1)
    rows = {a.person_id: a for a in meeting.attendances.all()}
    attendance_record(
        meeting=meeting,
        by=secretariat,
        actual={
            rows[member.pk].pk: Attendance.Actual.PRESENT,
            rows[chair.pk].pk: Attendance.Actual.ABSENT,
        },
    )
    page = meeting_page(person=secretariat, meeting=meeting)
    assert page["quorum"].present == 1  # CPS is a core agency type; the chair's PCC seat is absent
    assert not page["quorum"].is_met
    stats = attendance_statistics(forum=forum)
    cps = next(row for row in stats["agencies"] if row["represented"])
    assert cps["with_authority"] == 1


def held_meeting_with_minutes(forum, secretariat, days=-20):
    meeting = schedule(forum, secretariat, days=days)
    AgendaItemFactory(meeting=meeting, title="Performance")
    services.meeting_mark_held(meeting=meeting, by=secretariat)
    minutes = minute_services.minutes_start(meeting=meeting, by=secretariat)
    return meeting, minutes


def test_minutes_cycle_keeps_history(
    forum, secretariat, chair, member, django_capture_on_commit_callbacks
):
    meeting, minutes = held_meeting_with_minutes(forum, secretariat)
    entry = minutes.entries.get(agenda_item__title="Performance")
    for text in ["First draft", "Second draft"]:
        minute_services.minutes_write(
            minutes=minutes, by=secretariat, introduction="", texts={entry.pk: text}
        )
    assert entry.history.count() == 3
    with django_capture_on_commit_callbacks(execute=True):
        minute_services.minutes_circulate(minutes=minutes, by=secretariat)
    assert any(member.email in m.to for m in mail.outbox)
    minute_services.minute_comment_add(entry=entry, author=member, text="Please add the date")
    next_meeting = schedule(forum, secretariat, days=-1)
    minute_services.minutes_approve(minutes=minutes, approved_by=chair, at_meeting=next_meeting)
    minute_services.minutes_publish(minutes=minutes, by=secretariat)
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.PUBLISHED
    assert minutes.approved_at_meeting == next_meeting
    assert minutes.history.count() >= 4


def test_minutes_cannot_be_approved_before_the_meeting_is_held(forum, secretariat, chair):
    meeting = schedule(forum, secretariat, days=-10)
    minutes = MinutesFactory(meeting=meeting, status=Minutes.Status.CIRCULATED)
    later = schedule(forum, secretariat, days=-1)
    with pytest.raises(ValidationError, match="before the meeting is held"):
        minute_services.minutes_approve(minutes=minutes, approved_by=chair, at_meeting=later)


def test_minutes_are_approved_by_the_chair_at_a_later_meeting(forum, secretariat, chair):
    meeting, minutes = held_meeting_with_minutes(forum, secretariat)
    minute_services.minutes_circulate(minutes=minutes, by=secretariat)
    with pytest.raises(PermissionDenied):
        minute_services.minutes_approve(
            minutes=minutes, approved_by=secretariat, at_meeting=meeting
        )
    with pytest.raises(ValidationError):
        minute_services.minutes_approve(minutes=minutes, approved_by=chair, at_meeting=meeting)


def test_advisory_member_never_owns_an_action(forum, secretariat, advisory_member, member):
    with pytest.raises(ValidationError, match="advisory members cannot own"):
        action_services.action_create(
            forum=forum, by=secretariat, title="Do it", owner=advisory_member, due_date=NOW.date()
        )
    action = action_services.action_create(
        forum=forum, by=secretariat, title="Do it", owner=member, due_date=NOW.date()
    )
    assert action.accountable_agency is not None


def test_owner_updates_their_action_and_history_is_kept(forum, secretariat, member, chair):
    action = action_services.action_create(
        forum=forum, by=secretariat, title="Do it", owner=member, due_date=NOW.date()
    )
    action_services.action_update_progress(
        action=action, by=member, text="Started", status="in_progress", percent_complete=40
    )
    with pytest.raises(PermissionDenied):
        other = UserFactory()
        MembershipFactory(forum=forum, person=other)
        action_services.action_update_progress(
            action=action, by=other, text="x", status="done", percent_complete=100
        )
    action.refresh_from_db()
    assert action.percent_complete == 40
    assert action.updates.count() == 1
    assert action.history.count() == 2


def test_overdue_actions():
    action = ActionFactory(due_date=NOW.date() - datetime.timedelta(days=1))
    done = ActionFactory(
        due_date=NOW.date() - datetime.timedelta(days=1), status=Action.Status.DONE
    )
    assert list(Action.objects.overdue()) == [action]
    assert action.is_overdue and not done.is_overdue


def test_sub_group_escalation_lands_on_the_parents_next_agenda(forum, secretariat):
    sub_group = ForumFactory(kind="sub_group", parent=forum)
    person = MembershipFactory(forum=sub_group).person
    meeting = schedule(forum, secretariat, days=20)
    escalation = action_services.escalation_raise(
        from_forum=sub_group,
        by=person,
        level=Escalation.Level.PARENT_BOARD,
        title="Court delays",
        description="Trials listed late",
    )
    assert escalation.agenda_item.meeting == meeting
    assert escalation.agenda_item.status == AgendaItem.Status.PROPOSED
    assert escalation.status == Escalation.Status.ON_AGENDA


def test_national_escalation_is_answered_by_national_viewers(forum, member):
    escalation = action_services.escalation_raise(
        from_forum=forum,
        by=member,
        level=Escalation.Level.NATIONAL,
        title="Funding",
        description="Cuts",
    )
    with pytest.raises(PermissionDenied):
        action_services.escalation_respond(escalation=escalation, by=member, response="No")
    national = UserFactory(national_viewer=True)
    action_services.escalation_respond(escalation=escalation, by=national, response="Noted")
    assert escalation.status == Escalation.Status.RESPONDED


def test_board_without_parent_cannot_escalate_to_a_parent(forum, member):
    with pytest.raises(ValidationError):
        action_services.escalation_raise(
            from_forum=forum,
            by=member,
            level=Escalation.Level.PARENT_BOARD,
            title="X",
            description="Y",
        )


def test_upload_checks(tmp_path):
    from forums.uploads import check_upload

    assert check_upload(io.BytesIO(pdf_bytes())).kind == "pdf"
    csv = SimpleUploadedFile("data.csv", b"area,value\nCleveland,12\n")
    assert check_upload(csv).kind == "csv"
    with pytest.raises(ValidationError):
        check_upload(SimpleUploadedFile("x.docx", b"PK\x03\x04" + b"\x00" * 50))
    from openpyxl import Workbook

    workbook = Workbook()
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert check_upload(SimpleUploadedFile("figures.bin", buffer.getvalue())).kind == "xlsx"


def test_deputy_is_told_without_the_agenda(forum, member, django_capture_on_commit_callbacks):
    meeting = MeetingFactory(forum=forum)
    AgendaItemFactory(
        meeting=meeting, title="Secret item", confidentiality=Confidentiality.CONFIDENTIAL
    )
    deputy = UserFactory(email="deputy@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        attendance_reply(meeting=meeting, person=member, reply="deputy", deputy=deputy)
    message = next(m for m in mail.outbox if deputy.email in m.to)
    assert member.full_name in message.body
    assert "Secret item" not in message.body


def test_reply_form_offers_the_standing_deputy(member_client, member, forum):
    from django.urls import reverse

    from forums.models import Membership

    deputy = UserFactory(email="standing.deputy@example.org")
    Membership.objects.filter(forum=forum, person=member).update(deputy=deputy)
    meeting = MeetingFactory(forum=forum)
    page = member_client.get(reverse("meetings:workspace-rsvp", args=[forum.slug, meeting.pk]))
    assert "standing.deputy@example.org" in page.content.decode()
