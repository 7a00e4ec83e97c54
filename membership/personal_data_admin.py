"""A person's admin page: export everything held about them, and erase a person who has left.

Site admins only (superusers): other staff are refused. The export and the erasure are each
recorded in the person's admin history; the erasure also in the person's change history.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext

from membership import personal_data
from membership.models import User


class PersonalDataAdminMixin:
    """Adds "Export personal data" and "Erase this person" to the person's admin page."""

    change_form_template = "membership/admin/person_change_form.html"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/personal-data.<str:kind>",
                view(self.personal_data_export),
                name="membership_user_personal_data",
            ),
            path("<int:pk>/erase/", view(self.erase), name="membership_user_erase"),
            *super().get_urls(),
        ]

    def _person(self, request, pk) -> User:
        if not request.user.is_superuser:
            raise PermissionDenied
        person = User.objects.filter(pk=pk).first()
        if person is None:
            raise Http404
        return person

    def personal_data_export(self, request, pk, kind):
        person = self._person(request, pk)
        if kind not in ("json", "csv"):
            raise Http404
        data = personal_data.personal_data_collect(person=person)
        body = personal_data.as_json(data) if kind == "json" else personal_data.as_csv(data)
        self.log_change(request, person, f"Exported personal data ({kind.upper()})")
        response = HttpResponse(
            body, content_type="application/json" if kind == "json" else "text/csv; charset=utf-8"
        )
        filename = f"personal-data-{person.pk}.{kind}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def erase(self, request, pk):
        person = self._person(request, pk)
        error = ""
        if request.method == "POST":
            try:
                personal_data.person_erase(person=person, by=request.user)
            except ValidationError as problem:
                error = " ".join(problem.messages)
            else:
                self.log_change(request, person, "Erased personal data")
                messages.success(
                    request, gettext("%(person)s has been erased") % {"person": person}
                )
                return redirect(reverse("admin:membership_user_change", args=[person.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Erase %(person)s?") % {"person": person},
            "person": person,
            "opts": self.model._meta,
            "error": error,
            "already_erased": personal_data.is_erased(person),
        }
        return TemplateResponse(request, "membership/admin/person_erase.html", context)
