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
