"""Delivery progress: actions rolled up to objectives and priorities; indicators' latest figures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forums import confidentiality
from forums.models import Action, Forum
from membership.models import User
from priorities.models import DeliveryAction, Objective, Priority

RAG_LABELS = {
    "red": _("Red"),
    "amber": _("Amber"),
    "green": _("Green"),
    "none": _("No actions yet"),
}
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
        links = links.filter(
            action__in=confidentiality.visible_for(Action.objects.all(), confidentiality.ANY_MEMBER)
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
