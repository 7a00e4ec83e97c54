"""A forum's audit trail: who changed what, when, before → after, read from the history that
django-simple-history keeps of every record of that kind.

``forums`` knows nothing of performance or priorities, so each app registers the kinds of record
it keeps history of (:func:`register_audit_kind`, in its ``AppConfig.ready()``); the forums'
own kinds are registered below. A kind says where the record's forum is, how to name one
record and whether forums' confidentiality rule applies to it.

:func:`audit_page` reads one page in a fixed number of queries, however many changes there are:
the count and the page of (kind, history id) across every kind's history in one UNION; then,
per kind on the page, its records and their previous versions; then the labels of the records
they point at, one query per kind of record pointed at.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import CharField, Model, OuterRef, Q, QuerySet, Subquery, Value
from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from forums import confidentiality
from forums.models import Forum
from forums.models.actions import Action, Escalation
from forums.models.forum import Membership
from forums.models.meetings import Meeting
from forums.models.minutes import Decision, MinuteEntry, Minutes
from membership import dates
from membership.models import User

PER_PAGE = 25
LONGEST_VALUE = 200
_NEVER_SHOWN = {"id", "created_at", "updated_at"}
_TYPES = {"+": _("Added"), "~": _("Changed"), "-": _("Deleted")}


@dataclass(frozen=True)
class AuditKind:
    """One kind of record with history, as the audit page shows it.

    ``forum_lookup`` leads from the record to its forum's id (``"forum_id"``,
    ``"meeting__forum_id"``); ``describe(record)`` names one historical record, with
    ``related`` loaded for it; ``ignore`` lists fields never shown as changes (the parent that
    ties the record to its forum, for one); ``confidential`` applies forums.confidentiality.
    """

    key: str
    label: str
    model: type[Model]
    forum_lookup: str
    describe: Callable[[Model], str]
    related: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    confidential: bool = False
    extra_forum_lookups: tuple[str, ...] = ()

    @property
    def history_model(self) -> type[Model]:
        return self.model.history.model

    def forum_q(self, forum: Forum) -> Q:
        condition = Q(**{self.forum_lookup: forum.pk})
        for lookup in self.extra_forum_lookups:
            condition |= Q(**{lookup: forum.pk})
        return condition

    def shown_fields(self) -> list:
        parent = self.forum_lookup.split("__")[0].removesuffix("_id")
        skip = _NEVER_SHOWN | {parent} | set(self.ignore)
        return [
            f
            for f in self.model._meta.concrete_fields
            if f.name not in skip and not getattr(f, "auto_now", False)
        ]


_kinds: dict[str, AuditKind] = {}


def register_audit_kind(kind: AuditKind) -> None:
    """Add (or replace) a kind of record on every forum's audit page."""
    _kinds[kind.key] = kind


def audit_kinds() -> list[AuditKind]:
    return sorted(_kinds.values(), key=lambda kind: str(kind.label))


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


@dataclass
class AuditRow:
    when: datetime.datetime
    who: User | None
    kind: AuditKind
    action: str
    what: str
    reason: str = ""
    changes: list[Change] = field(default_factory=list)


# --- reading ---------------------------------------------------------------------------------


def _history_for(kind: AuditKind, *, forum: Forum, viewer, person_id: int | None) -> QuerySet:
    rows = kind.history_model.objects.filter(kind.forum_q(forum))
    if person_id is not None:
        rows = rows.filter(history_user_id=person_id)
    if kind.confidential:
        # Rows of records the viewer may not see (a restricted item they are not named on).
        live = kind.model.objects.filter(kind.forum_q(forum))
        visible = confidentiality.visible_for(live, viewer).values("pk")
        rows = rows.exclude(id__in=live.exclude(pk__in=visible).values("pk"))
    return rows


def _union(kinds, *, forum, viewer, person_id, columns):
    parts = [
        _history_for(kind, forum=forum, viewer=viewer, person_id=person_id)
        .annotate(kind_key=Value(kind.key, output_field=CharField()))
        .values(*columns)
        .order_by()
        for kind in kinds
    ]
    if not parts:
        return None
    return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]


