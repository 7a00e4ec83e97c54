"""A forum's priorities: the list, one priority, its sign-off board and what it can link to."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext

from forums.models import Action, AgendaItem, Decision, Forum, MinuteEntry
from membership.models import Agency, User
from priorities.models import (
    Objective,
    Priority,
    PriorityDiscussion,
    SignOff,
    Theme,
    current_plan_year,
)
from priorities.selectors.forums import signing_agencies


def priority_list_for(*, forum: Forum, plan_year: int | None = None) -> QuerySet[Priority]:
    """Every priority of the forum (members see drafts too), with what the list shows."""
    priorities = (
        Priority.objects.filter(forum=forum)
        .select_related("theme", "lead_agency")
        .annotate(
            objective_count=Count("objectives", distinct=True),
            **{
                f"{decision}_count": Count(
                    "sign_offs",
                    filter=Q(sign_offs__round=F("sign_off_round"), sign_offs__decision=decision),
                    distinct=True,
                )
                for decision in SignOff.Decision.values
            },
        )
        .order_by("-plan_year", "status", "title")
    )
    if plan_year is not None:
        priorities = priorities.filter(plan_year=plan_year)
    return priorities


def priority_for(*, forum: Forum, pk: int) -> Priority:
    priority = (
        Priority.objects.filter(forum=forum, pk=pk)
        .select_related("theme", "lead_agency", "lead_member", "forum")
        .first()
    )
    if priority is None:
        raise Http404("No such priority")
    return priority


def plan_years(*, forum: Forum) -> list[int]:
    years = set(Priority.objects.filter(forum=forum).values_list("plan_year", flat=True))
    years.add(current_plan_year())
    return sorted(years, reverse=True)


@dataclass
class SignOffTally:
    """How many agencies gave each answer in the current round, and how many have not yet."""

    agree: int
    reservations: int
    disagree: int
    not_yet: int

    @property
    def expected(self) -> int:
        return self.agree + self.reservations + self.disagree + self.not_yet

    @property
    def items(self) -> list[tuple[str, int, str]]:
        """(answer, how many, tag colour) in the order the sign-off form offers them."""
        return [
            (SignOff.Decision.AGREE.label, self.agree, "govuk-tag--green"),
            (SignOff.Decision.RESERVATIONS.label, self.reservations, "govuk-tag--yellow"),
            (SignOff.Decision.DISAGREE.label, self.disagree, "govuk-tag--red"),
            (gettext("Not answered yet"), self.not_yet, "govuk-tag--grey"),
        ]


def attach_sign_off_tallies(priorities: list[Priority], *, expected: int) -> list[Priority]:
    """Give each priority of ``priority_list_for`` its ``tally`` out of the expected agencies."""
    for priority in priorities:
        answered = [getattr(priority, f"{d}_count") for d in SignOff.Decision.values]
        agree, reservations, disagree = answered
        not_yet = max(expected - sum(answered), 0)
        priority.tally = SignOffTally(agree, reservations, disagree, not_yet)
    return priorities


@dataclass
class SignOffRow:
    agency: Agency
    sign_off: SignOff | None


@dataclass
class SignOffBoard:
    """Who has signed a priority in the current round, who has not, and the reservations."""

    rows: list[SignOffRow]

    @property
    def signed(self) -> list[SignOffRow]:
        return [row for row in self.rows if row.sign_off]

    @property
    def outstanding(self) -> list[SignOffRow]:
        return [row for row in self.rows if not row.sign_off]

    @property
    def tally(self) -> SignOffTally:
        decisions = [row.sign_off.decision for row in self.signed]
        return SignOffTally(
            agree=decisions.count(SignOff.Decision.AGREE),
            reservations=decisions.count(SignOff.Decision.RESERVATIONS),
            disagree=decisions.count(SignOff.Decision.DISAGREE),
            not_yet=len(self.outstanding),
        )

    def answer_of(self, agency_ids) -> dict[int, SignOff]:
        """The current answers of these agencies, by agency id (to preselect them)."""
        return {
            row.agency.pk: row.sign_off
            for row in self.rows
            if row.sign_off and row.agency.pk in agency_ids
        }

    @property
    def reservations(self) -> list[SignOff]:
        return [
            row.sign_off
            for row in self.rows
            if row.sign_off and row.sign_off.decision != SignOff.Decision.AGREE
        ]

    @property
    def disagreements(self) -> list[SignOff]:
        return [
            row.sign_off
            for row in self.rows
            if row.sign_off and row.sign_off.decision == SignOff.Decision.DISAGREE
        ]


def sign_off_board(*, priority: Priority) -> SignOffBoard:
    """Every agency expected to sign off (plus any that signed and have since left)."""
    sign_offs = {
        s.agency_id: s
        for s in SignOff.objects.filter(priority=priority, round=priority.sign_off_round)
        .select_related("agency", "signed_by")
        .order_by("agency__name")
    }
    rows = [
        SignOffRow(agency, sign_offs.pop(agency.pk, None))
        for agency in signing_agencies(forum=priority.forum)
    ]
    rows += [SignOffRow(s.agency, s) for s in sign_offs.values()]
    rows.sort(key=lambda row: row.agency.name)
    return SignOffBoard(rows)


@dataclass
class Outstanding:
    priority: Priority
    agencies: list[Agency]


def outstanding_sign_offs(*, forum: Forum) -> list[Outstanding]:
    """For the secretariat: priorities out for sign-off and the agencies yet to answer."""
    expected = signing_agencies(forum=forum)
    out = []
    priorities = Priority.objects.filter(
        forum=forum, status=Priority.Status.SIGN_OFF
    ).prefetch_related(
        Prefetch("sign_offs", queryset=SignOff.objects.only("priority_id", "agency_id", "round"))
    )
    for priority in priorities:
        signed = {
            s.agency_id for s in priority.sign_offs.all() if s.round == priority.sign_off_round
        }
        missing = [agency for agency in expected if agency.pk not in signed]
        if missing:
            out.append(Outstanding(priority, missing))
    return out


def sign_offs_owed_by(*, person: User, outstanding: list[Outstanding]) -> list[Priority]:
    """Of the outstanding sign-offs, the priorities the person's own agency has to answer."""
    from priorities.rules import signing_agency_ids

    if not outstanding:
        return []
    mine = signing_agency_ids(person, outstanding[0].priority.forum)
    return [item.priority for item in outstanding if any(a.pk in mine for a in item.agencies)]


