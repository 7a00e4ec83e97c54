"""Reads of forums and memberships, scoped to who is asking.

Workspace reads take the person and return only what they may see: another forum's record is a
404 (``Http404``), never a 403 that would confirm it exists. Public reads go through
``Forum.objects.public()`` and only ever return what the public may see.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext, pgettext

# The coverage check is read from here too (it lives in forums.coverage for other features).
from forums.access import public_forum_for
from forums.coverage import Coverage, forum_coverage, forums_coverage  # noqa: F401
from forums.models import Forum, Invitation, Membership
from forums.selectors.audit import field_label
from membership import dates
from membership.models import Agency, PoliceForceArea, User

# --- the workspace ----------------------------------------------------------------------------


def forum_list_for(*, person: User) -> QuerySet[Forum]:
    """Forums where the person has a current seat of any kind."""
    forum_ids = Membership.objects.current().filter(person=person).values("forum_id")
    return Forum.objects.filter(pk__in=forum_ids).select_related("parent").order_by("name")


def current_memberships_of(*, person: User) -> QuerySet[Membership]:
    return (
        Membership.objects.current()
        .filter(person=person)
        .select_related("forum", "agency", "forum__parent")
        .order_by("forum__name", "role")
    )


def policing_bodies_staffed_by(person) -> QuerySet[Forum]:
    """The local policing bodies (the PCC's office, or whatever body follows it) a person
    staffs: the local boards on which they currently hold a running seat (secretariat or
    chair). The one place this notion lives: bulletins for "offices" and national engagements
    both read it."""
    if not getattr(person, "is_authenticated", False):
        return Forum.objects.none()
    return Forum.objects.filter(
        kind=Forum.Kind.LOCAL_BOARD,
        pk__in=Membership.objects.current()
        .filter(person=person, role__in=Membership.RUNNING_ROLES)
        .values("forum_id"),
    )


@dataclass
class WorkspaceForum:
    """One row of 'your forums': the forum, the person's seats on it, and its coverage."""

    forum: Forum
    memberships: list[Membership]
    runs_it: bool
    coverage: Coverage | None


def workspace_forums_for(*, person: User) -> list[WorkspaceForum]:
    """The person's forums with their roles; coverage where they run the forum (3 queries)."""
    rows: dict[int, WorkspaceForum] = {}
    for membership in current_memberships_of(person=person):
        row = rows.setdefault(
            membership.forum_id,
            WorkspaceForum(forum=membership.forum, memberships=[], runs_it=False, coverage=None),
        )
        row.memberships.append(membership)
        if membership.role in Membership.RUNNING_ROLES:
            row.runs_it = True
    run = [row.forum for row in rows.values() if row.runs_it]
    coverage = forums_coverage(forums=run) if run else {}
    for row in rows.values():
        row.coverage = coverage.get(row.forum.pk)
    return list(rows.values())


def forum_overview(*, forum: Forum) -> Forum:
    """The forum with its areas, parent and sub-groups loaded for its workspace page."""
    return (
        Forum.objects.select_related("parent")
        .prefetch_related(
            Prefetch("areas", queryset=PoliceForceArea.objects.order_by("name")),
            Prefetch("children", queryset=Forum.objects.order_by("kind", "name")),
        )
        .get(pk=forum.pk)
    )


def _membership_rows() -> QuerySet[Membership]:
    return Membership.objects.select_related(
        "person", "agency", "agency__agency_type", "deputy"
    ).order_by("agency__name", "role", "person__full_name")


def forum_members(*, forum: Forum, on=None) -> QuerySet[Membership]:
    """Current memberships of the forum, by agency."""
    return _membership_rows().current(on).filter(forum=forum)


def forum_past_members(*, forum: Forum, on=None) -> QuerySet[Membership]:
    """Memberships of the forum that have ended, most recently ended first."""
    return _membership_rows().past(on).filter(forum=forum).order_by("-end_date")


def forum_future_members(*, forum: Forum, on=None) -> QuerySet[Membership]:
    """Memberships that start later."""
    on = on or timezone.localdate()
    return _membership_rows().filter(forum=forum, start_date__gt=on).order_by("start_date")


@dataclass
class AgencyGroup:
    """Memberships of one agency (or of none, such as the secretariat's guests)."""

    agency: Agency | None
    memberships: list[Membership]

    @property
    def name(self) -> str:
        return self.agency.name if self.agency else gettext("No agency")


def group_by_agency(memberships) -> list[AgencyGroup]:
    """Group memberships by the agency they represent, keeping their order."""
    groups: dict[int | None, AgencyGroup] = {}
    for membership in memberships:
        group = groups.setdefault(
            membership.agency_id, AgencyGroup(agency=membership.agency, memberships=[])
        )
        group.memberships.append(membership)
    return sorted(groups.values(), key=lambda group: (group.agency is None, group.name))


def own_seat(*, person: User, forum: Forum) -> Membership | None:
    """The person's own current seat round the table of the forum, if they have one."""
    return (
        Membership.objects.current()
        .filter(forum=forum, person=person, role__in=Membership.SEATED_ROLES)
        .order_by("start_date")
        .first()
    )


def membership_for(*, forum: Forum, pk: int) -> Membership:
    """A membership of this forum (any date); another forum's membership is a 404."""
    membership = _membership_rows().select_related("forum").filter(forum=forum, pk=pk).first()
    if membership is None:
        raise Http404("No membership found")
    return membership


@dataclass
class HistoryEntry:
    """One recorded change: when, by whom, why, and which fields changed from what to what."""

    when: object
    who: User | None
    reason: str
    kind: str
    changes: list[tuple[str, str, str]]


_HISTORY_FIELDS = (
    "agency",
    "role",
    "can_commit_resources",
    "deputy",
    "start_date",
    "end_date",
    "show_name_publicly",
)


def _shown(record, name: str) -> str:
    if name == "role":
        return Membership.Role(record.role).label if record.role else "—"
    if name in ("agency", "deputy"):
        related = getattr(record, name)
        return str(related) if related else "—"
    value = getattr(record, name)
    if isinstance(value, bool):
        return pgettext("true or false", "Yes") if value else pgettext("true or false", "No")
    if value is None:
        return "—"
    return dates.date_text(value) if hasattr(value, "strftime") else str(value)


def membership_history(*, membership: Membership) -> list[HistoryEntry]:
    """Every recorded version of the membership, newest first, with what changed (1 query)."""
    records = list(
        membership.history.select_related("history_user", "agency", "deputy").order_by(
            "history_date", "history_id"
        )
    )
    entries = []
    previous = None
    for record in records:
        changes = []
        if previous is not None:
            for name in _HISTORY_FIELDS:
                before, after = _shown(previous, name), _shown(record, name)
                if before != after:
                    label = field_label(Membership._meta.get_field(name))
                    changes.append((label, before, after))
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=record.history_user,
                reason=record.history_change_reason
                or {"+": gettext("Added"), "~": gettext("Changed"), "-": gettext("Deleted")}[
                    record.history_type
                ],
                kind=record.history_type,
                changes=changes,
            )
        )
        previous = record
    return list(reversed(entries))


