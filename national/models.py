"""What boards report to the national level, and the questions the national team asks them."""

import os

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext
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
        return gettext("%(kind)s %(year)s, %(forum)s") % {
            "kind": self.get_kind_display(),
            "year": self.plan_year_label,
            "forum": self.forum,
        }

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


class BulletinSeries(models.Model):
    """A numbered series of bulletins, e.g. the PCC Bulletin: published by the national team,
    or by a regional board (its secretariat writes it). Who may write one:
    ``national.edit_series``."""

    name = models.CharField(_("Name"), max_length=150)
    slug = models.SlugField(_("Web address"), max_length=80, unique=True)
    publisher = models.CharField(_("Published by"), max_length=150)
    publisher_forum = models.ForeignKey(
        "forums.Forum",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "regional_board"},
        verbose_name=_("Regional board that publishes it"),
        help_text=_("Leave empty for a national series, written by the national team."),
    )
    description = models.TextField(_("What it covers"), blank=True)
    subscribers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="bulletin_subscriptions"
    )
    history = HistoricalRecords(m2m_fields=[subscribers])

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("bulletin series")

    def __str__(self):
        return self.name


class EmailSubscriberQuerySet(models.QuerySet):
    def receiving(self):
        """Confirmed and not unsubscribed: the only addresses a bulletin is sent to."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)


class BulletinEmailSubscriber(models.Model):
    """An e-mail address, of someone not signed in, that asked for a series' public bulletins.

    Double opt-in: nothing is sent to it until its owner follows the signed link in the
    confirmation e-mail; every bulletin carries a signed link to unsubscribe. The history keeps
    each request, confirmation and unsubscription."""

    series = models.ForeignKey(
        BulletinSeries, on_delete=models.CASCADE, related_name="email_subscribers"
    )
    email = models.EmailField(_("E-mail address"))
    language = models.CharField(max_length=10, default="en")
    asked_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    objects = EmailSubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["series", "email"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "series", name="one_email_subscription_per_series"
            )
        ]

    def __str__(self):
        return f"{self.email} ({self.series})"

    @property
    def is_receiving(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class BulletinDelivery(models.Model):
    """A public bulletin e-mailed to one public subscriber: recorded so it is never sent twice."""

    bulletin = models.ForeignKey("Bulletin", on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        BulletinEmailSubscriber, on_delete=models.CASCADE, related_name="deliveries"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["bulletin", "subscriber"], name="one_delivery_per_subscriber"
            )
        ]

    def __str__(self):
        return f"{self.bulletin} to {self.subscriber.email}"


class BulletinQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def public(self):
        """What anyone may read: published bulletins for the public."""
        return self.published().filter(audience=Bulletin.Audience.PUBLIC)


class Bulletin(models.Model):
    """One numbered issue: an introduction, themed sections with a generated contents list, and
    a call for content for the next issue."""

    class Audience(models.TextChoices):
        PUBLIC = "public", _("The public")
        PARTNERS = "partners", _("All partners (anyone with a seat on a board)")
        OFFICES = "offices", _("Local policing body offices (secretariats and chairs)")
        GROUP = "group", _("The members of one board or group")

    series = models.ForeignKey(BulletinSeries, on_delete=models.PROTECT, related_name="bulletins")
    number = models.PositiveIntegerField(_("Number"))
    title = models.CharField(_("Title"), max_length=200)
    issued_on = models.DateField(_("Date of issue"))
    introduction = models.TextField(_("Introduction"), blank=True)
    audience = models.CharField(_("Who may read it"), max_length=10, choices=Audience.choices)
    group = models.ForeignKey(
        "forums.Forum",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Board or group"),
    )
    call_for_content = models.TextField(
        _("Call for content (optional)"),
        blank=True,
        help_text=_("What you would like readers to send for the next issue."),
    )
    call_closes_on = models.DateField(_("Send content by"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    objects = BulletinQuerySet.as_manager()

    class Meta:
        ordering = ["series", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["series", "number"], name="one_bulletin_per_number")
        ]

    def __str__(self):
        return gettext("%(series)s No %(number)s") % {"series": self.series, "number": self.number}

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def call_is_open(self) -> bool:
        return bool(self.call_for_content) and (
            self.call_closes_on is None or self.call_closes_on >= timezone.localdate()
        )


class BulletinSection(models.Model):
    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(default=0)
    heading = models.CharField(_("Heading"), max_length=200)
    theme = models.ForeignKey(
        "priorities.Theme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Theme (optional)"),
    )
    body = models.TextField(_("Text"))
    links = models.TextField(
        _("Links (optional)"),
        blank=True,
        help_text=_("One a line: the link text, a vertical bar, then the web address."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.heading

    @property
    def link_list(self) -> list[tuple[str, str]]:
        found = []
        for line in self.links.splitlines():
            text, _bar, url = line.partition("|")
            if url.strip().startswith(("https://", "http://")):
                found.append((text.strip() or url.strip(), url.strip()))
        return found


def bulletin_upload_to(instance, filename: str) -> str:
    """Private storage path; the name has already been made safe by ``forums.uploads``."""
    return f"bulletins/{timezone.now():%Y/%m}/{os.urandom(8).hex()}-{filename}"


class BulletinAttachment(models.Model):
    """A file the editors attach to a section (checked on upload as meeting papers are); it is
    downloaded only by those who may read the bulletin."""

    section = models.ForeignKey(
        BulletinSection, on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("Title"), max_length=200)
    file = models.FileField(upload_to=bulletin_upload_to, max_length=500)
    file_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.title

    @property
    def kind(self) -> str:
        """The file's type as readers know it (PDF, DOCX...), from its checked content."""
        return self.file_name.rpartition(".")[2].upper()


class ContentOffer(models.Model):
    """A reader's answer to a bulletin's call for content."""

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="offers")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("What you would like to share"))
    offered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-offered_at"]

    def __str__(self):
        return gettext("%(person)s on %(bulletin)s") % {
            "person": self.person,
            "bulletin": self.bulletin,
        }


class EscalationTheme(models.Model):
    """The national team files a national escalation under a priority theme, so escalations
    can be read by theme across every area (forums knows nothing of themes)."""

    escalation = models.OneToOneField(
        "forums.Escalation", on_delete=models.CASCADE, related_name="national_theme"
    )
    theme = models.ForeignKey("priorities.Theme", on_delete=models.PROTECT, related_name="+")
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    filed_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    def __str__(self):
        return f"{self.escalation} ({self.theme})"


from national.models_cascade import CascadeItem, CascadeRecipient  # noqa: E402, F401  (the cascade)
from national.models_engagement import *  # noqa: E402, F401, F403  (engagements, issue 16)
