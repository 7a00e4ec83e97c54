"""Writes for decisions between meetings: start a written procedure, add papers, respond,
close (at the deadline, when every agency has answered, or early), withdraw, and put the
outcome on the next meeting's agenda."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from forums.links import procedure_url
from forums.models import (
    AgendaItem,
    Confidentiality,
    Decision,
    Forum,
    Meeting,
    Minutes,
    ProcedurePaper,
    ProcedureResponse,
    WrittenProcedure,
)
from forums.references import next_decision_reference
from forums.services._common import _members_of, _next_order
from forums.uploads import check_upload
from forums.voting import voting_agencies, voting_agency_ids, voting_seats
from membership import dates
from membership.models import Agency, User
from membership.notifications import notify

Status = WrittenProcedure.Status
Answer = ProcedureResponse.Answer


def _require_runner(person: User, forum: Forum) -> None:
    if not person.has_perm("forums.run_written_procedure", forum):
        raise PermissionDenied(gettext("Only the secretariat or the chair can do this."))


def voters_of(procedure: WrittenProcedure, agency_ids: Iterable[int] | None = None) -> list[User]:
    """People who currently vote for an agency on the procedure's forum (of ``agency_ids``)."""
    seats = voting_seats().filter(forum_id=procedure.forum_id, person__is_active=True)
    if agency_ids is not None:
        seats = seats.filter(agency_id__in=list(agency_ids))
    return list(User.objects.filter(pk__in=seats.values("person_id")).order_by("pk"))


def default_quorum(agency_count: int) -> int:
    """More than half of the agencies that vote (at least one)."""
    return agency_count // 2 + 1


@transaction.atomic
def procedure_start(
    *,
    forum: Forum,
    by: User,
    title: str,
    proposal: str,
    closes_at: datetime.datetime,
    background: str = "",
    rule: str = WrittenProcedure.Rule.CONSENSUS,
    quorum: int | None = None,
    confidentiality: str = Confidentiality.CONFIDENTIAL,
    confidentiality_reason: str = "",
    papers: Iterable = (),
    minutes: Minutes | None = None,
) -> WrittenProcedure:
    """Put a proposal to the board in writing; every agency that votes is asked to respond.

    With ``minutes`` (circulated minutes of one of the forum's meetings), the proposal is to
    approve them: if agreed, they are approved in writing (``Minutes.ApprovedVia.IN_WRITING``)."""
    _require_runner(by, forum)
    agencies = voting_agencies(forum=forum)
    if not agencies:
        raise ValidationError(
            gettext("No agency on this forum can respond: add members who represent agencies first")
        )
    if quorum is not None and quorum > len(agencies):
        raise ValidationError(
            {
                "quorum": gettext(
                    "The quorum cannot be more than the %(agencies)s agencies that vote"
                )
                % {"agencies": len(agencies)}
            }
        )
    procedure = WrittenProcedure(
        forum=forum,
        title=title.strip(),
        proposal=proposal.strip(),
        background=background.strip(),
        opened_at=timezone.now(),
        closes_at=closes_at,
        rule=rule,
        quorum=quorum or default_quorum(len(agencies)),
        confidentiality=confidentiality,
        confidentiality_reason=(
            "" if confidentiality == Confidentiality.PUBLIC else confidentiality_reason.strip()
        ),
        created_by=by,
        minutes=minutes,
    )
    procedure.full_clean()
    procedure.save()
    for upload in papers:
        _add_paper(procedure, by, upload)
    notify(
        key=f"procedure:{procedure.pk}:opened",
        recipients=voters_of(procedure),
        category="meetings",
        subject=gettext("Decision in writing: respond by %(closes_at)s: %(procedure_title)s")
        % {
            "closes_at": dates.date_and_time(procedure.closes_at),
            "procedure_title": procedure.title,
        },
        template="forums/email/procedure_opened",
        context={"procedure": procedure, "forum": forum},
        url=procedure_url(procedure),
    )
    return procedure


def _add_paper(procedure: WrittenProcedure, by: User, upload, title: str = "") -> ProcedurePaper:
    try:
        checked = check_upload(upload)
    except ValidationError as error:
        raise ValidationError({"paper": error.messages}) from None
    paper = ProcedurePaper(
        procedure=procedure,
        title=title.strip() or checked.file_name,
        file_name=checked.file_name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=by,
    )
    paper.file.save(checked.file_name, File(upload, name=checked.file_name), save=False)
    paper.save()
    return paper


