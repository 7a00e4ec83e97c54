"""What changed on a priority, a risk or a tension, newest first, and who changed it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.models import Action
from priorities.models import Objective, Priority, SignOff

# Fields that Django names after their attribute ("plan year"), in the language of the page.
FIELD_NAMES = {
    "plan_year": _("plan year"),
    "title": _("title"),
    "theme": _("theme"),
    "description": _("description"),
    "indicators": _("indicators"),
    "national_priority_reference": _("national priority reference"),
    "police_crime_plan_reference": _("police crime plan reference"),
    "lead_agency": _("lead agency"),
    "lead_member": _("lead member"),
    "status": _("status"),
    "sign_off_round": _("sign off round"),
    "sent_for_sign_off_at": _("sent for sign off at"),
    "agreed_at": _("agreed at"),
    "retired_at": _("retired at"),
    "priority": _("priority"),
    "cause": _("cause"),
    "consequence": _("consequence"),
    "likelihood": _("likelihood"),
    "impact": _("impact"),
    "owner": _("owner"),
    "owner_agency": _("owner agency"),
    "mitigations": _("mitigations"),
    "review_date": _("review date"),
    "agencies": _("agencies"),
    "raised_at": _("raised at"),
}


def _field_name(model, name: str) -> str:
    model_field = model._meta.get_field(name)
    if name in FIELD_NAMES and model_field.verbose_name == name.replace("_", " "):
        return str(FIELD_NAMES[name])
    return str(model_field.verbose_name)


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
                _field_name(Priority, c.field)
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
                _field_name(model, c.field)
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
