"""Meetings, agendas, papers, attendance, minutes, decisions, actions and escalations.

Confidentiality (``public``, ``confidential``, ``restricted``) sits on agenda items, papers,
minute entries, decisions and actions; who may see what is decided in ``forums.confidentiality``
alone. Public pages read only through the published-only querysets here
(``Meeting.objects.published()``, ``AgendaItem.objects.public()``...), which ask that module.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from forums.models.forum import Forum, Membership
from membership.models import Agency

__all__ = [
    "Confidentiality",
    "SecurityClassification",
    "MeetingSeries",
    "Meeting",
    "AgendaItem",
    "Paper",
    "PaperVersion",
    "Attendance",
    "Declaration",
    "Minutes",
    "MinuteEntry",
    "MinuteComment",
    "Decision",
    "Action",
    "ActionUpdate",
    "Escalation",
    "ForwardPlanItem",
]


class Confidentiality(models.TextChoices):
    """Who may see an item: everyone once published, the forum's members, or named people."""

    PUBLIC = "public", "Public"
    CONFIDENTIAL = "confidential", "Confidential (members and secretariat)"
    RESTRICTED = "restricted", "Restricted (named people only)"


class SecurityClassification(models.TextChoices):
    """The Government Security Classification marking a paper's author gives it."""

    OFFICIAL = "official", "OFFICIAL"
    OFFICIAL_SENSITIVE = "official_sensitive", "OFFICIAL-SENSITIVE"


class VisibilityQuerySet(models.QuerySet):
    """Shortcuts to ``forums.confidentiality`` (imported when called: it imports these models)."""

    def public(self):
        """The rows the public may see."""
        from forums import confidentiality

        return confidentiality.public(self)

    def visible_to_member(self, person, forum=None):
        """The rows the person may see as a member of their forum (or of ``forum``)."""
        from forums import confidentiality

        return confidentiality.visible_to(self, person, forum)


