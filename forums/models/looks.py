"""When a person last looked at their workspace home or a meeting: "new since you last looked"."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from forums.models.meetings import Meeting

HOME = "home"


class LastLooked(models.Model):
    """When a person last looked: at their home (no meeting) or at one meeting's page.

    Papers published after it are "new" on their home. ``place`` is "home" or "meeting:<id>",
    one row per person and place, so a visit is recorded in one query (an upsert) however
    often they come. Not kept in history: it is a reading mark, rewritten on every visit, not
    a record of the board's business.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="last_looks"
    )
    place = models.CharField(max_length=40)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    looked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "place"], name="last_looked_unique"),
        ]

    def __str__(self):
        return f"{self.person} looked at {self.meeting or 'their home'}"

    @staticmethod
    def place_of(meeting: Meeting | None) -> str:
        return f"meeting:{meeting.pk}" if meeting is not None else HOME
