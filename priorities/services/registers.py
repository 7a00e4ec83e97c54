"""The tensions and risks registers."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, gettext_lazy

from forums.models import Forum
from membership.models import User
from priorities.models import Risk, Tension
from priorities.services._common import _require, _save, _set, _split


@transaction.atomic
def tension_create(*, forum: Forum, by: User, fields: dict[str, Any]) -> Tension:
    _require(by, "priorities.edit_plans", forum)
    plain, m2m = _split(fields)
    return _save(Tension(forum=forum, **plain), m2m)


@transaction.atomic
def tension_update(*, tension: Tension, by: User, fields: dict[str, Any]) -> Tension:
    _require(by, "priorities.edit_plans", tension.forum)
    plain, m2m = _split(fields)
    _set(tension, plain)
    if tension.status != Tension.Status.OPEN and not tension.resolution.strip():
        raise ValidationError(
            {"resolution": gettext("Say how the tension was resolved or escalated")}
        )
    return _save(tension, m2m)


@transaction.atomic
def risk_create(*, forum: Forum, by: User, fields: dict[str, Any]) -> Risk:
    _require(by, "priorities.edit_plans", forum)
    risk = Risk(forum=forum, **fields)
    _score(risk)
    return _save(risk)


@transaction.atomic
def risk_update(*, risk: Risk, by: User, fields: dict[str, Any]) -> Risk:
    _require(by, "priorities.edit_plans", risk.forum)
    _set(risk, fields)
    _score(risk)
    return _save(risk)


OUT_OF_RANGE = {
    "likelihood": gettext_lazy("The likelihood must be a whole number from 1 to 5"),
    "impact": gettext_lazy("The impact must be a whole number from 1 to 5"),
}


def _score(risk: Risk) -> None:
    for name in ("likelihood", "impact"):
        value = getattr(risk, name)
        if value is None or not 1 <= value <= 5:
            raise ValidationError({name: OUT_OF_RANGE[name]})
    risk.score = risk.likelihood * risk.impact
