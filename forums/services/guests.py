"""Writes for guests: invite one to a meeting or an item, withdraw them, tell them of changes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext

from forums.calendar import meeting_invitation
from forums.links import guest_url
from forums.models import AgendaItem, Guest, Meeting, Membership
from forums.services._common import _require_secretariat
from membership import dates
from membership.models import User
from membership.notifications import Attachment, notify


def _guest_account(*, email: str, name: str) -> User:
    """The account the guest's emails go to: theirs if they have one, else a new one without a
    password (it gives no standing in any forum)."""
    person = User.objects.annotate(lower=Lower("email")).filter(lower=email.lower()).first()
    if person is None:
        person = User.objects.create_user(email=email, password=None, full_name=name)
    return person


def _calendar_for(guest: Guest, method: str) -> Attachment:
    return Attachment(
        name=f"meeting-{guest.meeting_id}.ics",
        mimetype="text/calendar",
        content=meeting_invitation(
            guest.meeting, url=guest_url(guest, absolute=True), method=method
        ),
    )


@transaction.atomic
def guest_invite(
    *,
    meeting: Meeting,
    by: User,
    name: str,
    email: str,
    organisation: str,
    agenda_item: AgendaItem | None = None,
) -> Guest:
    """Invite a guest to the meeting (its public items) or to one item (and its papers); they
    are emailed a link that shows only that."""
    _require_secretariat(by, meeting.forum)
    if not meeting.is_open:
        raise ValidationError(gettext("Guests can only be invited before the meeting is held"))
    email = (email or "").strip()
    if not email:
        raise ValidationError({"email": gettext("Enter the guest's email address")})
    if (
        Membership.objects.current()
        .filter(forum_id=meeting.forum_id, person__email__iexact=email)
        .exists()
    ):
        raise ValidationError(
            {"email": gettext("This person is a member of the forum: they see the meeting already")}
        )
    if meeting.guests.usable().filter(email__iexact=email, agenda_item=agenda_item).exists():
        raise ValidationError({"email": gettext("This person is already invited to it")})
    guest = Guest(
        meeting=meeting,
        agenda_item=agenda_item,
        name=(name or "").strip(),
        email=email,
        organisation=(organisation or "").strip(),
        invited_by=by,
        expires_at=meeting.starts_at + Guest.VALID_AFTER_MEETING,
    )
    guest.person = _guest_account(email=email, name=guest.name or email)
    guest.full_clean()
    guest.save()
    notify(
        key=f"guest:{guest.pk}:invited",
        recipients=[guest.person],
        category="meetings",
        subject=gettext("Invitation: %(forum_name)s, %(starts_at)s")
        % {"forum_name": meeting.forum.name, "starts_at": dates.date_text(meeting.starts_at)},
        template="forums/email/guest_invited",
        context={
            "guest": guest,
            "meeting": meeting,
            "forum": meeting.forum,
            "invited_by": by,
            "when": dates.when(meeting.starts_at, meeting.ends_at),
        },
        url=guest_url(guest),
        essential=True,
        attachment=_calendar_for(guest, "PUBLISH"),
    )
    return guest


@transaction.atomic
def guest_withdraw(*, guest: Guest, by: User) -> Guest:
    """Withdraw a guest's invitation: their link stops working at once."""
    _require_secretariat(by, guest.meeting.forum)
    if guest.withdrawn_at is None:
        guest.withdrawn_at = timezone.now()
        guest.save(update_fields=["withdrawn_at"])
    return guest


def guests_tell(
    *, meeting: Meeting, key: str, subject: str, template: str, context: dict, method: str
) -> None:
    """Tell the meeting's guests what its members are told (a move, a cancellation), each with
    their own link and calendar event."""
    for guest in meeting.guests.filter(withdrawn_at__isnull=True).select_related("person"):
        notify(
            key=f"{key}:guest={guest.pk}",
            recipients=[guest.person],
            category="meetings",
            subject=subject,
            template=template,
            context={**context, "guest": guest},
            url=guest_url(guest),
            essential=True,
            attachment=_calendar_for(guest, method),
        )


def guests_follow_meeting(*, meeting: Meeting) -> None:
    """A moved meeting's guests keep their links for as long after its new date."""
    meeting.guests.filter(withdrawn_at__isnull=True).update(
        expires_at=meeting.starts_at + Guest.VALID_AFTER_MEETING
    )
