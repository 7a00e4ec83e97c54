"""The performance report: one PDF per forum and reporting period, registered with
``forums.reports`` in ``PerformanceConfig.ready()``.

Indicators with their RAG status against target, a trend chart (the same server-drawn SVG as
the dashboard, with its text alternative) and the figures as a table. The member version shows
every accepted figure; the public version only periods the forum has published, and can be
downloaded without signing in only once the period itself is published.

``figures_until`` is shared with the annual report (priorities).
"""

from __future__ import annotations

import datetime
from dataclasses import replace

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.models import Forum
from forums.reports import Audience, Built, ReportKind, register_report_kind, render_pdf
from performance.calculations import format_value, rag_status
from performance.charts import trend_svg
from performance.models import PeriodPublication, ReportingPeriod


def figures_until(
    *, forum: Forum, end: datetime.date, published_only: bool, indicator_ids=None
) -> list[dict]:
    """Each indicator with figures up to ``end``: latest figure, target, RAG, trend chart and
    the table of figures, as plain data (the report's fingerprint is built from it)."""
    from performance.selectors import forum_dashboard

    dashboard = forum_dashboard(forum=forum, published_only=published_only, today=end)
    rows = []
    for summary in dashboard.summaries:
        if indicator_ids is not None and summary.indicator.pk not in indicator_ids:
            continue
        points = [point for point in summary.points if point.period.end <= end]
        if not points:
            continue
        cut = replace(summary, points=points)
        latest = points[-1]
        unit = summary.indicator.unit
        rag = (
            rag_status(
                polarity=summary.indicator.polarity,
                value=latest.value,
                target=summary.target.value,
                tolerance=summary.target.amber_tolerance,
            )
            if summary.target
            else summary.rag
        )
        rows.append(
            {
                "indicator": summary.indicator.name,
                "slug": summary.indicator.slug,
                "definition": summary.indicator.definition,
                "latest_period": latest.period.label,
                "latest": format_value(unit, latest.value),
                "target": format_value(unit, summary.target.value) if summary.target else "",
                "rag": rag.code,
                "rag_label": str(rag.label),
                "chart": str(trend_svg(summary=cut, chart_id=f"chart-{summary.indicator.slug}")),
                "table": [
                    {
                        "period": point.period.label,
                        "value": format_value(unit, point.value),
                        "provisional": point.is_provisional,
                    }
                    for point in points
                ],
            }
        )
    return rows


def _load(forum: Forum, subject: str) -> ReportingPeriod | None:
    try:
        pk = int(subject)
    except (TypeError, ValueError):
        return None
    period = ReportingPeriod.objects.filter(pk=pk).first()
    if period is None:
        return None
    period.report_forum = forum
    return period


def _published(forum: Forum, period: ReportingPeriod) -> bool:
    return PeriodPublication.objects.filter(
        forum=forum, period=period, forum__is_public=True
    ).exists()


def collect(period: ReportingPeriod, audience: str, viewer) -> dict:
    forum = period.report_forum
    public = audience == Audience.PUBLIC
    data = {"forum": forum.name, "period": period.label, "code": period.code, "rows": []}
    if public and not _published(forum, period):
        data["available"] = False
        return data
    data["available"] = True
    data["rows"] = figures_until(forum=forum, end=period.end, published_only=public)
    counts = {"green": 0, "amber": 0, "red": 0}
    for row in data["rows"]:
        if row["rag"] in counts:
            counts[row["rag"]] += 1
    data["rag_counts"] = counts
    return data


def render(period: ReportingPeriod, data: dict, audience: str, fmt: str) -> Built:
    public = audience == Audience.PUBLIC
    names = {"forum": data["forum"], "period": data["period"]}
    if public:
        title = gettext("Performance report: %(forum)s, %(period)s (public version)") % names
    else:
        title = gettext("Performance report: %(forum)s, %(period)s (member version)") % names
    content = render_pdf(
        template="performance/reports/performance_report.html",
        context={
            "title": title,
            "data": data,
            "public": public,
            "generated_at": timezone.localtime(),
        },
        marking="" if public else "OFFICIAL",
        running_title=gettext("Performance report: %(forum)s, %(period)s") % names,
    )
    name = f"{slugify(period.report_forum.slug)}-performance-{period.code}-{audience}.pdf"
    return Built(content=content, file_name=name)


def _subjects(forum: Forum) -> list[tuple[str, str]]:
    from performance.selectors import periods_with_returns

    return [
        (
            str(period.pk),
            gettext("%(period)s (published)") % {"period": period.label}
            if period.is_published
            else period.label,
        )
        for period in periods_with_returns(forum=forum)[:12]
    ]


def register() -> None:
    register_report_kind(
        ReportKind(
            name="performance_report",
            title=_("Performance report"),
            load=_load,
            collect=collect,
            render=render,
            public_available=lambda period: _published(period.report_forum, period),
            label=lambda period: period.label,
            subjects=_subjects,
        )
    )
