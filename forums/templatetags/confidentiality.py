"""Confidentiality in templates: the level's tag and yes/no questions, answered with the enum."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from forums.models import Confidentiality

register = template.Library()


def _level(obj) -> str | None:
    """The confidentiality of a row, or of a report's row (a dict with the same key)."""
    if isinstance(obj, dict):
        return obj.get("confidentiality")
    return getattr(obj, "confidentiality", None)


_TAGS = {
    Confidentiality.CONFIDENTIAL: ("govuk-tag--orange", _("Confidential")),
    Confidentiality.RESTRICTED: ("govuk-tag--red", _("Restricted")),
}


@register.simple_tag
def confidentiality_tag(obj) -> str:
    """A tag for confidential or restricted material; nothing for public material."""
    colour_and_text = _TAGS.get(_level(obj))
    if colour_and_text is None:
        return ""
    return format_html('<strong class="govuk-tag {}">{}</strong>', *colour_and_text)


@register.filter
def is_restricted(obj) -> bool:
    """Restricted to named people (the secretariat sees who they are)."""
    return _level(obj) == Confidentiality.RESTRICTED


@register.filter
def is_marked_public(obj) -> bool:
    """Marked public by the secretariat (published once the agenda or minutes are)."""
    return _level(obj) == Confidentiality.PUBLIC
