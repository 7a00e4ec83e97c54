"""Demo meetings (runs after the demo forums): a year of the meeting cycle."""

import datetime

from django.utils import timezone

from forums.demo.escalations import _seed_escalations
from forums.demo.papers import _paper
from forums.demo.seats import _seats
from forums.demo.welsh import in_welsh, previous_minutes_title
from forums.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Confidentiality,
    Decision,
    Declaration,
    Forum,
    ForwardPlanItem,
    Meeting,
    Membership,
    MinuteComment,
    MinuteEntry,
    Minutes,
)
from forums.references import next_action_reference, next_decision_reference

# For cleveland-cjb: six past meetings with agendas, papers, attendance, declarations, minutes
# in every state, decisions and actions (done, in progress, overdue); one cancelled meeting; two
# upcoming ones (agenda published, and scheduled); a forward plan; escalations. Other demo boards
# get a lighter year. A forum that already has meetings is left alone, so running it again
# changes nothing.

Role = Membership.Role
Conf = Confidentiality


def _at(months_from_now: int, hour: int = 10) -> datetime.datetime:
    """The 15th of a month relative to this one, so dates stay put within a month."""
    today = timezone.localdate()
    month = today.month - 1 + months_from_now
    year = today.year + month // 12
    day = datetime.date(year, month % 12 + 1, 15)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


ITEMS = [
    # title, purpose, confidentiality, public title, paper (title, classification) or None
    (
        "Performance report: shared measures",
        "assurance",
        Conf.PUBLIC,
        "",
        ("Performance report", "official"),
    ),
    (
        "Victims' Code compliance",
        "assurance",
        Conf.PUBLIC,
        "",
        ("Victims' Code compliance report", "official"),
    ),
    ("Court recovery and trial readiness", "discussion", Conf.PUBLIC, "", None),
    (
        "Youth custody case review",
        "discussion",
        Conf.CONFIDENTIAL,
        "Youth justice update",
        ("Case review summary", "official_sensitive"),
    ),
    (
        "Serious violence operation briefing",
        "information",
        Conf.RESTRICTED,
        "",
        ("Operation briefing", "official_sensitive"),
    ),
]


def _meeting(forum, by, starts_at, status, *, title="Board meeting", previous=None):
    meeting = Meeting.objects.create(
        forum=forum,
        **in_welsh(
            forum, title=title, location="Police and Crime Commissioner's office, conference room"
        ),
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2, minutes=30),
        online_link="https://meet.example.org/board",
        papers_deadline=(starts_at - datetime.timedelta(days=7)).date(),
        status=status,
        created_by=by,
    )
    if status != Meeting.Status.SCHEDULED:
        meeting.agenda_published_at = starts_at - datetime.timedelta(days=7)
    if status in (Meeting.Status.HELD, Meeting.Status.MINUTES_APPROVED):
        meeting.held_at = starts_at + datetime.timedelta(hours=3)
    meeting.save()
    return meeting


def _agenda(meeting, by, seats, by_role, previous, *, full=True):
    order = 1
    items = []
    if previous is not None:
        items.append(
            AgendaItem.objects.create(
                meeting=meeting,
                order=order,
                kind=AgendaItem.Kind.PREVIOUS_MINUTES,
                **previous_minutes_title(
                    meeting.forum, timezone.localtime(previous.starts_at).date()
                ),
                purpose="decision",
                minutes_allowed=5,
            )
        )
        order += 1
    items.append(
        AgendaItem.objects.create(
            meeting=meeting,
            order=order,
            kind=AgendaItem.Kind.MATTERS_ARISING,
            **in_welsh(meeting.forum, title="Matters arising and actions carried forward"),
            purpose="assurance",
            minutes_allowed=10,
        )
    )
    order += 1
    chosen = ITEMS if full else ITEMS[:2] + ITEMS[3:4]
    restricted_people = [
        s.person for s in (by_role.get(Role.CHAIR, []) + by_role.get(Role.VICE_CHAIR, []))
    ]
    presenters = [s for s in seats if s.role in (Role.MEMBER, Role.VICE_CHAIR)] or seats
    for number, (title, purpose, level, public_title, paper) in enumerate(chosen):
        presenter = presenters[number % len(presenters)]
        item = AgendaItem.objects.create(
            meeting=meeting,
            order=order,
            **in_welsh(meeting.forum, title=title, public_title=public_title),
            purpose=purpose,
            presenter=presenter.person,
            presenter_agency=presenter.agency,
            minutes_allowed=20,
            confidentiality=level,
            confidentiality_reason=(
                ""
                if level == Conf.PUBLIC
                else "Discusses individual cases"
                if level == Conf.CONFIDENTIAL
                else "Live law-enforcement operation"
            ),
        )
        if level == Conf.RESTRICTED:
            item.restricted_to.set(restricted_people)
        if paper:
            _paper(
                item,
                paper[0],
                by,
                classification=paper[1],
                named=restricted_people if level == Conf.RESTRICTED else (),
            )
        items.append(item)
        order += 1
    return items


