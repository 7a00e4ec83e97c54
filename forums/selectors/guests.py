"""Reads for guests: the signed link, the guest's page, the secretariat's list."""

from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404

from forums import confidentiality
from forums.models import Guest, Meeting, Paper

_SALT = "forums.guest"


def guest_token(guest: Guest) -> str:
    """The signed part of a guest's link (it names the guest; the row says if it still works)."""
    return signing.dumps(guest.pk, salt=_SALT)


def guest_for_token(token: str) -> Guest:
    """The guest a link belongs to, while it is usable (not withdrawn, not expired); else 404."""
    try:
        pk = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        raise Http404 from None
    guest = (
        Guest.objects.usable().select_related("meeting__forum", "agenda_item").filter(pk=pk).first()
    )
    if guest is None:
        raise Http404
    return guest


def guest_page(*, guest: Guest) -> dict:
    """What the guest sees: the meeting's time and place, and only their items and papers."""
    papers = list(confidentiality.guest_papers(guest).select_related("current_version"))
    items = list(confidentiality.guest_items(guest).order_by("order", "pk"))
    by_item: dict[int, list[Paper]] = {}
    for paper in papers:
        by_item.setdefault(paper.agenda_item_id, []).append(paper)
    for item in items:
        item.guest_papers = by_item.get(item.pk, [])
    return {"guest": guest, "meeting": guest.meeting, "forum": guest.meeting.forum, "items": items}


def guest_paper(*, guest: Guest, pk: int) -> Paper:
    """A paper the guest may read, with its current version (404 for anything else)."""
    return get_object_or_404(
        confidentiality.guest_papers(guest).select_related("current_version"), pk=pk
    )


def guests_of(*, meeting: Meeting) -> list[Guest]:
    return list(meeting.guests.select_related("agenda_item").order_by("name"))
