"""Who may see and do what with meetings, papers, minutes and actions.

Forum-level predicates take (person, forum) like those in forums.rules.forum; the object-level
helpers below take (person, item) and decide confidentiality:

- ``public`` and ``confidential`` items: current members and secretariat of the forum;
- ``restricted`` items: the people named on them, and whoever runs the forum (secretariat and
  chair), who name them.
"""

import rules

from forums.models.meetings import Confidentiality
from forums.rules.forum import (
    is_forum_advisory,
    is_forum_chair,
    is_forum_member,
    is_forum_secretariat,
)


def _named(person, obj) -> bool:
    """Whether the person is named on a restricted object (uses a prefetch when there is one)."""
    cache = getattr(obj, "_prefetched_objects_cache", {})
    if "restricted_to" in cache:
        return any(p.pk == person.pk for p in cache["restricted_to"])
    return obj.restricted_to.filter(pk=person.pk).exists()


def can_see_agenda_item(person, item, forum=None) -> bool:
    forum = forum or item.meeting.forum
    if not is_forum_member(person, forum):
        return False
    if item.confidentiality != Confidentiality.RESTRICTED:
        return True
    return bool(is_forum_secretariat(person, forum)) or _named(person, item)


def can_see_paper(person, paper, item=None, forum=None) -> bool:
    item = item or paper.agenda_item
    forum = forum or item.meeting.forum
    if not can_see_agenda_item(person, item, forum):
        return False
    if paper.confidentiality != Confidentiality.RESTRICTED:
        return True
    return bool(is_forum_secretariat(person, forum)) or _named(person, paper)


@rules.predicate
def can_update_action(person, action) -> bool:
    """The owner of an action updates it; so does whoever runs the forum."""
    if is_forum_secretariat(person, action.forum):
        return True
    return action.owner_id == person.pk and bool(is_forum_member(person, action.forum))


@rules.predicate
def can_own_actions(person, forum) -> bool:
    """Members may own delivery actions; advisory members never do (independence)."""
    return bool(is_forum_member(person, forum)) and not is_forum_advisory(person, forum)


@rules.predicate
def is_national_viewer(person) -> bool:
    """APCC or national board staff: they answer national escalations (no forum standing)."""
    return bool(getattr(person, "is_national_viewer", False))


# Forum level: (person, forum)
rules.add_perm("forums.view_meetings", is_forum_member)
rules.add_perm("forums.manage_meetings", is_forum_secretariat)
rules.add_perm("forums.rsvp", is_forum_member)
rules.add_perm("forums.comment_on_minutes", is_forum_member)
rules.add_perm("forums.approve_minutes", is_forum_chair)
rules.add_perm("forums.own_actions", can_own_actions)
rules.add_perm("forums.raise_escalation", is_forum_member)
# Object level: (person, action)
rules.add_perm("forums.update_action", can_update_action)
# No object: national staff
rules.add_perm("forums.answer_national_escalations", is_national_viewer)
