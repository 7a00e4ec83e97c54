"""Forms for the forward plan: adding an item, and changing it with the same questions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from forums.forms.base import GdsForm, _date
from forums.models import AgendaItem, Confidentiality, ForwardPlanItem


class ForwardPlanItemForm(GdsForm):
    submit_label = _("Add to forward plan")

    title = forms.CharField(
        label=_("Title"), max_length=300, error_messages={"required": _("Enter the item title")}
    )
    planned_for = _date(
        _("Planned for (any day in the month of the meeting)"),
        message=_("Enter the month it is planned for"),
    )
    purpose = forms.ChoiceField(
        label=_("Purpose"),
        choices=AgendaItem.Purpose.choices,
        widget=forms.RadioSelect,
        initial=AgendaItem.Purpose.DISCUSSION,
        error_messages={"required": _("Choose the purpose of the item")},
    )
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality"),
        choices=[c for c in Confidentiality.choices if c[0] != Confidentiality.RESTRICTED],
        widget=forms.RadioSelect,
        initial=Confidentiality.PUBLIC,
        error_messages={"required": _("Choose who may see this item")},
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ForwardPlanItemChangeForm(ForwardPlanItemForm):
    """The forward plan item's title, month, purpose, who may see it and description."""

    submit_label = _("Save changes")

    @staticmethod
    def initial_for(item: ForwardPlanItem) -> dict:
        return {
            "title": item.title,
            "planned_for": item.planned_for,
            "purpose": item.purpose,
            "confidentiality": item.confidentiality,
            "description": item.description,
        }