@transaction.atomic
def procedure_paper_add(
    *, procedure: WrittenProcedure, by: User, upload, title: str = ""
) -> ProcedurePaper:
    """Add a paper to an open written procedure (checked from its content, as meeting papers)."""
    _require_runner(by, procedure.forum)
    if not procedure.is_open:
        raise ValidationError(gettext("Papers can only be added while the procedure is open"))
    return _add_paper(procedure, by, upload, title)


@transaction.atomic
def procedure_respond(
    *,
    procedure: WrittenProcedure,
    by: User,
    agency: Agency,
    answer: str,
    comments: str = "",
    refer_to_meeting: bool = False,
) -> ProcedureResponse:
    """An agency's answer (one per agency; it may change it until the deadline). When every
    agency that votes has answered, the procedure closes with its outcome."""
    procedure = WrittenProcedure.objects.select_for_update().get(pk=procedure.pk)
    forum = procedure.forum
    if not by.has_perm("forums.respond_to_written_procedure", forum) or (
        agency is None or agency.pk not in voting_agency_ids(by, forum)
    ):
        raise PermissionDenied(
            gettext("Only a member who represents the agency can answer for it.")
        )
    if not procedure.is_open or procedure.is_past_deadline:
        raise ValidationError(
            gettext("This written procedure is closed: answers can no longer change")
        )
    errors = {}
    if answer not in Answer.values:
        errors["answer"] = gettext("Choose whether your agency agrees or objects")
    if answer in (Answer.AGREE_WITH_COMMENTS, Answer.OBJECT) and not comments.strip():
        errors["comments"] = (
            gettext("Enter your agency's comments")
            if answer == Answer.AGREE_WITH_COMMENTS
            else gettext("Enter why your agency objects")
        )
    if refer_to_meeting and answer != Answer.OBJECT:
        errors["refer_to_meeting"] = gettext(
            "Only an objection can ask for the matter to go to a meeting"
        )
    if errors:
        raise ValidationError(errors)
    response, _ = ProcedureResponse.objects.update_or_create(
        procedure=procedure,
        agency=agency,
        defaults={
            "answer": answer,
            "comments": comments.strip(),
            "refer_to_meeting": refer_to_meeting,
            "responded_by": by,
            "responded_at": timezone.now(),
        },
    )
    expected = {a.pk for a in voting_agencies(forum=forum)}
    answered = set(procedure.responses.values_list("agency_id", flat=True))
    if expected <= answered:
        _conclude(procedure, by=None)
    return response


@transaction.atomic
def procedure_close(*, procedure: WrittenProcedure, by: User) -> WrittenProcedure:
    """Close the procedure now (before its deadline) and record the outcome."""
    _require_runner(by, procedure.forum)
    procedure = WrittenProcedure.objects.select_for_update().get(pk=procedure.pk)
    if not procedure.is_open:
        raise ValidationError(gettext("This written procedure is already closed"))
    return _conclude(procedure, by=by)


@transaction.atomic
def procedure_withdraw(*, procedure: WrittenProcedure, by: User) -> WrittenProcedure:
    """Take the proposal back: no outcome, no decision; members are told."""
    _require_runner(by, procedure.forum)
    procedure = WrittenProcedure.objects.select_for_update().get(pk=procedure.pk)
    if not procedure.is_open:
        raise ValidationError(gettext("Only an open written procedure can be withdrawn"))
    procedure.status = Status.WITHDRAWN
    procedure.outcome = "Withdrawn before the deadline."
    procedure.closed_at = timezone.now()
    procedure.closed_by = by
    procedure.save(update_fields=["status", "outcome", "closed_at", "closed_by"])
    _tell_outcome(procedure)
    return procedure


def procedures_close_due(*, now: datetime.datetime | None = None) -> int:
    """Close every open procedure whose deadline has passed (the beat task); safe to re-run."""
    now = now or timezone.now()
    closed = 0
    for pk in (
        WrittenProcedure.objects.open().filter(closes_at__lte=now).values_list("pk", flat=True)
    ):
        with transaction.atomic():
            procedure = WrittenProcedure.objects.select_for_update().get(pk=pk)
            if procedure.is_open:
                _conclude(procedure, by=None)
                closed += 1
    return closed


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def outcome_of(procedure: WrittenProcedure) -> tuple[str, str]:
    """(status, how it was reached) from the answers, the forum's rule and the quorum."""
    responses = list(procedure.responses.select_related("agency"))
    expected = {a.pk for a in voting_agencies(forum=procedure.forum)}
    agreed = [r for r in responses if r.agrees]
    with_comments = [r for r in agreed if r.answer == Answer.AGREE_WITH_COMMENTS]
    objected = [r for r in responses if r.objects_to_it]
    silent = len(expected - {r.agency_id for r in responses})
    summary = (
        f"{_plural(len(agreed), 'agency')} agreed ({len(with_comments)} with comments), "
        f"{len(objected)} objected, {silent} did not respond."
    )
    referring = [r.agency.name for r in objected if r.refer_to_meeting]
    if referring:
        return Status.REFERRED, (
            f"{summary} {', '.join(referring)} asked for the matter to go to the next meeting."
        )
    if len(responses) < procedure.quorum:
        return Status.NOT_AGREED, (
            f"{summary} Not enough agencies responded: the quorum is {procedure.quorum}."
        )
    if procedure.rule == WrittenProcedure.Rule.CONSENSUS:
        status = Status.NOT_AGREED if objected else Status.AGREED
    else:
        status = Status.AGREED if len(agreed) > len(objected) else Status.NOT_AGREED
    return status, summary


