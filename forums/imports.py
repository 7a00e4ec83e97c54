"""Memberships from a CSV or Excel file (site admins, in /admin/): the columns and their cells.

The file is read and reported by the one import mechanism, ``membership/tabular.py``; the rows that
pass these checks are saved by ``forums.services.membership_import`` in one transaction,
which also checks every membership rule (a preview is the same run, rolled back). Columns:

    forum, email, full_name, agency, role, can_commit_resources, deputy_email,
    start_date, end_date, show_name_publicly

``forum`` is the forum's slug; ``agency`` its name or slug; ``role`` the code or the words
("member", "Advisory member"); yes/no columns take yes, no, true, false, 1, 0 or blank (no);
dates are 2026-03-27 or 27/03/2026. Someone who has not signed in yet is sent an invitation, as
from the workspace, and joins when they accept; someone with an account is added and told by
email. A row with the same forum, person and start date as an existing membership changes it, so
a file can be fixed and imported again. Any bad row means nothing is imported, and each bad row is
listed with its reasons. ``allowed_values()`` lists what each column may hold.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import partial

from django.db.models.functions import Lower
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _

from forums.models import Forum, Membership
from membership import tabular
from membership.lazy_text import lazy_text
from membership.models import Agency

COLUMNS = (
    "forum",
    "email",
    "full_name",
    "agency",
    "role",
    "can_commit_resources",
    "deputy_email",
    "start_date",
    "end_date",
    "show_name_publicly",
)
REQUIRED_COLUMNS = ("forum", "email", "role", "start_date")
# The file's values are the same in every language: roles are their English words (or codes).
with override("en"):
    ROLE_WORDS = tuple(str(label).lower() for _code, label in Membership.Role.choices)
# A membership's fields as the file's columns, for the rules' messages.
FIELD_COLUMNS = {"person": "email", "deputy": "deputy_email", "__all__": ""}
EXAMPLE = (
    "cleveland-cjb",
    "sam.jones@example.org",
    "Sam Jones",
    "Crown Prosecution Service, North East",
    "member",
    "yes",
    "",
    "2026-04-01",
    "",
    "no",
)
GUIDANCE = (
    lazy_text(
        _("One row per membership. The columns are: %(columns)s."), columns=", ".join(COLUMNS)
    ),
    _("forum: the forum's slug, as in its address (for example cleveland-cjb)."),
    _(
        "email: the person's email address. Someone who has not signed in yet is sent an "
        "invitation and joins when they accept (leave deputy_email and end_date blank for them, "
        "and show_name_publicly no); anyone else is added and told by email. full_name names them."
    ),
    _(
        "agency: the agency's name or slug, one that covers the forum's area (see Allowed values); "
        "blank for the secretariat or a guest."
    ),
    lazy_text(_("role: %(roles)s."), roles=", ".join(ROLE_WORDS)),
    _("can_commit_resources and show_name_publicly: yes or no."),
    _("deputy_email: the email address of the person who attends instead (optional)."),
    _("start_date and end_date: 2026-03-27 or 27/03/2026; end_date is optional."),
    _("A row with the same forum, person and start date as a membership changes it."),
)


@dataclass
class MembershipRow:
    """One row of the file, each cell checked; the rules between rows are the service's."""

    number: int
    forum: Forum
    email: str
    full_name: str
    agency: Agency | None
    role: str
    can_commit_resources: bool
    deputy_email: str
    start_date: datetime.date
    end_date: datetime.date | None
    show_name_publicly: bool


def read_upload(upload) -> list[tabular.Row]:
    """The file's rows; ``tabular.FileProblem`` if it cannot be read at all."""
    return tabular.read_rows(
        upload,
        required=REQUIRED_COLUMNS,
        hint=gettext(". The columns are: %(columns)s") % {"columns": ", ".join(COLUMNS)},
    )


