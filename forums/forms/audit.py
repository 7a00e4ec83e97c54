"""The filters on a forum's audit page (GET): kind of record and who made the change."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.selectors.audit import audit_kinds

_SELECT = {"class": "govuk-select"}


class AuditFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of record"), required=False, widget=forms.Select(_SELECT)
    )
    person = forms.TypedChoiceField(
        label=_("Changed by"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.Select(_SELECT),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", gettext("All kinds of record"))] + [
            (kind.key, kind.label) for kind in audit_kinds()
        ]
        self.fields["person"].choices = [("", gettext("Anyone"))] + [
            (str(person.pk), person.full_name or person.email) for person in people
        ]
