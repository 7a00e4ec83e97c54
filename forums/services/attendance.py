"""Writes for attendance: members' replies, who actually came, declarations of interest."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from forums.models import AgendaItem, Attendance, Declaration, Meeting, Membership
from forums.rules.meetings import not_yet_reason
from forums.services._common import _require_secretariat
from membership import dates
from membership.models import User
from membership.notifications import notify


@transaction.atomic
def attendance_reply(
    *, meeting: Meeting, person: User, reply: str, deputy: User | None = None
) -> Attendance:
    """A member says whether they are coming, sending apologies or sending a named deputy."""
    if not person.has_perm("forums.rsvp", meeting.forum):
        raise PermissionDenied(gettext("Only members of this forum can reply to its meetings."))
    if not meeting.is_open:
        raise ValidationError(gettext("Replies are closed for this meeting"))
    if reply == Attendance.Reply.DEPUTY:
        if deputy is None:
            raise ValidationError({"deputy": gettext("Enter the email address of your deputy")})
        if deputy.pk == person.pk:
            raise ValidationError({"deputy": gettext("You cannot be your own deputy")})
    else:
        deputy = None
    membership = (
        Membership.objects.current()
        .filter(forum=meeting.forum, person=person, role__in=Membership.MEMBER_ROLES)
        .first()
    )
    attendance, _ = Attendance.objects.get_or_create(
        meeting=meeting,
        person=person,
        defaults={
            "membership": membership,
            "agency_id": membership.agency_id if membership else None,
        },
    )
    attendance.reply = reply
    attendance.deputy = deputy
    attendance.replied_at = timezone.now()
    attendance.save(update_fields=["reply", "deputy", "replied_at"])
    if deputy is not None:
        # The deputy may not sit on the forum: the email names the meeting, never its agenda.
        notify(
            key=f"meeting:{meeting.pk}:deputy:{person.pk}:{deputy.pk}",
            recipients=[deputy],
            category="meetings",
            subject=gettext("You are deputising at the %(forum_name)s meeting on %(date)s")
            % {"forum_name": meeting.forum.name, "date": dates.date_text(meeting.starts_at)},
            template="forums/email/meeting_deputy",
            context={"meeting": meeting, "forum": meeting.forum, "member": person},
        )
    return attendance


@transaction.atomic
def attendance_record(
    *,
    meeting: Meeting,
    by: User,
    actual: dict[int, str],
    deputies: dict[int, tuple[User | None, str]] | None = None,
) -> list[Attendance]:
    """Record who actually attended: ``actual`` maps attendance ids to Attendance.Actual;
    ``deputies`` maps them to the deputy who came (someone in the system, or a named guest).
    All or nothing: a deputy who attended must be named."""
    _require_secretariat(by, meeting.forum)
    if reason := not_yet_reason(meeting, "attendance"):
        raise ValidationError(reason)
    deputies = deputies or {}
    now = timezone.now()
    rows = list(
        meeting.attendances.select_related("person", "membership", "deputy").filter(
            pk__in=actual.keys()
        )
    )
    problems = []
    for row in rows:
        row.actual = actual[row.pk]
        if row.actual == Attendance.Actual.DEPUTY_PRESENT:
            deputy, name = deputies.get(row.pk, (row.deputy, row.deputy_name))
            name = "" if deputy else name.strip()
            if deputy is None and not name:
                problems.append(
                    gettext("Enter who deputised for %(person)s") % {"person": row.person}
                )
            elif deputy is not None and deputy.pk == row.person_id:
                problems.append(
                    gettext("%(person)s cannot deputise for themselves") % {"person": row.person}
                )
            row.deputy, row.deputy_name = deputy, name
    if problems:
        raise ValidationError(problems)
    deputy_memberships = {
        m.person_id: m
        for m in Membership.objects.current().filter(
            forum=meeting.forum, person_id__in=[r.deputy_id for r in rows if r.deputy_id]
        )
    }
    for row in rows:
        if row.actual == Attendance.Actual.PRESENT:
            row.attendee_can_commit_resources = bool(
                row.membership and row.membership.can_commit_resources
            )
        elif row.actual == Attendance.Actual.DEPUTY_PRESENT:
            deputy_seat = deputy_memberships.get(row.deputy_id)
            row.attendee_can_commit_resources = bool(
                deputy_seat and deputy_seat.can_commit_resources
            )
        else:
            row.attendee_can_commit_resources = False
        row.recorded_at = now
    Attendance.objects.bulk_update(
        rows, ["actual", "deputy", "deputy_name", "attendee_can_commit_resources", "recorded_at"]
    )
    return rows


@transaction.atomic
def declaration_record(
    *,
    meeting: Meeting,
    by: User,
    person: User,
    interest: str,
    agenda_item: AgendaItem | None = None,
    action_taken: str = "",
) -> Declaration:
    """Record a declaration of interest for the meeting or one item (shown in the minutes)."""
    _require_secretariat(by, meeting.forum)
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": gettext("Choose an item on this meeting's agenda")})
    if not interest.strip():
        raise ValidationError({"interest": gettext("Enter the interest declared")})
    return Declaration.objects.create(
        meeting=meeting,
        agenda_item=agenda_item,
        person=person,
        interest=interest.strip(),
        action_taken=action_taken,
        recorded_by=by,
    )


def minutes_names_kept(*, person: User, by: User) -> None:
    """A person who has left is being erased: the minutes keep their name as it stood, in the
    attendance (their own and as a deputy) and their declarations of interest."""
    name = person.full_name or person.email
    Attendance.objects.filter(person=person, name_as_recorded="").update(name_as_recorded=name)
    Attendance.objects.filter(deputy=person, deputy_name="").update(deputy_name=name)
    Declaration.objects.filter(person=person, name_as_recorded="").update(name_as_recorded=name)
