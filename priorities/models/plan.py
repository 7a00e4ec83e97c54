"""Priorities, their objectives and agency sign-off; tensions between plans; the risk register."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

PLAN_YEAR_STARTS_IN_MONTH = 4  # plan years run April to March, like the Police and Crime Plan


def current_plan_year(on: datetime.date | None = None) -> int:
    """The plan year in force on a date, named by the calendar year it starts in."""
    on = on or timezone.localdate()
    return on.year if on.month >= PLAN_YEAR_STARTS_IN_MONTH else on.year - 1


def plan_year_label(year: int) -> str:
    return f"{year} to {year + 1}"


class PriorityQuerySet(models.QuerySet):
    def agreed(self):
        return self.filter(status=Priority.Status.AGREED)

    def published(self):
        """What the public may see: agreed priorities of public forums. Never drafts."""
        return self.filter(status=Priority.Status.AGREED, forum__is_public=True)


class Priority(models.Model):
    """A shared priority a forum agrees for a plan year, with the evidence behind it."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SIGN_OFF = "sign_off", "Out for sign-off"
        AGREED = "agreed", "Agreed"
        RETIRED = "retired", "Retired"

    forum = models.ForeignKey("forums.Forum", on_delete=models.CASCADE, related_name="priorities")
    plan_year = models.PositiveSmallIntegerField(
        help_text="The plan year, named by the year it starts in (April to March)."
    )
    title = models.CharField(max_length=200)
    theme = models.ForeignKey(
        "priorities.Theme", on_delete=models.PROTECT, related_name="priorities"
    )
    description = models.TextField()
    evidence_notes = models.TextField(
        "Evidence",
        blank=True,
        help_text="Strategic assessment notes, performance data, victims' views and "
        "consultation findings behind this priority.",
    )
    indicators = models.ManyToManyField(
        "performance.Indicator", blank=True, related_name="priorities"
    )
    cited_responses = models.ManyToManyField(
        "priorities.Response",
        blank=True,
        related_name="cited_by",
        help_text="Consultation responses cited as evidence (never shown to the public).",
    )
    national_priority = models.TextField("National Criminal Justice Board priority", blank=True)
    national_priority_reference = models.CharField(max_length=200, blank=True)
    police_crime_plan_objective = models.TextField("Police and Crime Plan objective", blank=True)
    police_crime_plan_reference = models.CharField(max_length=200, blank=True)
    lead_agency = models.ForeignKey(
        "membership.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_priorities",
    )
    equality_considerations = models.TextField("Equality and diversity considerations", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    sign_off_round = models.PositiveSmallIntegerField(
        default=0, help_text="How many times the priority has gone out for sign-off."
    )
    sent_for_sign_off_at = models.DateTimeField(null=True, blank=True)
    agreed_at = models.DateTimeField(null=True, blank=True)
    retired_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # history: registered in priorities/translation.py, after its Welsh columns

    objects = PriorityQuerySet.as_manager()

    class Meta:
        ordering = ["-plan_year", "title"]
        verbose_name_plural = "priorities"
        indexes = [models.Index(fields=["forum", "plan_year", "status"])]

    def __str__(self):
        return self.title

    @property
    def plan_year_label(self) -> str:
        return plan_year_label(self.plan_year)

    @property
    def status_tag(self) -> str:
        """The GOV.UK tag colour for the status."""
        return {
            self.Status.DRAFT: "govuk-tag--grey",
            self.Status.SIGN_OFF: "govuk-tag--yellow",
            self.Status.AGREED: "govuk-tag--green",
            self.Status.RETIRED: "govuk-tag--grey",
        }[self.status]

    @property
    def is_editable(self) -> bool:
        """Draft or agreed: not while agencies sign off what they see, nor once retired."""
        return self.status in (self.Status.DRAFT, self.Status.AGREED)

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_out_for_sign_off(self) -> bool:
        return self.status == self.Status.SIGN_OFF

    @property
    def is_agreed(self) -> bool:
        return self.status == self.Status.AGREED


class Objective(models.Model):
    """A measurable objective under a priority: a measure, a baseline and a target."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="objectives")
    title = models.CharField(max_length=200)
    indicator = models.ForeignKey(
        "performance.Indicator",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="objectives",
        help_text="An indicator from the performance catalogue.",
    )
    local_measure = models.TextField(
        blank=True, help_text="Or describe a local measure if no indicator fits."
    )
    unit = models.CharField(max_length=40, blank=True, help_text="For example %, days, cases.")
    baseline = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_date = models.DateField(null=True, blank=True)
    target = models.DecimalField(max_digits=14, decimal_places=2)
    target_date = models.DateField()
    order = models.PositiveSmallIntegerField(default=0)
    # history: registered in priorities/translation.py, after its Welsh columns

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    @property
    def measure(self) -> str:
        return self.indicator.name if self.indicator_id else self.local_measure

    def _format(self, value) -> str:
        """A figure as people read it: the indicator's unit if linked, else the local unit."""
        if value is None:
            return ""
        if self.indicator_id and not self.unit:
            from performance.calculations import format_value

            return format_value(self.indicator.unit, value)
        number = f"{value:,.2f}".rstrip("0").rstrip(".")
        unit = self.unit.strip()
        if unit in ("%", "£"):
            return f"£{number}" if unit == "£" else f"{number}%"
        return f"{number} {unit}".strip()

    @property
    def baseline_text(self) -> str:
        return self._format(self.baseline)

    @property
    def target_text(self) -> str:
        return self._format(self.target)

    def clean(self):
        super().clean()
        errors = {}
        if not self.indicator_id and not self.local_measure.strip():
            errors["indicator"] = "Choose an indicator or describe a local measure"
        if self.baseline_date and self.target_date and self.target_date <= self.baseline_date:
            errors["target_date"] = "The target date must be after the baseline date"
        if self.baseline is not None and not self.baseline_date:
            errors["baseline_date"] = "Enter the date of the baseline"
        if errors:
            raise ValidationError(errors)


class SignOff(models.Model):
    """One agency's answer when a priority goes out for sign-off."""

    class Decision(models.TextChoices):
        AGREE = "agree", "Agree"
        RESERVATIONS = "reservations", "Agree with reservations"
        DISAGREE = "disagree", "Do not agree"

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="sign_offs")
    round = models.PositiveSmallIntegerField()
    agency = models.ForeignKey("membership.Agency", on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=15, choices=Decision.choices)
    comment = models.TextField(blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["priority", "round", "agency"], name="one_sign_off_per_agency_per_round"
            )
        ]

    def __str__(self):
        return f"{self.agency}: {self.get_decision_display()} ({self.priority})"

    @property
    def tag(self) -> str:
        return {
            self.Decision.AGREE: "govuk-tag--green",
            self.Decision.RESERVATIONS: "govuk-tag--yellow",
            self.Decision.DISAGREE: "govuk-tag--red",
        }[self.decision]


