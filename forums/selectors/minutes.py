"""Reads of minutes and decisions, each entry only if the person may see it."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from forums.confidentiality import visible_to
from forums.models import Action, Decision, Forum, Meeting, MinuteComment, MinuteEntry, Minutes
from membership.models import User


def minutes_page(*, person: User, meeting: Meeting) -> dict:
    """The minutes of a meeting with the entries the person may see, and comments. Draft
    minutes are only their status for a member who does not run the forum."""
    forum = meeting.forum
    minutes = get_object_or_404(
        Minutes.objects.select_related("approved_by", "approved_at_meeting"), meeting=meeting
    )
    if not person.has_perm("forums.read_minutes", minutes):
        return {"meeting": meeting, "forum": forum, "minutes": minutes, "not_circulated": True}
    entries = visible_to(MinuteEntry.objects.filter(minutes=minutes), person, forum)
    entries = list(
        entries.select_related("agenda_item")
        .prefetch_related(
            Prefetch("comments", queryset=MinuteComment.objects.select_related("author"))
        )
        .order_by("agenda_item__order", "agenda_item__pk")
    )
    visible_ids = {e.agenda_item_id for e in entries}
    declarations = [
        d
        for d in meeting.declarations.select_related("person", "agenda_item")
        if d.agenda_item_id is None or d.agenda_item_id in visible_ids
    ]
    attendances = list(
        meeting.attendances.select_related("person", "agency", "deputy").order_by(
            "agency__name", "person__full_name"
        )
    )
    decisions = visible_to(Decision.objects.filter(meeting=meeting), person, forum)
    actions = visible_to(Action.objects.filter(meeting=meeting), person, forum)
    decisions = list(decisions.order_by("pk"))
    actions = list(
        actions.select_related("forum", "owner", "accountable_agency").order_by("due_date", "pk")
    )
    changes = list(minutes.history.select_related("history_user").order_by("-history_date")[:20])
    return {
        "meeting": meeting,
        "forum": forum,
        "minutes": minutes,
        "changes": changes,
        "entries": entries,
        "declarations": declarations,
        "attendances": attendances,
        "decisions": decisions,
        "actions": actions,
    }


def minute_entry_for(*, person: User, meeting: Meeting, pk: int) -> MinuteEntry:
    entries = visible_to(
        MinuteEntry.objects.filter(minutes__meeting=meeting), person, meeting.forum
    )
    return get_object_or_404(entries.select_related("agenda_item", "minutes"), pk=pk)


def later_meetings(*, meeting: Meeting) -> QuerySet[Meeting]:
    """Meetings at which these minutes may be approved."""
    return (
        Meeting.objects.filter(forum=meeting.forum, starts_at__gt=meeting.starts_at)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at")
    )


def decision_list_for(*, person: User, forum: Forum) -> QuerySet[Decision]:
    decisions = visible_to(Decision.objects.filter(forum=forum), person, forum)
    return decisions.select_related("meeting").order_by("-decided_on", "-pk")
