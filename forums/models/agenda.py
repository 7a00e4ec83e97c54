"""Agenda items: what a meeting discusses, each with its confidentiality."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.models.meetings import Meeting
from forums.models.visibility import Confidentiality, VisibilityQuerySet
from membership.models import Agency


class AgendaItemQuerySet(VisibilityQuerySet):
    def on_agenda(self):
        """Items accepted onto the agenda (not proposals waiting for the secretariat)."""
        return self.filter(status=AgendaItem.Status.ON_AGENDA)

    def listed_publicly(self):
        """Items that appear on the public agenda: public ones by title, confidential ones as
        'Confidential item' or their public title. Restricted items never appear."""
        from forums import confidentiality

        return confidentiality.listed_publicly(self)


class AgendaItem(models.Model):
    """One item on a meeting's agenda."""

    class Purpose(models.TextChoices):
        DECISION = "decision", _("For decision")
        DISCUSSION = "discussion", _("For discussion")
        INFORMATION = "information", _("For information")
        ASSURANCE = "assurance", _("For assurance")
        ESCALATION = "escalation", _("Escalation")

    class Kind(models.TextChoices):
        ITEM = "item", _("Agenda item")
        PREVIOUS_MINUTES = "previous_minutes", _("Minutes of the previous meeting")
        MATTERS_ARISING = "matters_arising", _("Matters arising and actions carried forward")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ON_AGENDA = "on_agenda", _("On the agenda")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ITEM)
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.ON_AGENDA,
        help_text=_(
            "Proposed items (from a sub-group's escalation or the performance report) "
            "wait for the secretariat to put them on the agenda."
        ),
    )
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.DISCUSSION)
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="presented_agenda_items",
    )
    presenter_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    minutes_allowed = models.PositiveSmallIntegerField(
        _("Time allowed (minutes)"), null=True, blank=True
    )
    confidentiality = models.CharField(
        max_length=20, choices=Confidentiality.choices, default=Confidentiality.PUBLIC
    )
    confidentiality_reason = models.TextField(
        _("Reason it is not public"),
        blank=True,
        help_text=_("Why this item is confidential or restricted."),
    )
    restricted_to = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="restricted_agenda_items",
        help_text=_(
            "The only people who may see a restricted item (besides the secretariat who "
            "named them)."
        ),
    )
    public_title = models.CharField(
        max_length=300,
        blank=True,
        help_text=_(
            "For a confidential item: what the public agenda shows instead of 'Confidential item'."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "order", "pk"]

    def __str__(self):
        return self.title

    @property
    def is_public(self) -> bool:
        return self.confidentiality == Confidentiality.PUBLIC

    @property
    def title_for_public(self) -> str:
        """What the public sees: the title of a public item, otherwise 'Confidential item'
        unless the secretariat gave a public title."""
        if self.is_public:
            return self.title
        return self.public_title or gettext("Confidential item")

    def clean(self):
        super().clean()
        if (
            self.confidentiality != Confidentiality.PUBLIC
            and not (self.confidentiality_reason or "").strip()
        ):
            raise ValidationError(
                {"confidentiality_reason": gettext("Enter why this item is not public")}
            )
        from forums.confidentiality import check_item_marking

        check_item_marking(self)
