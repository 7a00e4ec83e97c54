"""Reads of written procedures: the forum's list, one procedure with each agency's answer,
and the procedures a person's agency still has to answer."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from forums.confidentiality import visible_to
from forums.home import HomeItem, HomeSection
from forums.models import Forum, ProcedureResponse, WrittenProcedure
from forums.voting import voting_agencies, voting_seats
from membership import dates
from membership.models import Agency, User

Answer = ProcedureResponse.Answer


def procedure_list_for(*, person: User, forum: Forum) -> QuerySet[WrittenProcedure]:
    """The forum's written procedures the person may see, newest first, with their answers."""
    procedures = visible_to(WrittenProcedure.objects.filter(forum=forum), person, forum)
    return procedures.select_related("decision").prefetch_related("responses")


def procedure_for(*, person: User, forum: Forum, pk: int) -> WrittenProcedure:
    """One procedure of the forum, if the person may see it (else 404)."""
    procedures = visible_to(WrittenProcedure.objects.filter(forum=forum), person, forum)
    responses = ProcedureResponse.objects.select_related("agency", "responded_by")
    return get_object_or_404(
        procedures.select_related(
            "forum", "decision", "agenda_item__meeting", "created_by"
        ).prefetch_related("papers", Prefetch("responses", queryset=responses)),
        pk=pk,
    )


@dataclass(frozen=True)
class AgencyRow:
    """One agency that votes (or answered and has since left) and its answer, if any."""

    agency: Agency
    response: ProcedureResponse | None


@dataclass(frozen=True)
class Tally:
    agree: int
    with_comments: int
    object: int
    not_yet: int

    @property
    def answered(self) -> int:
        return self.agree + self.with_comments + self.object


def agency_rows(procedure: WrittenProcedure) -> list[AgencyRow]:
    """Every agency expected to answer, by name, with its answer (prefetched responses)."""
    answers = {r.agency_id: r for r in procedure.responses.all()}
    rows = [AgencyRow(a, answers.pop(a.pk, None)) for a in voting_agencies(forum=procedure.forum)]
    rows += [AgencyRow(r.agency, r) for r in answers.values()]
    return sorted(rows, key=lambda row: row.agency.name)


def tally_of(rows: list[AgencyRow]) -> Tally:
    answers = [row.response.answer for row in rows if row.response]
    return Tally(
        agree=answers.count(Answer.AGREE),
        with_comments=answers.count(Answer.AGREE_WITH_COMMENTS),
        object=answers.count(Answer.OBJECT),
        not_yet=sum(1 for row in rows if row.response is None),
    )


def agencies_person_answers_for(*, person: User, procedure: WrittenProcedure) -> list[Agency]:
    """The agencies the person votes for on the procedure's forum, by name."""
    seats = voting_seats().filter(forum_id=procedure.forum_id, person_id=person.pk)
    return list(Agency.objects.filter(pk__in=seats.values("agency_id")).order_by("name"))


def procedures_awaiting(person: User) -> list[WrittenProcedure]:
    """Open written procedures, on any of the person's forums, that an agency they vote for has
    not answered yet (for the workspace home), soonest deadline first."""
    if not getattr(person, "is_authenticated", False):
        return []
    seats = list(voting_seats().filter(person_id=person.pk).values_list("forum_id", "agency_id"))
    if not seats:
        return []
    procedures = (
        WrittenProcedure.objects.open()
        .filter(forum_id__in={forum_id for forum_id, _ in seats}, closes_at__gt=timezone.now())
        .select_related("forum")
        .prefetch_related("responses")
        .order_by("closes_at", "pk")
    )
    awaiting = []
    for procedure in procedures:
        mine = {agency for forum_id, agency in seats if forum_id == procedure.forum_id}
        answered = {r.agency_id for r in procedure.responses.all()}
        if mine - answered:
            awaiting.append(procedure)
    return awaiting


def public_procedures(*, forum: Forum) -> list[WrittenProcedure]:
    """The forum's decisions in writing the public may see (public and decided), newest first."""
    return list(
        WrittenProcedure.objects.public()
        .filter(forum=forum)
        .select_related("decision")
        .order_by("-closed_at", "-pk")
    )


def procedures_section(home) -> HomeSection | None:
    """'Decisions in writing awaiting your agency', on the workspace home of whoever votes."""
    if not voting_seats(home.today).filter(person_id=home.person.pk).exists():
        return None
    items = tuple(
        HomeItem(
            text=gettext("Answer “%(title)s”") % {"title": procedure.title},
            url=reverse(
                "meetings:workspace-procedure-respond", args=[procedure.forum.slug, procedure.pk]
            ),
            detail=gettext("%(forum)s, answers by %(when)s")
            % {"forum": procedure.forum, "when": dates.date_and_time(procedure.closes_at)},
            tag=gettext("Waiting for your agency"),
            tag_class="govuk-tag--orange",
            forum=procedure.forum,
        )
        for procedure in procedures_awaiting(home.person)
    )
    return HomeSection(
        key="procedures",
        title=gettext("Decisions in writing awaiting your agency"),
        items=items,
        empty=gettext("Nothing to do: your agency has answered every proposal put in writing."),
        order=25,
    )