def _attendance(meeting, seats, *, held, index):
    for number, seat in enumerate(seats):
        reply = Attendance.Reply.ATTENDING
        actual = Attendance.Actual.PRESENT if held else Attendance.Actual.UNKNOWN
        deputy = None
        if (number + index) % 7 == 3:
            reply, actual = Attendance.Reply.APOLOGIES, Attendance.Actual.ABSENT if held else actual
        elif (number + index) % 7 == 5 and seat.deputy_id:
            reply, deputy = Attendance.Reply.DEPUTY, seat.deputy
            actual = Attendance.Actual.DEPUTY_PRESENT if held else actual
        Attendance.objects.create(
            meeting=meeting,
            person=seat.person,
            membership=seat,
            agency=seat.agency,
            reply=reply,
            deputy=deputy,
            replied_at=meeting.starts_at - datetime.timedelta(days=5),
            actual=actual,
            attendee_can_commit_resources=held
            and actual == Attendance.Actual.PRESENT
            and seat.can_commit_resources,
            recorded_at=meeting.starts_at if held else None,
        )


MINUTE_TEXT = {
    AgendaItem.Kind.PREVIOUS_MINUTES: "The minutes of the previous meeting were agreed as a "
    "true record.",
    AgendaItem.Kind.MATTERS_ARISING: "The board reviewed the action log. Overdue actions were "
    "discussed with their owners and new dates agreed where needed.",
    "Performance report: shared measures": "The board noted improvement in the timeliness of "
    "charging decisions and asked for a breakdown by offence type at the next meeting.",
    "Victims' Code compliance": "Compliance with the right to be kept informed remains below "
    "target. Agencies agreed to a joint audit of victim contact.",
    "Court recovery and trial readiness": "HMCTS reported the outstanding Crown Court caseload. "
    "The board agreed to monitor ineffective trials due to prosecution witness absence.",
    "Youth custody case review": "Members discussed the learning from two recent cases in "
    "confidence. Partners agreed to share information earlier.",
    "Serious violence operation briefing": "The police briefed named members on the operation.",
}


def _minutes(meeting, items, status, by, chair, approved_at_meeting, commenter):
    forum = meeting.forum
    minutes = Minutes.objects.create(
        meeting=meeting,
        **in_welsh(forum, introduction="The chair welcomed members and noted apologies."),
    )
    for item in items:
        MinuteEntry.objects.create(
            minutes=minutes,
            agenda_item=item,
            **in_welsh(
                forum,
                text=""
                if status == Minutes.Status.DRAFT and item.kind == "item" and item.order > 4
                else MINUTE_TEXT.get(item.kind, MINUTE_TEXT.get(item.title_en, "Discussed.")),
            ),
        )
    fields = {"status": status}
    if status != Minutes.Status.DRAFT:
        fields["circulated_at"] = meeting.starts_at + datetime.timedelta(days=7)
        fields["comments_close_on"] = (meeting.starts_at + datetime.timedelta(days=21)).date()
    if status in (Minutes.Status.APPROVED, Minutes.Status.PUBLISHED) and approved_at_meeting:
        fields.update(
            approved_at=approved_at_meeting.starts_at + datetime.timedelta(hours=1),
            approved_by=chair,
            approved_via=Minutes.ApprovedVia.MEETING,
            approved_at_meeting=approved_at_meeting,
        )
    if status == Minutes.Status.PUBLISHED:
        fields["published_at"] = approved_at_meeting.starts_at + datetime.timedelta(days=2)
    for name, value in fields.items():
        setattr(minutes, name, value)
    minutes.save()
    if status == Minutes.Status.CIRCULATED and commenter:
        entry = minutes.entries.filter(agenda_item__kind="item").first()
        if entry:
            MinuteComment.objects.create(
                entry=entry, author=commenter, text="Please record that CPS will lead the audit."
            )
    return minutes


