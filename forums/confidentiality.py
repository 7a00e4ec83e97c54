"""Who may see what: the one rule for agenda items, papers, minute entries, decisions, actions,
forward-plan items and written procedures. Querysets, predicates, selectors, reports,
reminders, search, feeds and calendars all ask here.

Each row has a level (``Confidentiality``):

- ``public``: every member of the forum; the public too, once published (below);
- ``confidential``: the forum's current members (any member role, the secretariat included);
- ``restricted``: the people named on it, and whoever runs the forum (secretariat and chair),
  who name them.

A row is visible only if every level it hangs on is: a paper's own and its agenda item's; a
minute entry's agenda item's (and its minutes must be circulated, below); a decision's or an
action's own and its agenda item's (the people named are the agenda item's). A forward-plan
item and a written procedure are never restricted.

What the public may see (DESIGN.md): public rows of a published meeting (shown publicly, on a
public forum) once its agenda is out, minute entries and decisions once the minutes are
published, a decision taken in writing once its public procedure is decided, and a paper only
if it is marked OFFICIAL: OFFICIAL-SENSITIVE is never public.

Minutes in draft are the secretariat's and the chair's: the other members see neither the
minutes nor any entry of them until they are circulated (:func:`may_read_minutes`; the queryset
filters and :func:`may_see` apply the same rule to minute entries, so search and every other
reader of entries follow it).

A guest (:class:`~forums.models.guests.Guest`, someone from outside the forum invited to one
meeting or one item) sees only what they are invited to, while their link is usable: a guest of
an item that item (whatever its level) and its papers that name nobody; a guest of the whole
meeting its public items and their public OFFICIAL papers. Nothing else of the forum: not its
other meetings, minutes, decisions or actions (:func:`guest_items`, :func:`guest_papers`,
:func:`guest_may_see`).

Two forms of the member question: :func:`visible_to` filters a queryset for a person (one
query, however many rows), :func:`may_see` answers for one object and a :class:`Viewer` (using
a prefetched ``restricted_to`` where there is one, so reports and reminders can work in bulk
with roles read once by :func:`viewers_on`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from forums.models.actions import Action
from forums.models.agenda import AgendaItem
from forums.models.forum import Membership
from forums.models.forward_plan import ForwardPlanItem
from forums.models.guests import Guest
from forums.models.meetings import Meeting
from forums.models.minutes import Decision, MinuteEntry, Minutes
from forums.models.papers import Paper
from forums.models.procedures import WrittenProcedure
from forums.models.visibility import Confidentiality, SecurityClassification

RESTRICTED = Confidentiality.RESTRICTED
PUBLIC = Confidentiality.PUBLIC


# --- who is looking ------------------------------------------------------------------------


@dataclass(frozen=True)
class Viewer:
    """A person as far as confidentiality cares: their standing on one forum."""

    person_id: int | None
    is_member: bool = False  # a member role: sees what is not restricted
    runs_forum: bool = False  # secretariat or chair: sees restricted rows too

    @classmethod
    def with_roles(cls, person_id: int | None, roles: Iterable[str]) -> Viewer:
        roles = set(roles)
        return cls(
            person_id=person_id,
            is_member=bool(roles & set(Membership.MEMBER_ROLES)),
            runs_forum=bool(roles & set(Membership.RUNNING_ROLES)),
        )


# The members' version of a report: any member, named on nothing, not running the forum.
ANY_MEMBER = Viewer(person_id=None, is_member=True)
NOBODY = Viewer(person_id=None)


def viewer(person, forum) -> Viewer:
    """The person's standing on the forum (read once per request, with the permission rules)."""
    if person is None or forum is None or not getattr(person, "is_authenticated", False):
        return NOBODY
    if not person.is_active:
        return NOBODY
    from forums.rules import is_forum_member, is_forum_secretariat

    return Viewer(
        person_id=person.pk,
        is_member=bool(is_forum_member(person, forum)),
        runs_forum=bool(is_forum_secretariat(person, forum)),
    )


def viewers_on(
    *,
    forum_ids: Iterable[int],
    person_ids: Iterable[int] | None = None,
    today: datetime.date | None = None,
) -> dict[tuple[int, int], Viewer]:
    """(forum id, person id) → the standing of every active person (or of ``person_ids``) on
    those forums on ``today``, in one query: for reports and reminders, read afresh."""
    roles: dict[tuple[int, int], set] = {}
    rows = Membership.objects.current(today).filter(
        forum_id__in=list(forum_ids), person__is_active=True
    )
    if person_ids is not None:
        rows = rows.filter(person_id__in=list(person_ids))
    rows = rows.values_list("forum_id", "person_id", "role")
    for forum_id, person_id, role in rows:
        roles.setdefault((forum_id, person_id), set()).add(role)
    return {key: Viewer.with_roles(key[1], held) for key, held in roles.items()}


