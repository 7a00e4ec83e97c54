"""National policy engagement with local policing bodies and national groups (issue 16).

Everything in an engagement is confidential to its audience and its policy leads until a lead
releases it (the whole engagement, or one paper) to the members of the audience bodies' local
boards or to the public, from a date. Who may see what is worked out in one place:
``national.selectors_engagements``.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from forums.uploads import paper_upload_to

__all__ = [
    "Engagement",
    "EngagementPaper",
    "EngagementPaperDownload",
    "EngagementQuestion",
    "EngagementResponse",
    "Release",
    "ResponseAgreement",
    "ResponseAnswer",
]


class Release(models.TextChoices):
    """How far a lead has released an engagement or a paper (nothing, until they do)."""

    NONE = "", _("Not released: the audience and policy leads only")
    BOARDS = "boards", _("To the members of the audience bodies' local boards")
    PUBLIC = "public", _("To the public")


RELEASE_RANK = {Release.NONE: 0, Release.BOARDS: 1, Release.PUBLIC: 2}


def release_on(release: str, released_from, day: datetime.date) -> str:
    """The release in force on ``day`` (nothing before its date)."""
    if not release or released_from is None or released_from > day:
        return Release.NONE
    return release


class Engagement(models.Model):
    """A national department's confidential engagement on a policy: papers, questions, a
    deadline, an audience of national groups and/or every local policing body."""

    class Stage(models.TextChoices):
        EARLY_DEVELOPMENT = "early_development", _("Early development")
        TESTING = "testing", _("Testing")
        IMPLEMENTATION_UPDATE = "implementation_update", _("Implementation update")
        INFORMATION = "information", _("Information")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for responses")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("Title"), max_length=200)
    department = models.CharField(_("Department"), max_length=150)
    stage = models.CharField(_("Stage"), max_length=30, choices=Stage.choices)
    background = models.TextField(_("Background"), blank=True)
    deadline = models.DateField(_("Respond by"))
    audience_groups = models.ManyToManyField(
        "forums.Forum",
        blank=True,
        related_name="engagements",
        limit_choices_to={"kind": "national_group"},
        verbose_name=_("National groups"),
    )
    all_policing_bodies = models.BooleanField(_("Every local policing body"), default=False)
    leads = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="engagements_led", verbose_name=_("Policy leads")
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    release = models.CharField(
        _("Release"), max_length=10, choices=Release.choices, default=Release.NONE, blank=True
    )
    released_from = models.DateField(_("Released from"), null=True, blank=True)
    outcome = models.TextField(_("Outcome: you said, we did"), blank=True)
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[audience_groups, leads])

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def release_in_force(self, day: datetime.date | None = None) -> str:
        return release_on(self.release, self.released_from, day or timezone.localdate())


class EngagementQuestion(models.Model):
    """One question the audience is asked, in order."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("Question"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["engagement", "position", "pk"]

    def __str__(self):
        return self.text[:80]


class EngagementPaper(models.Model):
    """A background paper, uploaded with a declaration that it is in scope (not touching
    judicial or prosecutorial independence or national security)."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(_("Title"), max_length=300)
    file = models.FileField(upload_to=paper_upload_to, max_length=500)
    file_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    declared_in_scope = models.BooleanField(default=False)
    release = models.CharField(
        _("Release"), max_length=10, choices=Release.choices, default=Release.NONE, blank=True
    )
    released_from = models.DateField(_("Released from"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["engagement", "pk"]

    def __str__(self):
        return self.title

    def release_in_force(self, day: datetime.date | None = None) -> str:
        """The wider of the paper's own release and its engagement's, on ``day``."""
        day = day or timezone.localdate()
        own = release_on(self.release, self.released_from, day)
        whole = self.engagement.release_in_force(day)
        return own if RELEASE_RANK[own] >= RELEASE_RANK[whole] else whole


class EngagementPaperDownload(models.Model):
    """Every download of an engagement paper: who and when (the lead reads the log)."""

    paper = models.ForeignKey(EngagementPaper, on_delete=models.CASCADE, related_name="downloads")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    downloaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-downloaded_at", "-pk"]

    def __str__(self):
        return f"{self.person} downloaded {self.paper}"


class EngagementResponse(models.Model):
    """One respondent's answer: a local policing body (its local board) or a national group."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(
        "forums.Forum", on_delete=models.PROTECT, related_name="engagement_responses"
    )
    local_perspective = models.TextField(_("Local perspective (optional)"), blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["respondent__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "respondent"], name="one_engagement_response_per_respondent"
            )
        ]

    def __str__(self):
        return gettext("%(respondent)s on %(engagement)s") % {
            "respondent": self.respondent,
            "engagement": self.engagement,
        }

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class ResponseAnswer(models.Model):
    """A respondent's steer on one question."""

    response = models.ForeignKey(
        EngagementResponse, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        EngagementQuestion, on_delete=models.CASCADE, related_name="answers"
    )
    steer = models.TextField(_("Steer"), blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="one_engagement_answer_per_question"
            )
        ]

    def __str__(self):
        return self.steer[:80]


class ResponseAgreement(models.Model):
    """A national group member's agreement to the group's collective response."""

    response = models.ForeignKey(
        EngagementResponse, on_delete=models.CASCADE, related_name="agreements"
    )
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    agreed_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "person"], name="one_engagement_agreement_per_person"
            )
        ]

    def __str__(self):
        return f"{self.person} agreed {self.response}"