def audit_people(*, forum: Forum, viewer) -> list[User]:
    """The people who changed something on the forum (for the filter), by name (2 queries)."""
    union = _union(
        audit_kinds(), forum=forum, viewer=viewer, person_id=None, columns=["history_user_id"]
    )
    ids = {pk for (pk,) in union.values_list("history_user_id")} - {None} if union else set()
    return list(User.objects.filter(pk__in=ids).order_by("full_name", "email"))


def audit_page(
    *,
    forum: Forum,
    viewer,
    kind: str = "",
    person_id: int | None = None,
    page: str | int | None = 1,
    per_page: int = PER_PAGE,
) -> tuple[Page, list[AuditRow]]:
    """One page of the forum's changes, newest first, of one kind and by one person if given."""
    kinds = [k for k in audit_kinds() if not kind or k.key == kind]
    union = _union(
        kinds,
        forum=forum,
        viewer=viewer,
        person_id=person_id,
        columns=["history_id", "history_date", "kind_key"],
    )
    entries = union.order_by("-history_date", "-history_id") if union is not None else []
    paginated = Paginator(entries, per_page).get_page(page)
    return paginated, _rows(list(paginated.object_list))


def _rows(entries: list[dict]) -> list[AuditRow]:
    wanted: dict[str, list[int]] = defaultdict(list)
    for entry in entries:
        wanted[entry["kind_key"]].append(entry["history_id"])
    records: dict[tuple[str, int], tuple[Model, Model | None]] = {}
    for key, ids in wanted.items():
        records.update(_records_of(_kinds[key], ids))
    labels = _labels([pair for pair in records.values()], [_kinds[key] for key in wanted])
    rows = []
    for entry in entries:
        kind = _kinds[entry["kind_key"]]
        record, previous = records[(kind.key, entry["history_id"])]
        rows.append(
            AuditRow(
                when=record.history_date,
                who=record.history_user,
                kind=kind,
                action=_TYPES[record.history_type],
                what=kind.describe(record),
                reason=record.history_change_reason or "",
                changes=_changes(kind, record, previous, labels),
            )
        )
    return rows


def _records_of(kind: AuditKind, ids: list[int]) -> dict:
    """(kind, history id) → (record, its previous version): two queries."""
    history = kind.history_model.objects
    earlier = history.filter(id=OuterRef("id")).filter(
        Q(history_date__lt=OuterRef("history_date"))
        | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
    )
    found = list(
        history.filter(history_id__in=ids)
        .select_related("history_user", *kind.related)
        .annotate(
            previous_id=Subquery(
                earlier.order_by("-history_date", "-history_id").values("history_id")[:1]
            )
        )
    )
    previous_ids = [record.previous_id for record in found if record.previous_id]
    previous = history.in_bulk(previous_ids, field_name="history_id") if previous_ids else {}
    return {
        (kind.key, record.history_id): (record, previous.get(record.previous_id))
        for record in found
    }


def _labels(pairs, kinds) -> dict[tuple[type[Model], object], str]:
    """(model, pk) → how each record pointed at is named: one query per model pointed at."""
    wanted: dict[type[Model], set] = defaultdict(set)
    fields_of = {kind.model: [f for f in kind.shown_fields() if f.is_relation] for kind in kinds}
    for record, previous in pairs:
        for version in (record, previous):
            if version is None:
                continue
            for f in fields_of[version.instance_type]:
                value = getattr(version, f.attname)
                if value is not None:
                    wanted[f.related_model].add(value)
    labels = {}
    for model, pks in wanted.items():
        for pk, obj in model._default_manager.in_bulk(list(pks)).items():
            labels[(model, pk)] = _short(_name_of(obj))
    return labels


def _name_of(obj) -> str:
    if isinstance(obj, User):
        return obj.full_name or obj.email
    if isinstance(obj, Forum):
        return obj.name
    return str(getattr(obj, "title", None) or getattr(obj, "name", None) or obj)


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= LONGEST_VALUE else text[: LONGEST_VALUE - 1] + "…"


def _shown(f, version, labels) -> str:
    if version is None:
        return "—"
    value = getattr(version, f.attname)
    if value is None or value == "":
        return "—"
    if f.is_relation:
        return labels.get((f.related_model, value), gettext("(removed)"))
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return pgettext("true or false", "Yes") if value else pgettext("true or false", "No")
    if isinstance(value, datetime.datetime):
        return dates.date_and_time(value)
    if isinstance(value, datetime.date):
        return dates.date_text(value)
    return _short(value)


