"""The form for an agenda item: purpose, presenter, time allowed and confidentiality."""

from django import forms
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


class AgendaItemForm(GdsForm):
    submit_label = "Save item"

    title = forms.CharField(max_length=300, error_messages={"required": "Enter the item title"})
    purpose = forms.ChoiceField(
        choices=AgendaItem.Purpose.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the purpose of the item"},
    )
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    presenter = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, label="Presenter (member)"
    )
    presenter_agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(), required=False, label="Presenting agency"
    )
    minutes_allowed = forms.IntegerField(
        label="Time allowed (minutes)",
        required=False,
        min_value=1,
        max_value=480,
        error_messages={"invalid": "Enter the time allowed as a number of minutes"},
    )
    confidentiality = forms.ChoiceField(
        choices=Confidentiality.choices,
        widget=forms.RadioSelect,
        initial=Confidentiality.PUBLIC,
        error_messages={"required": "Choose who may see this item"},
    )
    confidentiality_reason = forms.CharField(
        label="Reason it is not public",
        required=False,
        help_text="Needed for confidential and restricted items.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    public_title = forms.CharField(
        label="Title to show the public (optional)",
        required=False,
        max_length=300,
        help_text="For a confidential item. Without it the public agenda says 'Confidential item'.",
    )
    restricted_to = forms.ModelMultipleChoiceField(
        label="People who may see a restricted item",
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
        add_welsh_fields(self, forum=forum, fields=AGENDA_ITEM_WELSH)

    def clean(self):
        data = super().clean()
        level = data.get("confidentiality")
        if level and level != Confidentiality.PUBLIC and not data.get("confidentiality_reason"):
            self.add_error("confidentiality_reason", "Enter why this item is not public")
        if level == Confidentiality.RESTRICTED and not data.get("restricted_to"):
            self.add_error("restricted_to", "Choose the people who may see this restricted item")
        return data
