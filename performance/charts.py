"""Server-rendered SVG trend charts: no JavaScript, a text alternative, and the figures as a table
beside them (the template shows the table; the chart is a picture of it).

Presentation attributes only (no ``style``), so the Content Security Policy is satisfied.
"""

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from performance.calculations import format_value

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 40
LINE = "#1d70b8"  # GOV.UK blue
TARGET = "#0b0c0c"
GRID = "#b1b4b6"


def _scale(low: Decimal, high: Decimal):
    if high == low:
        high = low + 1
    span = high - low
    plot_height = HEIGHT - TOP - BOTTOM

    def y(value: Decimal) -> float:
        return round(TOP + plot_height - float((value - low) / span) * plot_height, 1)

    return y


def trend_svg(*, summary, chart_id: str) -> SafeString:
    """A line chart of an indicator's points, oldest first, with its target as a dashed line."""
    points = [point for point in summary.points if point.value is not None]
    if not points:
        return mark_safe("")
    unit = summary.indicator.unit
    values = [point.value for point in points]
    target = summary.target.value if summary.target else None
    low = min(values + ([target] if target is not None else []))
    high = max(values + ([target] if target is not None else []))
    if unit == "percent":
        low, high = max(Decimal(0), low - 5), min(Decimal(100), high + 5)
    else:
        pad = (high - low) / 10 or abs(high) / 10 or 1
        low, high = max(Decimal(0), low - pad), high + pad
    y = _scale(low, high)
    plot_width = WIDTH - LEFT - RIGHT
    step = plot_width / max(len(points) - 1, 1)

    def x(index: int) -> float:
        return round(LEFT + index * step, 1)

    first, last = points[0], points[-1]
    title = escape(gettext("Trend: %(indicator)s") % {"indicator": summary.indicator.name})
    figures = {
        "count": len(points),
        "first_period": first.period.label,
        "last_period": last.period.label,
        "first": format_value(unit, first.value),
        "latest": format_value(unit, last.value),
        "lowest": format_value(unit, min(values)),
        "highest": format_value(unit, max(values)),
        "target": format_value(unit, target) if target is not None else "",
    }
    if target is not None:
        description = ngettext(
            "%(count)s period from %(first_period)s to %(last_period)s. First %(first)s, "
            "latest %(latest)s, lowest %(lowest)s, highest %(highest)s, target %(target)s. "
            "The figures are in the table below the chart.",
            "%(count)s periods from %(first_period)s to %(last_period)s. First %(first)s, "
            "latest %(latest)s, lowest %(lowest)s, highest %(highest)s, target %(target)s. "
            "The figures are in the table below the chart.",
            len(points),
        )
    else:
        description = ngettext(
            "%(count)s period from %(first_period)s to %(last_period)s. First %(first)s, "
            "latest %(latest)s, lowest %(lowest)s, highest %(highest)s. "
            "The figures are in the table below the chart.",
            "%(count)s periods from %(first_period)s to %(last_period)s. First %(first)s, "
            "latest %(latest)s, lowest %(lowest)s, highest %(highest)s. "
            "The figures are in the table below the chart.",
            len(points),
        )
    description = escape(description % figures)
    parts = [
        f'<svg class="app-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">',
        f'<title id="{chart_id}-title">{title}</title>',
        f'<desc id="{chart_id}-desc">{description}</desc>',
    ]
    for value in (low, (low + high) / 2, high):
        gy = y(value)
        parts.append(
            f'<line x1="{LEFT}" y1="{gy}" x2="{WIDTH - RIGHT}" y2="{gy}" stroke="{GRID}" '
            'stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{gy + 4}" text-anchor="end" font-size="12" '
            f'fill="#0b0c0c">{escape(format_value(unit, value))}</text>'
        )
    if target is not None:
        ty = y(target)
        parts.append(
            f'<line x1="{LEFT}" y1="{ty}" x2="{WIDTH - RIGHT}" y2="{ty}" stroke="{TARGET}" '
            'stroke-width="2" stroke-dasharray="6 4"/>'
        )
        parts.append(
            f'<text x="{WIDTH - RIGHT}" y="{ty - 6}" text-anchor="end" font-size="12" '
            f'fill="#0b0c0c">{escape(gettext("Target"))}</text>'
        )
    coordinates = " ".join(f"{x(i)},{y(point.value)}" for i, point in enumerate(points))
    parts.append(f'<polyline points="{coordinates}" fill="none" stroke="{LINE}" stroke-width="3"/>')
    for i, point in enumerate(points):
        # Provisional figures are hollow circles.
        fill = "#ffffff" if point.is_provisional else LINE
        parts.append(
            f'<circle cx="{x(i)}" cy="{y(point.value)}" r="4" fill="{fill}" stroke="{LINE}" '
            'stroke-width="2"/>'
        )
    for i in sorted({0, len(points) - 1, (len(points) - 1) // 2}):
        anchor = "start" if i == 0 else "end" if i == len(points) - 1 else "middle"
        parts.append(
            f'<text x="{x(i)}" y="{HEIGHT - 12}" text-anchor="{anchor}" font-size="12" '
            f'fill="#0b0c0c">{escape(points[i].period.short_label)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped above
