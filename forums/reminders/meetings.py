"""Reminders for meetings, papers and actions, sent through ``membership.notifications.notify``.

Each function takes ``today`` (so tests and a re-run for a missed day can pass a date), finds
what is due, and notifies the right people. Keys name the reminder and its subject
(``meeting-reminder:7d:meeting=<id>``); ``notify`` adds the recipient, so running a function
twice — a retried task, a second beat — never sends anything twice.

Confidentiality: every recipient is told only about the agenda items and papers they may see,
as ``forums.confidentiality`` decides (roles read once for everyone). Recipients who see the
same things share one rendering.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from forums import confidentiality
from forums.calendar import meeting_invitation
from forums.models import (
    Action,
    AgendaItem,
    Attendance,
    Forum,
    Meeting,
    Membership,
    Paper,
)
from membership import dates
from membership.models import User
from membership.notifications import Attachment, absolute_url, notify

MEETING_NOTICE_DAYS = {"7d": 7, "1d": 1}
PAPERS_NOTICE_DAYS = {"3d": 3, "0d": 0}
ACTION_DUE_DAYS = 3


# --- URLs ----------------------------------------------------------------------------------


def _reverse_first(names: Iterable[str], args: list, fallback: str) -> str:
    """The first of several URL names that exists (the meetings pages may be renamed)."""
    for name in names:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return fallback


def forum_url(forum: Forum) -> str:
    return reverse("forums:workspace-forum", args=[forum.slug])


def meeting_url(meeting: Meeting) -> str:
    return _reverse_first(
        ["meetings:workspace-meeting", "meetings:meeting-detail"],
        [meeting.forum.slug, meeting.pk],
        forum_url(meeting.forum),
    )


def paper_url(paper: Paper, meeting: Meeting) -> str:
    return _reverse_first(
        ["meetings:workspace-paper-download", "meetings:workspace-paper"],
        [meeting.forum.slug, paper.pk],
        meeting_url(meeting),
    )


def action_url(action: Action) -> str:
    return _reverse_first(
        ["meetings:workspace-action", "meetings:action-detail", "meetings:action"],
        [action.forum.slug, action.pk],
        _reverse_first(
            ["meetings:workspace-actions", "meetings:actions"],
            [action.forum.slug],
            forum_url(action.forum),
        ),
    )


# --- who sees what -------------------------------------------------------------------------


def _agenda_queryset():
    papers = Paper.objects.select_related("current_version").prefetch_related("restricted_to")
    return (
        AgendaItem.objects.on_agenda()
        .select_related("presenter", "presenter_agency")
        .prefetch_related("restricted_to", Prefetch("papers", queryset=papers))
        .order_by("order", "pk")
    )


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
                url=absolute_url(paper_url(paper, meeting)),
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


# --- helpers -------------------------------------------------------------------------------


def _local_day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min), zone)
    end = timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min), zone
    )
    return start, end


def meetings_on(day: datetime.date):
    """Meetings (not cancelled) starting on a local calendar day."""
    start, end = _local_day_bounds(day)
    return (
        Meeting.objects.filter(starts_at__gte=start, starts_at__lt=end)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("forum")
    )


def _where(meeting: Meeting) -> str:
    if meeting.location and meeting.online_link:
        return f"{meeting.location}, or online"
    if meeting.location:
        return meeting.location
    return "Online" if meeting.online_link else "To be confirmed"


# --- meetings ------------------------------------------------------------------------------


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
    when_label = "tomorrow" if days == 1 else f"in {days} days"
    date_text = dates.date_text(meeting.starts_at)
    attachment = Attachment(
        name=f"meeting-{meeting.pk}.ics",
        mimetype="text/calendar",
        content=meeting_invitation(meeting, url=absolute_url(meeting_url(meeting))),
    )
    created = 0
    for agenda, recipients in groups.items():
        created += len(
            notify(
                key=f"meeting-reminder:{label}:meeting={meeting.pk}",
                recipients=recipients,
                category="reminder",
                subject=f"{meeting.forum.name} meets {when_label}: {meeting.title}, {date_text}",
                template="forums/email/reminder_meeting",
                context={
                    "meeting": meeting,
                    "forum": meeting.forum,
                    "when_label": when_label,
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


# --- papers --------------------------------------------------------------------------------


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
            due_label = "today" if days == 0 else f"in {days} days"
            created += len(
                notify(
                    key=f"papers-due:{label}:meeting={meeting.pk}",
                    recipients=[presenter],
                    category="reminder",
                    subject=f"Papers due {due_label} for {meeting.forum.name}, "
                    f"{dates.date_text(meeting.starts_at)}",
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


# --- actions -------------------------------------------------------------------------------


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
                subject=f"Action due in {ACTION_DUE_DAYS} days: {action.title}",
                template="forums/email/reminder_action_due",
                context={
                    "action": action,
                    "forum": action.forum,
                    "action_url": absolute_url(action_url(action)),
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
                "url": absolute_url(action_url(action)),
            }
            for action in actions
        ]
        created += len(
            notify(
                key=f"actions-overdue:week={week}",
                recipients=[owner],
                category="reminder",
                subject=f"{len(actions)} overdue action{'s' if len(actions) != 1 else ''} "
                "to update",
                template="forums/email/reminder_actions_overdue",
                context={"rows": rows, "today": today},
                url=action_url(actions[0]),
            )
        )
    return created


def send_all(*, today: datetime.date) -> dict[str, int]:
    """Every forums reminder for a day (used by ``make run`` smoke checks and the bench)."""
    return {
        "meetings": send_meeting_reminders(today=today),
        "papers": send_papers_due_reminders(today=today),
        "actions": send_action_reminders(today=today),
    }


__all__ = [
    "send_meeting_reminders",
    "send_papers_due_reminders",
    "send_action_reminders",
    "send_all",
    "visible_agenda",
]


# --- weekly digest sections (registered in ForumsConfig.ready) ------------------------------

DIGEST_MEETINGS_AHEAD_DAYS = 21


def digest_audience(today: datetime.date):
    """Each forum's secretariat and chair, with the forums they run."""
    forums_by_person: dict[int, list[Forum]] = defaultdict(list)
    people = {}
    rows = (
        Membership.objects.current(today)
        .filter(role__in=Membership.RUNNING_ROLES, person__is_active=True)
        .select_related("person", "forum")
        .order_by("forum__name")
    )
    for membership in rows:
        people[membership.person_id] = membership.person
        if membership.forum not in forums_by_person[membership.person_id]:
            forums_by_person[membership.person_id].append(membership.forum)
    return [(people[pk], forums) for pk, forums in forums_by_person.items()]


