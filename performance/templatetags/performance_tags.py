"""Template helpers for figures and charts: {% load performance_tags %}."""

from django import template

from performance.calculations import format_value
from performance.charts import trend_svg

register = template.Library()


@register.simple_tag
def trend_chart(summary, chart_id):
    """{% trend_chart summary "chart-id" %}: the SVG trend chart of an indicator summary."""
    return trend_svg(summary=summary, chart_id=chart_id)


@register.filter
def figure(value, unit):
    """{{ value|figure:indicator.unit }}: 72.4%, 1,234, 96 days, £12,300."""
    return format_value(unit, value)