class MeetingSeries(models.Model):
    """Meetings scheduled together at a regular interval."""

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        BI_MONTHLY = "bi_monthly", "Every two months"
        QUARTERLY = "quarterly", "Quarterly"

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="meeting_series")
    title = models.CharField(max_length=200)
    frequency = models.CharField(max_length=20, choices=Frequency.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "meeting series"

    def __str__(self):
        return f"{self.title} ({self.get_frequency_display()})"


class MeetingQuerySet(models.QuerySet):
    def published(self):
        """Meetings the public may see: shown publicly, on a public forum."""
        from forums import confidentiality

        return confidentiality.public(self)

    def upcoming(self, now=None):
        return self.filter(starts_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.filter(starts_at__lt=now or timezone.now()).order_by("-starts_at")


class Meeting(models.Model):
    """One meeting of a forum: scheduled → agenda published → held → minutes approved."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        AGENDA_PUBLISHED = "agenda_published", "Agenda published"
        HELD = "held", "Held"
        MINUTES_APPROVED = "minutes_approved", "Minutes approved"
        CANCELLED = "cancelled", "Cancelled"

    # States in which the agenda is out: public items may appear on the public page.
    AGENDA_OUT = (Status.AGENDA_PUBLISHED, Status.HELD, Status.MINUTES_APPROVED)
    # Not yet held or cancelled: the details, the agenda and the replies may still change.
    OPEN = (Status.SCHEDULED, Status.AGENDA_PUBLISHED)
    # The meeting has taken place: its minutes may be circulated and approved.
    HELD_STATES = (Status.HELD, Status.MINUTES_APPROVED)

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="meetings")
    series = models.ForeignKey(
        MeetingSeries, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings"
    )
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(null=True, blank=True)
    location = models.CharField(max_length=300, blank=True)
    online_link = models.URLField("Online meeting link", blank=True)
    papers_deadline = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    is_public = models.BooleanField(
        "Show on the public site",
        default=True,
        help_text="The date, public agenda, public papers and published minutes appear publicly.",
    )
    agenda_published_at = models.DateTimeField(null=True, blank=True)
    held_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_reason = models.TextField(blank=True)
    sequence = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Raised whenever what a calendar shows of the meeting changes, so calendars "
        "update the event they already have.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["forum", "starts_at"])]

    def __str__(self):
        return f"{self.title}, {timezone.localtime(self.starts_at):%-d %B %Y}"

    @property
    def agenda_is_out(self) -> bool:
        return self.status in self.AGENDA_OUT

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_open(self) -> bool:
        """Not yet held or cancelled: details, agenda and replies may still change."""
        return self.status in self.OPEN

    @property
    def agenda_can_be_published(self) -> bool:
        return self.status == self.Status.SCHEDULED

    @property
    def is_held(self) -> bool:
        return self.status in self.HELD_STATES

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The end time must be after the start time"})
        if self.status == self.Status.CANCELLED and not self.cancelled_reason.strip():
            raise ValidationError({"cancelled_reason": "Enter why the meeting is cancelled"})


class AgendaItemQuerySet(VisibilityQuerySet):
    def on_agenda(self):
        """Items accepted onto the agenda (not proposals waiting for the secretariat)."""
        return self.filter(status=AgendaItem.Status.ON_AGENDA)

    def listed_publicly(self):
        """Items that appear on the public agenda: public ones by title, confidential ones as
        'Confidential item' or their public title. Restricted items never appear."""
        from forums import confidentiality

        return confidentiality.listed_publicly(self)


class AgendaItem(models.Model):
    """One item on a meeting's agenda."""

    class Purpose(models.TextChoices):
        DECISION = "decision", "For decision"
        DISCUSSION = "discussion", "For discussion"
        INFORMATION = "information", "For information"
        ASSURANCE = "assurance", "For assurance"
        ESCALATION = "escalation", "Escalation"

    class Kind(models.TextChoices):
        ITEM = "item", "Agenda item"
        PREVIOUS_MINUTES = "previous_minutes", "Minutes of the previous meeting"
        MATTERS_ARISING = "matters_arising", "Matters arising and actions carried forward"

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        ON_AGENDA = "on_agenda", "On the agenda"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ITEM)
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.ON_AGENDA,
        help_text="Proposed items (from a sub-group's escalation or the performance report) "
        "wait for the secretariat to put them on the agenda.",
    )
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.DISCUSSION)
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="presented_agenda_items",
    )
    presenter_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    minutes_allowed = models.PositiveSmallIntegerField(
        "Time allowed (minutes)", null=True, blank=True
    )
    confidentiality = models.CharField(
        max_length=20, choices=Confidentiality.choices, default=Confidentiality.PUBLIC
    )
    confidentiality_reason = models.TextField(
        "Reason it is not public",
        blank=True,
        help_text="Why this item is confidential or restricted.",
    )
    restricted_to = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="restricted_agenda_items",
        help_text="The only people who may see a restricted item (besides the secretariat who "
        "named them).",
    )
    public_title = models.CharField(
        max_length=300,
        blank=True,
        help_text="For a confidential item: what the public agenda shows instead of "
        "'Confidential item'.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "order", "pk"]

    def __str__(self):
        return self.title

    @property
    def is_public(self) -> bool:
        return self.confidentiality == Confidentiality.PUBLIC

    @property
    def title_for_public(self) -> str:
        """What the public sees: the title of a public item, otherwise 'Confidential item'
        unless the secretariat gave a public title."""
        if self.is_public:
            return self.title
        return self.public_title or "Confidential item"

    def clean(self):
        super().clean()
        if (
            self.confidentiality != Confidentiality.PUBLIC
            and not (self.confidentiality_reason or "").strip()
        ):
            raise ValidationError({"confidentiality_reason": "Enter why this item is not public"})


class PaperQuerySet(VisibilityQuerySet):
    pass


class Paper(models.Model):
    """A paper for an agenda item; its file is replaced by new versions, all kept."""

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=300)
    classification = models.CharField(
        "Security classification",
        max_length=20,
        choices=SecurityClassification.choices,
        default=SecurityClassification.OFFICIAL,
    )
    confidentiality = models.CharField(
        max_length=20, choices=Confidentiality.choices, default=Confidentiality.PUBLIC
    )
    restricted_to = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="restricted_papers"
    )
    current_version = models.ForeignKey(
        "PaperVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PaperQuerySet.as_manager()

    class Meta:
        ordering = ["agenda_item", "pk"]

    def __str__(self):
        return self.title


def paper_upload_to(instance, filename: str) -> str:
    """Private storage path; the name has already been made safe by forums.uploads."""
    return f"papers/{timezone.now():%Y/%m}/{os.urandom(8).hex()}-{filename}"


class PaperVersion(models.Model):
    """One uploaded file of a paper."""

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    file = models.FileField(upload_to=paper_upload_to, max_length=500)
    file_name = models.CharField(max_length=255, help_text="Safe name the file downloads as.")
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    note = models.CharField("What changed", max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["paper", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "number"], name="paper_version_unique")
        ]

    def __str__(self):
        return f"{self.paper} v{self.number}"