def forum_invitations(*, forum: Forum) -> QuerySet[Invitation]:
    """Invitations still waiting to be accepted (not revoked, not expired)."""
    return (
        Invitation.objects.usable()
        .filter(forum=forum)
        .select_related("agency", "invited_by")
        .order_by("-created_at")
    )


def invitation_for(*, forum: Forum, pk: int) -> Invitation:
    invitation = Invitation.objects.filter(forum=forum, pk=pk).first()
    if invitation is None:
        raise Http404("No invitation found")
    return invitation


def invitation_by_token(*, token: str) -> Invitation | None:
    """The invitation a link's token belongs to, whatever its state (None if unknown)."""
    if not token:
        return None
    return (
        Invitation.objects.for_token(token)
        .select_related("forum", "agency", "agency__agency_type")
        .first()
    )


def agencies_for_forum(*, forum: Forum, including: int | None = None) -> QuerySet[Agency]:
    """Active agencies that may represent themselves on the forum (cover one of its areas),
    plus ``including`` (a membership's current agency, so editing never loses it)."""
    agencies = Agency.objects.select_related("agency_type")
    covering = Q(is_active=True)
    if not forum.is_area_wide:
        area_ids = list(forum.areas.values_list("pk", flat=True))
        if area_ids:
            covering &= Q(areas__in=area_ids)
    if including:
        covering |= Q(pk=including)
    return agencies.filter(covering).distinct().order_by("name")


def person_by_email(*, email: str) -> User | None:
    return User.objects.filter(email__iexact=email.strip()).first()


# --- the public site --------------------------------------------------------------------------


def public_areas_with_forums() -> QuerySet[PoliceForceArea]:
    """Police force areas, each with its public forums, in a fixed number of queries."""
    return PoliceForceArea.objects.prefetch_related(
        Prefetch(
            "forums",
            queryset=Forum.objects.public().select_related("parent").order_by("kind", "name"),
            to_attr="public_forums",
        )
    ).order_by("country", "name")


