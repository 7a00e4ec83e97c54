"""The good-practice library: what worked in one area, written up by its board for others.

A board's secretariat writes an entry and submits it; a national curator (a national viewer)
publishes it — to the public, or to partners only (anyone signed in with a seat on a forum) —
or turns it down with a reason. Other boards record that they adopted it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class GoodPracticeQuerySet(models.QuerySet):
    def published(self):
        """Published entries, whatever their audience."""
        return self.filter(state=GoodPracticeEntry.State.PUBLISHED)

    def public(self):
        """Published to the public: the only entries anyone not signed in may see."""
        return self.published().filter(audience=GoodPracticeEntry.Audience.PUBLIC)


class GoodPracticeEntry(models.Model):
    """One practice: what was done, where, by whom, with what effect and at what cost."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for review")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Not published")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Everyone (public)")
        PARTNERS = "partners", _("Partners only (people signed in with a seat on a board)")

    class EvidenceLevel(models.TextChoices):
        IDEA = "idea", _("Idea")
        TRIED = "tried", _("Tried")
        EVALUATED = "evaluated", _("Evaluated")

    forum = models.ForeignKey(
        "forums.Forum", on_delete=models.CASCADE, related_name="good_practice_entries"
    )
    title = models.CharField(max_length=200)
    theme = models.ForeignKey(
        "priorities.Theme", on_delete=models.PROTECT, related_name="good_practice_entries"
    )
    area = models.ForeignKey(
        "membership.PoliceForceArea",
        on_delete=models.PROTECT,
        related_name="good_practice_entries",
    )
    agencies = models.ManyToManyField(
        "membership.Agency",
        related_name="good_practice_entries",
        verbose_name=_("Agencies involved"),
    )
    what_was_done = models.TextField(_("What was done"))
    evidence = models.TextField(_("Evidence of effect"), blank=True)
    indicators = models.ManyToManyField(
        "performance.Indicator",
        blank=True,
        related_name="good_practice_entries",
        verbose_name=_("Indicators that show the effect"),
    )
    cost = models.TextField(_("Cost and resources"), blank=True)
    contact = models.CharField(_("Contact"), max_length=300)
    evidence_level = models.CharField(
        _("How far it has got"), max_length=10, choices=EvidenceLevel.choices
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    audience = models.CharField(
        _("Who may read it"), max_length=10, choices=Audience.choices, default=Audience.PUBLIC
    )
    review_note = models.TextField(_("Reason"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[agencies, indicators])

    objects = GoodPracticeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("good-practice entry")
        verbose_name_plural = _("good-practice entries")

    def __str__(self):
        return self.title

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def is_public(self) -> bool:
        return self.is_published and self.audience == self.Audience.PUBLIC

    @property
    def is_partners_only(self) -> bool:
        return self.audience == self.Audience.PARTNERS

    @property
    def is_waiting(self) -> bool:
        return self.state == self.State.SUBMITTED

    @property
    def is_rejected(self) -> bool:
        return self.state == self.State.REJECTED

    @property
    def can_change(self) -> bool:
        """The board may edit (and submit) a draft, or one the curator turned down."""
        return self.state in (self.State.DRAFT, self.State.REJECTED)

    @property
    def state_tag(self) -> str:
        return {
            self.State.DRAFT: "govuk-tag--grey",
            self.State.SUBMITTED: "govuk-tag--blue",
            self.State.PUBLISHED: "govuk-tag--green",
            self.State.REJECTED: "govuk-tag--red",
        }[self.state]

    @property
    def evidence_tag(self) -> str:
        return {
            self.EvidenceLevel.IDEA: "govuk-tag--grey",
            self.EvidenceLevel.TRIED: "govuk-tag--yellow",
            self.EvidenceLevel.EVALUATED: "govuk-tag--green",
        }[self.evidence_level]


class GoodPracticeAdoption(models.Model):
    """A board's record that it adopted a published entry, maybe for one of its priorities."""

    entry = models.ForeignKey(GoodPracticeEntry, on_delete=models.CASCADE, related_name="adoptions")
    forum = models.ForeignKey(
        "forums.Forum", on_delete=models.CASCADE, related_name="good_practice_adoptions"
    )
    priority = models.ForeignKey(
        "priorities.Priority",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="good_practice_adoptions",
        verbose_name=_("For which priority"),
    )
    note = models.TextField(_("How you are using it"), blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    adopted_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["forum__name"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "forum"], name="one_adoption_per_board")
        ]

    def __str__(self):
        return gettext("%(forum)s adopted %(entry)s") % {"forum": self.forum, "entry": self.entry}
