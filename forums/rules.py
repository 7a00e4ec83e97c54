"""Who may do what on a forum. A person's role comes from their current membership of that forum.

Predicates take (person, forum) and are used by views, templates and admin alike. Lists are
scoped in selectors (see ``forums.selectors``) so another forum's records are a 404.
"""

import rules

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


@rules.predicate
def is_forum_data_submitter(person, forum) -> bool:
    return Membership.Role.DATA_SUBMITTER in _roles(person, forum)


@rules.predicate
def is_site_admin(person) -> bool:
    return bool(getattr(person, "is_superuser", False))


rules.add_perm("forums.view_forum", is_forum_participant | is_site_admin)
rules.add_perm("forums.view_members", is_forum_member | is_site_admin)
rules.add_perm("forums.manage_forum", is_forum_secretariat | is_site_admin)
rules.add_perm("forums.manage_membership", is_forum_secretariat | is_site_admin)
rules.add_perm("forums.approve_minutes", is_forum_chair)
rules.add_perm("forums.commit_for_agency", is_forum_member & ~is_forum_advisory)

# Meeting-level rules live beside the meetings code.
import forums.rules_meetings  # noqa: E402, F401
