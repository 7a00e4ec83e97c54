"""The good-practice library: a board writes up and submits an entry, a national curator
publishes it (to the public or to partners only) or turns it down, and boards adopt it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from forums.models import Forum, Membership
from membership.models import User
from membership.notifications import notify
from priorities.models import GoodPracticeAdoption, GoodPracticeEntry, Priority, Theme
from priorities.services._common import _require, _save, _set, _split

Entry = GoodPracticeEntry


def _check_theme(entry: Entry) -> None:
    if entry.theme_id and not Theme.objects.for_forum(entry.forum).filter(pk=entry.theme_id):
        raise ValidationError(
            {"theme": gettext("Choose a national theme or one of your board's own")}
        )


def _require_curator(by: User) -> None:
    if not by.has_perm("priorities.curate_good_practice"):
        raise PermissionDenied


@transaction.atomic
def good_practice_create(*, forum: Forum, by: User, fields: dict[str, Any]) -> Entry:
    """Write up a board's practice as a draft entry (only its board sees it)."""
    _require(by, "priorities.share_good_practice", forum)
    plain, m2m = _split(fields)
    entry = Entry(forum=forum, created_by=by)
    _set(entry, plain)
    _check_theme(entry)
    return _save(entry, m2m)


@transaction.atomic
def good_practice_update(*, entry: Entry, by: User, fields: dict[str, Any]) -> Entry:
    """Change a draft, or an entry the curator turned down."""
    _require(by, "priorities.share_good_practice", entry.forum)
    if not entry.can_change:
        raise ValidationError(gettext("An entry waiting for review or published cannot be changed"))
    plain, m2m = _split(fields)
    _set(entry, plain)
    _check_theme(entry)
    return _save(entry, m2m)


@transaction.atomic
def good_practice_submit(*, entry: Entry, by: User) -> Entry:
    """Send the entry to the national curator for review."""
    _require(by, "priorities.share_good_practice", entry.forum)
    if not entry.can_change:
        raise ValidationError(gettext("This entry has already been submitted"))
    entry.state = Entry.State.SUBMITTED
    entry.submitted_at = timezone.now()
    entry.review_note = ""
    entry.save(update_fields=["state", "submitted_at", "review_note", "updated_at"])
    _notify_curators(entry)
    return entry


@transaction.atomic
def good_practice_publish(*, entry: Entry, by: User, audience: str, note: str = "") -> Entry:
    """The curator publishes a submitted entry, to the public or to partners only, with an
    optional note to the board (its secretariat is e-mailed the outcome and the note)."""
    _require_curator(by)
    if not entry.is_waiting:
        raise ValidationError(gettext("Only an entry waiting for review can be published"))
    if audience not in Entry.Audience.values:
        raise ValidationError({"audience": gettext("Choose who may read the entry")})
    entry.state = Entry.State.PUBLISHED
    entry.audience = audience
    entry.reviewed_by = by
    entry.published_at = timezone.now()
    entry.review_note = note.strip()
    entry.save(
        update_fields=[
            "state",
            "audience",
            "reviewed_by",
            "published_at",
            "review_note",
            "updated_at",
        ]
    )
    _notify_board(entry)
    return entry


@transaction.atomic
def good_practice_reject(*, entry: Entry, by: User, reason: str) -> Entry:
    """The curator turns a submitted entry down, saying why; the board may change it and
    submit it again."""
    _require_curator(by)
    if not entry.is_waiting:
        raise ValidationError(gettext("Only an entry waiting for review can be turned down"))
    if not reason.strip():
        raise ValidationError({"review_note": gettext("Say why the entry is not published")})
    entry.state = Entry.State.REJECTED
    entry.review_note = reason.strip()
    entry.reviewed_by = by
    entry.save(update_fields=["state", "review_note", "reviewed_by", "updated_at"])
    _notify_board(entry)
    return entry


@transaction.atomic
def good_practice_adopt(
    *, entry: Entry, forum: Forum, by: User, priority: Priority | None = None, note: str = ""
) -> GoodPracticeAdoption:
    """A board records that it adopted a published entry, maybe for one of its priorities."""
    _require(by, "priorities.share_good_practice", forum)
    if not entry.is_published:
        raise ValidationError(gettext("Only a published entry can be adopted"))
    if priority is not None and priority.forum_id != forum.pk:
        raise ValidationError({"priority": gettext("Choose one of your board's priorities")})
    if GoodPracticeAdoption.objects.filter(entry=entry, forum=forum).exists():
        raise ValidationError(gettext("Your board has already recorded that it adopted this"))
    adoption = GoodPracticeAdoption(
        entry=entry, forum=forum, priority=priority, note=note, adopted_by=by
    )
    return _save(adoption)


def _notify_curators(entry: Entry) -> None:
    """The national curators (national viewers) are told an entry waits for their review."""
    curators = User.objects.filter(is_national_viewer=True, is_active=True)
    # A resubmitted entry is a new review: the key names the time it was submitted.
    key = f"good-practice-submitted:{entry.pk}:{entry.submitted_at.isoformat()}"
    url = reverse("priorities:good-practice-review", args=[entry.pk])
    transaction.on_commit(
        lambda: notify(
            key=key,
            recipients=list(curators),
            category="priorities",
            subject=gettext_lazy("Good practice to review"),
            template="priorities/email/good_practice_submitted",
            context={"entry": entry, "forum": entry.forum},
            url=url,
        )
    )


def _notify_board(entry: Entry) -> None:
    """Whoever runs the submitting board (its secretariat and chair) is told the curator's
    decision and note; nobody else."""
    running = [
        seat.person
        for seat in Membership.objects.current()
        .filter(forum=entry.forum, role__in=Membership.RUNNING_ROLES)
        .select_related("person")
    ]
    key = f"good-practice-reviewed:{entry.pk}:{entry.state}:{entry.updated_at.isoformat()}"
    url = reverse("priorities:good-practice-board-entry", args=[entry.forum.slug, entry.pk])
    subject = (
        gettext_lazy("Your good practice is published")
        if entry.is_published
        else gettext_lazy("Your good practice was not published")
    )
    transaction.on_commit(
        lambda: notify(
            key=key,
            recipients=running,
            category="priorities",
            subject=subject,
            template="priorities/email/good_practice_reviewed",
            context={"entry": entry, "forum": entry.forum},
            url=url,
        )
    )
