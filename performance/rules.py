"""Who may see and do what with performance figures.

Forum-level predicates take (person, forum); return-level ones take (person, return). A data
submitter sees and edits only their own agency's returns; members see their forums' unpublished
figures; the public sees only published periods (public pages read through published-only
selectors and never consult these rules).
"""

import rules

from forums.models import Forum, Membership
from forums.rules import is_forum_member, is_forum_secretariat

Role = Membership.Role
# Roles in which a person may enter figures for the agency they represent.
SUBMITTING_ROLES = (Role.DATA_SUBMITTER, Role.MEMBER, Role.VICE_CHAIR, Role.CHAIR)
# Roles in which a person may confirm their agency's figures before publication.
LEAD_ROLES = (Role.MEMBER, Role.VICE_CHAIR, Role.CHAIR)


def _seats(person, forum: Forum) -> set[tuple[int, str]]:
    """(agency id, role) of the person's current memberships of the forum, cached per request."""
    if not getattr(person, "is_authenticated", False) or forum is None:
        return set()
    cache = person.__dict__.setdefault("_performance_seats_cache", {})
    if forum.pk not in cache:
        cache[forum.pk] = set(
            Membership.objects.current()
            .filter(forum_id=forum.pk, person_id=person.pk, agency__isnull=False)
            .values_list("agency_id", "role")
        )
    return cache[forum.pk]


def submitting_seats(on=None):
    """Current seats from which someone enters figures for the agency they represent."""
    return Membership.objects.current(on).filter(role__in=SUBMITTING_ROLES, agency__isnull=False)


def submitting_agency_ids(person, forum: Forum) -> set[int]:
    """Agencies the person may enter figures for on this forum."""
    return {agency for agency, role in _seats(person, forum) if role in SUBMITTING_ROLES}


def lead_agency_ids(person, forum: Forum) -> set[int]:
    """Agencies whose figures the person may confirm on this forum."""
    return {agency for agency, role in _seats(person, forum) if role in LEAD_ROLES}


@rules.predicate
def submits_for_return_agency(person, performance_return) -> bool:
    return performance_return.agency_id in submitting_agency_ids(person, performance_return.forum)


@rules.predicate
def is_return_forum_member(person, performance_return) -> bool:
    return is_forum_member(person, performance_return.forum)


@rules.predicate
def is_return_forum_secretariat(person, performance_return) -> bool:
    return is_forum_secretariat(person, performance_return.forum)


@rules.predicate
def return_is_editable(person, performance_return) -> bool:
    return performance_return.is_editable


@rules.predicate
def return_awaits_review(person, performance_return) -> bool:
    return performance_return.awaits_review


@rules.predicate
def return_is_accepted(person, performance_return) -> bool:
    return performance_return.is_accepted


@rules.predicate
def submits_for_forum(person, forum) -> bool:
    """Represents at least one agency on the forum in a role that enters figures."""
    return bool(submitting_agency_ids(person, forum))


# Forum level
rules.add_perm("performance.view_dashboard", is_forum_member)
rules.add_perm("performance.view_returns", is_forum_member | submits_for_forum)
rules.add_perm("performance.view_all_returns", is_forum_member)
rules.add_perm("performance.manage_performance", is_forum_secretariat)
# Return level
rules.add_perm(
    "performance.view_return",
    is_return_forum_member | submits_for_return_agency,
)
rules.add_perm("performance.edit_return", submits_for_return_agency & return_is_editable)
rules.add_perm("performance.submit_return", submits_for_return_agency & return_is_editable)
rules.add_perm("performance.review_return", is_return_forum_secretariat & return_awaits_review)
rules.add_perm(
    "performance.revise_return",
    (submits_for_return_agency | is_return_forum_secretariat) & return_is_accepted,
)
