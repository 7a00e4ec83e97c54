"""The form for an agenda item: purpose, presenter, time allowed and confidentiality."""

from crispy_forms.utils import TEMPLATE_PACK
from crispy_forms_gds.layout import (
    ConditionalQuestion,
    ConditionalRadios,
    Field,
    Layout,
    Size,
    Submit,
)
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.bilingual import TITLE, Welsh, add_welsh_fields
from forums.forms.base import GdsForm
from forums.models import AgendaItem, Confidentiality, Membership
from membership.models import Agency, User

# A bilingual forum's agenda items take these in Welsh too (forums/bilingual.py).
AGENDA_ITEM_WELSH = [
    TITLE,
    Welsh(
        "public_title",
        _("Title to show the public (English, optional)"),
        "Teitl i'w ddangos i'r cyhoedd (Cymraeg, dewisol)",
    ),
]


class RevealingRadios(ConditionalRadios):
    """GOV.UK radios whose choices may reveal more questions, with a small legend like the
    other radios of GdsForm."""

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        context.update({"legend_size": Size.for_legend(Size.SMALL)})
        return super().render(form, context, template_pack, **kwargs)


class AgendaItemForm(GdsForm):
    submit_label = _("Save item")

    title = forms.CharField(
        label=_("Title"), max_length=300, error_messages={"required": _("Enter the item title")}
    )
    purpose = forms.ChoiceField(
        label=_("Purpose"),
        choices=AgendaItem.Purpose.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the purpose of the item")},
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    presenter = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, label=_("Presenter (member)")
    )
    presenter_agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(), required=False, label=_("Presenting agency")
    )
    minutes_allowed = forms.IntegerField(
        label=_("Time allowed (minutes)"),
        required=False,
        min_value=1,
        max_value=480,
        error_messages={"invalid": _("Enter the time allowed as a number of minutes")},
    )
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality"),
        choices=Confidentiality.choices,
        widget=forms.RadioSelect,
        initial=Confidentiality.PUBLIC,
        error_messages={"required": _("Choose who may see this item")},
    )
    confidentiality_reason = forms.CharField(
        label=_("Reason it is not public"),
        required=False,
        help_text=_("Needed for confidential and restricted items."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    public_title = forms.CharField(
        label=_("Title to show the public (optional)"),
        required=False,
        max_length=300,
        help_text=_(
            "For a confidential item. Without it the public agenda says 'Confidential item'."
        ),
    )
    restricted_to = forms.ModelMultipleChoiceField(
        label=_("People who may see a restricted item"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        seats = Membership.objects.current().filter(forum=forum)
        people = User.objects.filter(memberships__in=seats).distinct().order_by("full_name")
        self.fields["presenter"].queryset = people
        self.fields["restricted_to"].queryset = people
        self.fields["presenter_agency"].queryset = Agency.objects.filter(
            memberships__in=seats
        ).distinct()
        # The people who may see a restricted item are asked for under "Restricted" only (the
        # GOV.UK conditional reveal): hidden, and out of the tab order, while another choice is
        # made; without JavaScript they show all the time.
        self.helper.layout = Layout(
            *[
                self._confidentiality_layout(field)
                if name == "confidentiality"
                else self._layout_field(name, field)
                for name, field in self.fields.items()
                if name != "restricted_to"
            ],
            Submit("submit", self.submit_label),
        )
        add_welsh_fields(self, forum=forum, fields=AGENDA_ITEM_WELSH)

    def _confidentiality_layout(self, field):
        people = Field.checkboxes("restricted_to", legend_size=Size.SMALL)
        return RevealingRadios(
            "confidentiality",
            *[
                # str(): crispy-forms-gds takes plain strings, not lazy translations.
                ConditionalQuestion(str(label), people)
                if value == Confidentiality.RESTRICTED
                else str(label)
                for value, label in field.choices
            ],
        )

    def clean(self):
        data = super().clean()
        level = data.get("confidentiality")
        if level and level != Confidentiality.PUBLIC and not data.get("confidentiality_reason"):
            self.add_error("confidentiality_reason", gettext("Enter why this item is not public"))
        if level == Confidentiality.RESTRICTED and not data.get("restricted_to"):
            self.add_error(
                "restricted_to", gettext("Choose the people who may see this restricted item")
            )
        return data
