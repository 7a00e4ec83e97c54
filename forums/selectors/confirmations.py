"""What a "check before you act" page says: who will be told, and what the public will see."""

from forums import confidentiality
from forums.models import Meeting
from forums.services._common import _members_of
from membership import dates
from membership.models import User


def _names(people) -> list[str]:
    return sorted((person.full_name or person.email for person in people), key=str.lower)


def invitees_of(meeting: Meeting) -> list[User]:
    """Everyone invited to the meeting: those with a reply row and the forum's members now."""
    invited = User.objects.filter(meeting_attendances__meeting=meeting, is_active=True)
    return list({person.pk: person for person in [*invited, *_members_of(meeting.forum)]}.values())


def told_of_agenda(meeting: Meeting) -> list[str]:
    """The names of those told when the agenda is published (the forum's members)."""
    return _names(_members_of(meeting.forum))


def told_of_change(meeting: Meeting) -> list[str]:
    """The names of those told when the meeting moves or is cancelled: invitees and guests."""
    guests = [
        f"{guest.name} ({guest.organisation}, guest)"
        for guest in meeting.guests.filter(withdrawn_at__isnull=True)
    ]
    return _names(invitees_of(meeting)) + guests


def public_once_agenda_published(meeting: Meeting) -> list[str]:
    """What the public sees once the agenda is out: nothing for a meeting kept off the public
    site; otherwise its date and place, the items on the public agenda and the public papers."""
    if not confidentiality.meeting_is_published(meeting):
        return []
    lines = [f"The meeting on {dates.date_and_time(meeting.starts_at)}, and where it is"]
    # The agenda is not out yet, so the published-only querysets give nothing: the rule for
    # each item and paper (``marked_public``) says what they will give once it is.
    items = (
        meeting.agenda_items.on_agenda()
        .exclude(confidentiality=confidentiality.RESTRICTED)
        .prefetch_related("papers")
        .order_by("order", "pk")
    )
    papers = []
    for item in items:
        lines.append(f"Agenda item: {item.title_for_public}")
        papers += [
            paper.title
            for paper in item.papers.all()
            if paper.current_version_id and confidentiality.marked_public(paper)
        ]
    lines.extend(f"Paper: {title}" for title in papers)
    return lines


def public_once_cancelled(meeting: Meeting) -> list[str]:
    if not confidentiality.meeting_is_published(meeting):
        return []
    return ["The public meeting page and calendar show the meeting as cancelled"]
