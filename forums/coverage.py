"""The coverage check: is every core agency round the table, with someone who can commit?

The national framework expects the police, CPS, courts, probation, youth justice, prisons,
victim services and the local policing body on every board, each represented by someone with
authority to commit resources. Inspectors found seats empty or filled too junior. These plain
functions say which, for one forum or for many at once; the workspace, admin, reminders and
reports all call them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from forums.models import Forum, Membership
from membership.models import AgencyType


@dataclass(frozen=True)
class Coverage:
    """Which core agency types a forum is missing, or has only without authority to commit."""

    forum_id: int
    core_types: tuple[AgencyType, ...] = ()
    missing: tuple[AgencyType, ...] = ()
    without_authority: tuple[AgencyType, ...] = ()
    has_chair: bool = True
    checked: bool = field(default=True)

    @property
    def is_complete(self) -> bool:
        """Every core agency type is represented by someone who can commit resources."""
        return not self.missing and not self.without_authority

    @property
    def gap_count(self) -> int:
        return len(self.missing) + len(self.without_authority)

    @property
    def represented_count(self) -> int:
        return len(self.core_types) - len(self.missing)


def _core_types() -> list[AgencyType]:
    return list(AgencyType.objects.filter(core_member_expected=True).order_by("name"))


def _applies_to(forum: Forum) -> bool:
    """Sub-groups and task-and-finish groups are not expected to have every core agency."""
    return forum.kind in (
        Forum.Kind.LOCAL_BOARD,
        Forum.Kind.REGIONAL_BOARD,
        Forum.Kind.NATIONAL_BOARD,
    )


def forums_coverage(*, forums: Iterable[Forum], on=None) -> dict[int, Coverage]:
    """Coverage of many forums in two queries whatever their number, keyed by forum id.

    Only seats round the table count (chair, vice-chair, member, advisory member): the
    secretariat, invited guests and data submitters do not represent their agency.
    Sub-groups and task-and-finish groups get an empty, complete result (``checked`` False).
    """
    forums = list(forums)
    if not forums:
        return {}
    core = _core_types()
    core_ids = {agency_type.pk for agency_type in core}
    seats = (
        Membership.objects.current(on)
        .filter(forum_id__in=[forum.pk for forum in forums], role__in=Membership.SEATED_ROLES)
        .values_list("forum_id", "agency__agency_type_id", "can_commit_resources", "role")
    )
    represented: dict[int, set[int]] = defaultdict(set)
    with_authority: dict[int, set[int]] = defaultdict(set)
    chaired: set[int] = set()
    for forum_id, type_id, commits, role in seats:
        if role == Membership.Role.CHAIR:
            chaired.add(forum_id)
        if type_id not in core_ids:
            continue
        represented[forum_id].add(type_id)
        # An advisory seat never commits an agency, whatever the flag says.
        if commits and role != Membership.Role.ADVISORY:
            with_authority[forum_id].add(type_id)
    result = {}
    for forum in forums:
        if not _applies_to(forum):
            result[forum.pk] = Coverage(
                forum_id=forum.pk, has_chair=forum.pk in chaired, checked=False
            )
            continue
        seated = represented[forum.pk]
        committed = with_authority[forum.pk]
        result[forum.pk] = Coverage(
            forum_id=forum.pk,
            core_types=tuple(core),
            missing=tuple(t for t in core if t.pk not in seated),
            without_authority=tuple(t for t in core if t.pk in seated and t.pk not in committed),
            has_chair=forum.pk in chaired,
        )
    return result


def forum_coverage(*, forum: Forum, on=None) -> Coverage:
    """Which core agency types the forum is missing, and which sit only without authority."""
    return forums_coverage(forums=[forum], on=on)[forum.pk]


def forums_with_gaps(*, forums=None, on=None) -> list[tuple[Forum, Coverage]]:
    """Boards whose membership falls short (a missing or too-junior core agency, or no chair),
    with their coverage, for reminders and reports. All boards by default; fixed queries."""
    if forums is None:
        forums = Forum.objects.filter(
            kind__in=[Forum.Kind.LOCAL_BOARD, Forum.Kind.REGIONAL_BOARD, Forum.Kind.NATIONAL_BOARD]
        ).order_by("name")
    forums = list(forums)
    coverage = forums_coverage(forums=forums, on=on)
    return [
        (forum, coverage[forum.pk])
        for forum in forums
        if coverage[forum.pk].checked
        and (not coverage[forum.pk].is_complete or not coverage[forum.pk].has_chair)
    ]
