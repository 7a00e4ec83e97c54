"""Public consultations on draft priorities: questions, responses and "you said, we did"."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

MAX_ANSWER_LENGTH = 5000


class ConsultationQuerySet(models.QuerySet):
    def published(self):
        """Consultations the public may see: published, on a public forum."""
        return self.filter(is_published=True, forum__is_public=True)

    def open(self, on=None):
        on = on or timezone.localdate()
        return self.published().filter(opens_on__lte=on, closes_on__gte=on)


class Consultation(models.Model):
    """A public consultation the secretariat opens, with its own questions and dates."""

    forum = models.ForeignKey(
        "forums.Forum", on_delete=models.CASCADE, related_name="consultations"
    )
    title = models.CharField(max_length=200)
    introduction = models.TextField(
        help_text="What the board is asking about and why, in plain English."
    )
    priorities = models.ManyToManyField(
        "priorities.Priority",
        blank=True,
        related_name="consultations",
        help_text="The draft priorities this consultation asks about.",
    )
    opens_on = models.DateField()
    closes_on = models.DateField(help_text="Answers are accepted until the end of this day.")
    equality_monitoring = models.BooleanField(
        "Ask the optional equality monitoring questions", default=True
    )
    is_published = models.BooleanField(
        "Show on the public site",
        default=False,
        help_text="Answers are only accepted once the consultation is published and open.",
    )
    published_summary = models.TextField(
        "Summary of what people said, for the public",
        blank=True,
        help_text="Responses are never published; only this summary is.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # history: registered in priorities/translation.py, after its Welsh columns

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError(
                {"closes_on": "The closing date must be the same as or after the opening date"}
            )

    def is_open(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.is_published and self.opens_on <= on <= self.closes_on

    def is_closed(self, on=None) -> bool:
        return (on or timezone.localdate()) > self.closes_on

    @property
    def state(self) -> str:
        if not self.is_published:
            return "Not published"
        today = timezone.localdate()
        if today < self.opens_on:
            return "Not open yet"
        if today > self.closes_on:
            return "Closed"
        return "Open"


class Question(models.Model):
    """One question of a consultation: free text, or a choice of answers."""

    class Kind(models.TextChoices):
        TEXT = "text", "Free text"
        CHOICE = "choice", "Choose one answer"

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="questions"
    )
    text = models.CharField("Question", max_length=500)
    hint = models.CharField(max_length=500, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TEXT)
    choices = models.TextField(blank=True, help_text="For a choice question: one answer per line.")
    required = models.BooleanField("People must answer this question", default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if self.kind == self.Kind.CHOICE and len(self.choice_list) < 2:
            raise ValidationError({"choices": "Enter at least two answers, one per line"})


class Response(models.Model):
    """One person's answers to a consultation. Never shown to the public."""

    class AgeBand(models.TextChoices):
        UNDER_18 = "under_18", "Under 18"
        AGE_18_24 = "18_24", "18 to 24"
        AGE_25_44 = "25_44", "25 to 44"
        AGE_45_64 = "45_64", "45 to 64"
        AGE_65_PLUS = "65_plus", "65 or over"
        NOT_SAID = "not_said", "Prefer not to say"

    class EthnicGroup(models.TextChoices):
        ASIAN = "asian", "Asian or Asian British"
        BLACK = "black", "Black, Black British, Caribbean or African"
        MIXED = "mixed", "Mixed or multiple ethnic groups"
        WHITE = "white", "White"
        OTHER = "other", "Other ethnic group"
        NOT_SAID = "not_said", "Prefer not to say"

    class Sex(models.TextChoices):
        FEMALE = "female", "Female"
        MALE = "male", "Male"
        SELF_DESCRIBE = "self", "I describe myself another way"
        NOT_SAID = "not_said", "Prefer not to say"

    class YesNo(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"
        NOT_SAID = "not_said", "Prefer not to say"

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="responses"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    respondent_type = models.CharField("Are you answering as", max_length=100, blank=True)
    age_band = models.CharField(max_length=10, choices=AgeBand.choices, blank=True)
    sex = models.CharField(max_length=10, choices=Sex.choices, blank=True)
    ethnic_group = models.CharField(max_length=10, choices=EthnicGroup.choices, blank=True)
    disability = models.CharField(max_length=10, choices=YesNo.choices, blank=True)
    victim_of_crime = models.CharField(max_length=10, choices=YesNo.choices, blank=True)

    class Meta:
        ordering = ["submitted_at", "pk"]

    def __str__(self):
        return f"Response {self.pk} to {self.consultation}"


class Answer(models.Model):
    """The answer to one question in one response."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(max_length=MAX_ANSWER_LENGTH)

    class Meta:
        ordering = ["question__order", "question_id"]
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")
        ]

    def __str__(self):
        return self.text[:60]


class YouSaidWeDid(models.Model):
    """What people said in a consultation and what the board did about it (public)."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="you_said_we_did"
    )
    you_said = models.TextField("You said")
    we_did = models.TextField("We did")
    priority = models.ForeignKey(
        "priorities.Priority",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="you_said_we_did",
        help_text="The priority that followed, if any.",
    )
    decision = models.ForeignKey(
        "forums.Decision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The board's decision that followed, if any (shown publicly only once public).",
    )
    action = models.ForeignKey(
        "forums.Action",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The action that followed, if any (shown publicly only if the action is public).",
    )
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "you said, we did entry"
        verbose_name_plural = "you said, we did entries"

    def __str__(self):
        return self.you_said[:60]
