"""Written procedure reminders: at half-time and the day before the deadline, to the members
whose agency has not answered yet."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext

from forums.links import procedure_url
from forums.models import WrittenProcedure
from forums.voting import voting_seats
from membership.models import User
from membership.notifications import notify


def half_time(procedure: WrittenProcedure) -> datetime.date:
    """The local day halfway between opening and the deadline."""
    middle = procedure.opened_at + (procedure.closes_at - procedure.opened_at) / 2
    return timezone.localtime(middle).date()


def _due_today(procedure: WrittenProcedure, today: datetime.date) -> list[str]:
    """Which reminders (``half``, ``1d``) fall on ``today``; the day before wins a tie."""
    deadline_day = timezone.localtime(procedure.closes_at).date()
    if today == deadline_day - datetime.timedelta(days=1):
        return ["1d"]
    if today == half_time(procedure) and today < deadline_day:
        return ["half"]
    return []


def send_procedure_reminders(*, today: datetime.date) -> int:
    """Remind the members of every agency yet to answer an open written procedure."""
    created = 0
    procedures = (
        WrittenProcedure.objects.open()
        .filter(closes_at__gt=timezone.now())
        .select_related("forum")
        .prefetch_related("responses")
    )
    for procedure in procedures:
        for which in _due_today(procedure, today):
            answered = {r.agency_id for r in procedure.responses.all()}
            seats = (
                voting_seats(today)
                .filter(forum_id=procedure.forum_id, person__is_active=True)
                .exclude(agency_id__in=answered)
            )
            recipients = User.objects.filter(pk__in=seats.values("person_id"))
            created += len(
                notify(
                    key=f"procedure-reminder:{which}:procedure={procedure.pk}",
                    recipients=recipients,
                    category="reminder",
                    subject=gettext("Your agency has not yet answered: %(procedure_title)s")
                    % {"procedure_title": procedure.title},
                    template="forums/email/reminder_procedure",
                    context={
                        "procedure": procedure,
                        "forum": procedure.forum,
                        "day_before": which == "1d",
                    },
                    url=procedure_url(procedure),
                )
            )
    return created
