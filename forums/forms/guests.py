"""The form for inviting a guest to a meeting or to one of its items."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.forms.base import GdsForm
from forums.models import Meeting

WHOLE_MEETING = "meeting"


class GuestForm(GdsForm):
    submit_label = _("Invite the guest")

    name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        error_messages={"required": _("Enter the guest's name")},
    )
    email = forms.EmailField(
        label=_("Email address"),
        error_messages={
            "required": _("Enter the guest's email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        help_text=_("For example, Citizens Advice Teesside"),
        error_messages={"required": _("Enter the organisation the guest is from")},
    )
    invited_to = forms.ChoiceField(
        label=_("What are they invited to?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the whole meeting or one item")},
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = {
            str(item.pk): item for item in meeting.agenda_items.on_agenda().order_by("order", "pk")
        }
        self.fields["invited_to"].choices = [
            (WHOLE_MEETING, gettext("The whole meeting: they see its public items and papers")),
            *[
                (
                    pk,
                    gettext("Only the item “%(item_title)s” and its papers")
                    % {"item_title": item.title},
                )
                for pk, item in self.items.items()
            ],
        ]

    def clean(self):
        data = super().clean()
        choice = data.get("invited_to")
        data["agenda_item"] = self.items.get(choice) if choice != WHOLE_MEETING else None
        return data
