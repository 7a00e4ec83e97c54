"""Decisions between meetings (written procedures): who answers, the outcome, the decision it
records, the next agenda, what the public sees, and the reminders."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from forums.models import AgendaItem, Confidentiality, Decision, Membership, WrittenProcedure
from forums.reminders import send_procedure_reminders
from forums.selectors.minutes import decision_list_for
from forums.selectors.procedures import agency_rows, procedures_awaiting, tally_of
from forums.services.meetings import meeting_schedule
from forums.services.procedures import (
    procedure_close,
    procedure_respond,
    procedure_start,
    procedure_withdraw,
    procedures_close_due,
)
from forums.voting import voting_agencies
from membership.models import Notification
from tests.forums.factories import (
    MeetingFactory,
    MembershipFactory,
    WrittenProcedureFactory,
    pdf_bytes,
)
from tests.membership.factories import AgencyFactory, agency_type

pytestmark = pytest.mark.django_db

Answer = WrittenProcedure.Status
AGREE, WITH_COMMENTS, OBJECT = "agree", "agree_with_comments", "object"


def agency_of(person, forum):
    return Membership.objects.get(forum=forum, person=person).agency


def start(forum, by, **kwargs):
    defaults = {
        "title": "Fund the victim contact audit",
        "proposal": "The board agrees to fund a joint audit of victim contact.",
        "closes_at": timezone.now() + datetime.timedelta(days=10),
        "confidentiality_reason": "Funding not yet announced",
    }
    return procedure_start(forum=forum, by=by, **{**defaults, **kwargs})


def answer(procedure, person, value, **kwargs):
    if value != AGREE and "comments" not in kwargs:
        kwargs["comments"] = "Our reasons."
    return procedure_respond(
        procedure=procedure,
        by=person,
        agency=agency_of(person, procedure.forum),
        answer=value,
        **kwargs,
    )


@pytest.fixture
def voters(forum, chair, member, advisory_member, secretariat):
    """The chair (for the PCC) and a member (for CPS) vote; advisory and secretariat do not."""
    return chair, member


def test_agencies_that_answer_are_those_that_vote_advisory_and_secretariat_excluded(
    forum, voters, advisory_member, secretariat
):
    chair, member = voters
    assert {a.pk for a in voting_agencies(forum=forum)} == {
        agency_of(chair, forum).pk,
        agency_of(member, forum).pk,
    }


def test_only_the_secretariat_or_chair_start_one_and_each_voter_is_emailed(
    forum, voters, secretariat, advisory_member, mailoutbox, django_capture_on_commit_callbacks
):
    chair, member = voters
    with pytest.raises(PermissionDenied):
        start(forum, member)
    with django_capture_on_commit_callbacks(execute=True):
        procedure = start(forum, secretariat)
    assert procedure.is_open
    assert procedure.quorum == 2  # more than half of the two agencies
    told = {message.to[0] for message in mailoutbox}
    assert told == {chair.email, member.email}
    assert "Respond by" in mailoutbox[0].body


def test_a_paper_is_checked_like_a_meeting_paper(forum, voters, secretariat):
    bad = SimpleUploadedFile("virus.exe", b"MZ\x90\x00 not a document")
    with pytest.raises(ValidationError) as error:
        start(forum, secretariat, papers=[bad])
    assert "paper" in error.value.message_dict
    assert not WrittenProcedure.objects.exists()  # nothing partial saved
    good = SimpleUploadedFile("proposal.pdf", pdf_bytes("Proposal"))
    procedure = start(forum, secretariat, papers=[good])
    assert [p.file_name for p in procedure.papers.all()] == ["proposal.pdf"]


def test_a_member_answers_for_their_own_agency_only_and_may_change_it(
    forum, voters, secretariat, advisory_member
):
    chair, member = voters
    procedure = start(forum, secretariat)
    with pytest.raises(PermissionDenied):
        procedure_respond(
            procedure=procedure, by=member, agency=agency_of(chair, forum), answer=AGREE
        )
    with pytest.raises(PermissionDenied):
        procedure_respond(
            procedure=procedure,
            by=advisory_member,
            agency=agency_of(advisory_member, forum),
            answer=AGREE,
        )
    answer(procedure, member, OBJECT, comments="Costs are not agreed.")
    response = answer(procedure, member, WITH_COMMENTS, comments="Subject to costs.")
    assert procedure.responses.count() == 1
    assert response.history.count() == 2  # the change is kept
    procedure.refresh_from_db()
    assert procedure.is_open  # the chair's agency has not answered yet


def test_an_objection_or_comments_need_words(forum, voters, secretariat):
    chair, member = voters
    procedure = start(forum, secretariat)
    with pytest.raises(ValidationError) as error:
        answer(procedure, member, OBJECT, comments="")
    assert error.value.message_dict["comments"] == ["Enter why your agency objects"]
    with pytest.raises(ValidationError) as error:
        answer(procedure, member, AGREE, refer_to_meeting=True)
    assert "refer_to_meeting" in error.value.message_dict


def test_no_answer_after_the_deadline(forum, voters, secretariat):
    chair, member = voters
    procedure = WrittenProcedureFactory(
        forum=forum,
        opened_at=timezone.now() - datetime.timedelta(days=8),
        closes_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    with pytest.raises(ValidationError):
        answer(procedure, member, AGREE)


def test_when_every_agency_agrees_a_decision_with_no_meeting_is_recorded(
    forum, voters, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    chair, member = voters
    procedure = start(forum, secretariat)
    answer(procedure, member, AGREE)
    with django_capture_on_commit_callbacks(execute=True):
        answer(procedure, chair, WITH_COMMENTS, comments="Report back in March.")
    procedure.refresh_from_db()
    assert procedure.status == WrittenProcedure.Status.AGREED
    decision = procedure.decision
    assert decision.meeting is None
    year = timezone.localdate().year
    assert decision.reference == f"D{year}-001"
    assert decision.text.startswith("Agreed in writing: The board agrees to fund")
    assert decision.confidentiality == Confidentiality.CONFIDENTIAL
    assert list(decision_list_for(person=member, forum=forum)) == [decision]
    assert any("agreed" in m.subject for m in mailoutbox)


def test_one_objection_means_not_agreed_under_consensus(forum, voters, secretariat):
    chair, member = voters
    procedure = start(forum, secretariat)
    answer(procedure, chair, AGREE)
    answer(procedure, member, OBJECT, comments="Costs are not agreed.")
    procedure.refresh_from_db()
    assert procedure.status == WrittenProcedure.Status.NOT_AGREED
    assert procedure.decision.text.startswith("Not agreed in writing:")
    assert "1 objected" in procedure.outcome


def test_majority_rule_agrees_when_more_agencies_agree_than_object(forum, voters, secretariat):
    chair, member = voters
    third = MembershipFactory(
        forum=forum,
        role=Membership.Role.MEMBER,
        agency=AgencyFactory(agency_type=agency_type("hmcts")),
    ).person
    procedure = start(forum, secretariat, rule=WrittenProcedure.Rule.MAJORITY)
    answer(procedure, chair, AGREE)
    answer(procedure, third, AGREE)
    answer(procedure, member, OBJECT)
    procedure.refresh_from_db()
    assert procedure.status == WrittenProcedure.Status.AGREED


def test_an_objection_can_send_the_matter_to_the_next_meeting(forum, voters, secretariat):
    chair, member = voters
    next_meeting = MeetingFactory(
        forum=forum, starts_at=timezone.now() + datetime.timedelta(days=20)
    )
    procedure = start(forum, secretariat)
    answer(procedure, chair, AGREE)
    answer(procedure, member, OBJECT, refer_to_meeting=True)
    procedure.refresh_from_db()
    assert procedure.status == WrittenProcedure.Status.REFERRED
    assert not Decision.objects.filter(procedure=procedure).exists()
    item = procedure.agenda_item
    assert item.meeting == next_meeting
    assert item.purpose == AgendaItem.Purpose.DECISION
    assert item.title == "Referred from a decision in writing: Fund the victim contact audit"


def test_the_outcome_is_noted_on_the_next_meeting_already_scheduled(forum, voters, secretariat):
    chair, member = voters
    next_meeting = MeetingFactory(
        forum=forum, starts_at=timezone.now() + datetime.timedelta(days=20)
    )
    procedure = start(forum, secretariat)
    procedure_close(procedure=procedure, by=secretariat)  # nobody answered: no quorum
    procedure.refresh_from_db()
    assert procedure.status == WrittenProcedure.Status.NOT_AGREED
    assert "Not enough agencies responded" in procedure.outcome
    item = next_meeting.agenda_items.get()
    assert item.purpose == AgendaItem.Purpose.INFORMATION
    assert item.title.startswith(
        f"For noting: decision taken in writing, {procedure.decision.reference}"
    )
    assert item.confidentiality == Confidentiality.CONFIDENTIAL


def test_a_meeting_scheduled_later_gets_the_outcome_with_the_automatic_items(
    forum, voters, secretariat
):
    chair, member = voters
    procedure = start(forum, secretariat)
    answer(procedure, chair, AGREE)
    answer(procedure, member, AGREE)
    meeting = meeting_schedule(
        forum=forum,
        by=secretariat,
        title="Board meeting",
        starts_at=timezone.now() + datetime.timedelta(days=30),
        location="Middlesbrough",
    )
    titles = list(meeting.agenda_items.order_by("order").values_list("title", flat=True))
    assert titles[0] == "Matters arising and actions carried forward"
    assert titles[1].startswith("For noting: decision taken in writing, D")
    procedure.refresh_from_db()
    assert procedure.agenda_item.meeting == meeting
    # A later meeting does not note it again.
    later = meeting_schedule(
        forum=forum,
        by=secretariat,
        title="Board meeting",
        starts_at=timezone.now() + datetime.timedelta(days=90),
        location="Middlesbrough",
    )
    assert not later.agenda_items.filter(title__startswith="For noting").exists()


def test_the_beat_closes_procedures_past_their_deadline_once(forum, voters, secretariat):
    chair, member = voters
    procedure = start(forum, secretariat)
    answer(procedure, member, AGREE)
    assert procedures_close_due() == 0
    later = timezone.now() + datetime.timedelta(days=11)
    assert procedures_close_due(now=later) == 1
    assert procedures_close_due(now=later) == 0
    procedure.refresh_from_db()
    # One of two agencies answered: the quorum (2) was not reached.
    assert procedure.status == WrittenProcedure.Status.NOT_AGREED


def test_a_withdrawn_procedure_records_no_decision(forum, voters, secretariat):
    chair, member = voters
    procedure = start(forum, secretariat)
    with pytest.raises(PermissionDenied):
        procedure_withdraw(procedure=procedure, by=member)
    procedure_withdraw(procedure=procedure, by=secretariat)
    procedure.refresh_from_db()
    assert procedure.status == WrittenProcedure.Status.WITHDRAWN
    assert not Decision.objects.exists()
    with pytest.raises(ValidationError):
        answer(procedure, member, AGREE)


def test_the_public_sees_a_public_decision_in_writing_only_once_decided(forum, voters, secretariat):
    chair, member = voters
    public = start(forum, secretariat, confidentiality=Confidentiality.PUBLIC)
    confidential = start(forum, secretariat, title="Confidential matter")
    assert not WrittenProcedure.objects.public().exists()
    for procedure in (public, confidential):
        answer(procedure, chair, AGREE)
        answer(procedure, member, AGREE)
    assert list(WrittenProcedure.objects.public()) == [public]
    assert list(Decision.objects.public()) == [Decision.objects.get(procedure=public)]
    forum.is_public = False
    forum.save(update_fields=["is_public"])
    assert not Decision.objects.public().exists()


def test_tally_splits_agree_with_comments_object_and_not_yet(forum, voters, secretariat):
    chair, member = voters
    third = MembershipFactory(
        forum=forum,
        role=Membership.Role.MEMBER,
        agency=AgencyFactory(agency_type=agency_type("hmcts")),
    ).person
    procedure = start(forum, secretariat)
    answer(procedure, member, OBJECT)
    answer(procedure, third, WITH_COMMENTS)
    procedure = WrittenProcedure.objects.prefetch_related("responses").get(pk=procedure.pk)
    tally = tally_of(agency_rows(procedure))
    assert (tally.agree, tally.with_comments, tally.object, tally.not_yet) == (0, 1, 1, 1)


def test_procedures_awaiting_lists_those_the_persons_agency_has_not_answered(
    forum, voters, secretariat, advisory_member
):
    chair, member = voters
    procedure = start(forum, secretariat)
    assert procedures_awaiting(member) == [procedure]
    assert procedures_awaiting(advisory_member) == []
    assert procedures_awaiting(secretariat) == []
    answer(procedure, member, AGREE)
    assert procedures_awaiting(member) == []
    assert procedures_awaiting(chair) == [procedure]


def test_reminders_at_half_time_and_the_day_before_to_agencies_yet_to_answer(
    forum, voters, secretariat, mailoutbox
):
    chair, member = voters
    now = timezone.now()
    procedure = WrittenProcedureFactory(
        forum=forum, opened_at=now, closes_at=now + datetime.timedelta(days=10), quorum=2
    )
    answer(procedure, member, AGREE)
    opened = timezone.localtime(procedure.opened_at).date()
    assert send_procedure_reminders(today=opened + datetime.timedelta(days=1)) == 0
    half = timezone.localtime(now + datetime.timedelta(days=5)).date()
    assert send_procedure_reminders(today=half) == 1
    assert send_procedure_reminders(today=half) == 0  # once per key
    day_before = timezone.localtime(procedure.closes_at).date() - datetime.timedelta(days=1)
    assert send_procedure_reminders(today=day_before) == 1
    reminders = Notification.objects.filter(key__startswith="procedure-reminder")
    assert {n.recipient_id for n in reminders} == {chair.pk}
