"""Minutes of a meeting, their entries and comments, and the decisions log."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from forums.models.agenda import AgendaItem
from forums.models.forum import Forum
from forums.models.meetings import Meeting
from forums.models.visibility import Confidentiality, VisibilityQuerySet


class MinutesQuerySet(models.QuerySet):
    def published(self):
        from forums import confidentiality

        return confidentiality.public(self)


class Minutes(models.Model):
    """The minutes of one meeting: draft → circulated → approved → published."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        CIRCULATED = "circulated", "Circulated for comment"
        APPROVED = "approved", "Approved"
        PUBLISHED = "published", "Published"

    class ApprovedVia(models.TextChoices):
        """How the minutes were approved."""

        MEETING = "meeting", "At a meeting"
        CHAIRS_ACTION = "chairs_action", "By the chair's action"
        IN_WRITING = "in_writing", "By the board in writing"

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    introduction = models.TextField(blank=True)
    circulated_at = models.DateTimeField(null=True, blank=True)
    comments_close_on = models.DateField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_via = models.CharField(
        max_length=20, choices=ApprovedVia.choices, blank=True, help_text="How they were approved."
    )
    approved_at_meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approved_minutes",
        help_text="The later meeting at which these minutes were approved.",
    )
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # history: registered in forums/translation.py, after its Welsh columns

    objects = MinutesQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "minutes"

    def __str__(self):
        return f"Minutes of {self.meeting}"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.CIRCULATED)

    @property
    def can_be_circulated(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_circulated(self) -> bool:
        """Out for comment: members comment on it and the chair may approve it."""
        return self.status == self.Status.CIRCULATED

    @property
    def can_be_published(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def is_approved(self) -> bool:
        """Approved by the chair (and perhaps published since)."""
        return self.status in (self.Status.APPROVED, self.Status.PUBLISHED)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def approved_in_writing(self) -> bool:
        """Approved between meetings by a written procedure (reported at the next meeting)."""
        return self.is_approved and self.approved_via == self.ApprovedVia.IN_WRITING

    @property
    def approved_by_chairs_action(self) -> bool:
        """Approved between meetings by the chair, to be reported at the next meeting."""
        return self.is_approved and self.approved_via == self.ApprovedVia.CHAIRS_ACTION


class MinuteEntryQuerySet(VisibilityQuerySet):
    pass


class MinuteEntry(models.Model):
    """What was said and agreed on one agenda item."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="entries")
    agenda_item = models.OneToOneField(
        AgendaItem, on_delete=models.CASCADE, related_name="minute_entry"
    )
    text = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # history: registered in forums/translation.py, after its Welsh columns

    objects = MinuteEntryQuerySet.as_manager()

    class Meta:
        ordering = ["minutes", "agenda_item__order", "agenda_item__pk"]
        verbose_name_plural = "minute entries"

    def __str__(self):
        return f"Minute on {self.agenda_item}"


class MinuteComment(models.Model):
    """A member's comment on a circulated minute entry."""

    entry = models.ForeignKey(MinuteEntry, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="minute_comments"
    )
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["entry", "created_at"]

    def __str__(self):
        return f"Comment by {self.author} on {self.entry}"


class DecisionQuerySet(VisibilityQuerySet):
    pass


class Decision(models.Model):
    """A decision the forum took, logged per forum: at a meeting, or in writing between
    meetings (``procedure``, with no meeting)."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="decisions")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    procedure = models.OneToOneField(
        "forums.WrittenProcedure",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decision",
        help_text="The written procedure that took this decision between meetings.",
    )
    reference = models.CharField(max_length=30, blank=True)
    text = models.TextField()
    decided_on = models.DateField(default=timezone.localdate)
    confidentiality = models.CharField(
        max_length=20, choices=Confidentiality.choices, default=Confidentiality.PUBLIC
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # history: registered in forums/translation.py, after its Welsh columns

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_on", "-pk"]

    def __str__(self):
        return self.reference or self.text[:60]
