"""When recording a meeting makes sense, for buttons: the reason it cannot be done yet."""

from django import template

from forums.rules.meetings import not_yet_reason

register = template.Library()


@register.filter
def not_yet(meeting, action: str) -> str:
    """``{{ meeting|not_yet:"attendance" }}``: why it cannot be done yet, or "" when it can."""
    return not_yet_reason(meeting, action)
