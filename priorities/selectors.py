"""Reads of priorities, plans, risks, consultations and evaluations, scoped to who is asking.

Workspace reads start from ``forum_for`` (a forum the person sits on, otherwise 404). Public
reads use only the published querysets (``Priority.objects.published()`` and friends).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from forums.models import (
    Action,
    AgendaItem,
    Confidentiality,
    Decision,
    Forum,
    Membership,
    MinuteEntry,
)
from membership.models import Agency, PoliceForceArea, User
from priorities.models import (
    AnnualEvaluation,
    Answer,
    Consultation,
    DeliveryAction,
    EvaluationOutcome,
    Objective,
    Priority,
    PriorityDiscussion,
    Question,
    Response,
    Risk,
    SignOff,
    Tension,
    Theme,
    current_plan_year,
)
from priorities.rules import SIGNING_ROLES

# --- forums -------------------------------------------------------------------------------


def public_forum(*, slug: str) -> Forum:
    forum = Forum.objects.public().filter(slug=slug).first()
    if forum is None:
        raise Http404("No such forum")
    return forum


def signing_agencies(*, forum: Forum) -> list[Agency]:
    """Agencies represented on the forum by a member who may sign off (advisory excluded)."""
    agency_ids = (
        Membership.objects.current()
        .filter(
            forum=forum,
            role__in=SIGNING_ROLES,
            agency__isnull=False,
            agency__agency_type__advisory_only=False,
        )
        .values("agency_id")
    )
    return list(Agency.objects.filter(pk__in=agency_ids).order_by("name"))


def forum_members(*, forum: Forum) -> QuerySet[User]:
    """People with a current member seat (for choosing a lead member or risk owner)."""
    return User.objects.filter(
        pk__in=Membership.objects.current()
        .filter(forum=forum, role__in=Membership.MEMBER_ROLES)
        .values("person_id")
    ).order_by("full_name")


def forum_agencies(*, forum: Forum) -> QuerySet[Agency]:
    """Agencies with a current seat on the forum."""
    return Agency.objects.filter(
        pk__in=Membership.objects.current()
        .filter(forum=forum, agency__isnull=False)
        .values("agency_id")
    ).order_by("name")


# --- priorities -----------------------------------------------------------------------------


def priority_list_for(*, forum: Forum, plan_year: int | None = None) -> QuerySet[Priority]:
    """Every priority of the forum (members see drafts too), with what the list shows."""
    priorities = (
        Priority.objects.filter(forum=forum)
        .select_related("theme", "lead_agency")
        .annotate(
            objective_count=Count("objectives", distinct=True),
            signed_count=Count(
                "sign_offs",
                filter=Q(sign_offs__round=F("sign_off_round")),
                distinct=True,
            ),
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


# --- roll-up --------------------------------------------------------------------------------


RAG_LABELS = {"red": "Red", "amber": "Amber", "green": "Green", "none": "No actions yet"}
RAG_TAGS = {
    "red": "govuk-tag--red",
    "amber": "govuk-tag--yellow",
    "green": "govuk-tag--green",
    "none": "govuk-tag--grey",
}
RED_AFTER_DAYS = 30


@dataclass
class RollUp:
    """Progress of a set of actions: percentage complete and red, amber or green.

    Done actions count as 100%, dropped ones are left out. Red: an action more than 30 days
    overdue. Amber: an action overdue. Green: every action on time.
    """

    percent: int | None = None
    rag: str = "none"
    action_count: int = 0
    overdue_count: int = 0

    @property
    def rag_label(self) -> str:
        return RAG_LABELS[self.rag]

    @property
    def rag_tag(self) -> str:
        return RAG_TAGS[self.rag]


def roll_up(actions: list[Action], today=None) -> RollUp:
    today = today or timezone.localdate()
    counted = [a for a in actions if a.status != Action.Status.DROPPED]
    if not counted:
        return RollUp()
    percents = [100 if a.status == Action.Status.DONE else a.percent_complete for a in counted]
    overdue = [a for a in counted if a.is_open and a.due_date < today]
    rag = "green"
    if overdue:
        rag = "amber"
        if any((today - a.due_date).days > RED_AFTER_DAYS for a in overdue):
            rag = "red"
    return RollUp(
        percent=round(sum(percents) / len(percents)),
        rag=rag,
        action_count=len(counted),
        overdue_count=len(overdue),
    )


def attach_roll_ups(priorities: list[Priority], today=None) -> list[Priority]:
    """Set ``roll_up`` on each priority and each of its objectives, from prefetched links.

    The priorities must come with ``delivery_actions`` (and their ``action``) and
    ``objectives`` prefetched. An objective rolls up its own actions; the priority rolls up
    every action linked to it, so actions not under an objective still count.
    """
    for priority in priorities:
        by_objective: dict[int, list[Action]] = defaultdict(list)
        actions = []
        for link in priority.delivery_actions.all():
            actions.append(link.action)
            if link.objective_id:
                by_objective[link.objective_id].append(link.action)
        for objective in priority.objectives.all():
            objective.roll_up = roll_up(by_objective.get(objective.pk, []), today)
        priority.roll_up = roll_up(actions, today)
    return priorities


def delivery_prefetch(*, person: User | None = None, public: bool = False):
    """Prefetches for roll-ups. Only the actions the reader may see count: a member's visible
    actions (``person``), or for the public every action that is not restricted (its progress
    counts, its title is never shown)."""
    links = DeliveryAction.objects.select_related(
        "action__owner", "action__accountable_agency", "objective"
    )
    if person is not None:
        links = links.filter(action__in=Action.objects.visible_to_member(person))
    if public:
        links = links.exclude(action__confidentiality=Confidentiality.RESTRICTED).exclude(
            action__agenda_item__confidentiality=Confidentiality.RESTRICTED
        )
    return [
        Prefetch("delivery_actions", queryset=links),
        Prefetch("objectives", queryset=Objective.objects.select_related("indicator")),
    ]


def delivery_plan(*, priority: Priority, person: User) -> Priority:
    """The priority with its objectives and the actions the person may see, rolled up from
    those actions only; ``visible_actions`` holds the links to show."""
    priority = (
        Priority.objects.filter(pk=priority.pk)
        .select_related("theme", "lead_agency", "lead_member", "forum")
        .prefetch_related(*delivery_prefetch(person=person), "indicators")
        .get()
    )
    attach_roll_ups([priority])
    attach_figures([priority], forum=priority.forum, published_only=False)
    priority.visible_actions = list(priority.delivery_actions.all())
    return priority


@dataclass
class Change:
    when: object
    who: object
    what: str
    fields: list[str] = field(default_factory=list)


def timeline(*, priority: Priority, actions: list[Action] = (), limit: int = 30) -> list[Change]:
    """The priority's history, newest first: edits, status changes, objectives, sign-offs and
    progress updates on the delivery actions given (those the reader may see)."""
    from forums.models import ActionUpdate

    changes: list[Change] = []
    for update in ActionUpdate.objects.filter(action__in=list(actions)).select_related(
        "author", "action"
    ):
        changes.append(
            Change(
                update.created_at,
                update.author,
                f"Action update on {update.action.title}: {update.percent_complete}% "
                f"({Action.Status(update.status).label.lower()})",
            )
        )
    records = list(priority.history.select_related("history_user").order_by("history_date"))
    previous = None
    for record in records:
        if previous is None:
            changes.append(Change(record.history_date, record.history_user, "Created"))
        else:
            delta = record.diff_against(previous)
            names = [
                str(Priority._meta.get_field(c.field).verbose_name)
                for c in delta.changes
                if c.field not in ("updated_at",)
            ]
            if names:
                status_change = next((c for c in delta.changes if c.field == "status"), None)
                what = (
                    f"Status changed to {Priority.Status(status_change.new).label}"
                    if status_change
                    else "Edited"
                )
                changes.append(Change(record.history_date, record.history_user, what, names))
        previous = record
    verb = {"+": "Objective added", "~": "Objective changed", "-": "Objective removed"}
    previous_objective: dict[int, object] = {}
    for record in (
        Objective.history.filter(priority_id=priority.pk)
        .select_related("history_user")
        .order_by("history_date")
    ):
        before = previous_objective.get(record.id)
        previous_objective[record.id] = record
        # A save that changed nothing (saving the same values again) is not news.
        if record.history_type == "~" and before and not record.diff_against(before).changes:
            continue
        changes.append(
            Change(
                record.history_date,
                record.history_user,
                f"{verb[record.history_type]}: {record.title}",
            )
        )
    last_answer: dict[tuple[int, int], str] = {}
    for record in (
        SignOff.history.filter(priority_id=priority.pk)
        .select_related("history_user", "agency")
        .order_by("history_date")
    ):
        key = (record.round, record.agency_id)
        # Only changes of answer: saving the same answer again is not news.
        if record.history_type == "-" or last_answer.get(key) == record.decision:
            continue
        last_answer[key] = record.decision
        changes.append(
            Change(
                record.history_date,
                record.history_user,
                f"{record.agency}: {SignOff.Decision(record.decision).label}",
            )
        )
    changes.sort(key=lambda c: c.when, reverse=True)
    return changes[:limit]


def changes_of(*, instance, limit: int = 20) -> list[Change]:
    """Who changed what on one record with history (a risk, a tension), newest first."""
    model = type(instance)
    changes = []
    previous = None
    for record in instance.history.select_related("history_user").order_by("history_date"):
        if previous is None:
            changes.append(Change(record.history_date, record.history_user, "Created"))
        else:
            names = [
                str(model._meta.get_field(c.field).verbose_name)
                for c in record.diff_against(previous).changes
                if c.field not in ("updated_at", "score")
            ]
            if names:
                changes.append(Change(record.history_date, record.history_user, "Changed", names))
        previous = record
    changes.reverse()
    return changes[:limit]


# --- tensions and risks ---------------------------------------------------------------------


def tension_list_for(*, forum: Forum) -> QuerySet[Tension]:
    return (
        Tension.objects.filter(forum=forum).select_related("priority").prefetch_related("agencies")
    )


def tension_for(*, forum: Forum, pk: int) -> Tension:
    tension = Tension.objects.filter(forum=forum, pk=pk).first()
    if tension is None:
        raise Http404("No such tension")
    return tension


def risk_list_for(*, forum: Forum, include_closed: bool = True) -> QuerySet[Risk]:
    risks = Risk.objects.filter(forum=forum).select_related("priority", "owner", "owner_agency")
    if not include_closed:
        risks = risks.exclude(status=Risk.Status.CLOSED)
    return risks


def risk_for(*, forum: Forum, pk: int) -> Risk:
    risk = Risk.objects.filter(forum=forum, pk=pk).first()
    if risk is None:
        raise Http404("No such risk")
    return risk


@dataclass
class HeatMapCell:
    likelihood: int
    impact: int
    risks: list[Risk]

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def level_class(self) -> str:
        if self.score >= 10:
            return "app-heatmap__cell--high"
        if self.score >= 5:
            return "app-heatmap__cell--medium"
        return "app-heatmap__cell--low"


def heat_map(risks) -> list[tuple[int, list[HeatMapCell]]]:
    """Rows of likelihood 5 down to 1, each with cells of impact 1 to 5 (open risks only)."""
    grid: dict[tuple[int, int], list[Risk]] = defaultdict(list)
    for risk in risks:
        if risk.status != Risk.Status.CLOSED:
            grid[(risk.likelihood, risk.impact)].append(risk)
    return [
        (
            likelihood,
            [HeatMapCell(likelihood, impact, grid[(likelihood, impact)]) for impact in range(1, 6)],
        )
        for likelihood in range(5, 0, -1)
    ]


# --- consultations --------------------------------------------------------------------------


def consultation_list_for(*, forum: Forum) -> QuerySet[Consultation]:
    return Consultation.objects.filter(forum=forum).annotate(response_count=Count("responses"))


def consultation_for(*, forum: Forum, pk: int) -> Consultation:
    consultation = Consultation.objects.filter(forum=forum, pk=pk).first()
    if consultation is None:
        raise Http404("No such consultation")
    return consultation


@dataclass
class QuestionSummary:
    question: Question
    answered: int
    counts: list[tuple[str, int]]
    answers: list[str]


def consultation_summary(*, consultation: Consultation) -> list[QuestionSummary]:
    """Per question: how many answered, counts per choice, and the free-text answers.

    For the secretariat only (the answers themselves are never public)."""
    questions = list(consultation.questions.all())
    answers_by_question: dict[int, list[str]] = defaultdict(list)
    for question_id, text in (
        Answer.objects.filter(response__consultation=consultation)
        .values_list("question_id", "text")
        .order_by("response__submitted_at", "pk")
    ):
        answers_by_question[question_id].append(text)
    summaries = []
    for question in questions:
        answers = answers_by_question.get(question.pk, [])
        counts = []
        if question.kind == Question.Kind.CHOICE:
            tally = Counter(answers)
            counts = [(choice, tally.get(choice, 0)) for choice in question.choice_list]
        summaries.append(
            QuestionSummary(
                question,
                len(answers),
                counts,
                answers if question.kind == Question.Kind.TEXT else [],
            )
        )
    return summaries


EQUALITY_FIELDS = ("age_band", "sex", "ethnic_group", "disability", "victim_of_crime")


def equality_summary(*, consultation: Consultation) -> list[tuple[str, list[tuple[str, int]]]]:
    """Counts for each equality monitoring question (blank answers counted as not answered)."""
    responses = list(consultation.responses.values(*EQUALITY_FIELDS))
    summary = []
    for name in EQUALITY_FIELDS:
        model_field = Response._meta.get_field(name)
        tally = Counter(row[name] for row in responses)
        rows = [(label, tally.get(value, 0)) for value, label in model_field.choices]
        rows.append(("Not answered", tally.get("", 0)))
        summary.append((str(model_field.verbose_name).replace("_", " ").capitalize(), rows))
    return summary


def responses_for_export(*, consultation: Consultation):
    return consultation.responses.prefetch_related("answers__question", "cited_by").order_by(
        "submitted_at", "pk"
    )


# --- evaluations ----------------------------------------------------------------------------


def evaluation_list_for(*, forum: Forum) -> QuerySet[AnnualEvaluation]:
    return AnnualEvaluation.objects.filter(forum=forum).select_related("approved_by")


def evaluation_for(*, forum: Forum, plan_year: int) -> AnnualEvaluation:
    evaluation = (
        AnnualEvaluation.objects.filter(forum=forum, plan_year=plan_year)
        .select_related("approved_by")
        .first()
    )
    if evaluation is None:
        raise Http404("No such evaluation")
    return evaluation


def evaluation_rows(
    *, evaluation: AnnualEvaluation
) -> list[tuple[Priority, EvaluationOutcome | None]]:
    """Every priority agreed in the plan year (or since retired), with its outcome if recorded."""
    outcomes = {o.priority_id: o for o in evaluation.outcomes.select_related("priority")}
    priorities = (
        Priority.objects.filter(
            forum=evaluation.forum,
            plan_year=evaluation.plan_year,
            status__in=[Priority.Status.AGREED, Priority.Status.RETIRED],
        )
        .select_related("theme")
        .order_by("title")
    )
    rows = [(priority, outcomes.pop(priority.pk, None)) for priority in priorities]
    rows += [(o.priority, o) for o in outcomes.values()]
    return rows


# --- public ---------------------------------------------------------------------------------


def public_priorities(*, forum: Forum, plan_year: int) -> list[Priority]:
    """Agreed priorities of a public forum for a plan year, with objectives and roll-ups."""
    priorities = list(
        Priority.objects.published()
        .filter(forum=forum, plan_year=plan_year)
        .select_related("theme", "lead_agency")
        .prefetch_related(
            *delivery_prefetch(public=True),
            Prefetch("indicators"),
        )
        .order_by("title")
    )
    attach_figures(priorities, forum=forum, published_only=True)
    return attach_roll_ups(priorities)


def attach_figures(priorities: list[Priority], *, forum: Forum, published_only: bool) -> None:
    """Set the latest figure of each linked indicator on the priorities and their objectives.

    ``figures`` on a priority is a list of (indicator, summary or None); ``figure`` on an
    objective is the summary of its indicator, if any. Figures come from the performance
    dashboard (published figures only on public pages) in a fixed number of queries.
    """
    from performance.selectors import forum_dashboard

    if not priorities:
        return
    summaries = {
        summary.indicator.pk: summary
        for summary in forum_dashboard(forum=forum, published_only=published_only).with_figures
    }
    for priority in priorities:
        priority.figures = [(i, summaries.get(i.pk)) for i in priority.indicators.all()]
        for objective in priority.objectives.all():
            objective.figure = summaries.get(objective.indicator_id)


def evaluation_figures(*, priority: Priority) -> str:
    """A starting point for an outcome's 'figures behind it': each objective's baseline and
    target, and the latest accepted figure of its indicator."""
    priority = Priority.objects.prefetch_related(
        Prefetch("objectives", queryset=Objective.objects.select_related("indicator")),
        "indicators",
    ).get(pk=priority.pk)
    attach_figures([priority], forum=priority.forum, published_only=False)
    lines = []
    for objective in priority.objectives.all():
        baseline = (
            f"baseline {objective.baseline_text} ({objective.baseline_date:%-d %B %Y}), "
            if objective.baseline is not None and objective.baseline_date
            else ""
        )
        latest = (
            f"latest {objective.figure.latest_text} ({objective.figure.latest.period.label})"
            if getattr(objective, "figure", None)
            else "result: "
        )
        lines.append(
            f"{objective.measure}: {baseline}target {objective.target_text} "
            f"by {objective.target_date:%-d %B %Y}; {latest}"
        )
    return "\n".join(lines)


def public_plan_years(*, forum: Forum) -> list[int]:
    years = set(
        Priority.objects.published().filter(forum=forum).values_list("plan_year", flat=True)
    )
    years.add(current_plan_year())
    return sorted(years, reverse=True)


def public_consultations(*, forum: Forum) -> QuerySet[Consultation]:
    return Consultation.objects.published().filter(forum=forum).order_by("-closes_on")


def public_consultation(*, forum: Forum, pk: int) -> Consultation:
    consultation = public_consultations(forum=forum).filter(pk=pk).first()
    if consultation is None:
        raise Http404("No such consultation")
    return consultation


def public_you_said_we_did(*, consultation: Consultation):
    """Entries with only public things linked: a decision whose minutes are published, a public
    action of a public forum, an agreed priority."""
    entries = list(consultation.you_said_we_did.select_related("priority", "decision", "action"))
    public_decisions = set(
        Decision.objects.public()
        .filter(pk__in=[e.decision_id for e in entries if e.decision_id])
        .values_list("pk", flat=True)
    )
    for entry in entries:
        entry.public_priority = (
            entry.priority
            if entry.priority
            and entry.priority.status in (Priority.Status.AGREED, Priority.Status.RETIRED)
            else None
        )
        entry.public_decision = entry.decision if entry.decision_id in public_decisions else None
        entry.public_action = (
            entry.action
            if entry.action and entry.action.confidentiality == Confidentiality.PUBLIC
            else None
        )
    return entries


def public_evaluations(*, forum: Forum) -> QuerySet[AnnualEvaluation]:
    return AnnualEvaluation.objects.published().filter(forum=forum).order_by("-plan_year")


def public_evaluation(*, forum: Forum, plan_year: int) -> AnnualEvaluation:
    evaluation = public_evaluations(forum=forum).filter(plan_year=plan_year).first()
    if evaluation is None:
        raise Http404("No such evaluation")
    return evaluation


def public_evaluation_outcomes(*, evaluation: AnnualEvaluation) -> QuerySet[EvaluationOutcome]:
    return evaluation.outcomes.filter(
        priority__status__in=[Priority.Status.AGREED, Priority.Status.RETIRED]
    ).select_related("priority__theme")


# The six themes the joint inspection expected every board to consider; each gets a column.
# Every other theme an area has prioritised is listed in one "other themes" column.
INSPECTION_THEMES = [
    "victims_and_witnesses",
    "vulnerable_victims_witnesses",
    "efficiency",
    "digitisation",
    "reducing_reoffending",
    "enforcement_court_decisions",
]


@dataclass
class AreaThemes:
    area: PoliceForceArea
    cells: list[tuple[Theme, list[Priority]]]
    others: list[tuple[Theme, list[Priority]]]

    @property
    def theme_count(self) -> int:
        return sum(1 for _, priorities in self.cells + self.others if priorities)


def cross_area_themes(*, plan_year: int) -> tuple[list[Theme], list[AreaThemes]]:
    """Areas × themes: the agreed priorities of public local boards, one column per theme the
    inspection expected, and the other themes each area chose (local themes count as others)."""
    themes = sorted(
        Theme.objects.filter(slug__in=INSPECTION_THEMES),
        key=lambda theme: INSPECTION_THEMES.index(theme.slug),
    )
    core = {theme.pk for theme in themes}
    priorities = list(
        Priority.objects.published()
        .filter(plan_year=plan_year, forum__kind=Forum.Kind.LOCAL_BOARD)
        .select_related("theme", "forum")
        .prefetch_related("forum__areas")
        .order_by("theme__name", "title")
    )
    by_area: dict[int, dict[int, list[Priority]]] = defaultdict(lambda: defaultdict(list))
    other_themes: dict[int, dict[int, Theme]] = defaultdict(dict)
    for priority in priorities:
        for area in priority.forum.areas.all():
            by_area[area.pk][priority.theme_id].append(priority)
            if priority.theme_id not in core:
                other_themes[area.pk][priority.theme_id] = priority.theme
    areas = PoliceForceArea.objects.filter(
        pk__in=Forum.objects.public().filter(kind=Forum.Kind.LOCAL_BOARD).values("areas")
    ).order_by("country", "name")
    rows = [
        AreaThemes(
            area,
            [(theme, by_area[area.pk].get(theme.pk, [])) for theme in themes],
            [(theme, by_area[area.pk][theme.pk]) for theme in other_themes[area.pk].values()],
        )
        for area in areas
    ]
    return themes, rows


def theme_choices(*, forum: Forum) -> QuerySet[Theme]:
    return Theme.objects.for_forum(forum).order_by("forum", "name")


def decimal_or_blank(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}"
