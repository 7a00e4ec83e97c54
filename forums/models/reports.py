"""Reports built in the background (board packs, minutes, annual and performance reports).

A report is kept so it can be downloaded again; it is rebuilt when its source changes: the
builder computes a fingerprint of what the report is made from, and a request whose
fingerprint differs from the stored one queues a rebuild.

Member versions are built for one person (``viewer``) and show only what that person may see;
public versions (``viewer`` empty) show only published, public material.
"""

import os

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forums.models.forum import Forum


def report_upload_to(instance, filename: str) -> str:
    """Private storage path (never under a public URL; served by a view that checks)."""
    return f"reports/{timezone.now():%Y/%m}/{os.urandom(8).hex()}-{filename}"


class GeneratedReport(models.Model):
    """One generated file: a kind of report, about one subject, for one audience."""

    class Audience(models.TextChoices):
        MEMBER = "member", "Member version"
        PUBLIC = "public", "Public version"

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        HTML = "html", "HTML"

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Being built"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="generated_reports")
    kind = models.CharField(max_length=40, help_text="A kind registered in forums.reports.")
    subject = models.CharField(
        max_length=60, help_text="What the report is about: a meeting id, plan year or period id."
    )
    audience = models.CharField(max_length=10, choices=Audience.choices)
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Whom a member version was built for (it shows only what they may see).",
    )
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.PDF)
    language = models.CharField(
        max_length=5,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_(
            "The language it is written in: Welsh, with the Welsh text a bilingual forum has, "
            "or English."
        ),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    file = models.FileField(upload_to=report_upload_to, max_length=500, blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    pages = models.PositiveIntegerField(null=True, blank=True)
    fingerprint = models.CharField(
        max_length=64, blank=True, help_text="Of the source the current file was built from."
    )
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    requeues = models.PositiveSmallIntegerField(
        default=0, help_text="How often the stuck-report sweep has queued it again since asked."
    )

    class Meta:
        ordering = ["-requested_at"]
        indexes = [models.Index(fields=["forum", "kind", "subject", "audience", "format"])]

    def __str__(self):
        return f"{self.kind} {self.subject} ({self.get_audience_display()}, {self.format})"

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY and bool(self.file)

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def is_stuck(self) -> bool:
        """Queued or running for longer than REPORT_STUCK_AFTER_MINUTES: it may be asked again."""
        from forums.reports.requests import report_is_stuck

        return report_is_stuck(self)

    @property
    def has_failed(self) -> bool:
        return self.status == self.Status.FAILED

    @property
    def status_tag(self) -> str:
        """The GOV.UK tag colour for the status."""
        return {
            self.Status.QUEUED: "govuk-tag--grey",
            self.Status.RUNNING: "govuk-tag--blue",
            self.Status.READY: "govuk-tag--green",
            self.Status.FAILED: "govuk-tag--red",
        }[self.status]