def digest_overdue_actions(person, forums, today):
    from membership.digest import DigestRow, DigestSection

    actions = (
        Action.objects.overdue(today)
        .filter(forum__in=forums)
        .select_related("forum", "owner", "accountable_agency")
        .order_by("due_date", "pk")
    )
    rows = []
    for action in actions:
        owner = action.owner or action.accountable_agency
        days = (today - action.due_date).days
        rows.append(
            DigestRow(
                text=f"{action.forum}: {action.title}",
                detail=f"{owner}, due {dates.date_text(action.due_date)}, {days} day"
                f"{'s' if days != 1 else ''} overdue",
                url=absolute_url(action_url(action)),
            )
        )
    return DigestSection(title="Overdue actions", rows=tuple(rows), order=20)


def digest_meetings_missing_papers(person, forums, today):
    """Meetings in the next three weeks with agenda items that have no paper yet."""
    from membership.digest import DigestRow, DigestSection

    start, _ = _local_day_bounds(today)
    _, end = _local_day_bounds(today + datetime.timedelta(days=DIGEST_MEETINGS_AHEAD_DAYS))
    items = (
        AgendaItem.objects.on_agenda()
        .filter(
            kind=AgendaItem.Kind.ITEM,
            meeting__forum__in=forums,
            meeting__starts_at__gte=start,
            meeting__starts_at__lt=end,
        )
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .exclude(papers__current_version__isnull=False)
        .select_related("meeting__forum", "presenter", "presenter_agency")
        .order_by("meeting__starts_at", "order", "pk")
    )
    rows = []
    for item in items:
        who = item.presenter or item.presenter_agency or "no presenter named"
        deadline = item.meeting.papers_deadline
        rows.append(
            DigestRow(
                text=f"{item.meeting.forum}, {timezone.localtime(item.meeting.starts_at):%-d %B}: "
                f"{item.title}",
                detail=f"{who}"
                + (f", papers due {deadline:%-d %B}" if deadline else ", no papers deadline set"),
                url=absolute_url(meeting_url(item.meeting)),
            )
        )
    return DigestSection(title="Upcoming meetings missing papers", rows=tuple(rows), order=30)


def digest_empty_seats(person, forums, today):
    """Core agencies missing from the table, or there without authority to commit resources."""
    from membership.digest import DigestRow, DigestSection

    try:
        from forums.coverage import forums_coverage
    except ImportError:  # the coverage check is not installed in this build
        return None
    rows = []
    coverages = forums_coverage(forums=forums, on=today)
    for forum in forums:
        coverage = coverages.get(forum.pk)
        if coverage is None or not getattr(coverage, "checked", True):
            continue
        url = absolute_url(forum_url(forum))
        for agency_type in coverage.missing:
            rows.append(DigestRow(text=f"{forum}: no {agency_type} seat", url=url))
        for agency_type in coverage.without_authority:
            rows.append(
                DigestRow(
                    text=f"{forum}: {agency_type} seat without authority to commit resources",
                    url=url,
                )
            )
    return DigestSection(title="Empty seats", rows=tuple(rows), order=40)
