"""Who may see a regional roll-up, report to the national level, and ask boards questions."""

import rules

from forums.rules import is_forum_member, is_forum_secretariat, is_national_viewer

# The regional board's members read the roll-up (read only; it holds only what member boards
# published or chose to share upward). Guests and data submitters do not.
rules.add_perm("national.view_region_roll_up", is_forum_member)

# A board's members see what it reported nationally and what it was asked; the secretariat and
# the chair submit and answer.
rules.add_perm("national.view_national_reporting", is_forum_member)
rules.add_perm("national.submit_to_national", is_forum_secretariat)
rules.add_perm("national.answer_national_question", is_forum_secretariat)

# The national team (national viewers) sees every board's submissions and asks questions.
rules.add_perm("national.view_submissions", is_national_viewer)
rules.add_perm("national.ask_national_question", is_national_viewer)


# Bulletins: the national team writes and publishes them; who may read one is its audience
# (``national.selectors.readable_bulletins``, the one place that rule lives).
rules.add_perm("national.manage_bulletins", is_national_viewer)


@rules.predicate
def can_read_bulletin(person, bulletin) -> bool:
    from national.selectors import readable_bulletins

    return readable_bulletins(person).filter(pk=bulletin.pk).exists()


rules.add_perm("national.read_bulletin", can_read_bulletin)


# --- Cascade to local boards (national/models_cascade.py) -------------------------------------
# The national team sends national items to boards' forward plans and sees where each went.
# Which items a board's person sees is scoped in ``national.selectors_cascade.recipients_for``:
# whoever runs the board sees every item sent to it, members only those it took up.


@rules.predicate
def is_local_board(person, forum) -> bool:
    """Items are sent to local boards only (a sub-group or regional board has none)."""
    from forums.models import Forum

    return forum is not None and forum.kind == Forum.Kind.LOCAL_BOARD


rules.add_perm("national.send_to_boards", is_national_viewer)
rules.add_perm("national.view_cascade_sent", is_national_viewer)
rules.add_perm("national.view_cascaded_items", is_local_board & is_forum_member)
rules.add_perm("national.see_cascade_waiting", is_local_board & is_forum_secretariat)
rules.add_perm("national.decide_cascaded_item", is_local_board & is_forum_secretariat)