# --- what each kind of row hangs on --------------------------------------------------------

# (level field, where the people named on it are) for each level a row hangs on.
_LEVELS: dict[type[Model], tuple[tuple[str, str | None], ...]] = {
    AgendaItem: (("confidentiality", "restricted_to"),),
    Paper: (
        ("confidentiality", "restricted_to"),
        ("agenda_item__confidentiality", "agenda_item__restricted_to"),
    ),
    MinuteEntry: (("agenda_item__confidentiality", "agenda_item__restricted_to"),),
    Decision: (
        ("confidentiality", "agenda_item__restricted_to"),
        ("agenda_item__confidentiality", "agenda_item__restricted_to"),
    ),
    Action: (
        ("confidentiality", "agenda_item__restricted_to"),
        ("agenda_item__confidentiality", "agenda_item__restricted_to"),
    ),
    ForwardPlanItem: (("confidentiality", None),),
    WrittenProcedure: (("confidentiality", None),),
}

# Where the row's forum is.
_FORUM: dict[type[Model], str] = {
    AgendaItem: "meeting__forum",
    Paper: "agenda_item__meeting__forum",
    MinuteEntry: "minutes__meeting__forum",
    Decision: "forum",
    Action: "forum",
    ForwardPlanItem: "forum",
    WrittenProcedure: "forum",
}


def _levels_of(obj) -> list[tuple[str, Model | None]]:
    """(level, the object holding the people named) for each level the object hangs on."""
    if isinstance(obj, AgendaItem):
        return [(obj.confidentiality, obj)]
    if isinstance(obj, Paper):
        return [(obj.confidentiality, obj), *_levels_of(obj.agenda_item)]
    if isinstance(obj, MinuteEntry):
        return _levels_of(obj.agenda_item)
    if isinstance(obj, Decision | Action):
        item = obj.agenda_item
        return [(obj.confidentiality, item), *(_levels_of(item) if item else [])]
    if isinstance(obj, ForwardPlanItem | WrittenProcedure):
        return [(obj.confidentiality, None)]
    raise TypeError(f"No confidentiality rule for {type(obj).__name__}")


def forum_of(obj):
    """The forum an object belongs to (through ``select_related`` rows where loaded)."""
    if isinstance(obj, AgendaItem):
        return obj.meeting.forum
    if isinstance(obj, Paper):
        return obj.agenda_item.meeting.forum
    if isinstance(obj, MinuteEntry):
        return obj.minutes.meeting.forum
    return obj.forum


def named_ids(holder) -> set[int]:
    """The people named on a restricted item or paper (the prefetched ``restricted_to`` when
    there is one)."""
    if holder is None:
        return set()
    cache = getattr(holder, "_prefetched_objects_cache", {})
    if "restricted_to" in cache:
        return {person.pk for person in cache["restricted_to"]}
    return set(holder.restricted_to.values_list("pk", flat=True))


def restricted_holders(obj) -> list[Model]:
    """The items and papers whose named people decide whether the object may be seen."""
    return [holder for level, holder in _levels_of(obj) if level == RESTRICTED and holder]


# --- members: a yes/no for one object -------------------------------------------------------


def may_read_minutes(viewer: Viewer, minutes: Minutes) -> bool:
    """Whether the viewer may read the minutes: those who run the forum always, the other
    members once the minutes are circulated (draft minutes are not theirs yet)."""
    if not viewer.is_member:
        return False
    return viewer.runs_forum or minutes.status != Minutes.Status.DRAFT


def can_read_minutes(person, minutes: Minutes) -> bool:
    """Whether the person may read the minutes (their entries still each by :func:`can_see`)."""
    return may_read_minutes(viewer(person, minutes.meeting.forum), minutes)


def may_see(viewer: Viewer, obj) -> bool:
    """Whether the viewer (standing on the object's forum) may see the object."""
    if not viewer.is_member:
        return False
    if viewer.runs_forum:
        return True
    if isinstance(obj, MinuteEntry) and not may_read_minutes(viewer, obj.minutes):
        return False
    return all(
        level != RESTRICTED or viewer.person_id in named_ids(holder)
        for level, holder in _levels_of(obj)
    )


