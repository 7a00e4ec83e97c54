"""Who may run and answer decisions taken in writing between meetings (written procedures).

Predicates take (person, forum). Answering also needs the person to vote for the agency they
answer for (``forums.voting``), which the response service checks.
"""

import rules

from forums.rules.forum import is_forum_member, is_forum_secretariat
from forums.voting import voting_agency_ids


@rules.predicate
def votes_for_an_agency(person, forum) -> bool:
    """Holds a seat that speaks for an agency (chair, vice-chair or member; never advisory)."""
    return bool(voting_agency_ids(person, forum))


rules.add_perm("forums.view_written_procedures", is_forum_member)
rules.add_perm("forums.run_written_procedure", is_forum_secretariat)
rules.add_perm("forums.respond_to_written_procedure", is_forum_member & votes_for_an_agency)