# How a field is named in the audit trail and a membership's history. A field without its own
# (translated) verbose name is named by Django from the field's name, in English: these names
# are the translatable ones for the fields of the forums' records.
FIELD_LABELS = {
    "accountable_agency": _("Accountable agency"),
    "agency": _("Agency"),
    "agenda_item": _("Agenda item"),
    "completed_at": _("Completed at"),
    "confidentiality": _("Confidentiality"),
    "created_by": _("Created by"),
    "decision": _("Decision"),
    "deputy": _("Deputy"),
    "description": _("Description"),
    "due_date": _("Due date"),
    "end_date": _("End date"),
    "from_forum": _("From forum"),
    "level": _("Level"),
    "location": _("Location"),
    "meeting": _("Meeting"),
    "owner": _("Owner"),
    "percent_complete": _("Percent complete"),
    "person": _("Person"),
    "raised_at": _("Raised at"),
    "raised_by": _("Raised by"),
    "reference": _("Reference"),
    "responded_at": _("Responded at"),
    "responded_by": _("Responded by"),
    "response": _("Response"),
    "role": _("Role"),
    "source_meeting": _("Source meeting"),
    "start_date": _("Start date"),
    "status": _("Status"),
    "text": _("Text"),
    "title": _("Title"),
    "to_forum": _("To forum"),
}


def field_label(f) -> str:
    """The field's name for people: its own translated verbose name, else one of
    ``FIELD_LABELS``, else Django's, with a capital letter."""
    if isinstance(f.verbose_name, Promise):
        label = str(f.verbose_name)
    else:
        label = str(FIELD_LABELS.get(f.name, f.verbose_name))
    return label[:1].upper() + label[1:]


def _changes(kind: AuditKind, record, previous, labels) -> list[Change]:
    if record.history_type == "-":
        return []
    changes = []
    for f in kind.shown_fields():
        before, after = _shown(f, previous, labels), _shown(f, record, labels)
        if before != after:
            changes.append(Change(field_label(f), before, after))
    return changes


# --- the forums' own kinds -------------------------------------------------------------------


def _when(value) -> str:
    return dates.date_text(value) if value else ""


register_audit_kind(
    AuditKind(
        key="memberships",
        label=_("Memberships"),
        model=Membership,
        forum_lookup="forum_id",
        related=("person",),
        describe=lambda r: f"{_name_of(r.person)} ({r.get_role_display()})",
    )
)
register_audit_kind(
    AuditKind(
        key="meetings",
        label=_("Meetings"),
        model=Meeting,
        forum_lookup="forum_id",
        ignore=("sequence", "series"),
        describe=lambda r: f"{r.title}, {dates.date_text(r.starts_at.date())}",
    )
)
register_audit_kind(
    AuditKind(
        key="minutes",
        label=_("Minutes"),
        model=Minutes,
        forum_lookup="meeting__forum_id",
        related=("meeting",),
        describe=lambda r: gettext("Minutes of %(meeting)s") % {"meeting": r.meeting.title},
    )
)
register_audit_kind(
    AuditKind(
        key="minute-entries",
        label=_("Minutes entries"),
        model=MinuteEntry,
        forum_lookup="minutes__meeting__forum_id",
        related=("agenda_item",),
        confidential=True,
        describe=lambda r: gettext("Minute on %(item)s") % {"item": r.agenda_item.title},
    )
)
register_audit_kind(
    AuditKind(
        key="decisions",
        label=_("Decisions"),
        model=Decision,
        forum_lookup="forum_id",
        confidential=True,
        describe=lambda r: _short(r.reference or r.text[:60]),
    )
)
register_audit_kind(
    AuditKind(
        key="actions",
        label=_("Actions"),
        model=Action,
        forum_lookup="forum_id",
        confidential=True,
        describe=lambda r: _short(f"{r.reference} {r.title}".strip()),
    )
)
register_audit_kind(
    AuditKind(
        key="escalations",
        label=_("Escalations"),
        model=Escalation,
        forum_lookup="from_forum_id",
        extra_forum_lookups=("to_forum_id",),
        describe=lambda r: _short(r.title),
    )
)