def _conclude(procedure: WrittenProcedure, *, by: User | None) -> WrittenProcedure:
    """Record the outcome: a decision (agreed or not) or a referral, and the next agenda."""
    status, outcome = outcome_of(procedure)
    procedure.status = status
    procedure.outcome = outcome
    procedure.closed_at = timezone.now()
    procedure.closed_by = by
    procedure.save(update_fields=["status", "outcome", "closed_at", "closed_by"])
    if procedure.is_decided:
        decided_on = timezone.localtime(procedure.closed_at).date()
        verb = "Agreed" if status == Status.AGREED else "Not agreed"
        decision = Decision(
            forum=procedure.forum,
            meeting=None,
            procedure=procedure,
            reference=next_decision_reference(forum=procedure.forum, year=decided_on.year),
            text=f"{verb} in writing: {procedure.proposal}",
            decided_on=decided_on,
            confidentiality=procedure.confidentiality,
            created_by=by or procedure.created_by,
        )
        decision.full_clean()
        decision.save()
        if status == Status.AGREED and procedure.minutes_id:
            from forums.services.minutes import minutes_approved_in_writing

            minutes_approved_in_writing(minutes=procedure.minutes, procedure=procedure)
    meeting = next_meeting_of(procedure.forum)
    if meeting is not None:
        _put_on_agenda(procedure, meeting)
    _tell_outcome(procedure)
    return procedure


def next_meeting_of(forum: Forum) -> Meeting | None:
    """The forum's next meeting not yet held or cancelled."""
    return (
        Meeting.objects.filter(forum=forum, status__in=Meeting.OPEN, starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )


def _put_on_agenda(procedure: WrittenProcedure, meeting: Meeting, order: int | None = None):
    """An automatic item: a decision taken in writing for noting, or a referred matter for
    decision."""
    decision = getattr(procedure, "decision", None) if procedure.is_decided else None
    if procedure.is_referred:
        title = f"Referred from a decision in writing: {procedure.title}"
        purpose = AgendaItem.Purpose.DECISION
    else:
        title = f"For noting: decision taken in writing, {decision.reference}: {procedure.title}"
        purpose = AgendaItem.Purpose.INFORMATION
    procedure.agenda_item = AgendaItem.objects.create(
        meeting=meeting,
        order=order if order is not None else _next_order(meeting),
        title=title[:300],
        description=f"{procedure.proposal}\n\n{procedure.outcome}",
        purpose=purpose,
        minutes_allowed=5,
        confidentiality=procedure.confidentiality,
        confidentiality_reason=procedure.confidentiality_reason,
        public_title="Decision taken in writing" if not procedure.is_public else "",
    )
    procedure.save(update_fields=["agenda_item"])


def procedures_put_on_agenda(*, meeting: Meeting, order: int) -> int:
    """On a new meeting's agenda: the written procedures closed since the last meeting (their
    outcome for noting, a referred matter for decision). Returns the next free order."""
    waiting = WrittenProcedure.objects.filter(
        forum=meeting.forum,
        agenda_item__isnull=True,
        status__in=(*WrittenProcedure.DECIDED, Status.REFERRED),
        closed_at__lt=meeting.starts_at,
    ).order_by("closed_at", "pk")
    for procedure in waiting.select_related("decision"):
        _put_on_agenda(procedure, meeting, order)
        order += 1
    return order


def _tell_outcome(procedure: WrittenProcedure) -> None:
    notify(
        key=f"procedure:{procedure.pk}:closed",
        recipients=_members_of(procedure.forum),
        category="meetings",
        subject=gettext("Decision in writing %(outcome)s: %(procedure_title)s")
        % {"outcome": procedure.get_status_display().lower(), "procedure_title": procedure.title},
        template="forums/email/procedure_closed",
        context={"procedure": procedure, "forum": procedure.forum},
        url=procedure_url(procedure),
    )
