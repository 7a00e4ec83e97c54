"""Who may see a regional board's roll-up of its member boards."""

import rules

from forums.rules import is_forum_member

# The regional board's members read the roll-up (read only; it holds only what member boards
# published or chose to share upward). Guests and data submitters do not.
rules.add_perm("national.view_region_roll_up", is_forum_member)
