"""Papers-due reminders to presenters whose items have no paper yet."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.utils.translation import gettext, ngettext

from forums import confidentiality
from forums.links import meeting_url
from forums.models import AgendaItem, Meeting
from forums.reminders.common import _agenda_queryset, _where
from membership import dates
from membership.notifications import notify

PAPERS_NOTICE_DAYS = {"3d": 3, "0d": 0}


def send_papers_due_reminders(*, today: datetime.date) -> int:
    """Remind presenters whose items have no paper yet, 3 days before the papers deadline and
    on the day."""
    created = 0
    for label, days in PAPERS_NOTICE_DAYS.items():
        deadline = today + datetime.timedelta(days=days)
        items = list(
            _agenda_queryset()
            .filter(
                meeting__papers_deadline=deadline,
                meeting__status__in=[Meeting.Status.SCHEDULED, Meeting.Status.AGENDA_PUBLISHED],
                presenter__isnull=False,
                presenter__is_active=True,
                kind=AgendaItem.Kind.ITEM,
            )
            .exclude(papers__current_version__isnull=False)
            .select_related("meeting__forum")
        )
        if not items:
            continue
        viewers = confidentiality.viewers_on(
            forum_ids={item.meeting.forum_id for item in items}, today=today
        )
        by_presenter: dict[tuple[int, int], list[AgendaItem]] = defaultdict(list)
        for item in items:
            viewer = viewers.get((item.meeting.forum_id, item.presenter_id))
            if viewer is None:
                continue  # no longer on the forum
            # A member is told about what they may see; a guest presenter only a public item.
            if not confidentiality.may_see(viewer, item) and not confidentiality.marked_public(
                item
            ):
                continue
            by_presenter[(item.meeting_id, item.presenter_id)].append(item)
        for (_, _), presenter_items in by_presenter.items():
            meeting = presenter_items[0].meeting
            presenter = presenter_items[0].presenter
            due_label = (
                gettext("today")
                if days == 0
                else ngettext("in %(days)s day", "in %(days)s days", days) % {"days": days}
            )
            created += len(
                notify(
                    key=f"papers-due:{label}:meeting={meeting.pk}",
                    recipients=[presenter],
                    category="reminder",
                    subject=gettext("Papers due %(due_label)s for %(forum_name)s, %(starts_at)s")
                    % {
                        "due_label": due_label,
                        "forum_name": meeting.forum.name,
                        "starts_at": dates.date_text(meeting.starts_at),
                    },
                    template="forums/email/reminder_papers_due",
                    context={
                        "meeting": meeting,
                        "forum": meeting.forum,
                        "items": presenter_items,
                        "deadline": deadline,
                        "due_label": due_label,
                        "when": dates.when(meeting.starts_at, meeting.ends_at),
                        "where": _where(meeting),
                    },
                    url=meeting_url(meeting),
                )
            )
    return created