class Tension(models.Model):
    """A conflict between an agency's own plan or measure and the shared priorities."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        RESOLVED = "resolved", "Resolved"
        ESCALATED = "escalated", "Escalated"

    forum = models.ForeignKey("forums.Forum", on_delete=models.CASCADE, related_name="tensions")
    priority = models.ForeignKey(
        Priority, null=True, blank=True, on_delete=models.SET_NULL, related_name="tensions"
    )
    title = models.CharField(max_length=200)
    agency_plan = models.TextField(
        "The agency's own plan or measure",
        help_text="For example: HMCTS target to reduce hearings per case.",
    )
    conflict = models.TextField("How it conflicts with the shared priority")
    agencies = models.ManyToManyField("membership.Agency", related_name="+")
    impact = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    resolution = models.TextField("How it was resolved or escalated", blank=True)
    raised_at = models.DateField(default=timezone.localdate)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[agencies])

    class Meta:
        ordering = ["status", "-raised_at", "title"]

    def __str__(self):
        return self.title

    @property
    def status_tag(self) -> str:
        """The GOV.UK tag colour for the status."""
        return {
            self.Status.OPEN: "govuk-tag--yellow",
            self.Status.ESCALATED: "govuk-tag--orange",
            self.Status.RESOLVED: "govuk-tag--green",
        }[self.status]


SCORE_RANGE = [MinValueValidator(1), MaxValueValidator(5)]


class Risk(models.Model):
    """A shared risk on the forum's register, optionally against one priority."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        TOLERATED = "tolerated", "Tolerated"
        CLOSED = "closed", "Closed"

    forum = models.ForeignKey("forums.Forum", on_delete=models.CASCADE, related_name="risks")
    priority = models.ForeignKey(
        Priority, null=True, blank=True, on_delete=models.SET_NULL, related_name="risks"
    )
    title = models.CharField(max_length=200)
    cause = models.TextField()
    consequence = models.TextField()
    likelihood = models.PositiveSmallIntegerField(validators=SCORE_RANGE)
    impact = models.PositiveSmallIntegerField(validators=SCORE_RANGE)
    score = models.PositiveSmallIntegerField(editable=False, default=1)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    owner_agency = models.ForeignKey(
        "membership.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    mitigations = models.TextField(blank=True)
    review_date = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-score", "review_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(likelihood__gte=1, likelihood__lte=5),
                name="risk_likelihood_1_to_5",
            ),
            models.CheckConstraint(
                condition=models.Q(impact__gte=1, impact__lte=5), name="risk_impact_1_to_5"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_review_overdue(self) -> bool:
        return self.status != self.Status.CLOSED and self.review_date < timezone.localdate()

    @property
    def level(self) -> str:
        """Low (1–4), medium (5–9), high (10–15) or very high (16–25)."""
        if self.score >= 16:
            return "Very high"
        if self.score >= 10:
            return "High"
        if self.score >= 5:
            return "Medium"
        return "Low"

    @property
    def level_tag(self) -> str:
        return {
            "Very high": "govuk-tag--red",
            "High": "govuk-tag--orange",
            "Medium": "govuk-tag--yellow",
            "Low": "govuk-tag--green",
        }[self.level]
