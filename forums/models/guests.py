"""Guests: people from outside the forum invited to one meeting or to one agenda item."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.models.agenda import AgendaItem
from forums.models.meetings import Meeting


class GuestQuerySet(models.QuerySet):
    def usable(self):
        """Guests whose link still works: not withdrawn and not expired."""
        return self.filter(withdrawn_at__isnull=True, expires_at__gt=timezone.now())


class Guest(models.Model):
    """Someone invited to one meeting or one agenda item; they open it through an emailed link
    and see only what they are invited to (``forums.confidentiality.guest_items``)."""

    # The link keeps working this long after the meeting starts (to read the papers again).
    VALID_AFTER_MEETING = timedelta(days=30)

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="guests")
    agenda_item = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="guests",
        help_text=_("Empty for a guest of the whole meeting (who sees its public items)."),
    )
    # The account the emails go to (made without a password if the address is new): it gives
    # no standing in any forum, so the guest's link is the only way in.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="guest_invitations"
    )
    name = models.CharField(max_length=150)
    email = models.EmailField()
    organisation = models.CharField(max_length=200)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    invited_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = GuestQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "name"]

    def __str__(self):
        return f"{self.name} ({self.organisation})"

    @property
    def is_usable(self) -> bool:
        return self.withdrawn_at is None and self.expires_at > timezone.now()

    @property
    def invited_to(self) -> str:
        """'The whole meeting' or the item's title, for the secretariat's list."""
        return self.agenda_item.title if self.agenda_item_id else gettext("The whole meeting")

    def clean(self):
        super().clean()
        if self.agenda_item_id and self.agenda_item.meeting_id != self.meeting_id:
            raise ValidationError(
                {"agenda_item": gettext("Choose an item on this meeting's agenda")}
            )
