"""Bulk import of memberships from CSV or XLSX (django-import-export), all or nothing.

Columns (headers are case-sensitive; the admin's import page lists them):

    forum, email, full_name, agency, role, can_commit_resources, deputy_email,
    start_date, end_date, show_name_publicly

``forum`` is the forum's slug; ``agency`` its name or slug; ``role`` the code or the words
("member", "Advisory member"); yes/no columns take yes, no, true, false, 1, 0 or blank (no);
dates are 2026-03-27 or 27/03/2026. A person with no account yet is created (without a
password: they use "Forgotten your password?" or an invitation). A row with the same forum,
person and start date as an existing membership updates it, so a file can be fixed and
imported again. Every model rule is checked with ``full_clean()``; any bad row means nothing is
imported and each bad row is listed with its reason.
"""

from __future__ import annotations

import datetime
import zipfile

from django import forms
from django.db.models import Q
from import_export import fields, resources, widgets
from import_export.forms import ImportForm

from forums.models import Forum, Membership
from membership.models import Agency, User

TRUE = {"yes", "y", "true", "1"}
FALSE = {"no", "n", "false", "0", ""}
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


MAX_IMPORT_BYTES = 5 * 1024 * 1024


class MembershipImportForm(ImportForm):
    """The upload: a CSV (text) or an XLSX (a zip holding a workbook), at most 5 MB."""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("The file must be smaller than 5 MB")
        head = upload.read(4)
        upload.seek(0)
        if head.startswith(b"PK"):
            try:
                names = set(zipfile.ZipFile(upload).namelist())
            except zipfile.BadZipFile:
                names = set()
            upload.seek(0)
            if "xl/workbook.xml" not in names:
                raise forms.ValidationError("The file must be a CSV or an Excel (XLSX) file")
        elif not _looks_like_text(upload.read(64 * 1024)):
            raise forms.ValidationError(
                "The file must be a CSV saved as UTF-8 text, or an Excel (XLSX) file"
            )
        upload.seek(0)
        return upload


def _looks_like_text(sample: bytes) -> bool:
    """UTF-8 text without NUL bytes (a character cut off at the end of the sample is fine)."""
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return error.start >= len(sample) - 3 and error.reason == "unexpected end of data"
    return True


def _text(value) -> str:
    return "" if value is None else str(value).strip()


class ForumWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        slug = _text(value)
        if not slug:
            raise ValueError("Enter the forum's slug, for example cleveland-cjb")
        forum = Forum.objects.filter(slug=slug).first()
        if forum is None:
            raise ValueError(f"There is no forum with the slug '{slug}'")
        return forum

    def render(self, value, obj=None, **kwargs):
        return value.slug if value else ""


class PersonWidget(widgets.Widget):
    """A person by email address (the resource creates missing people before the row)."""

    def __init__(self, *, required: bool, **kwargs):
        self.required = required
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        email = _text(value)
        if not email:
            if self.required:
                raise ValueError("Enter the person's email address")
            return None
        person = User.objects.filter(email__iexact=email).first()
        if person is None:
            raise ValueError(f"No one with the email address {email} has an account")
        return person

    def render(self, value, obj=None, **kwargs):
        return value.email if value else ""


class AgencyWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        name = _text(value)
        if not name:
            return None
        agency = Agency.objects.filter(Q(name__iexact=name) | Q(slug__iexact=name)).first()
        if agency is None:
            raise ValueError(f"There is no agency called '{name}'")
        return agency

    def render(self, value, obj=None, **kwargs):
        return value.name if value else ""


class RoleWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = _text(value).lower()
        for code, label in Membership.Role.choices:
            if text in (code, label.lower(), code.replace("_", " ")):
                return code
        allowed = ", ".join(label.lower() for _, label in Membership.Role.choices)
        raise ValueError(f"The role must be one of: {allowed}")

    def render(self, value, obj=None, **kwargs):
        return value or ""


class YesNoWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = _text(value).lower()
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        raise ValueError(f"Enter yes or no, not '{value}'")

    def render(self, value, obj=None, **kwargs):
        return "yes" if value else "no"


class DateWidget(widgets.Widget):
    def __init__(self, *, required: bool, **kwargs):
        self.required = required
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = _text(value)
        if not text:
            if self.required:
                raise ValueError("Enter the start date")
            return None
        for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
            try:
                return datetime.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        raise ValueError(f"'{text}' is not a date: use 2026-03-27 or 27/03/2026")

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class MembershipResource(resources.ModelResource):
    """One row per membership; all rows are checked before anything is saved."""

    forum = fields.Field(attribute="forum", column_name="forum", widget=ForumWidget())
    person = fields.Field(
        attribute="person", column_name="email", widget=PersonWidget(required=True)
    )
    # Used only to name people who have no account yet (see before_import_row).
    full_name = fields.Field(column_name="full_name")
    agency = fields.Field(attribute="agency", column_name="agency", widget=AgencyWidget())
    role = fields.Field(attribute="role", column_name="role", widget=RoleWidget())
    can_commit_resources = fields.Field(
        attribute="can_commit_resources", column_name="can_commit_resources", widget=YesNoWidget()
    )
    deputy = fields.Field(
        attribute="deputy", column_name="deputy_email", widget=PersonWidget(required=False)
    )
    start_date = fields.Field(
        attribute="start_date", column_name="start_date", widget=DateWidget(required=True)
    )
    end_date = fields.Field(
        attribute="end_date", column_name="end_date", widget=DateWidget(required=False)
    )
    show_name_publicly = fields.Field(
        attribute="show_name_publicly", column_name="show_name_publicly", widget=YesNoWidget()
    )

    class Meta:
        model = Membership
        fields = (
            "forum",
            "person",
            "full_name",
            "agency",
            "role",
            "can_commit_resources",
            "deputy",
            "start_date",
            "end_date",
            "show_name_publicly",
        )
        import_id_fields = ("forum", "person", "start_date")
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = False
        report_skipped = True

    def before_import(self, dataset, **kwargs):
        missing = [
            column
            for column in ("forum", "email", "role", "start_date")
            if column not in (dataset.headers or [])
        ]
        if missing:
            raise ValueError(
                "The file must have these columns: "
                + ", ".join(COLUMNS)
                + f". Missing: {', '.join(missing)}"
            )

    def before_import_row(self, row, **kwargs):
        """Create the people the file names who have no account yet (rolled back on a dry run)."""
        email = _text(row.get("email"))
        if email and "@" in email and not User.objects.filter(email__iexact=email).exists():
            User.objects.create_user(
                email=email, password=None, full_name=_text(row.get("full_name")) or email
            )

    def get_instance(self, instance_loader, row):
        """The existing membership for this forum, person and start date, if any."""
        try:
            forum = ForumWidget().clean(row.get("forum"))
            person = PersonWidget(required=True).clean(row.get("email"))
            start = DateWidget(required=True).clean(row.get("start_date"))
        except ValueError:
            return None
        return Membership.objects.filter(forum=forum, person=person, start_date=start).first()

    def save_instance(self, instance, is_create, row, **kwargs):
        instance._change_reason = "Imported from a file"
        user = kwargs.get("user")
        if user is not None:
            instance._history_user = user
        super().save_instance(instance, is_create, row, **kwargs)
