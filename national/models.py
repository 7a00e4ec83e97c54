"""What boards report to the national level, and the questions the national team asks them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from priorities.models import plan_year_label


class NationalSubmission(models.Model):
    """A board's year-end report to the national level, with the figures frozen as submitted.

    Submitting again replaces the snapshot; the history keeps every earlier one."""

    class Kind(models.TextChoices):
        ANNUAL_EVALUATION = "annual_evaluation", _("Annual evaluation")
        VICTIMS_CODE = "victims_code", _("Victims' Code compliance report")

    forum = models.ForeignKey(
        "forums.Forum", on_delete=models.CASCADE, related_name="national_submissions"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    plan_year = models.PositiveSmallIntegerField()
    evaluation = models.ForeignKey(
        "priorities.AnnualEvaluation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="national_submissions",
    )
    note = models.TextField(_("Covering note"), blank=True)
    snapshot = models.JSONField(default=dict)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-plan_year", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "kind", "plan_year"], name="one_national_submission_per_year"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.plan_year_label}, {self.forum}"

    @property
    def plan_year_label(self) -> str:
        return plan_year_label(self.plan_year)


class NationalQuestion(models.Model):
    """A question the national team asks one board; it lands in the board's workspace."""

    forum = models.ForeignKey(
        "forums.Forum", on_delete=models.CASCADE, related_name="national_questions"
    )
    submission = models.ForeignKey(
        NationalSubmission,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    question = models.TextField(_("Question"))
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField(default=timezone.now)
    answer = models.TextField(_("Answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-asked_at"]

    def __str__(self):
        return self.question[:80]

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None
