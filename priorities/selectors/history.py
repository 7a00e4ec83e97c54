"""What changed on a priority, a risk or a tension, newest first, and who changed it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext

from forums.models import Action
from priorities.models import Objective, Priority, SignOff


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
                gettext("Action update on %(title)s: %(percent)s%% (%(status)s)")
                % {
                    "title": update.action.title,
                    "percent": update.percent_complete,
                    "status": Action.Status(update.status).label.lower(),
                },
            )
        )
    records = list(priority.history.select_related("history_user").order_by("history_date"))
    previous = None
    for record in records:
        if previous is None:
            changes.append(Change(record.history_date, record.history_user, gettext("Created")))
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
                    gettext("Status changed to %(status)s")
                    % {"status": Priority.Status(status_change.new).label}
                    if status_change
                    else gettext("Edited")
                )
                changes.append(Change(record.history_date, record.history_user, what, names))
        previous = record
    verb = {
        "+": gettext("Objective added: %(title)s"),
        "~": gettext("Objective changed: %(title)s"),
        "-": gettext("Objective removed: %(title)s"),
    }
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
                verb[record.history_type] % {"title": record.title},
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
            changes.append(Change(record.history_date, record.history_user, gettext("Created")))
        else:
            names = [
                str(model._meta.get_field(c.field).verbose_name)
                for c in record.diff_against(previous).changes
                if c.field not in ("updated_at", "score")
            ]
            if names:
                changes.append(
                    Change(record.history_date, record.history_user, gettext("Changed"), names)
                )
        previous = record
    changes.reverse()
    return changes[:limit]