def can_see(person, obj, forum=None) -> bool:
    """Whether the person may see the object (``forum``: the object's, when already loaded)."""
    return may_see(viewer(person, forum or forum_of(obj)), obj)


def marked_public(obj) -> bool:
    """Whether everything the object hangs on is public (and a paper marked OFFICIAL): what it
    takes for the public to see it once published."""
    if isinstance(obj, Paper) and is_sensitive(obj):
        return False
    return all(level == PUBLIC for level, _named in _levels_of(obj))


def is_sensitive(paper: Paper) -> bool:
    """Marked above OFFICIAL (OFFICIAL-SENSITIVE): never public."""
    return paper.classification != SecurityClassification.OFFICIAL


# --- the marking on the write side ----------------------------------------------------------

SENSITIVE_ON_PUBLIC_ITEM = _(
    "An OFFICIAL-SENSITIVE paper cannot go on a public item: make the item confidential or "
    "restricted first"
)
PUBLIC_ITEM_WITH_SENSITIVE_PAPER = _(
    "This item carries an OFFICIAL-SENSITIVE paper, so it cannot be public: keep it "
    "confidential or restricted"
)


def check_paper_marking(paper: Paper) -> None:
    """Refuse a paper marked above OFFICIAL on a public agenda item (the same check for the
    upload service, the model's ``clean()`` and so the admin)."""
    if is_sensitive(paper) and paper.agenda_item.confidentiality == PUBLIC:
        raise ValidationError({"classification": SENSITIVE_ON_PUBLIC_ITEM})


def check_item_marking(item: AgendaItem) -> None:
    """Refuse making an item public while it carries a paper marked above OFFICIAL."""
    if item.pk is None or item.confidentiality != PUBLIC:
        return
    if item.papers.exclude(classification=SecurityClassification.OFFICIAL).exists():
        raise ValidationError({"confidentiality": PUBLIC_ITEM_WITH_SENSITIVE_PAPER})


# --- members: a queryset filter -------------------------------------------------------------


# Rows a member who does not run the forum never sees, whatever their level.
_NOT_YET: dict[type[Model], Q] = {MinuteEntry: Q(minutes__status=Minutes.Status.DRAFT)}


def _unrestricted_or_named_q(model: type[Model], person_id: int | None) -> Q:
    condition = ~_NOT_YET[model] if model in _NOT_YET else Q()
    for level, named in _LEVELS[model]:
        allowed = ~Q(**{level: RESTRICTED})
        if person_id is not None and named is not None:
            allowed |= Q(**{named: person_id})
        condition &= allowed
    return condition


def visible_for(queryset: QuerySet, viewer: Viewer) -> QuerySet:
    """The rows of one forum's ``queryset`` the viewer (standing on that forum) may see."""
    if not viewer.is_member:
        return queryset.none()
    if viewer.runs_forum:
        return queryset
    return queryset.filter(_unrestricted_or_named_q(queryset.model, viewer.person_id)).distinct()


def visible_to(queryset: QuerySet, person, forum=None) -> QuerySet:
    """The rows of ``queryset`` the person may see. With ``forum`` (the rows are all of that
    forum) their standing there decides; without, their standing on each row's forum does."""
    if forum is not None:
        return visible_for(queryset, viewer(person, forum))
    if person is None or not getattr(person, "is_authenticated", False) or not person.is_active:
        return queryset.none()
    model = queryset.model
    seats = Membership.objects.current().filter(person_id=person.pk)
    member_of = seats.filter(role__in=Membership.MEMBER_ROLES).values("forum_id")
    runs = seats.filter(role__in=Membership.RUNNING_ROLES).values("forum_id")
    forum = _FORUM[model]
    return queryset.filter(
        Q(**{f"{forum}__in": member_of}),
        Q(**{f"{forum}__in": runs}) | _unrestricted_or_named_q(model, person.pk),
    ).distinct()


# --- the public -----------------------------------------------------------------------------


def published_meeting_q(prefix: str = "") -> Q:
    """A meeting the public may see: shown publicly, on a public forum (as joins, not IN)."""
    return Q(**{f"{prefix}is_public": True, f"{prefix}forum__is_public": True})


def meeting_is_published(meeting: Meeting) -> bool:
    """The same question as :func:`published_meeting_q`, for one loaded meeting."""
    return meeting.is_public and meeting.forum.is_public


