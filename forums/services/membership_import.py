"""Memberships from an import file's checked rows: all or nothing, telling people as the
workspace does when one person is added (``forums.services.forum``).

Someone who cannot sign in yet (no account, or one never used) is invited with
``invitation_send``, exactly as the secretariat's "Invite someone": they choose a password and
take the seat when they accept. Someone with an account is given the seat with
``membership_create``, which tells them they have been added. A row with the same forum, person
and start date as a membership changes it (``membership_update``, which tells nobody, as a change
in the workspace does). Notices go out when the import is committed: a preview (dry run) or a
file with any problem is rolled back and sends nothing.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.imports import FIELD_COLUMNS as IMPORT_COLUMNS
from forums.imports import MembershipRow
from forums.models import Membership
from forums.services.forum import invitation_send, membership_create, membership_update
from membership import dates
from membership.models import User
from membership.tabular import Report

REASON = "Imported from a file"
# What an invitation cannot carry: the person sets these once they have joined.
NOT_FOR_INVITATIONS = {
    "deputy_email": _("a deputy"),
    "end_date": _("an end date"),
    "show_name_publicly": _("their name shown publicly (they choose that themselves)"),
}


@transaction.atomic
def memberships_import(
    *, rows: list[MembershipRow], imported_by: User, report: Report, dry_run: bool
) -> Report:
    """Invite new people and add or change the memberships of the others: all or nothing.

    Every membership rule is checked (so two chairs in one file are refused). Problems are added
    to ``report`` against their row; with any problem, or on a dry run, nothing is kept.
    """
    emails = {row.email for row in rows} | {row.deputy_email for row in rows if row.deputy_email}
    people = _people(emails)
    new = {row.number for row in rows if _is_new(people.get(row.email))}
    for row in rows:  # first, so that a deputy may be someone invited in the same file
        if row.number in new:
            _invite(row, imported_by=imported_by, report=report)
    people = _people(emails)
    for row in rows:
        if row.number not in new:
            person = people[row.email]
            _add_or_change(row, person=person, people=people, by=imported_by, report=report)
    report.changes.sort()
    if dry_run or report.has_validation_errors():
        transaction.set_rollback(True)
    return report


def _people(emails: set[str]) -> dict[str, User]:
    """The accounts with these (lower-case) email addresses, by email address."""
    accounts = User.objects.annotate(lower_email=Lower("email")).filter(lower_email__in=emails)
    return {person.lower_email: person for person in accounts}


def _is_new(person: User | None) -> bool:
    """Someone who cannot sign in yet: no account, or one made for them and never used."""
    return person is None or not person.has_usable_password()


def _invite(row: MembershipRow, *, imported_by: User, report: Report) -> None:
    carried = {
        "deputy_email": bool(row.deputy_email),
        "end_date": row.end_date is not None,
        "show_name_publicly": row.show_name_publicly,
    }
    for column, given in carried.items():
        if given:
            report.add(
                row.number,
                gettext(
                    "%(email)s has not signed in yet, so they are invited and join when they "
                    "accept: leave %(column)s blank and give them %(what)s once they have joined"
                )
                % {"email": row.email, "column": column, "what": NOT_FOR_INVITATIONS[column]},
                column,
            )
    if any(carried.values()):
        return
    try:
        with transaction.atomic():
            invitation, _token = invitation_send(
                forum=row.forum,
                email=row.email,
                full_name=row.full_name,
                role=row.role,
                invited_by=imported_by,
                agency=row.agency,
                can_commit_resources=row.can_commit_resources,
            )
    except ValidationError as error:
        report.add_error(row.number, error, columns=IMPORT_COLUMNS)
        return
    name = row.full_name or row.email
    report.change(
        row.number,
        "Invited",
        gettext(
            "%(name)s (%(email)s) is sent an invitation to be %(role)s of %(forum)s; the "
            "membership starts when they accept"
        )
        % {
            "name": name,
            "email": row.email,
            "role": invitation.get_role_display(),
            "forum": row.forum,
        },
    )


def _add_or_change(
    row: MembershipRow, *, person: User, people: dict, by: User, report: Report
) -> None:
    deputy = people.get(row.deputy_email) if row.deputy_email else None
    if row.deputy_email and deputy is None:
        message = gettext("No one with the email address %(email)s has an account") % {
            "email": row.deputy_email
        }
        report.add(row.number, message, "deputy_email")
        return
    fields = {
        "agency": row.agency,
        "role": row.role,
        "can_commit_resources": row.can_commit_resources,
        "deputy": deputy,
        "end_date": row.end_date,
        "show_name_publicly": row.show_name_publicly,
    }
    existing = Membership.objects.filter(
        forum=row.forum, person=person, start_date=row.start_date
    ).first()
    try:
        with transaction.atomic():
            if existing is None:
                membership = membership_create(
                    forum=row.forum,
                    person=person,
                    created_by=by,
                    start_date=row.start_date,
                    reason=REASON,
                    **fields,
                )
                outcome = "New"
                told = gettext("; %(person)s is told by email") % {"person": person}
            else:
                before = {name: getattr(existing, name) for name in fields}
                membership = membership_update(
                    membership=existing, updated_by=by, reason=REASON, **fields
                )
                changed = [name for name in fields if getattr(membership, name) != before[name]]
                outcome, told = ("Changed" if changed else "No change"), ""
    except ValidationError as error:
        report.add_error(row.number, error, columns=IMPORT_COLUMNS)
        return
    report.change(
        row.number,
        outcome,
        gettext("%(person)s (%(email)s), %(role)s of %(forum)s from %(date)s")
        % {
            "person": person,
            "email": person.email,
            "role": membership.get_role_display(),
            "forum": row.forum,
            "date": dates.date_text(row.start_date),
        }
        + told,
    )
