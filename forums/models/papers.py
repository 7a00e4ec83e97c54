"""Papers for agenda items and the versions of their files."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forums.models.agenda import AgendaItem
from forums.models.visibility import Confidentiality, SecurityClassification, VisibilityQuerySet
from forums.uploads import paper_upload_to


class PaperQuerySet(VisibilityQuerySet):
    pass


class Paper(models.Model):
    """A paper for an agenda item; its file is replaced by new versions, all kept."""

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=300)
    classification = models.CharField(
        _("Security classification"),
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

    def clean(self):
        super().clean()
        if self.agenda_item_id is None:
            return
        from forums.confidentiality import check_paper_marking

        check_paper_marking(self)


class PaperVersion(models.Model):
    """One uploaded file of a paper."""

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    file = models.FileField(upload_to=paper_upload_to, max_length=500)
    file_name = models.CharField(max_length=255, help_text=_("Safe name the file downloads as."))
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    note = models.CharField(_("What changed"), max_length=300, blank=True)
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


class PaperDownload(models.Model):
    """A member's download of a paper marked above OFFICIAL: who, which version, when."""

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="downloads")
    version = models.ForeignKey(PaperVersion, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="paper_downloads"
    )
    downloaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-downloaded_at", "-pk"]

    def __str__(self):
        return f"{self.person} downloaded {self.version}"
