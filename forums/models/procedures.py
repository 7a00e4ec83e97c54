"""Decisions between meetings: a proposal put to the board in writing (a written procedure)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from forums.models.agenda import AgendaItem
from forums.models.forum import Forum
from forums.models.visibility import Confidentiality, VisibilityQuerySet
from forums.uploads import paper_upload_to
from membership.models import Agency


class WrittenProcedureQuerySet(VisibilityQuerySet):
    def open(self):
        return self.filter(status=WrittenProcedure.Status.OPEN)


class WrittenProcedure(models.Model):
    """A proposal each agency on the forum agrees to, agrees to with comments, or objects to,
    in writing by a deadline; the outcome is a decision taken without a meeting."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open for responses")
        AGREED = "agreed", _("Agreed")
        NOT_AGREED = "not_agreed", _("Not agreed")
        REFERRED = "referred", _("Referred to the next meeting")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Rule(models.TextChoices):
        CONSENSUS = "consensus", _("Consensus: agreed if no agency objects")
        MAJORITY = "majority", _("Majority: agreed if more agencies agree than object")

    # Levels a written procedure may have: it has no named people, so never restricted.
    CONFIDENTIALITY_CHOICES = [
        (Confidentiality.PUBLIC, Confidentiality.PUBLIC.label),
        (Confidentiality.CONFIDENTIAL, Confidentiality.CONFIDENTIAL.label),
    ]
    # Outcomes recorded as a decision (agreed or not): a referral goes to the next meeting.
    DECIDED = (Status.AGREED, Status.NOT_AGREED)

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="written_procedures")
    title = models.CharField(max_length=300)
    proposal = models.TextField(help_text=_("What the board is asked to agree: the decision."))
    background = models.TextField(blank=True)
    opened_at = models.DateTimeField(default=timezone.now)
    closes_at = models.DateTimeField(_("Responses by"))
    rule = models.CharField(max_length=20, choices=Rule.choices, default=Rule.CONSENSUS)
    quorum = models.PositiveSmallIntegerField(
        help_text=_("How many agencies must respond for the outcome to stand.")
    )
    confidentiality = models.CharField(
        max_length=20, choices=CONFIDENTIALITY_CHOICES, default=Confidentiality.CONFIDENTIAL
    )
    confidentiality_reason = models.TextField(_("Reason it is not public"), blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    outcome = models.TextField(blank=True, help_text=_("How the outcome was reached."))
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The item at the next meeting where the outcome is noted (or decided)."),
    )
    minutes = models.ForeignKey(
        "forums.Minutes",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="procedures",
        help_text=_("Circulated minutes put to the board for approval in writing."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = WrittenProcedureQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-pk"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.closes_at and self.opened_at and self.closes_at <= self.opened_at:
            errors["closes_at"] = gettext("The deadline must be in the future")
        if self.quorum is not None and self.quorum < 1:
            errors["quorum"] = gettext("The quorum must be at least 1 agency")
        if (
            self.confidentiality != Confidentiality.PUBLIC
            and not self.confidentiality_reason.strip()
        ):
            errors["confidentiality_reason"] = gettext(
                "Enter why this written procedure is not public"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_decided(self) -> bool:
        """Closed with an outcome recorded as a decision (agreed or not agreed)."""
        return self.status in self.DECIDED

    @property
    def is_referred(self) -> bool:
        return self.status == self.Status.REFERRED

    @property
    def is_public(self) -> bool:
        return self.confidentiality == Confidentiality.PUBLIC

    @property
    def is_past_deadline(self) -> bool:
        return timezone.now() >= self.closes_at


class ProcedurePaper(models.Model):
    """A paper sent with a written procedure (checked on upload as meeting papers are)."""

    procedure = models.ForeignKey(WrittenProcedure, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to=paper_upload_to, max_length=500)
    file_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["procedure", "uploaded_at", "pk"]

    def __str__(self):
        return self.title


class ProcedureResponse(models.Model):
    """One agency's answer to a written procedure; it may change it until the deadline."""

    class Answer(models.TextChoices):
        AGREE = "agree", _("Agree")
        AGREE_WITH_COMMENTS = "agree_with_comments", _("Agree with comments")
        OBJECT = "object", _("Object")

    procedure = models.ForeignKey(
        WrittenProcedure, on_delete=models.CASCADE, related_name="responses"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(max_length=30, choices=Answer.choices)
    comments = models.TextField(blank=True)
    refer_to_meeting = models.BooleanField(
        _("Ask for the matter to go to the next meeting instead"), default=False
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["procedure", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "agency"], name="procedure_response_one_per_agency"
            )
        ]

    def __str__(self):
        return f"{self.agency} on {self.procedure}: {self.get_answer_display()}"

    @property
    def agrees(self) -> bool:
        return self.answer in (self.Answer.AGREE, self.Answer.AGREE_WITH_COMMENTS)

    @property
    def objects_to_it(self) -> bool:
        return self.answer == self.Answer.OBJECT
