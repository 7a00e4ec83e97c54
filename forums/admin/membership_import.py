"""The admin's membership import: upload, preview (a dry run), confirm; or a row-by-row report.

Reading and reporting are the one import mechanism (``membership/tabular.py``), the columns
and cells are ``forums/imports.py`` and the writes ``forums.services.membership_import``.
Between preview and confirm the file waits in the cache (shared by every web node) for an hour,
under a random token only the site admin who uploaded it can use.
"""

import secrets

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from forums import imports
from forums.services.membership_import import memberships_import
from membership.tabular import FileProblem

WAIT_SECONDS = 60 * 60
CACHE_PREFIX = "membership-import:"


class ImportFileForm(forms.Form):
    import_file = forms.FileField(
        label=_("File to import"),
        help_text=_("A CSV or Excel (.xlsx) file of at most 5 MB, with the columns below"),
        error_messages={"required": _("Choose a CSV or Excel file to import")},
    )

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        try:
            self.rows = imports.read_upload(upload)
        except FileProblem as problem:
            raise forms.ValidationError(str(problem)) from None
        upload.seek(0)
        return upload


class ConfirmImportForm(forms.Form):
    import_token = forms.CharField(widget=forms.HiddenInput)
    original_file_name = forms.CharField(widget=forms.HiddenInput)


# What a good row does, as the preview names it (the report counts them by the English word).
OUTCOMES = {
    "New": _("New"),
    "Invited": _("Invited"),
    "Changed": _("Changed"),
    "No change": _("No change"),
}


def _preview(rows, report) -> list[tuple[int, str, str, list[str]]]:
    """(row, outcome, what happens, every cell as the file has it) for each good row."""
    cells = {number: [row.get(column, "") for column in imports.COLUMNS] for number, row in rows}
    return [
        (number, OUTCOMES.get(outcome, outcome), what, cells[number])
        for number, outcome, what in report.changes
    ]


def _run(rows, *, imported_by, dry_run: bool):
    good, report = imports.check_rows(rows)
    return memberships_import(rows=good, imported_by=imported_by, report=report, dry_run=dry_run)


class MembershipImportMixin:
    """Adds "Import" to the membership admin (URL names ``..._import``, ``..._process_import``)."""

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("import/", wrap(self.import_view), name="forums_membership_import"),
            path(
                "process_import/",
                wrap(require_POST(self.process_import_view)),
                name="forums_membership_process_import",
            ),
            path(
                "import/allowed-values.csv",
                wrap(self.import_allowed_values_view),
                name="forums_membership_import_allowed_values",
            ),
            path(
                "import/template.<str:fmt>",
                wrap(self.import_template_view),
                name="forums_membership_import_template",
            ),
            *super().get_urls(),
        ]

    def _check_may_import(self, request) -> None:
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied

    def _page(self, request, context):
        return TemplateResponse(
            request,
            "admin/forums/membership/import.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": gettext("Import memberships"),
                "columns": imports.COLUMNS,
                "guidance": imports.GUIDANCE,
                "roles": imports.ROLE_WORDS,
                **context,
            },
        )

    def import_view(self, request):
        """Upload a file and see what it would do (nothing is saved), or each bad row."""
        self._check_may_import(request)
        form = ImportFileForm(request.POST or None, request.FILES or None)
        context = {"form": form}
        if request.method == "POST" and form.is_valid():
            report = _run(form.rows, imported_by=request.user, dry_run=True)
            context["result"] = report
            context["preview"] = _preview(form.rows, report)
            if not report.has_validation_errors():
                upload = form.cleaned_data["import_file"]
                token = secrets.token_urlsafe(24)
                cache.set(
                    CACHE_PREFIX + token,
                    {"user": request.user.pk, "name": upload.name, "content": upload.read()},
                    WAIT_SECONDS,
                )
                context["confirm_form"] = ConfirmImportForm(
                    initial={"import_token": token, "original_file_name": upload.name}
                )
        return self._page(request, context)

    def process_import_view(self, request):
        """Import the previewed file, all or nothing (the rules are checked again)."""
        self._check_may_import(request)
        again = HttpResponseRedirect(reverse("admin:forums_membership_import"))
        form = ConfirmImportForm(request.POST)
        key = CACHE_PREFIX + (request.POST.get("import_token") or "")
        waiting = cache.get(key) if form.is_valid() else None
        if not waiting or waiting["user"] != request.user.pk:
            self.message_user(
                request, gettext("The preview has expired: choose the file again."), messages.ERROR
            )
            return again
        cache.delete(key)
        try:
            rows = imports.read_upload(ContentFile(waiting["content"], name=waiting["name"]))
        except FileProblem as problem:
            self.message_user(request, str(problem), messages.ERROR)
            return again
        report = _run(rows, imported_by=request.user, dry_run=False)
        if report.has_validation_errors():
            self.message_user(
                request,
                gettext(
                    "Nothing was imported: the file has problems. Check it and import it again."
                ),
                messages.ERROR,
            )
            return again
        counts = report.counts()
        added, invited = counts.get("New", 0), counts.get("Invited", 0)
        self.message_user(
            request,
            " ".join(
                (
                    gettext("Imported %(name)s:") % {"name": waiting["name"]},
                    ngettext(
                        "%(added)d membership added (each person told by email),",
                        "%(added)d memberships added (each person told by email),",
                        added,
                    )
                    % {"added": added},
                    ngettext("%(invited)d person invited,", "%(invited)d people invited,", invited)
                    % {"invited": invited},
                    gettext("%(changed)d changed, %(unchanged)d unchanged.")
                    % {
                        "changed": counts.get("Changed", 0),
                        "unchanged": counts.get("No change", 0),
                    },
                )
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:forums_membership_changelist"))

    def import_allowed_values_view(self, request):
        """What each column may hold: forums, the agencies of each forum's area, roles, yes/no."""
        self._check_may_import(request)
        response = HttpResponse(
            imports.allowed_values_csv(), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="memberships-allowed-values.csv"'
        return response

    def import_template_view(self, request, fmt: str):
        """A file to fill in: the columns, an example row and (in Excel) a guidance sheet."""
        self._check_may_import(request)
        if fmt == "xlsx":
            response = HttpResponse(
                imports.template_xlsx(),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        elif fmt == "csv":
            response = HttpResponse(imports.template_csv(), content_type="text/csv; charset=utf-8")
        else:
            raise Http404
        response["Content-Disposition"] = f'attachment; filename="memberships.{fmt}"'
        return response
