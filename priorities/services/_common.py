"""What every priorities service shares: the permission check and saving with validation."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied

from forums.models import Forum
from membership.models import User


def _require(person: User, perm: str, forum: Forum) -> None:
    if not person.has_perm(perm, forum):
        raise PermissionDenied


def _set(instance, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        setattr(instance, name, value)


def _save(instance, m2m: dict[str, Iterable] | None = None, update_fields=None):
    instance.full_clean()
    instance.save(update_fields=update_fields)
    for name, values in (m2m or {}).items():
        getattr(instance, name).set(values)
    return instance


M2M_FIELDS = {"indicators", "cited_responses", "agencies", "priorities"}


def _split(fields: dict[str, Any]) -> tuple[dict, dict]:
    plain = {k: v for k, v in fields.items() if k not in M2M_FIELDS}
    m2m = {k: v for k, v in fields.items() if k in M2M_FIELDS}
    return plain, m2m
