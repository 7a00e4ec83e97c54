"""Links from priorities to the forum's meetings: delivery actions and where it was discussed.

The links live here, never in ``forums``: priorities depends on forums, not the other way.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from simple_history.models import HistoricalRecords


class DeliveryAction(models.Model):
    """An action on the forum's action list that delivers a priority (and maybe an objective)."""

    priority = models.ForeignKey(
        "priorities.Priority", on_delete=models.CASCADE, related_name="delivery_actions"
    )
    objective = models.ForeignKey(
        "priorities.Objective",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delivery_actions",
    )
    action = models.ForeignKey(
        "forums.Action", on_delete=models.CASCADE, related_name="priority_links"
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    linked_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action__due_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["priority", "action"], name="one_link_per_priority_action"
            )
        ]

    def __str__(self):
        return f"{self.action} → {self.priority}"

    def clean(self):
        super().clean()
        if (
            self.objective_id
            and self.priority_id
            and self.objective.priority_id != self.priority_id
        ):
            raise ValidationError({"objective": gettext("Choose an objective of this priority")})


class PriorityDiscussion(models.Model):
    """Where a priority was discussed or decided: an agenda item, a decision or a minute."""

    priority = models.ForeignKey(
        "priorities.Priority", on_delete=models.CASCADE, related_name="discussions"
    )
    agenda_item = models.ForeignKey(
        "forums.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="priority_links",
    )
    decision = models.ForeignKey(
        "forums.Decision",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="priority_links",
    )
    minute_entry = models.ForeignKey(
        "forums.MinuteEntry",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="priority_links",
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    linked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-linked_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        agenda_item__isnull=False, decision__isnull=True, minute_entry__isnull=True
                    )
                    | models.Q(
                        agenda_item__isnull=True, decision__isnull=False, minute_entry__isnull=True
                    )
                    | models.Q(
                        agenda_item__isnull=True, decision__isnull=True, minute_entry__isnull=False
                    )
                ),
                name="discussion_links_exactly_one_thing",
            )
        ]

    def __str__(self):
        return (
            f"{self.priority} discussed: {self.agenda_item or self.decision or self.minute_entry}"
        )
