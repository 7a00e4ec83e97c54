"""Reference numbers of decisions and actions: one scheme, per forum and year.

``D2026-013`` is the forum's thirteenth decision of 2026 and ``A2026-019`` its nineteenth
action, whether taken at a meeting or in writing between meetings. The year is the decision's
date (an action's: its meeting's date, or the day it was recorded); numbers are never reused.
"""

from __future__ import annotations

import re

from django.db import transaction
from django.db.models import Model

from forums.models import Action, Decision, Forum

DECISION_PREFIX = "D"
ACTION_PREFIX = "A"


def format_reference(prefix: str, year: int, number: int) -> str:
    return f"{prefix}{year}-{number:03d}"


def _next(model: type[Model], *, prefix: str, forum: Forum, year: int) -> str:
    if not transaction.get_autocommit():
        # Lock the forum row so two people recording at once do not take the same number.
        Forum.objects.select_for_update().filter(pk=forum.pk).first()
    start = f"{prefix}{year}-"
    pattern = re.compile(rf"^{re.escape(start)}(\d+)$")
    taken = model.objects.filter(forum=forum, reference__startswith=start).values_list(
        "reference", flat=True
    )
    numbers = [int(match.group(1)) for ref in taken if (match := pattern.match(ref))]
    return format_reference(prefix, year, max(numbers, default=0) + 1)


def next_decision_reference(*, forum: Forum, year: int) -> str:
    """The next free decision reference of the forum for the year (inside a transaction)."""
    return _next(Decision, prefix=DECISION_PREFIX, forum=forum, year=year)


def next_action_reference(*, forum: Forum, year: int) -> str:
    """The next free action reference of the forum for the year (inside a transaction)."""
    return _next(Action, prefix=ACTION_PREFIX, forum=forum, year=year)
