"""Template helpers for figures and charts: {% load performance_tags %}."""

import re

from django import template

from performance.calculations import format_value
from performance.charts import trend_svg

register = template.Library()
CODE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")  # lower case, no spaces: written for software


@register.simple_tag
def trend_chart(summary, chart_id):
    """{% trend_chart summary "chart-id" %}: the SVG trend chart of an indicator summary."""
    return trend_svg(summary=summary, chart_id=chart_id)


@register.filter
def figure(value, unit):
    """{{ value|figure:indicator.unit }}: 72.4%, 1,234, 96 days, £12,300."""
    return format_value(unit, value)


@register.filter
def human_label(value) -> str:
    """{{ part.dimension|human_label }}: a code as a submitter's file may give it
    ("offence_group", "sexual_offences") in words ("Offence group", "Sexual offences"); words
    already written for people are left as they are."""
    text = str(value or "").strip()
    if not CODE.fullmatch(text):
        return text
    words = text.replace("_", " ")
    return words[:1].upper() + words[1:]
