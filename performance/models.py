"""The indicator catalogue and the Victims' Code rights."""

from django.db import models

from membership.models import AgencyType


class Indicator(models.Model):
    """A measure of performance: national core suite, or local to one forum."""

    class Unit(models.TextChoices):
        PERCENT = "percent", "Percentage"
        COUNT = "count", "Count"
        DAYS = "days", "Days"
        RATIO = "ratio", "Ratio"
        GBP = "gbp", "Pounds (£)"

    class Polarity(models.TextChoices):
        HIGHER = "higher_is_better", "Higher is better"
        LOWER = "lower_is_better", "Lower is better"
        NEUTRAL = "neutral", "Neither (context only)"

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        QUARTERLY = "quarterly", "Quarterly"
        ANNUAL = "annual", "Annual"

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
        "Part of the national core suite",
        default=True,
        help_text="Core indicators come with the product; local ones are added by a forum.",
    )
    forum = models.ForeignKey(
        "forums.Forum",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="local_indicators",
        help_text="Set for a local indicator: only this forum uses it.",
    )
    victims_code_right = models.ForeignKey(
        "performance.VictimsCodeRight",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
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
        return f"Right {self.number}: {self.short_title}"