def agencies_person_signs_for(*, person: User, priority: Priority) -> QuerySet[Agency]:
    from priorities.rules import signing_agency_ids

    return Agency.objects.filter(pk__in=signing_agency_ids(person, priority.forum)).order_by("name")


def objectives_of(*, priority: Priority) -> QuerySet[Objective]:
    return priority.objectives.select_related("indicator")


def discussions_of(*, priority: Priority, person: User) -> list[PriorityDiscussion]:
    """Where the priority was discussed, without anything the person may not see."""
    agenda_items = AgendaItem.objects.visible_to_member(person)
    decisions = Decision.objects.visible_to_member(person)
    minute_entries = MinuteEntry.objects.visible_to_member(person)
    links = priority.discussions.select_related(
        "agenda_item__meeting", "decision__meeting", "minute_entry__agenda_item__meeting"
    ).filter(
        Q(agenda_item__in=agenda_items)
        | Q(decision__in=decisions)
        | Q(minute_entry__in=minute_entries)
    )
    return list(links)


def discussion_choices(*, forum: Forum, person: User):
    """What the secretariat may link a priority to: the forum's agenda items and decisions."""
    agenda_items = (
        AgendaItem.objects.visible_to_member(person)
        .filter(meeting__forum=forum, status=AgendaItem.Status.ON_AGENDA)
        .select_related("meeting")
        .order_by("-meeting__starts_at", "order")
    )
    decisions = (
        Decision.objects.visible_to_member(person).filter(forum=forum).order_by("-decided_on")
    )
    minute_entries = (
        MinuteEntry.objects.visible_to_member(person)
        .filter(minutes__meeting__forum=forum)
        .select_related("agenda_item__meeting")
        .order_by("-minutes__meeting__starts_at")
    )
    return agenda_items, decisions, minute_entries


def action_choices(*, forum: Forum, person: User) -> QuerySet[Action]:
    return Action.objects.visible_to_member(person).filter(forum=forum).order_by("due_date")


def theme_choices(*, forum: Forum) -> QuerySet[Theme]:
    return Theme.objects.for_forum(forum).order_by("forum", "name")
