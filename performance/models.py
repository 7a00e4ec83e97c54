"""The indicator catalogue and the Victims' Code rights."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from membership.models import Agency, AgencyType, PoliceForceArea
from performance import periods


class Indicator(models.Model):
    """A measure of performance: national core suite, or local to one forum."""

    class Unit(models.TextChoices):
        PERCENT = "percent", _("Percentage")
        COUNT = "count", _("Count")
        DAYS = "days", _("Days")
        RATIO = "ratio", _("Ratio")
        GBP = "gbp", _("Pounds (£)")

    class Polarity(models.TextChoices):
        HIGHER = "higher_is_better", _("Higher is better")
        LOWER = "lower_is_better", _("Lower is better")
        NEUTRAL = "neutral", _("Neither (context only)")

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        ANNUAL = "annual", _("Annual")

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    definition = models.TextField()
    unit = models.CharField(max_length=10, choices=Unit.choices)
    polarity = models.CharField(max_length=20, choices=Polarity.choices)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    responsible_agency_type = models.ForeignKey(
        AgencyType, on_delete=models.PROTECT, related_name="indicators"
    )
    source = models.CharField(max_length=300, blank=True)
    is_core = models.BooleanField(
        _("Part of the national core suite"),
        default=True,
        help_text=_("Core indicators come with the product; local ones are added by a forum."),
    )
    forum = models.ForeignKey(
        "forums.Forum",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="local_indicators",
        help_text=_("Set for a local indicator: only this forum uses it."),
    )
    victims_code_right = models.ForeignKey(
        "performance.VictimsCodeRight",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
    )
    is_local_measure = models.BooleanField(
        _("Local measure"),
        default=False,
        help_text=_(
            "The boards collect it themselves because no national measure is published; "
            "figures from different areas may not be counted the same way."
        ),
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class VictimsCodeRight(models.Model):
    """One of the twelve rights of the Code of Practice for Victims of Crime (2020)."""

    number = models.PositiveSmallIntegerField(unique=True)
    short_title = models.CharField(max_length=150)
    summary = models.TextField()

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return _("Right %(number)s: %(title)s") % {"number": self.number, "title": self.short_title}


class ReportingPeriod(models.Model):
    """A month, a calendar quarter or a financial year that figures are reported for."""

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        ANNUAL = "annual", _("Annual")

    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    code = models.CharField(
        max_length=12,
        unique=True,
        help_text=_("Stable code used in files and URLs: 2026-03, 2026-Q1 or FY2025-26."),
    )
    start = models.DateField()
    end = models.DateField()
    due_date = models.DateField(help_text=_("When agencies' returns for this period are due."))

    class Meta:
        ordering = ["-start", "frequency"]
        constraints = [
            models.UniqueConstraint(fields=["frequency", "start"], name="period_unique_start")
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return periods.label(self.frequency, self.start, self.end)

    @property
    def short_label(self) -> str:
        return periods.short_label(self.frequency, self.start, self.end)


class PeriodPublication(models.Model):
    """A forum's decision that its accepted figures for a period are public."""

    forum = models.ForeignKey(
        "forums.Forum", on_delete=models.CASCADE, related_name="period_publications"
    )
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="publications"
    )
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period__start"]
        constraints = [
            models.UniqueConstraint(fields=["forum", "period"], name="publication_unique")
        ]

    def __str__(self):
        return _("%(forum)s: %(period)s published") % {"forum": self.forum, "period": self.period}


