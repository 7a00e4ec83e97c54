"""Who may do what on a forum. A person's role comes from their current membership of that forum.

Predicates take (person, forum); views, templates, admin and services check the permissions
registered below through ``has_perm`` (being a site admin gives no role in a forum: see
``membership.models.User.has_perm``). Lists are scoped in selectors so another forum's records
are a 404; ``forums.access.forum_for`` is the one guard of a forum's workspace.
"""

import rules
from django.utils.functional import LazyObject, empty

from forums.models import Forum, Membership


def _roles(person, forum: Forum) -> set[str]:
    """The roles the person currently holds on the forum, cached on the person per request."""
    if not getattr(person, "is_authenticated", False) or forum is None:
        return set()
    cache = person.__dict__.setdefault("_forum_roles_cache", {})
    if forum.pk not in cache:
        cache[forum.pk] = set(
            Membership.objects.current()
            .filter(forum_id=forum.pk, person_id=person.pk)
            .values_list("role", flat=True)
        )
    return cache[forum.pk]


def remember_roles(person, memberships) -> None:
    """Fill the per-request role cache from the person's current memberships, already loaded
    (a page across all their forums then checks permissions without a query per forum)."""
    while isinstance(person, LazyObject):  # request.user: the rules see the user it wraps
        if person._wrapped is empty:
            person._setup()
        person = person._wrapped
    cache = person.__dict__.setdefault("_forum_roles_cache", {})
    for membership in memberships:
        cache.setdefault(membership.forum_id, set()).add(membership.role)


@rules.predicate
def is_forum_member(person, forum) -> bool:
    """Chair, vice-chair, member, advisory member or secretariat: sees what is not restricted."""
    return bool(_roles(person, forum) & set(Membership.MEMBER_ROLES))


@rules.predicate
def is_forum_participant(person, forum) -> bool:
    """Anyone with a current seat of any kind, including guests and data submitters."""
    return bool(_roles(person, forum))


@rules.predicate
def is_forum_secretariat(person, forum) -> bool:
    """Runs the forum: the secretariat or the chair."""
    return bool(_roles(person, forum) & set(Membership.RUNNING_ROLES))


@rules.predicate
def is_forum_chair(person, forum) -> bool:
    return Membership.Role.CHAIR in _roles(person, forum)


@rules.predicate
def is_forum_advisory(person, forum) -> bool:
    """Advisory only (e.g. the judiciary): never sign-off, voting or ownership of actions."""
    roles = _roles(person, forum)
    return Membership.Role.ADVISORY in roles and not roles & {
        Membership.Role.CHAIR,
        Membership.Role.VICE_CHAIR,
        Membership.Role.MEMBER,
        Membership.Role.SECRETARIAT,
    }


# Standing: a current seat of any kind. Without it every workspace URL of the forum is a 404.
rules.add_perm("forums.open_workspace", is_forum_participant)
rules.add_perm("forums.view_members", is_forum_member)
rules.add_perm("forums.manage_forum", is_forum_secretariat)
rules.add_perm("forums.manage_membership", is_forum_secretariat)
rules.add_perm("forums.view_reports", is_forum_member)
# Who changed what, before → after: confidential, so for those who run the forum only.
rules.add_perm("forums.view_audit", is_forum_secretariat)