def _role(text: str) -> str:
    lowered = text.lower()
    for (code, _label), words in zip(Membership.Role.choices, ROLE_WORDS, strict=True):
        if lowered in (code, words, code.replace("_", " ")):
            return code
    raise ValueError(
        gettext("The role must be one of: %(roles)s") % {"roles": ", ".join(ROLE_WORDS)}
    )


def check_rows(rows: list[tabular.Row]) -> tuple[list[MembershipRow], tabular.Report]:
    """Each row's cells checked: the rows to import, and a report of each bad row."""
    forums = {forum.slug: forum for forum in Forum.objects.all()}
    agencies = {}
    for agency in Agency.objects.annotate(lower_name=Lower("name"), lower_slug=Lower("slug")):
        agencies.setdefault(agency.lower_slug, agency)
        agencies.setdefault(agency.lower_name, agency)
    cleaners = (
        ("forum", partial(_forum, forums)),
        ("email", tabular.email),
        ("agency", partial(_agency, agencies)),
        ("role", _role),
        ("can_commit_resources", tabular.yes_no),
        ("deputy_email", _optional_email),
        ("start_date", _start_date),
        ("end_date", tabular.day),
        ("show_name_publicly", tabular.yes_no),
    )
    report = tabular.Report()
    good = []
    for number, row in rows:
        values = {}
        for column, clean in cleaners:
            try:
                values[column] = clean(row.get(column, ""))
            except ValueError as error:
                report.add(number, str(error), column)
        full_name = row.get("full_name", "")
        if tabular.looks_like_formula(full_name):
            report.add(number, gettext("A name cannot start with =, +, - or @"), "full_name")
        if number not in report.problems:
            good.append(MembershipRow(number=number, full_name=full_name, **values))
    return good, report


def _start_date(text: str) -> datetime.date:
    return tabular.day(text, required_message=gettext("Enter the start date"))


def _optional_email(text: str) -> str:
    return tabular.email(text) if text else ""


def _forum(forums: dict, slug: str) -> Forum:
    if not slug:
        raise ValueError(gettext("Enter the forum's slug, for example cleveland-cjb"))
    forum = forums.get(slug) or forums.get(slug.lower())
    if forum is None:
        raise ValueError(gettext("There is no forum with the slug '%(slug)s'") % {"slug": slug})
    return forum


def _agency(agencies: dict, name: str) -> Agency | None:
    if not name:
        return None
    agency = agencies.get(name.lower())
    if agency is None:
        raise ValueError(gettext("There is no agency called '%(name)s'") % {"name": name})
    return agency


ALLOWED_HEADER = ("column", "allowed value", "meaning")
YES_NO = ("yes", "no")


def allowed_values() -> list[tuple[str, str, str]]:
    """(column, a value it may hold, what it means): every forum, the agencies that cover each
    forum's area, every role and the yes/no columns."""
    forums = Forum.objects.prefetch_related("areas__agencies").order_by("name")
    rows = [("forum", forum.slug, forum.name) for forum in forums]
    for forum in forums:
        agencies = {a for area in forum.areas.all() for a in area.agencies.all()}
        rows += [
            ("agency", agency.name, gettext("covers the area of %(forum)s") % {"forum": forum.slug})
            for agency in sorted(agencies, key=lambda agency: agency.name)
        ]
    rows += [("role", words, "") for words in ROLE_WORDS]
    for column in ("can_commit_resources", "show_name_publicly"):
        rows += [(column, answer, "") for answer in YES_NO]
    return rows


def template_csv() -> str:
    return tabular.template_csv(COLUMNS, [EXAMPLE])


def allowed_values_csv() -> str:
    return tabular.template_csv(ALLOWED_HEADER, allowed_values())


def template_xlsx() -> bytes:
    roles = list(ROLE_WORDS)
    return tabular.template_xlsx(
        COLUMNS,
        [EXAMPLE],
        sheet="Memberships",
        guidance=[str(line) for line in GUIDANCE],
        widths={"B": 32, "D": 40},
        allowed=(ALLOWED_HEADER, allowed_values()),
        choices={"role": roles, "can_commit_resources": YES_NO, "show_name_publicly": YES_NO},
    )