class Target(models.Model):
    """What a forum (or every forum of an area) aims for on an indicator over a period."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    forum = models.ForeignKey(
        "forums.Forum", null=True, blank=True, on_delete=models.CASCADE, related_name="targets"
    )
    area = models.ForeignKey(
        PoliceForceArea,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="performance_targets",
        help_text=_("An area-wide target applies to every forum of the area without its own."),
    )
    period = models.ForeignKey(
        ReportingPeriod,
        on_delete=models.PROTECT,
        related_name="targets",
        help_text=_("The target applies to every reporting period that falls inside this one."),
    )
    value = models.DecimalField(max_digits=14, decimal_places=4)
    amber_tolerance = models.DecimalField(
        max_digits=14,
        decimal_places=4,
        default=0,
        help_text=_(
            "How far on the wrong side of the target a figure may be and still be amber, "
            "in the indicator's unit."
        ),
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__name", "-period__start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(forum__isnull=False) | models.Q(area__isnull=False),
                name="target_forum_or_area",
            ),
            models.UniqueConstraint(
                fields=["indicator", "forum", "period"],
                condition=models.Q(forum__isnull=False),
                name="target_unique_forum",
            ),
            models.UniqueConstraint(
                fields=["indicator", "area", "period"],
                condition=models.Q(forum__isnull=True),
                name="target_unique_area",
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.period})"


class PerformanceReturn(models.Model):
    """One agency's figures for one forum and period, with its review workflow."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for correction")
        RESUBMITTED = "resubmitted", _("Resubmitted")
        ACCEPTED = "accepted", _("Accepted")

    EDITABLE = (Status.DRAFT, Status.RETURNED)
    AWAITING_REVIEW = (Status.SUBMITTED, Status.RESUBMITTED)

    forum = models.ForeignKey(
        "forums.Forum", on_delete=models.CASCADE, related_name="performance_returns"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="performance_returns")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="returns")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    is_revised = models.BooleanField(
        _("Revised after acceptance"),
        default=False,
        help_text=_("Figures were changed after the return had been accepted."),
    )
    review_comments = models.TextField(blank=True)
    revision_reason = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period__start", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "agency", "period"], name="return_unique_per_period"
            )
        ]
        indexes = [models.Index(fields=["forum", "status"])]

    def __str__(self):
        return f"{self.agency} — {self.period} ({self.get_status_display()})"

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def is_late(self) -> bool:
        return self.status in self.EDITABLE and self.period.due_date < timezone.localdate()

    @property
    def awaits_review(self) -> bool:
        return self.status in self.AWAITING_REVIEW

    @property
    def is_returned(self) -> bool:
        """Sent back to the agency for correction."""
        return self.status == self.Status.RETURNED

    @property
    def is_accepted(self) -> bool:
        return self.status == self.Status.ACCEPTED


class Measurement(models.Model):
    """One figure in a return: a value, or a numerator and denominator with the rate computed."""

    performance_return = models.ForeignKey(
        PerformanceReturn, on_delete=models.CASCADE, related_name="measurements"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="measurements")
    breakdown_dimension = models.CharField(
        max_length=80,
        blank=True,
        help_text=_(
            "What the figure is broken down by, e.g. 'Offence type' or 'Ethnicity'. "
            "Blank for the total."
        ),
    )
    breakdown = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("e.g. 'Adult rape' or 'Black'. Blank for the total."),
    )
    value = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    numerator = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    is_provisional = models.BooleanField(default=False)
    note = models.CharField(max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__name", "breakdown_dimension", "breakdown"]
        constraints = [
            models.UniqueConstraint(
                fields=["performance_return", "indicator", "breakdown_dimension", "breakdown"],
                name="measurement_unique_in_return",
            )
        ]
        indexes = [models.Index(fields=["indicator", "performance_return"])]

    def __str__(self):
        return f"{self.indicator}: {self.value}"

    @property
    def is_total(self) -> bool:
        return not self.breakdown


class DataOwnerConfirmation(models.Model):
    """An agency's lead confirms its figures for a period before they go public (or not, why)."""

    forum = models.ForeignKey("forums.Forum", on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="confirmations"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    confirmed = models.BooleanField(default=True)
    reason_not_confirmed = models.TextField(
        blank=True, help_text=_("Recorded by the secretariat when the agency has not confirmed.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "period", "agency"], name="confirmation_unique"
            )
        ]

    def __str__(self):
        return f"{self.agency} — {self.period}"


class MeetingFigures(models.Model):
    """The forum's figures frozen for a meeting's performance paper, so a decision can always be
    traced to the figures the board saw, whatever is revised later."""

    meeting = models.OneToOneField(
        "forums.Meeting", on_delete=models.CASCADE, related_name="performance_figures"
    )
    taken_at = models.DateTimeField(default=timezone.now)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    figures = models.JSONField(default=list)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = _("meeting figures")

    def __str__(self):
        return _("Figures for %(meeting)s") % {"meeting": self.meeting}