def _agenda_out_q(prefix: str = "") -> Q:
    return published_meeting_q(f"{prefix}meeting__") & Q(
        **{
            f"{prefix}status": AgendaItem.Status.ON_AGENDA,
            f"{prefix}meeting__status__in": Meeting.AGENDA_OUT,
        }
    )


def listed_agenda_items_q() -> Q:
    """Items on the public agenda: public ones by title, confidential ones by their public
    title or as 'Confidential item'. Restricted items never appear."""
    return _agenda_out_q() & ~Q(confidentiality=RESTRICTED)


def published_minutes_q(prefix: str = "") -> Q:
    return published_meeting_q(f"{prefix}meeting__") & Q(
        **{f"{prefix}status": Minutes.Status.PUBLISHED}
    )


def decided_in_writing_q(prefix: str = "") -> Q:
    """A written procedure the public may see: public, on a public forum, and decided (its
    outcome recorded as a decision); open, withdrawn or referred ones never are."""
    return Q(
        **{
            f"{prefix}confidentiality": PUBLIC,
            f"{prefix}forum__is_public": True,
            f"{prefix}status__in": WrittenProcedure.DECIDED,
        }
    )


def _public_q(model: type[Model]) -> Q:
    if model is Meeting:
        return published_meeting_q()
    if model is Minutes:
        return published_minutes_q()
    if model is AgendaItem:
        return _agenda_out_q() & Q(confidentiality=PUBLIC)
    if model is Paper:
        return _agenda_out_q("agenda_item__") & Q(
            confidentiality=PUBLIC,
            agenda_item__confidentiality=PUBLIC,
            classification=SecurityClassification.OFFICIAL,
            current_version__isnull=False,
        )
    if model is MinuteEntry:
        return published_minutes_q("minutes__") & Q(
            agenda_item__confidentiality=PUBLIC, agenda_item__status=AgendaItem.Status.ON_AGENDA
        )
    if model is Decision:
        at_meeting = (
            published_meeting_q("meeting__")
            & (Q(agenda_item__isnull=True) | Q(agenda_item__confidentiality=PUBLIC))
            & Q(meeting__minutes__status=Minutes.Status.PUBLISHED)
        )
        in_writing = Q(meeting__isnull=True) & decided_in_writing_q("procedure__")
        return Q(confidentiality=PUBLIC) & (at_meeting | in_writing)
    if model is WrittenProcedure:
        return decided_in_writing_q()
    if model is ForwardPlanItem:
        return Q(confidentiality=PUBLIC, forum__is_public=True)
    raise TypeError(f"Nothing of {model.__name__} is published")


def public(queryset: QuerySet) -> QuerySet:
    """The rows of ``queryset`` the public may see (published, public, and for papers
    OFFICIAL only)."""
    return queryset.filter(_public_q(queryset.model))


def listed_publicly(queryset: QuerySet[AgendaItem]) -> QuerySet[AgendaItem]:
    return queryset.filter(listed_agenda_items_q())


# --- guests ---------------------------------------------------------------------------------


def guest_items(guest: Guest) -> QuerySet[AgendaItem]:
    """The agenda items a guest may see: the item they are invited to, or for a guest of the
    whole meeting its public items; none once the guest's link is withdrawn or expired."""
    items = AgendaItem.objects.filter(
        meeting_id=guest.meeting_id, status=AgendaItem.Status.ON_AGENDA
    )
    if not guest.is_usable:
        return items.none()
    if guest.agenda_item_id:
        return items.filter(pk=guest.agenda_item_id)
    return items.filter(confidentiality=PUBLIC)


def guest_papers(guest: Guest) -> QuerySet[Paper]:
    """The papers a guest may read: those of their items that name nobody (and for a guest of
    the whole meeting, only public OFFICIAL ones)."""
    papers = Paper.objects.filter(
        agenda_item__in=guest_items(guest), current_version__isnull=False
    ).exclude(confidentiality=RESTRICTED)
    if not guest.agenda_item_id:
        papers = papers.filter(
            confidentiality=PUBLIC, classification=SecurityClassification.OFFICIAL
        )
    return papers


def guest_may_see(guest: Guest, obj) -> bool:
    """Whether the guest may see the object: one of their items or papers, nothing else."""
    if isinstance(obj, AgendaItem):
        return guest_items(guest).filter(pk=obj.pk).exists()
    if isinstance(obj, Paper):
        return guest_papers(guest).filter(pk=obj.pk).exists()
    return False
