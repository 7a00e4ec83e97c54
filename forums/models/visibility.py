"""Confidentiality levels and security classifications, and the querysets that ask about them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Confidentiality(models.TextChoices):
    """Who may see an item: everyone once published, the forum's members, or named people."""

    PUBLIC = "public", _("Public")
    CONFIDENTIAL = "confidential", _("Confidential (members and secretariat)")
    RESTRICTED = "restricted", _("Restricted (named people only)")


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
