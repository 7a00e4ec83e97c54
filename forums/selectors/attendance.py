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
