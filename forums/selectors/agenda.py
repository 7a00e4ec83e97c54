"""Reads of agenda items: another forum's, or a restricted one not named on, is a 404."""

from django.shortcuts import get_object_or_404

from forums.confidentiality import visible_to
from forums.models import AgendaItem, Meeting
from membership.models import User


def agenda_item_for(*, person: User, meeting: Meeting, pk: int) -> AgendaItem:
    queryset = visible_to(meeting.agenda_items.all(), person, meeting.forum)
    return get_object_or_404(queryset.prefetch_related("restricted_to"), pk=pk)
