"""Who may do what with priorities, risks, consultations and evaluations (per forum).

Predicates take (person, forum), as in ``forums.rules``. Signing off for an agency also needs
the person to represent that agency: ``represents_agency`` takes (person, priority, agency)
and is checked by the sign-off service.
"""

import rules

from forums.rules import (
    is_forum_advisory,
    is_forum_chair,
    is_forum_member,
    is_forum_secretariat,
    is_national_viewer,
)
from forums.voting import VOTING_ROLES, voting_agency_ids, voting_seats

# The agencies that sign off are the agencies that vote (``forums.voting``: advisory never).
SIGNING_ROLES = VOTING_ROLES


@rules.predicate
def can_sign_off_for_an_agency(person, forum) -> bool:
    """A member who holds a non-advisory seat for an agency on the forum."""
    return bool(signing_agency_ids(person, forum))


def signing_seats(on=None):
    """Current seats from which someone signs off for the agency they represent: the seats
    that vote (``forums.voting``)."""
    return voting_seats(on)


def signing_agency_ids(person, forum) -> set[int]:
    """The agencies the person currently represents on the forum with a signing seat."""
    return voting_agency_ids(person, forum)


def represents_agency(person, forum, agency) -> bool:
    return agency is not None and agency.pk in signing_agency_ids(person, forum)


rules.add_perm("priorities.view_plans", is_forum_member)
rules.add_perm("priorities.edit_plans", is_forum_secretariat)
rules.add_perm(
    "priorities.sign_off", is_forum_member & ~is_forum_advisory & can_sign_off_for_an_agency
)
rules.add_perm("priorities.approve_evaluation", is_forum_chair)
rules.add_perm("priorities.view_responses", is_forum_secretariat)


@rules.predicate
def has_a_seat_anywhere(person) -> bool:
    """A partner: signed in with a current seat on any forum (cached on the person)."""
    if not getattr(person, "is_authenticated", False):
        return False
    if "_has_a_seat_anywhere" not in person.__dict__:
        from forums.models import Membership

        person.__dict__["_has_a_seat_anywhere"] = (
            Membership.objects.current().filter(person_id=person.pk).exists()
        )
    return person.__dict__["_has_a_seat_anywhere"]


# Good practice: a board's secretariat (or chair) writes up and adopts entries for its forum;
# a national viewer curates (publishes or turns down); partners read partners-only entries.
rules.add_perm("priorities.share_good_practice", is_forum_secretariat)
rules.add_perm("priorities.curate_good_practice", is_national_viewer)
rules.add_perm("priorities.read_partners_good_practice", is_national_viewer | has_a_seat_anywhere)

# The annual self-assessment: members (advisory ones too: they give a view, they do not
# decide) rate; the secretariat opens it, agrees the ratings and publishes; the chair approves.
rules.add_perm("priorities.rate_self_assessment", is_forum_member)
rules.add_perm("priorities.run_self_assessment", is_forum_secretariat)
rules.add_perm("priorities.approve_self_assessment", is_forum_chair)
