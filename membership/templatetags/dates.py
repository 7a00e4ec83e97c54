"""Date and time filters, available in every template (``builtins`` in the settings), so pages
read times exactly as emails, feeds and PDFs do (``membership.dates``)."""

from django import template

from membership import dates

register = template.Library()


@register.filter(expects_localtime=True)
def time_of_day(value) -> str:
    """{{ meeting.starts_at|time_of_day }} → '2:30pm'."""
    return dates.time_of_day(value) if value else ""


@register.filter(expects_localtime=True)
def date_and_time(value, style: str = "") -> str:
    """{{ x|date_and_time }} → '2 December 2026, 2:30pm'; {{ x|date_and_time:"weekday" }} →
    'Wednesday 2 December 2026, 2:30pm'."""
    return dates.date_and_time(value, weekday=style == "weekday") if value else ""


@register.filter(expects_localtime=True)
def when(start, end=None) -> str:
    """{{ meeting.starts_at|when:meeting.ends_at }} → 'Wednesday 2 December 2026, 10am to 12pm'."""
    return dates.when(start, end or None) if start else ""
