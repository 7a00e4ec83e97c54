"""Reads of attendance: a member's reply, their standing deputy, quorum, statistics."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from forums.models import Attendance, Forum, Meeting, Membership
from membership.models import User


def own_attendance(*, person: User, meeting: Meeting) -> Attendance | None:
    return (
        Attendance.objects.filter(meeting=meeting, person=person).select_related("deputy").first()
    )


def standing_deputy_email(*, person: User, forum: Forum) -> str:
    """The deputy named on the person's membership, offered when they reply."""
    seat = (
        Membership.objects.current()
        .filter(forum=forum, person=person, deputy__isnull=False)
        .select_related("deputy")
        .first()
    )
    return seat.deputy.email if seat else ""


@dataclass
class Quorum:
    required: int
    present: int
    agency_types: list[str]

    @property
    def is_met(self) -> bool:
        return self.present >= self.required


def quorum_for(meeting: Meeting, attendances: list[Attendance]) -> Quorum:
    """Core agency types round the table: actual attendance once recorded, replies before."""
    recorded = any(a.actual != Attendance.Actual.UNKNOWN for a in attendances)
    types = set()
    for attendance in attendances:
        if attendance.agency is None or not attendance.agency.agency_type.core_member_expected:
            continue
        if recorded:
            counts = attendance.was_represented
        else:
            counts = attendance.reply in (Attendance.Reply.ATTENDING, Attendance.Reply.DEPUTY)
        if counts:
            types.add(attendance.agency.agency_type.name)
    return Quorum(
        required=meeting.forum.quorum_core_agency_types,
        present=len(types),
        agency_types=sorted(types),
    )


def attendance_statistics(*, forum: Forum, today: datetime.date | None = None) -> dict:
    """Per member and per agency over the last 12 months: meetings, attended, with authority."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=365)
    rows = (
        Attendance.objects.filter(
            meeting__forum=forum,
            meeting__starts_at__date__gte=since,
            meeting__starts_at__date__lte=today,
        )
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .exclude(actual=Attendance.Actual.UNKNOWN)
    )
    represented = Q(actual__in=[Attendance.Actual.PRESENT, Attendance.Actual.DEPUTY_PRESENT])
    people = (
        rows.values("person_id", "person__full_name", "agency__name")
        .annotate(
            meetings=Count("pk"),
            attended=Count("pk", filter=Q(actual=Attendance.Actual.PRESENT)),
            deputised=Count("pk", filter=Q(actual=Attendance.Actual.DEPUTY_PRESENT)),
        )
        .order_by("agency__name", "person__full_name")
    )
    agencies = (
        rows.filter(agency__isnull=False)
        .values("agency_id", "agency__name")
        .annotate(
            meetings=Count("meeting", distinct=True),
            represented=Count("meeting", filter=represented, distinct=True),
            with_authority=Count(
                "meeting", filter=represented & Q(attendee_can_commit_resources=True), distinct=True
            ),
        )
        .order_by("agency__name")
    )
    return {"people": list(people), "agencies": list(agencies), "since": since}


@dataclass
class MinutesAttendance:
    """Who was present, who sent apologies and who was absent, as the minutes read them."""

    present: list[str]
    apologies: list[str]
    absent: list[str]


def minutes_attendance(attendances: list[Attendance], *, public: bool = False) -> MinutesAttendance:
    """The attendance section of the minutes. Members' minutes name everyone; public minutes
    give the agency and role, and a name only where the member agreed to show it (guests and
    deputies are not named publicly). Expects ``person``, ``agency``, ``deputy`` and
    ``membership`` loaded."""
    present, apologies, absent = [], [], []
    for attendance in attendances:
        if public and attendance.membership is None:
            continue  # guests are not listed publicly
        who = _who(attendance, public=public)
        if attendance.was_present:
            authority = " (authority to commit resources)"
            present.append(who + (authority if attendance.attendee_can_commit_resources else ""))
        elif attendance.deputy_attended:
            deputy = "" if public else attendance.deputy_display
            if deputy:
                present.append(f"{deputy} (deputising for {who})")
            else:
                present.append(f"A deputy for {who}")
        elif attendance.sent_apologies:
            apologies.append(who)
        elif attendance.was_absent:
            absent.append(who)
    return MinutesAttendance(present=present, apologies=apologies, absent=absent)


def public_name(attendance: Attendance) -> str:
    """How the public sees a member: role and agency, with the name only with consent."""
    return _who(attendance, public=True)


def _who(attendance: Attendance, *, public: bool) -> str:
    """'Mark Dunn, Durham Constabulary'; publicly by role and agency ('Member, Durham
    Constabulary'), after the name only if the member agreed to show it."""
    seat = attendance.membership
    parts = []
    if not public or (seat and seat.show_name_publicly):
        parts.append(attendance.person_name)
    if public:
        parts.append(seat.get_role_display() if seat else "Guest")
    if attendance.agency:
        parts.append(attendance.agency.name)
    return ", ".join(parts)


def attendance_rows(*, meeting: Meeting) -> list[Attendance]:
    """The people invited to a meeting, by agency, with what the minutes need loaded."""
    return list(
        meeting.attendances.select_related("person", "agency", "deputy", "membership").order_by(
            "agency__name", "person__full_name"
        )
    )


def deputy_choices(*, meeting: Meeting):
    """People offered as the deputy who came: the forum's current members, the standing
    deputies named on its seats, and deputies named in replies to this meeting."""
    seats = Membership.objects.current().filter(forum=meeting.forum)
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(memberships__in=seats)
            | Q(deputy_for__in=seats)
            | Q(deputised_attendances__meeting=meeting)
        )
        .distinct()
        .order_by("full_name")
    )