class Attendance(models.Model):
    """A person's reply to a meeting invitation and whether they actually came."""

    class Reply(models.TextChoices):
        NO_REPLY = "no_reply", "No reply yet"
        ATTENDING = "attending", "Attending"
        APOLOGIES = "apologies", "Apologies"
        DEPUTY = "deputy", "Sending a deputy"

    class Actual(models.TextChoices):
        UNKNOWN = "unknown", "Not recorded"
        PRESENT = "present", "Present"
        DEPUTY_PRESENT = "deputy_present", "Deputy attended"
        ABSENT = "absent", "Absent"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="meeting_attendances"
    )
    membership = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="attendances"
    )
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reply = models.CharField(max_length=20, choices=Reply.choices, default=Reply.NO_REPLY)
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deputised_attendances",
    )
    replied_at = models.DateTimeField(null=True, blank=True)
    actual = models.CharField(max_length=20, choices=Actual.choices, default=Actual.UNKNOWN)
    attendee_can_commit_resources = models.BooleanField(
        "Whoever attended could commit resources", default=False
    )
    recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "agency__name", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_unique")
        ]

    def __str__(self):
        return f"{self.person} at {self.meeting}"

    @property
    def was_represented(self) -> bool:
        return self.actual in (self.Actual.PRESENT, self.Actual.DEPUTY_PRESENT)


class Declaration(models.Model):
    """A declaration of interest at a meeting, for the whole meeting or one item."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.CASCADE, related_name="declarations"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="declarations"
    )
    interest = models.TextField()
    action_taken = models.CharField(
        max_length=300, blank=True, help_text="For example: left the room for this item."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "created_at"]

    def __str__(self):
        return f"{self.person}: {self.interest[:50]}"


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

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    introduction = models.TextField(blank=True)
    circulated_at = models.DateTimeField(null=True, blank=True)
    comments_close_on = models.DateField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
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
    history = HistoricalRecords()

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
    history = HistoricalRecords()

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
    """A decision the forum took, logged per forum."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="decisions")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
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
    history = HistoricalRecords()

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_on", "-pk"]

    def __str__(self):
        return self.reference or self.text[:60]


class ActionQuerySet(VisibilityQuerySet):
    def open(self):
        return self.filter(status__in=Action.OPEN_STATUSES)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())


class Action(models.Model):
    """Something a member or agency has agreed to do, by a date, with progress updates."""

    class Status(models.TextChoices):
        OPEN = "open", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        DROPPED = "dropped", "Dropped"

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
        help_text="A member of the forum (never an advisory member).",
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
            raise ValidationError({"owner": "Choose the member or agency who owns the action"})


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
        return f"Update on {self.action} by {self.author}"


class Escalation(models.Model):
    """An issue a forum could not solve bilaterally: sub-group → parent board → national."""

    class Level(models.TextChoices):
        PARENT_BOARD = "parent_board", "To the parent board"
        NATIONAL = "national", "To the national Criminal Justice Board"

    class Status(models.TextChoices):
        RAISED = "raised", "Raised"
        ON_AGENDA = "on_agenda", "On the receiving board's agenda"
        RESPONDED = "responded", "Responded"
        CLOSED = "closed", "Closed"

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
        "What has been tried", blank=True, help_text="Why it could not be solved bilaterally."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RAISED)
    agenda_item = models.OneToOneField(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="escalation",
        help_text="Where a sub-group's escalation landed on its parent board's agenda.",
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


class ForwardPlanItemQuerySet(VisibilityQuerySet):
    def planned(self):
        return self.filter(agenda_item__isnull=True)


class ForwardPlanItem(models.Model):
    """An item planned for a future meeting (the work programme); becomes an agenda item."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="forward_plan")
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    purpose = models.CharField(
        max_length=20, choices=AgendaItem.Purpose.choices, default=AgendaItem.Purpose.DISCUSSION
    )
    planned_for = models.DateField(help_text="The month of the meeting it is planned for.")
    presenter_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confidentiality = models.CharField(
        max_length=20,
        choices=[c for c in Confidentiality.choices if c[0] != Confidentiality.RESTRICTED],
        default=Confidentiality.PUBLIC,
    )
    agenda_item = models.OneToOneField(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forward_plan_item",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ForwardPlanItemQuerySet.as_manager()

    class Meta:
        ordering = ["planned_for", "pk"]

    def __str__(self):
        return self.title
