"""Meetings and their series; public pages read only ``Meeting.objects.published()``."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from forums.models.forum import Forum

# Migration 0002 names the papers' upload path as ``forums.models.meetings.paper_upload_to``.
from forums.uploads import paper_upload_to  # noqa: F401


class MeetingSeries(models.Model):
    """Meetings scheduled together at a regular interval."""

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        BI_MONTHLY = "bi_monthly", "Every two months"
        QUARTERLY = "quarterly", "Quarterly"

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="meeting_series")
    title = models.CharField(max_length=200)
    frequency = models.CharField(max_length=20, choices=Frequency.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "meeting series"

    def __str__(self):
        return f"{self.title} ({self.get_frequency_display()})"


class MeetingQuerySet(models.QuerySet):
    def published(self):
        """Meetings the public may see: shown publicly, on a public forum."""
        from forums import confidentiality

        return confidentiality.public(self)

    def upcoming(self, now=None):
        return self.filter(starts_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.filter(starts_at__lt=now or timezone.now()).order_by("-starts_at")


class Meeting(models.Model):
    """One meeting of a forum: scheduled → agenda published → held → minutes approved."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        AGENDA_PUBLISHED = "agenda_published", "Agenda published"
        HELD = "held", "Held"
        MINUTES_APPROVED = "minutes_approved", "Minutes approved"
        CANCELLED = "cancelled", "Cancelled"

    # States in which the agenda is out: public items may appear on the public page.
    AGENDA_OUT = (Status.AGENDA_PUBLISHED, Status.HELD, Status.MINUTES_APPROVED)
    # Not yet held or cancelled: the details, the agenda and the replies may still change.
    OPEN = (Status.SCHEDULED, Status.AGENDA_PUBLISHED)
    # The meeting has taken place: its minutes may be circulated and approved.
    HELD_STATES = (Status.HELD, Status.MINUTES_APPROVED)

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="meetings")
    series = models.ForeignKey(
        MeetingSeries, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings"
    )
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(null=True, blank=True)
    location = models.CharField(max_length=300, blank=True)
    online_link = models.URLField("Online meeting link", blank=True)
    papers_deadline = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    is_public = models.BooleanField(
        "Show on the public site",
        default=True,
        help_text="The date, public agenda, public papers and published minutes appear publicly.",
    )
    agenda_published_at = models.DateTimeField(null=True, blank=True)
    held_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_reason = models.TextField(blank=True)
    sequence = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Raised whenever what a calendar shows of the meeting changes, so calendars "
        "update the event they already have.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # history: registered in forums/translation.py, after its Welsh columns

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["forum", "starts_at"])]

    def __str__(self):
        return f"{self.title}, {timezone.localtime(self.starts_at):%-d %B %Y}"

    @property
    def agenda_is_out(self) -> bool:
        return self.status in self.AGENDA_OUT

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_open(self) -> bool:
        """Not yet held or cancelled: details, agenda and replies may still change."""
        return self.status in self.OPEN

    @property
    def agenda_can_be_published(self) -> bool:
        return self.status == self.Status.SCHEDULED

    @property
    def is_held(self) -> bool:
        return self.status in self.HELD_STATES

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The end time must be after the start time"})
        if self.status == self.Status.CANCELLED and not self.cancelled_reason.strip():
            raise ValidationError({"cancelled_reason": "Enter why the meeting is cancelled"})
