"""Who may do what in forums: every ``forums.*`` permission, registered with ``rules``.

``forum`` holds the roles on a forum and the forum-level permissions; ``meetings`` the rules
for meetings, papers, minutes, actions and escalations; ``procedures`` for decisions
taken in writing. Each registers when this package is
imported (``rules`` autodiscovers it at start-up).
"""

from forums.rules.forum import (
    is_forum_advisory,
    is_forum_chair,
    is_forum_member,
    is_forum_participant,
    is_forum_secretariat,
)
from forums.rules.meetings import (
    can_own_actions,
    can_see_agenda_item,
    can_see_paper,
    can_update_action,
    is_national_viewer,
)
from forums.rules.procedures import votes_for_an_agency

__all__ = [
    "can_own_actions",
    "can_see_agenda_item",
    "can_see_paper",
    "can_update_action",
    "is_forum_advisory",
    "is_forum_chair",
    "is_forum_member",
    "is_forum_participant",
    "is_forum_secretariat",
    "is_national_viewer",
    "votes_for_an_agency",
]
