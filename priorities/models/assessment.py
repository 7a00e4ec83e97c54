"""A board's annual "fit for purpose" self-assessment, and its register of related partnerships.

Members rate each question (``priorities.assessment_questions``); the secretariat agrees a
rating for each stage and overall, with improvement actions in the forum's action list; the
chair approves; the board may publish the summary.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from priorities.assessment_questions import QUESTIONS, STAGES
from priorities.models.plan import plan_year_label


class Score(models.IntegerChoices):
    FULLY = 4, _("Fully met")
    MOSTLY = 3, _("Mostly met")
    PARTLY = 2, _("Partly met")
    NOT_MET = 1, _("Not met")


class SelfAssessmentQuerySet(models.QuerySet):
    def published(self):
        """Approved, published assessments of public forums: the only ones the public sees."""
        return self.filter(
            status=SelfAssessment.Status.APPROVED, is_published=True, forum__is_public=True
        )


class SelfAssessment(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open for members' ratings")
        AGREED = "agreed", _("Rating agreed, waiting for the chair")
        APPROVED = "approved", _("Approved by the chair")

    class Rating(models.TextChoices):
        FIT = "fit", _("Fit for purpose")
        PARTLY = "partly", _("Partly fit for purpose")
        NOT_FIT = "not_fit", _("Not fit for purpose")

    forum = models.ForeignKey(
        "forums.Forum", on_delete=models.CASCADE, related_name="self_assessments"
    )
    plan_year = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    closes_on = models.DateField(_("Members rate by"))
    rating = models.CharField(
        _("Overall rating"), max_length=10, choices=Rating.choices, blank=True
    )
    summary = models.TextField(_("What the board concluded"), blank=True)
    improvement_actions = models.ManyToManyField(
        "forums.Action", blank=True, related_name="self_assessments"
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agreed_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    objects = SelfAssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-plan_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "plan_year"], name="one_self_assessment_per_year"
            )
        ]

    def __str__(self):
        return gettext("Self-assessment %(year)s, %(forum)s") % {
            "year": self.plan_year_label,
            "forum": self.forum,
        }

    @property
    def plan_year_label(self) -> str:
        return plan_year_label(self.plan_year)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


class AssessmentAnswer(models.Model):
    """One member's rating of one question, with their comment."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="answers")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_answers"
    )
    question = models.CharField(max_length=10, choices=[(q.code, q.code) for q in QUESTIONS])
    score = models.PositiveSmallIntegerField(choices=Score.choices)
    comment = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["question"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "person", "question"], name="one_rating_per_question"
            )
        ]

    def __str__(self):
        return f"{self.question}: {self.get_score_display()}"


class StageConclusion(models.Model):
    """The rating the secretariat agrees for one stage, from the members' ratings."""

    assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.CASCADE, related_name="conclusions"
    )
    stage = models.CharField(max_length=12, choices=[(s.code, s.title) for s in STAGES])
    score = models.PositiveSmallIntegerField(choices=Score.choices)
    comment = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "stage"], name="one_conclusion_per_stage")
        ]

    def __str__(self):
        return f"{self.get_stage_display()}: {self.get_score_display()}"


class RelatedPartnership(models.Model):
    """A partnership the board must link with, how, and when it last engaged."""

    class Kind(models.TextChoices):
        COMMUNITY_SAFETY = "community_safety", _("Community safety partnership")
        SAFEGUARDING_ADULTS = "safeguarding_adults", _("Safeguarding adults board")
        SAFEGUARDING_CHILDREN = "safeguarding_children", _("Safeguarding children partnership")
        HEALTH_AND_WELLBEING = "health_wellbeing", _("Health and wellbeing board")
        VIOLENCE_REDUCTION = "violence_reduction", _("Violence reduction unit")
        FAMILY_JUSTICE = "family_justice", _("Local family justice board")
        OTHER = "other", _("Other partnership")

    forum = models.ForeignKey(
        "forums.Forum", on_delete=models.CASCADE, related_name="related_partnerships"
    )
    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Kind of partnership"), max_length=30, choices=Kind.choices)
    contact = models.CharField(
        _("Contact"),
        max_length=200,
        blank=True,
        help_text=_("An office or role and its e-mail address. It is shown on the public page."),
    )
    how_linked = models.TextField(
        _("How the board links with it"),
        help_text=_("For example: a shared member, reports to each other, a joint plan."),
    )
    last_engaged_on = models.DateField(
        _("When the board last engaged with it"), null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name
