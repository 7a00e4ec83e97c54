"""Actions and their progress updates, and escalations between boards."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from forums.models.agenda import AgendaItem
from forums.models.forum import Forum
from forums.models.meetings import Meeting
from forums.models.minutes import Decision
from forums.models.visibility import Confidentiality, VisibilityQuerySet
from membership.models import Agency


class ActionQuerySet(VisibilityQuerySet):
    def open(self):
        return self.filter(status__in=Action.OPEN_STATUSES)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())


class Action(models.Model):
    """Something a member or agency has agreed to do, by a date, with progress updates."""

    class Status(models.TextChoices):
        OPEN = "open", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="actions")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    decision = models.ForeignKey(
        Decision, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    reference = models.CharField(max_length=30, blank=True)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_actions",
        help_text=_("A member of the forum (never an advisory member)."),
    )
    accountable_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="forum_actions"
    )
    due_date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    percent_complete = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(100)]
    )
    confidentiality = models.CharField(
        max_length=20, choices=Confidentiality.choices, default=Confidentiality.CONFIDENTIAL
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["forum", "status", "due_date"])]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_date < timezone.localdate()

    def clean(self):
        super().clean()
        if not self.owner_id and not self.accountable_agency_id:
            raise ValidationError(
                {"owner": gettext("Choose the member or agency who owns the action")}
            )


class ActionUpdate(models.Model):
    """A progress update on an action, kept in order."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="action_updates"
    )
    text = models.TextField()
    status = models.CharField(max_length=20, choices=Action.Status.choices)
    percent_complete = models.PositiveSmallIntegerField(validators=[MaxValueValidator(100)])
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["action", "-created_at", "-pk"]

    def __str__(self):
        return gettext("Update on %(action)s by %(author)s") % {
            "action": self.action,
            "author": self.author,
        }


class Escalation(models.Model):
    """An issue a forum could not solve bilaterally: sub-group → parent board → national."""

    class Level(models.TextChoices):
        PARENT_BOARD = "parent_board", _("To the parent board")
        NATIONAL = "national", _("To the national Criminal Justice Board")

    class Status(models.TextChoices):
        RAISED = "raised", _("Raised")
        ON_AGENDA = "on_agenda", _("On the receiving board's agenda")
        RESPONDED = "responded", _("Responded")
        CLOSED = "closed", _("Closed")

    from_forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="escalations_raised"
    )
    to_forum = models.ForeignKey(
        Forum,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="escalations_received",
    )
    level = models.CharField(max_length=20, choices=Level.choices)
    source_meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="escalations"
    )
    title = models.CharField(max_length=300)
    description = models.TextField()
    tried_so_far = models.TextField(
        _("What has been tried"),
        blank=True,
        help_text=_("Why it could not be solved bilaterally."),
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RAISED)
    agenda_item = models.OneToOneField(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="escalation",
        help_text=_("Where a sub-group's escalation landed on its parent board's agenda."),
    )
    response = models.TextField(blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="escalations_raised"
    )
    raised_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-raised_at"]

    def __str__(self):
        return self.title
