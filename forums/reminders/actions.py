"""Action reminders: due in three days, and overdue ones once a week."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.utils.translation import ngettext_lazy

from forums import confidentiality
from forums.links import action_url
from forums.models import Action
from membership import dates
from membership.lazy_text import lazy_text
from membership.notifications import notify

ACTION_DUE_DAYS = 3


def _open_actions():
    return (
        Action.objects.open()
        .filter(owner__isnull=False, owner__is_active=True)
        .select_related("forum", "owner", "meeting", "agenda_item")
        .prefetch_related("agenda_item__restricted_to")
    )


def _owner_may_see(action: Action, viewers) -> bool:
    """The owner sits on the forum as a member and may see the action."""
    viewer = viewers.get((action.forum_id, action.owner_id), confidentiality.NOBODY)
    return confidentiality.may_see(viewer, action)


def send_action_reminders(*, today: datetime.date) -> int:
    """Owners of actions due in 3 days (one reminder per action) and of overdue actions (one
    list a week per owner)."""
    created = 0
    due = list(_open_actions().filter(due_date=today + datetime.timedelta(days=ACTION_DUE_DAYS)))
    overdue = list(_open_actions().filter(due_date__lt=today).order_by("owner_id", "due_date"))
    viewers = confidentiality.viewers_on(forum_ids={a.forum_id for a in due + overdue}, today=today)
    for action in due:
        if not _owner_may_see(action, viewers):
            continue
        created += len(
            notify(
                key=f"action-due:{ACTION_DUE_DAYS}d:action={action.pk}",
                recipients=[action.owner],
                category="reminder",
                subject=lazy_text(
                    ngettext_lazy(
                        "Action due in %(days)d day: %(title)s",
                        "Action due in %(days)d days: %(title)s",
                        "days",
                    ),
                    days=ACTION_DUE_DAYS,
                    title=action.title,
                ),
                template="forums/email/reminder_action_due",
                context={
                    "action": action,
                    "forum": action.forum,
                    "action_url": action_url(action, absolute=True),
                },
                url=action_url(action),
            )
        )
    by_owner: dict[int, list[Action]] = defaultdict(list)
    for action in overdue:
        if _owner_may_see(action, viewers):
            by_owner[action.owner_id].append(action)
    week = dates.iso_week(today)
    for actions in by_owner.values():
        owner = actions[0].owner
        rows = [
            {
                "action": action,
                "days_overdue": (today - action.due_date).days,
                "url": action_url(action, absolute=True),
            }
            for action in actions
        ]
        created += len(
            notify(
                key=f"actions-overdue:week={week}",
                recipients=[owner],
                category="reminder",
                subject=lazy_text(
                    ngettext_lazy(
                        "%(count)d overdue action to update",
                        "%(count)d overdue actions to update",
                        "count",
                    ),
                    count=len(actions),
                ),
                template="forums/email/reminder_actions_overdue",
                context={"rows": rows, "today": today},
                url=action_url(actions[0]),
            )
        )
    return created
