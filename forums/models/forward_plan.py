"""The forward plan: items planned for future meetings, each becoming an agenda item."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from forums.models.agenda import AgendaItem
from forums.models.forum import Forum
from forums.models.visibility import Confidentiality, VisibilityQuerySet
from membership.models import Agency


class ForwardPlanItemQuerySet(VisibilityQuerySet):
    def planned(self):
        return self.filter(agenda_item__isnull=True)


class ForwardPlanItem(models.Model):
    """An item planned for a future meeting (the work programme); becomes an agenda item."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="forward_plan")
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    purpose = models.CharField(
        max_length=20, choices=AgendaItem.Purpose.choices, default=AgendaItem.Purpose.DISCUSSION
    )
    planned_for = models.DateField(help_text=_("The month of the meeting it is planned for."))
    presenter_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confidentiality = models.CharField(
        max_length=20,
        choices=[c for c in Confidentiality.choices if c[0] != Confidentiality.RESTRICTED],
        default=Confidentiality.PUBLIC,
    )
    agenda_item = models.OneToOneField(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forward_plan_item",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ForwardPlanItemQuerySet.as_manager()

    class Meta:
        ordering = ["planned_for", "pk"]

    def __str__(self):
        return self.title