def _decisions_and_actions(forum, meeting, items, by, owners, index):
    decisions = []
    for item in items:
        if item.kind != "item":
            continue
        if item.title_en.startswith("Victims") or item.title_en.startswith("Youth"):
            decisions.append(
                Decision.objects.create(
                    forum=forum,
                    meeting=meeting,
                    agenda_item=item,
                    reference=next_decision_reference(
                        forum=forum, year=timezone.localtime(meeting.starts_at).year
                    ),
                    **in_welsh(
                        forum,
                        text=(
                            "Agreed a joint audit of victim contact, led by CPS."
                            if item.title_en.startswith("Victims")
                            else "Agreed to share information about children at risk of "
                            "custody earlier."
                        ),
                    ),
                    decided_on=timezone.localtime(meeting.starts_at).date(),
                    confidentiality=item.confidentiality,
                    created_by=by,
                )
            )
    today = timezone.localdate()
    specs = [
        ("Report charging timeliness by offence type", 30, items[-3] if len(items) > 3 else None),
        ("Audit victim contact letters", 60, None),
        ("Share the court listing forecast with partners", 20, None),
    ]
    for number, (title, days, item) in enumerate(specs):
        owner = owners[(index + number) % len(owners)]
        due = timezone.localtime(meeting.starts_at).date() + datetime.timedelta(days=days)
        if due < today - datetime.timedelta(days=60):
            status, percent = Action.Status.DONE, 100
        elif due < today:
            status, percent = (
                (Action.Status.IN_PROGRESS, 60) if number % 2 else (Action.Status.OPEN, 0)
            )
        else:
            status, percent = Action.Status.IN_PROGRESS, 25
        action = Action.objects.create(
            forum=forum,
            meeting=meeting,
            agenda_item=item,
            decision=decisions[0] if decisions and number == 1 else None,
            reference=next_action_reference(
                forum=forum, year=timezone.localtime(meeting.starts_at).year
            ),
            title=title,
            owner=owner.person,
            accountable_agency=owner.agency,
            due_date=due,
            status=status,
            percent_complete=percent,
            confidentiality=item.confidentiality if item else Conf.CONFIDENTIAL,
            completed_at=timezone.now() if status == Action.Status.DONE else None,
            created_by=by,
        )
        if percent:
            ActionUpdate.objects.create(
                action=action,
                author=owner.person,
                text="Work under way; first findings shared with the board secretariat."
                if status != Action.Status.DONE
                else "Completed and reported to the board.",
                status=status,
                percent_complete=percent,
                created_at=meeting.starts_at + datetime.timedelta(days=14),
            )


