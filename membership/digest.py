"""The weekly digest for each forum's secretariat and chair, filled by the other apps.

``membership`` knows nobody's forums, returns or priorities: other apps register, in their
``AppConfig.ready()``,

- an *audience*: ``register_digest_audience(callable(today) -> iterable of (person, forums))``
  saying who gets a digest and for which forums (the forums app: secretariat and chairs);
- *sections*: ``register_digest_section(name, callable(person, forums, today) -> DigestSection
  or None)``; a section with no rows is left out.

:func:`send_weekly_digests` runs every day; each person is sent theirs on the weekday they
chose in their preferences (Monday by default), at most once an ISO week.
"""

from __future__ import annotations

import datetime
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from membership import dates
from membership.lazy_text import lazy_text
from membership.models import NotificationPreference, User
from membership.notifications import notify


@dataclass(frozen=True)
class DigestRow:
    """One line of a section: what, optional detail (when, how late) and a link."""

    text: str
    detail: str = ""
    url: str = ""


@dataclass(frozen=True)
class DigestSection:
    title: str
    rows: tuple[DigestRow, ...] = ()
    intro: str = ""
    order: int = 50


@dataclass
class _Registry:
    sections: dict[str, Callable] = field(default_factory=dict)
    audiences: list[Callable] = field(default_factory=list)


_registry = _Registry()


def register_digest_section(name: str, build: Callable) -> None:
    """Add (or replace) a section builder: ``build(person, forums[, today])``."""
    _registry.sections[name] = build


def register_digest_audience(audience: Callable) -> None:
    """Add a source of recipients: ``audience(today)`` → iterable of ``(person, forums)``."""
    if audience not in _registry.audiences:
        _registry.audiences.append(audience)


def registered_sections() -> list[str]:
    return list(_registry.sections)


def _call(build: Callable, person, forums, today):
    if len(inspect.signature(build).parameters) >= 3:
        return build(person, forums, today)
    return build(person, forums)


def audience(today: datetime.date) -> dict[int, tuple[User, list]]:
    """Person id → (person, their forums), merged over every registered audience."""
    people: dict[int, tuple[User, list]] = {}
    for source in _registry.audiences:
        for person, forums in source(today):
            if person.pk not in people:
                people[person.pk] = (person, [])
            known = {forum.pk for forum in people[person.pk][1]}
            people[person.pk][1].extend(f for f in forums if f.pk not in known)
    return people


def digest_for(person: User, forums: list, today: datetime.date) -> list[DigestSection]:
    """Every registered section with something in it, in order."""
    sections = []
    for build in _registry.sections.values():
        section = _call(build, person, forums, today)
        if section is not None and section.rows:
            sections.append(section)
    return sorted(sections, key=lambda s: s.order)


def _digest_day_today(person_ids: Iterable[int], today: datetime.date) -> set[int]:
    """Of these people, those whose chosen digest day is today and who want the digest."""
    preferences = {
        p.person_id: p for p in NotificationPreference.objects.filter(person_id__in=person_ids)
    }
    chosen = set()
    for pk in person_ids:
        preference = preferences.get(pk)
        weekday = preference.digest_weekday if preference else NotificationPreference.Weekday.MONDAY
        if weekday == today.weekday():
            chosen.add(pk)
    return chosen


def send_weekly_digests(*, today: datetime.date) -> int:
    """Send the digest to those whose digest day is today; returns how many were created now.

    The key names the ISO week, so a second run (or a change of day mid-week) sends nothing
    more that week. People who turned the digest off get it only as an in-app notice.
    """
    people = audience(today)
    due = _digest_day_today(people, today)
    created = 0
    for pk in sorted(due):
        person, forums = people[pk]
        with translation.override(person.language):  # one reader: all of it in their language
            created += _send_digest(person=person, forums=forums, today=today)
    return created


def _send_digest(*, person, forums, today: datetime.date) -> int:
    sections = digest_for(person, forums, today)
    if not sections:
        return 0
    forum_names = ", ".join(str(forum) for forum in forums)
    return len(
        notify(
            key=f"digest:week={dates.iso_week(today)}",
            recipients=[person],
            category="digest",
            subject=lazy_text(
                _("Weekly digest: what needs attention (%(forums)s)"), forums=forum_names
            ),
            template="membership/email/digest",
            context={"sections": sections, "forums": forums, "today": today},
            url=reverse("membership:notices"),
        )
    )
