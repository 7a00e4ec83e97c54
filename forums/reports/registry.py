"""The registry of report kinds, and who may ask for one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from forums import confidentiality
from forums.models import Forum, GeneratedReport
from membership.models import User

Audience = GeneratedReport.Audience


@dataclass(frozen=True)
class Built:
    """A finished file."""

    content: bytes
    file_name: str
    pages: int | None = None


@dataclass(frozen=True)
class ReportKind:
    """A kind of report and how to build it.

    - ``load(forum, subject)`` → the subject object within that forum, or None;
    - ``collect(obj, audience, viewer)`` → a JSON-serialisable dict of everything the report
      shows for that audience (the fingerprint is its hash);
    - ``render(obj, data, audience, fmt)`` → :class:`Built`;
    - ``public_available(obj)`` → whether the public version may be downloaded without
      signing in (only published material);
    - ``label(obj)`` → how the subject reads ("Board meeting, 3 March 2026");
    - ``subjects(forum)`` → ``[(subject, label), ...]`` offered on the forum's reports page
      (a fixed number of queries however many there are).
    """

    name: str
    title: str
    load: Callable[[Forum, str], Any]
    collect: Callable[[Any, str, User | None], dict]
    render: Callable[[Any, dict, str, str], Built]
    public_available: Callable[[Any], bool]
    label: Callable[[Any], str]
    formats: tuple[str, ...] = ("pdf",)
    may_request: Callable[[User, Forum], bool] | None = None
    # Personal kinds (board pack, minutes) can also be built for one member with the restricted
    # items they are named on; otherwise the member version is one for every member, without
    # restricted material (``viewer`` None), which the secretariat can hand out.
    personal: bool = False
    subjects: Callable[[Forum], list[tuple[str, str]]] | None = None


_kinds: dict[str, ReportKind] = {}


def register_report_kind(kind: ReportKind) -> None:
    _kinds[kind.name] = kind


def report_kind(name: str) -> ReportKind | None:
    return _kinds.get(name)


def report_kinds() -> list[ReportKind]:
    return list(_kinds.values())


def _viewer(person: User | None, forum: Forum) -> confidentiality.Viewer:
    """The person's standing now, read afresh (a report outlives the request that asked)."""
    if person is None:
        return confidentiality.NOBODY
    standing = confidentiality.viewers_on(forum_ids=[forum.pk], person_ids=[person.pk])
    return standing.get((forum.pk, person.pk), confidentiality.NOBODY)


def is_member(person: User, forum: Forum) -> bool:
    return _viewer(person, forum).is_member


def kind_offered_to(person: User, forum: Forum, name: str) -> ReportKind | None:
    """The kind of report, if the person may ask for it on this forum (to offer its buttons)."""
    kind = report_kind(name)
    if kind is None or not (kind.may_request or is_member)(person, forum):
        return None
    return kind