def _seed_forum(forum, *, past_months, future_months, full, stdout):
    seats, by_role = _seats(forum)
    runners = by_role.get(Role.SECRETARIAT) or by_role.get(Role.CHAIR)
    if not runners:
        stdout.write(f"  {forum.slug}: no secretariat, skipped")
        return
    by = runners[0].person
    chair = (by_role.get(Role.CHAIR) or runners)[0].person
    owners = [s for s in seats if s.role in (Role.MEMBER, Role.VICE_CHAIR)] or runners
    members = [s.person for s in seats if s.role == Role.MEMBER]
    meetings = []
    previous = None
    # Minutes states, oldest first: published ... approved, circulated, draft.
    states = [Minutes.Status.PUBLISHED] * max(0, len(past_months) - 3) + [
        Minutes.Status.APPROVED,
        Minutes.Status.CIRCULATED,
        Minutes.Status.DRAFT,
    ]
    states = states[-len(past_months) :]
    for index, months in enumerate(past_months):
        status = (
            Meeting.Status.MINUTES_APPROVED
            if states[index] in (Minutes.Status.APPROVED, Minutes.Status.PUBLISHED)
            else Meeting.Status.HELD
        )
        meeting = _meeting(forum, by, _at(months), status, previous=previous)
        items = _agenda(meeting, by, seats, by_role, previous, full=full)
        _attendance(meeting, seats, held=True, index=index)
        if index % 2 == 0 and owners:
            Declaration.objects.create(
                meeting=meeting,
                agenda_item=items[-1],
                person=owners[0].person,
                interest="Spouse works for a provider named in the paper.",
                action_taken="Took no part in the discussion of this item.",
                recorded_by=by,
            )
        _decisions_and_actions(forum, meeting, items, by, owners, index)
        meetings.append((meeting, items))
        previous = meeting
    for index, (meeting, items) in enumerate(meetings):
        later = meetings[index + 1][0] if index + 1 < len(meetings) else None
        _minutes(meeting, items, states[index], by, chair, later, members[0] if members else None)
    # A cancelled extraordinary meeting.
    cancelled = _meeting(
        forum,
        by,
        _at(past_months[len(past_months) // 2] + 1, hour=14),
        Meeting.Status.CANCELLED,
        title="Extraordinary meeting",
    )
    cancelled.cancelled_reason = (
        "Not enough members could attend to be quorate; items moved to the next meeting."
    )
    cancelled.cancelled_at = cancelled.starts_at - datetime.timedelta(days=3)
    cancelled.save()
    # Upcoming: the first has its agenda published, the rest are scheduled.
    for index, months in enumerate(future_months):
        status = Meeting.Status.AGENDA_PUBLISHED if index == 0 else Meeting.Status.SCHEDULED
        meeting = _meeting(forum, by, _at(months), status, previous=previous)
        _agenda(meeting, by, seats, by_role, previous, full=full and index == 0)
        _attendance(meeting, seats, held=False, index=index)
        previous = meeting
    for months, title, level in [
        (
            future_months[-1] + 1 if future_months else 2,
            "Annual evaluation of the board's priorities",
            Conf.PUBLIC,
        ),
        (future_months[-1] + 2 if future_months else 3, "Domestic abuse deep dive", Conf.PUBLIC),
        (
            future_months[-1] + 2 if future_months else 3,
            "Review of information-sharing agreement",
            Conf.CONFIDENTIAL,
        ),
    ]:
        ForwardPlanItem.objects.create(
            forum=forum,
            title=title,
            planned_for=_at(months).date().replace(day=1),
            purpose="discussion",
            confidentiality=level,
            created_by=by,
        )
    stdout.write(
        f"  {forum.slug}: {len(past_months)} past and {len(future_months)} upcoming meetings"
    )


def seed(*, stdout) -> None:
    plan = [
        ("cleveland-cjb", [-11, -9, -7, -5, -3, -1], [1, 3], True),
        ("durham-cjb", [-10, -7, -4, -1], [2], False),
        ("south-wales-cjb", [-12, -9, -6, -3], [1], False),
        ("all-wales-cjb", [-11, -8, -5, -2], [2], False),
        ("cleveland-victims-witnesses", [-8, -5, -2], [1], False),
    ]
    for slug, past, future, full in plan:
        forum = Forum.objects.filter(slug=slug).first()
        if forum is None:
            continue
        if Meeting.objects.filter(forum=forum).exists():
            stdout.write(f"  {slug}: meetings already there, left alone")
            continue
        _seed_forum(forum, past_months=past, future_months=future, full=full, stdout=stdout)
    _seed_escalations(stdout)
