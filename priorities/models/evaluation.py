"""The annual evaluation: which priorities were met, with figures, approved by the chair."""

from django.conf import settings
from django.db import models

from priorities.models.plan import plan_year_label


class AnnualEvaluationQuerySet(models.QuerySet):
    def published(self):
        """Approved evaluations of public forums: the only ones the public sees."""
        return self.filter(status=AnnualEvaluation.Status.APPROVED, forum__is_public=True)


class AnnualEvaluation(models.Model):
    """A forum's evaluation of one plan year."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved by the chair"

    forum = models.ForeignKey("forums.Forum", on_delete=models.CASCADE, related_name="evaluations")
    plan_year = models.PositiveSmallIntegerField()
    summary = models.TextField("Overall summary", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # history: registered in priorities/translation.py, after its Welsh columns

    objects = AnnualEvaluationQuerySet.as_manager()

    class Meta:
        ordering = ["-plan_year"]
        constraints = [
            models.UniqueConstraint(fields=["forum", "plan_year"], name="one_evaluation_per_year")
        ]

    def __str__(self):
        return f"Annual evaluation {self.plan_year_label}, {self.forum}"

    @property
    def plan_year_label(self) -> str:
        return plan_year_label(self.plan_year)

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


class EvaluationOutcome(models.Model):
    """How one priority went in the year: met, partly met, not met or dropped."""

    class Outcome(models.TextChoices):
        MET = "met", "Met"
        PARTLY_MET = "partly_met", "Partly met"
        NOT_MET = "not_met", "Not met"
        DROPPED = "dropped", "Dropped"

    evaluation = models.ForeignKey(
        AnnualEvaluation, on_delete=models.CASCADE, related_name="outcomes"
    )
    priority = models.ForeignKey(
        "priorities.Priority", on_delete=models.CASCADE, related_name="outcomes"
    )
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    narrative = models.TextField()
    figures = models.TextField(
        "The figures behind it", blank=True, help_text="From the linked indicators."
    )
    next_action = models.TextField("What is being done now", blank=True)
    # history: registered in priorities/translation.py, after its Welsh columns

    class Meta:
        ordering = ["priority__title"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "priority"], name="one_outcome_per_priority"
            )
        ]

    def __str__(self):
        return f"{self.priority}: {self.get_outcome_display()}"

    @property
    def tag(self) -> str:
        return {
            self.Outcome.MET: "govuk-tag--green",
            self.Outcome.PARTLY_MET: "govuk-tag--yellow",
            self.Outcome.NOT_MET: "govuk-tag--red",
            self.Outcome.DROPPED: "govuk-tag--grey",
        }[self.outcome]
