"""Who may do what with priorities, risks, consultations and evaluations (per forum).

Predicates take (person, forum), as in ``forums.rules``. Signing off for an agency also needs
the person to represent that agency: ``represents_agency`` takes (person, priority, agency)
and is checked by the sign-off service.
"""

import rules

from forums.models import Membership
from forums.rules import (
    is_forum_advisory,
    is_forum_chair,
    is_forum_member,
    is_forum_secretariat,
)

# Seated roles that may speak for their agency on sign-off (advisory members never do).
SIGNING_ROLES = (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR, Membership.Role.MEMBER)


@rules.predicate
def can_sign_off_for_an_agency(person, forum) -> bool:
    """A member who holds a non-advisory seat for an agency on the forum."""
    return bool(signing_agency_ids(person, forum))


def signing_seats(on=None):
    """Current seats from which someone signs off for the agency they represent: a signing
    role, an agency, and not an advisory-only agency (e.g. the judiciary)."""
    return Membership.objects.current(on).filter(
        role__in=SIGNING_ROLES,
        agency__isnull=False,
        agency__agency_type__advisory_only=False,
    )


def signing_agency_ids(person, forum) -> set[int]:
    """The agencies the person currently represents on the forum with a signing seat."""
    if not getattr(person, "is_authenticated", False) or forum is None:
        return set()
    cache = person.__dict__.setdefault("_signing_agencies_cache", {})
    if forum.pk not in cache:
        cache[forum.pk] = set(
            signing_seats()
            .filter(forum_id=forum.pk, person_id=person.pk)
            .values_list("agency_id", flat=True)
        )
    return cache[forum.pk]


def represents_agency(person, forum, agency) -> bool:
    return agency is not None and agency.pk in signing_agency_ids(person, forum)


rules.add_perm("priorities.view_plans", is_forum_member)
rules.add_perm("priorities.edit_plans", is_forum_secretariat)
rules.add_perm(
    "priorities.sign_off", is_forum_member & ~is_forum_advisory & can_sign_off_for_an_agency
)
rules.add_perm("priorities.approve_evaluation", is_forum_chair)
rules.add_perm("priorities.view_responses", is_forum_secretariat)
