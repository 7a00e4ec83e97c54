"""The workspace home's sections that other apps add: sign-offs, returns, written procedures.

``forums`` knows nothing of priorities or performance (they depend on it, not the other way
round). Each app adds its sections in its ``AppConfig.ready()``::

    from forums.home import register_home_section
    register_home_section(sign_offs_section)

A section from a selector such as ``procedures_awaiting(person)`` is one function and one
registration::

    def procedures_section(home):
        rows = procedures_awaiting(home.person)
        return HomeSection(key="procedures", title="Written procedures awaiting your agency",
                           items=tuple(HomeItem(text=..., url=..., forum=...) for row in rows),
                           order=25)

A builder takes the :class:`HomeContext` (the person, their seats, today) and returns a
:class:`HomeSection`, or ``None`` when the section does not concern the person at all (someone
who signs for no agency gets no sign-off section; one with nothing to sign gets "Nothing to
do"). Builders must read in a fixed number of queries, whatever the number of forums.

A section is either the person's own (``part=YOURS``: what they or their agency must do) or
part of the to-do of the forums they run (``part=RUNNING``: each item names its forum). A
person whose only seats are as a data submitter sees only sections marked
``for_submitters=True``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext_lazy as _

from forums.models import Forum, Membership

YOURS = "yours"
RUNNING = "running"


@dataclass
class HomeContext:
    """Who is looking, and their current seats (forum and agency loaded), read once."""

    person: object
    today: datetime.date
    now: datetime.datetime
    seats: list[Membership]

    def forums_where(self, roles) -> list[Forum]:
        """The forums on which the person holds one of ``roles``, by name, each once."""
        found: dict[int, Forum] = {}
        for seat in self.seats:
            if seat.role in roles:
                found.setdefault(seat.forum_id, seat.forum)
        return sorted(found.values(), key=lambda forum: forum.name)

    @cached_property
    def member_forums(self) -> list[Forum]:
        return self.forums_where(Membership.MEMBER_ROLES)

    @cached_property
    def run_forums(self) -> list[Forum]:
        return self.forums_where(Membership.RUNNING_ROLES)

    @property
    def only_submits(self) -> bool:
        """Their only seats are as a data submitter: they see returns, nothing else."""
        return bool(self.seats) and all(
            seat.role == Membership.Role.DATA_SUBMITTER for seat in self.seats
        )


@dataclass(frozen=True)
class HomeItem:
    """One thing to do: what, a link straight to where it is done, and when."""

    text: str
    url: str
    detail: str = ""
    tag: str = ""
    tag_class: str = ""  # e.g. "govuk-tag--red"
    forum: Forum | None = None  # for the to-do of the forums a person runs


@dataclass(frozen=True)
class HomeSection:
    key: str
    title: str
    items: tuple[HomeItem, ...] = ()
    empty: str = _("Nothing to do.")
    order: int = 50
    part: str = YOURS
    for_submitters: bool = False
    links: tuple[tuple[str, str], ...] = ()  # (text, url) under the list, e.g. "All returns"


@dataclass
class _Registry:
    builders: dict[str, Callable[[HomeContext], HomeSection | None]] = field(default_factory=dict)


_registry = _Registry()


def register_home_section(build: Callable[[HomeContext], HomeSection | None]) -> None:
    """Add a section builder (registering the same function again replaces it)."""
    _registry.builders[f"{build.__module__}.{build.__qualname__}"] = build


def registered_home_sections() -> list[str]:
    return list(_registry.builders)


def home_sections(home: HomeContext) -> list[HomeSection]:
    """Every registered section that concerns the person, in order."""
    sections = []
    for build in _registry.builders.values():
        section = build(home)
        if section is None:
            continue
        if home.only_submits and not section.for_submitters:
            continue
        sections.append(section)
    return sorted(sections, key=lambda section: (section.order, section.title))
