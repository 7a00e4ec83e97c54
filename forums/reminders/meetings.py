"""Meeting reminders: the notice a week ahead (with the invitation) and the day before."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext

from forums import confidentiality
from forums.calendar import meeting_invitation
from forums.links import meeting_url, paper_url
from forums.models import AgendaItem, Attendance, Meeting
from forums.reminders.common import _agenda_queryset, _where, meetings_on
from membership import dates
from membership.models import User
from membership.notifications import Attachment, notify

MEETING_NOTICE_DAYS = {"7d": 7, "1d": 1}


@dataclass(frozen=True)
class VisiblePaper:
    title: str
    url: str
    classification: str


@dataclass(frozen=True)
class VisibleItem:
    number: int
    title: str
    purpose: str
    presenter: str
    confidential: bool
    papers: tuple[VisiblePaper, ...]


def visible_agenda(
    *, meeting: Meeting, items: list[AgendaItem], viewer: confidentiality.Viewer
) -> tuple[VisibleItem, ...]:
    """The agenda as one member may see it: restricted items and papers only if named."""
    visible = []
    for number, item in enumerate(items, start=1):
        if not confidentiality.may_see(viewer, item):
            continue
        papers = tuple(
            VisiblePaper(
                title=paper.title,
                url=paper_url(paper, meeting, absolute=True),
                classification=paper.get_classification_display(),
            )
            for paper in item.papers.all()
            if paper.current_version_id and confidentiality.may_see(viewer, paper)
        )
        presenter = ""
        if item.presenter:
            presenter = str(item.presenter)
        elif item.presenter_agency:
            presenter = str(item.presenter_agency)
        visible.append(
            VisibleItem(
                number=number,
                title=item.title,
                purpose=item.get_purpose_display(),
                presenter=presenter,
                confidential=not confidentiality.marked_public(item),
                papers=papers,
            )
        )
    return tuple(visible)


def send_meeting_reminders(*, today: datetime.date) -> int:
    """Tell every current member about meetings 7 days away and tomorrow; returns how many
    notifications were created now.

    The 7-day notice carries the calendar invitation and is essential (always sent); the
    day-before reminder is an ordinary reminder the person may turn off. Members who sent
    apologies are not reminded the day before.
    """
    created = 0
    for label, days in MEETING_NOTICE_DAYS.items():
        meetings = list(meetings_on(today + datetime.timedelta(days=days)))
        if not meetings:
            continue
        viewers = confidentiality.viewers_on(forum_ids={m.forum_id for m in meetings}, today=today)
        people = User.objects.in_bulk({person_id for (_, person_id) in viewers})
        for meeting in meetings:
            created += _remind_meeting(
                meeting=meeting, label=label, days=days, viewers=viewers, people=people
            )
    return created


def _when_label(days: int) -> str:
    """'tomorrow', 'in 7 days', in the active language."""
    if days == 1:
        return gettext("tomorrow")
    return ngettext("in %(days)s day", "in %(days)s days", days) % {"days": days}


def _remind_meeting(*, meeting: Meeting, label: str, days: int, viewers, people) -> int:
    items = list(_agenda_queryset().filter(meeting=meeting)) if meeting.agenda_is_out else []
    apologies = set()
    if days <= 1:
        apologies = set(
            meeting.attendances.filter(reply=Attendance.Reply.APOLOGIES).values_list(
                "person_id", flat=True
            )
        )
    # Who is named on which restricted item or paper: people with the same names and role
    # see the same agenda, so it is worked out once per such group, not once per person.
    named_on: dict[int, set] = defaultdict(set)
    for item in items:
        for obj in (item, *item.papers.all()):
            for holder in confidentiality.restricted_holders(obj):
                for person_id in confidentiality.named_ids(holder):
                    named_on[person_id].add((holder.__class__.__name__, holder.pk))
    agendas: dict[tuple, tuple] = {}
    groups: dict[tuple, list[User]] = defaultdict(list)
    for (forum_id, person_id), viewer in viewers.items():
        if forum_id != meeting.forum_id or not viewer.is_member:
            continue
        if person_id in apologies or person_id not in people:
            continue
        signature = (viewer.runs_forum, frozenset(named_on.get(person_id, ())))
        if signature not in agendas:
            agendas[signature] = visible_agenda(meeting=meeting, items=items, viewer=viewer)
        groups[agendas[signature]].append(people[person_id])
    attachment = Attachment(
        name=f"meeting-{meeting.pk}.ics",
        mimetype="text/calendar",
        content=meeting_invitation(meeting, url=meeting_url(meeting, absolute=True)),
    )
    created = 0
    for agenda, recipients in groups.items():
        created += len(
            notify(
                key=f"meeting-reminder:{label}:meeting={meeting.pk}",
                recipients=recipients,
                category="reminder",
                # Worked out in each recipient's language (notify calls these under it).
                subject=lambda: (
                    gettext("%(forum)s meets %(when)s: %(meeting)s, %(date)s")
                    % {
                        "forum": meeting.forum.name,
                        "when": _when_label(days),
                        "meeting": meeting.title,
                        "date": dates.date_text(meeting.starts_at),
                    }
                ),
                template="forums/email/reminder_meeting",
                context=lambda agenda=agenda: {
                    "meeting": meeting,
                    "forum": meeting.forum,
                    "when_label": _when_label(days),
                    "when": dates.when(meeting.starts_at, meeting.ends_at),
                    "where": _where(meeting),
                    "agenda": agenda,
                    "agenda_is_out": meeting.agenda_is_out,
                },
                url=meeting_url(meeting),
                essential=days == 7,
                attachment=attachment,
            )
        )
    return created
