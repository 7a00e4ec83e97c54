"""Replies to meeting invitations, who actually came, and declarations of interest."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from forums.models.agenda import AgendaItem
from forums.models.forum import Membership
from forums.models.meetings import Meeting
from membership.models import Agency


class Attendance(models.Model):
    """A person's reply to a meeting invitation and whether they actually came."""

    class Reply(models.TextChoices):
        NO_REPLY = "no_reply", _("No reply yet")
        ATTENDING = "attending", _("Attending")
        APOLOGIES = "apologies", _("Apologies")
        DEPUTY = "deputy", _("Sending a deputy")

    class Actual(models.TextChoices):
        UNKNOWN = "unknown", _("Not recorded")
        PRESENT = "present", _("Present")
        DEPUTY_PRESENT = "deputy_present", _("Deputy attended")
        APOLOGIES = "apologies", _("Apologies")
        ABSENT = "absent", _("Absent")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="meeting_attendances"
    )
    membership = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="attendances"
    )
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reply = models.CharField(max_length=20, choices=Reply.choices, default=Reply.NO_REPLY)
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deputised_attendances",
        help_text=_("The deputy, when they are someone in the system."),
    )
    deputy_name = models.CharField(
        _("Deputy's name"),
        max_length=150,
        blank=True,
        help_text=_("The deputy's name, when they are not someone in the system."),
    )
    replied_at = models.DateTimeField(null=True, blank=True)
    actual = models.CharField(max_length=20, choices=Actual.choices, default=Actual.UNKNOWN)
    attendee_can_commit_resources = models.BooleanField(
        _("Whoever attended could commit resources"), default=False
    )
    recorded_at = models.DateTimeField(null=True, blank=True)
    name_as_recorded = models.CharField(
        max_length=150,
        blank=True,
        help_text=_(
            "The person's name as the minutes record it, kept when their account is erased."
        ),
    )

    class Meta:
        ordering = ["meeting", "agency__name", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_unique")
        ]

    def __str__(self):
        return f"{self.person} at {self.meeting}"

    @property
    def was_represented(self) -> bool:
        return self.actual in (self.Actual.PRESENT, self.Actual.DEPUTY_PRESENT)

    @property
    def was_present(self) -> bool:
        return self.actual == self.Actual.PRESENT

    @property
    def deputy_attended(self) -> bool:
        return self.actual == self.Actual.DEPUTY_PRESENT

    @property
    def sent_apologies(self) -> bool:
        """Apologies: replied so and did not come, or recorded as apologies at the meeting."""
        if self.actual == self.Actual.APOLOGIES:
            return True
        return self.reply == self.Reply.APOLOGIES and self.actual in (
            self.Actual.UNKNOWN,
            self.Actual.ABSENT,
        )

    @property
    def was_absent(self) -> bool:
        """Recorded absent without apologies."""
        return self.actual == self.Actual.ABSENT and self.reply != self.Reply.APOLOGIES

    @property
    def person_name(self) -> str:
        """The name the minutes give: as it stood when recorded, if the account was erased."""
        return self.name_as_recorded or self.person.full_name or str(self.person)

    @property
    def statement(self) -> str:
        """The interest and what was done about it, as sentences ('…the paper. Took no part.')."""
        parts = [text.strip().rstrip(".").strip() for text in (self.interest, self.action_taken)]
        return " ".join(f"{part}." for part in parts if part)

    @property
    def deputy_display(self) -> str:
        """The deputy by name, whether someone in the system or a named guest (a deputy whose
        account was erased keeps the name the minutes recorded, in ``deputy_name``)."""
        if self.deputy_name:
            return self.deputy_name
        if self.deputy_id:
            return self.deputy.full_name or str(self.deputy)
        return ""


class Declaration(models.Model):
    """A declaration of interest at a meeting, for the whole meeting or one item."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.CASCADE, related_name="declarations"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="declarations"
    )
    interest = models.TextField()
    action_taken = models.CharField(
        max_length=300, blank=True, help_text=_("For example: left the room for this item.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    name_as_recorded = models.CharField(
        max_length=150,
        blank=True,
        help_text=_(
            "The person's name as the minutes record it, kept when their account is erased."
        ),
    )

    class Meta:
        ordering = ["meeting", "created_at"]

    def __str__(self):
        return f"{self.person_name}: {self.interest[:50]}"

    @property
    def person_name(self) -> str:
        """The name the minutes give: as it stood when recorded, if the account was erased."""
        return self.name_as_recorded or self.person.full_name or str(self.person)

    @property
    def statement(self) -> str:
        """The interest and what was done about it, as sentences ('…the paper. Took no part.')."""
        parts = [text.strip().rstrip(".").strip() for text in (self.interest, self.action_taken)]
        return " ".join(f"{part}." for part in parts if part)
