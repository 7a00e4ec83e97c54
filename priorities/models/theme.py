"""Priority themes (reference data); priorities, plans and evaluation build on them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from membership.models import in_page_language


class ThemeQuerySet(models.QuerySet):
    def for_forum(self, forum):
        """The national themes plus the forum's own local ones."""
        return self.filter(models.Q(forum__isnull=True) | models.Q(forum=forum))

    def national(self):
        return self.filter(forum__isnull=True)


class Theme(models.Model):
    """A priority theme: national (shipped) or local to one forum."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=150)
    description = models.TextField(blank=True)
    source = models.TextField(blank=True)
    forum = models.ForeignKey(
        "forums.Forum",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="local_themes",
        help_text=_("Set for a local theme that only this forum uses."),
    )

    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return in_page_language(self, "name")