def public_seat_memberships() -> QuerySet[Membership]:
    """Current seats round the table, with what the public may know of them (names only through
    :func:`public_name`)."""
    return (
        Membership.objects.current()
        .filter(role__in=Membership.SEATED_ROLES)
        .select_related("person", "agency", "agency__agency_type")
        .only(
            "forum_id",
            "role",
            "can_commit_resources",
            "show_name_publicly",
            "start_date",
            "end_date",
            "person__full_name",
            "agency__name",
            "agency__agency_type__name",
            # Membership is not translated itself, so its only() names the Welsh columns.
            "agency__agency_type__name_en",
            "agency__agency_type__name_cy",
            "agency__agency_type__slug",
        )
    )


def public_name(membership: Membership) -> str:
    """The member's name as the public sees it: only with their consent, else blank."""
    return membership.person.full_name if membership.show_name_publicly else ""


def public_forum_page(*, slug: str) -> Forum:
    """A public forum with what its public page shows, in a fixed number of queries; else 404.

    Loaded on the forum: ``public_areas``, ``public_children`` (public sub-groups only),
    ``public_seats`` (current seats round the table, with agency and type) and the parent
    only if it is public (``public_parent``).
    """
    forum = public_forum_for(
        slug=slug,
        queryset=Forum.objects.select_related("parent").prefetch_related(
            Prefetch(
                "areas", queryset=PoliceForceArea.objects.order_by("name"), to_attr="public_areas"
            ),
            Prefetch(
                "children",
                queryset=Forum.objects.public().order_by("kind", "name"),
                to_attr="public_children",
            ),
            Prefetch(
                "memberships",
                queryset=public_seat_memberships()
                .annotate(
                    # One of the forum's areas that the member's agency covers (for the
                    # chair's title), without loading every agency's areas.
                    forum_area_id=Subquery(
                        Agency.areas.through.objects.filter(
                            agency_id=OuterRef("agency_id"),
                            policeforcearea__forums=OuterRef("forum_id"),
                        )
                        .order_by("policeforcearea__name")
                        .values("policeforcearea_id")[:1]
                    )
                )
                .order_by("agency__name", "role"),
                to_attr="public_seats",
            ),
        ),
    )
    forum.public_parent = forum.parent if forum.parent and forum.parent.is_public else None
    return forum


@dataclass
class PublicSeat:
    """What the public may know about one seat: agency, role, and the name only with consent."""

    agency: Agency | None
    role: str
    name: str
    can_commit_resources: bool
    is_chair: bool = False
    agency_kind: str = ""
    title: str = ""  # the chair's title from the area's governance model, if they hold it


def public_seats(*, forum: Forum) -> list[PublicSeat]:
    """The forum's seats as the public sees them (from ``public_forum_page``); names need consent.

    The chair's role carries the title of the local policing body of their area (for example
    "Chair (Police, Fire and Crime Commissioner)"), from the area's governance model.
    """
    areas = {area.pk: area for area in forum.public_areas}
    seats = []
    for membership in forum.public_seats:
        role = membership.get_role_display()
        title = ""
        if membership.role == Membership.Role.CHAIR and membership.agency:
            title = chair_title_for(membership=membership, areas=areas)
            if title:
                role = gettext("Chair (%(title)s)") % {"title": title}
        seats.append(
            PublicSeat(
                agency=membership.agency,
                role=role,
                name=public_name(membership),
                can_commit_resources=membership.can_commit_resources,
                is_chair=membership.role == Membership.Role.CHAIR,
                agency_kind=_agency_kind(membership.agency),
                title=title,
            )
        )
    return seats


def _agency_kind(agency: Agency | None) -> str:
    """The kind of agency in words; the local policing body is never called a 'PCC' here."""
    if agency is None:
        return ""
    if agency.agency_type.slug == "pcc":
        return gettext("Local policing body")
    return str(agency.agency_type)  # in the page's language (membership.models.in_page_language)


def chair_title_for(*, membership: Membership, areas: dict[int, PoliceForceArea]) -> str:
    """The local policing body's title, if the chair sits for the local policing body.

    Uses ``forum_area_id`` (annotated by ``public_forum_page``): the forum's area their agency
    covers.
    """
    if membership.agency.agency_type.slug != "pcc":
        return ""
    area = areas.get(getattr(membership, "forum_area_id", None))
    return area.chair_title if area else ""
