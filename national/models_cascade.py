"""The cascade: the national team sends a national item (a bulletin section, a national
priority, an engagement outcome) to local boards' forward plans, for information or for
discussion; each board's secretariat accepts, schedules or declines it, and the national team
sees where it went.

The source is generic: a kind, a label and a link, which is all the boards and the national
team's "where it went" page read, plus an optional foreign key for each source that exists as
a model: a bulletin section, a national priority, or an engagement whose outcome is sent (only
once the engagement is released to boards or the public: until then it is confidential to its
audience, and a board's members would read it on their forward plan).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class CascadeItem(models.Model):
    """A national item sent to chosen local boards' forward plans."""

    class Source(models.TextChoices):
        BULLETIN_SECTION = "bulletin_section", _("Bulletin section")
        NATIONAL_PRIORITY = "national_priority", _("National priority")
        ENGAGEMENT_OUTCOME = "engagement_outcome", _("Engagement outcome")

    class Purpose(models.TextChoices):
        # The same values as forums' AgendaItem.Purpose, so the forward plan item takes it.
        INFORMATION = "information", _("For information")
        DISCUSSION = "discussion", _("For discussion")

    source_kind = models.CharField(_("What it is"), max_length=30, choices=Source.choices)
    source_label = models.CharField(_("Title"), max_length=300)
    source_url = models.CharField(_("Link"), max_length=500, blank=True)
    bulletin_section = models.ForeignKey(
        "national.BulletinSection",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cascades",
    )
    priority = models.ForeignKey(
        "priorities.Priority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cascades",
    )
    engagement = models.ForeignKey(
        "national.Engagement",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cascades",
    )
    is_public = models.BooleanField(
        default=False,
        help_text=_(
            "The source is public (a public bulletin, a published priority): the boards' "
            "forward plan items may be public too. Otherwise they are confidential."
        ),
    )
    purpose = models.CharField(_("For"), max_length=20, choices=Purpose.choices)
    summary = models.TextField(_("Summary for the boards"))
    consider_by = models.DateField(_("Consider by"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return self.source_label


class CascadeRecipient(models.Model):
    """One board an item was sent to, and what its secretariat decided."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for a decision")
        ACCEPTED = "accepted", _("Accepted onto the forward plan")
        SCHEDULED = "scheduled", _("Scheduled for a meeting")
        DECLINED = "declined", _("Declined")

    # What the board's members (not only whoever runs it) may read.
    TAKEN_UP = (Status.ACCEPTED, Status.SCHEDULED)

    item = models.ForeignKey(CascadeItem, on_delete=models.CASCADE, related_name="recipients")
    forum = models.ForeignKey(
        "forums.Forum", on_delete=models.CASCADE, related_name="national_cascades"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    reason = models.TextField(_("Why the board declined it"), blank=True)
    meeting = models.ForeignKey(
        "forums.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    forward_plan_item = models.ForeignKey(
        "forums.ForwardPlanItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="national_cascades",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["forum__name"]
        constraints = [
            models.UniqueConstraint(fields=["item", "forum"], name="cascade_once_per_board")
        ]

    def __str__(self):
        return gettext("%(item)s to %(forum)s") % {"item": self.item, "forum": self.forum}

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.WAITING

    @property
    def status_tag(self) -> str:
        return {
            self.Status.WAITING: "govuk-tag--orange",
            self.Status.ACCEPTED: "govuk-tag--blue",
            self.Status.SCHEDULED: "govuk-tag--green",
            self.Status.DECLINED: "govuk-tag--grey",
        }[self.status]
