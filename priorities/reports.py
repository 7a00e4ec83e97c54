"""The annual report: one per forum and plan year, as PDF and as HTML (for the board's website),
registered with ``forums.reports`` in ``PrioritiesConfig.ready()``.

What the inspection asked boards to tell the public: who sits round the table and how often
they came, which priorities were met and which not and what is being done, the key figures,
and the consultations held. The public version reads only published material (agreed
priorities, the approved evaluation, published figures and consultations, names only with
consent) and is downloadable without signing in once the chair has approved the evaluation.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import slugify

from forums.models import Attendance, Forum, Meeting, Membership
from forums.reports import (
    Audience,
    Built,
    ReportKind,
    register_report_kind,
    render_html,
    render_pdf,
)
from forums.templatetags.bilingual import bilingual, bilingual_text
from priorities.models import (
    AnnualEvaluation,
    Consultation,
    EvaluationOutcome,
    Priority,
    plan_year_label,
)

KEY_FIGURES = 8


class PlanYear:
    """The subject of an annual report: a forum's plan year (April to March)."""

    def __init__(self, forum: Forum, year: int):
        self.forum = forum
        self.year = year
        self.start = datetime.date(year, 4, 1)
        self.end = datetime.date(year + 1, 3, 31)

    @property
    def label(self) -> str:
        return plan_year_label(self.year)


def _load(forum: Forum, subject: str) -> PlanYear | None:
    try:
        year = int(subject)
    except (TypeError, ValueError):
        return None
    if not 2000 <= year <= 2100:
        return None
    return PlanYear(forum, year)


def _evaluation(plan: PlanYear, public: bool):
    evaluations = AnnualEvaluation.objects.published() if public else AnnualEvaluation.objects
    return evaluations.filter(forum=plan.forum, plan_year=plan.year).first()


def _public_available(plan: PlanYear) -> bool:
    return plan.forum.is_public and _evaluation(plan, public=True) is not None


def _membership(plan: PlanYear, public: bool, on: datetime.date) -> list[dict]:
    """Everyone who held a seat at some time in the plan year (up to ``on``)."""
    rows = []
    memberships = (
        Membership.objects.filter(start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=plan.start))
        .filter(forum=plan.forum, role__in=Membership.SEATED_ROLES)
        .select_related("person", "agency", "agency__agency_type")
        .order_by("agency__name", "person__full_name")
    )
    for membership in memberships:
        named = not public or membership.show_name_publicly
        rows.append(
            {
                "agency": str(membership.agency or ""),
                "agency_type": str(membership.agency.agency_type) if membership.agency else "",
                "role": membership.get_role_display(),
                "name": str(membership.person) if named else "",
                "commits": membership.can_commit_resources,
            }
        )
    return rows


def _attendance(plan: PlanYear, public: bool) -> dict:
    meetings = Meeting.objects.filter(
        forum=plan.forum,
        starts_at__date__gte=plan.start,
        starts_at__date__lte=plan.end,
        status__in=[Meeting.Status.HELD, Meeting.Status.MINUTES_APPROVED],
    )
    if public:
        meetings = meetings.filter(pk__in=Meeting.objects.published().values("pk"))
    meeting_ids = list(meetings.values_list("pk", flat=True))
    represented: dict[str, set] = defaultdict(set)
    rows = (
        Attendance.objects.filter(meeting_id__in=meeting_ids, agency__isnull=False)
        .filter(actual__in=[Attendance.Actual.PRESENT, Attendance.Actual.DEPUTY_PRESENT])
        .values_list("agency__name", "meeting_id")
    )
    for agency, meeting_id in rows:
        represented[agency].add(meeting_id)
    total = len(meeting_ids)
    return {
        "meetings": total,
        "rows": [
            {
                "agency": agency,
                "attended": len(found),
                "percent": round(100 * len(found) / total) if total else 0,
            }
            for agency, found in sorted(represented.items())
        ],
    }


def _priorities(plan: PlanYear, public: bool, evaluation) -> list[dict]:
    outcomes = {}
    if evaluation is not None:
        outcomes = {
            outcome.priority_id: outcome
            for outcome in EvaluationOutcome.objects.filter(evaluation=evaluation)
        }
    priorities = Priority.objects.filter(forum=plan.forum, plan_year=plan.year)
    if public:
        priorities = priorities.filter(pk__in=Priority.objects.published().values("pk"))
    else:
        priorities = priorities.filter(status__in=[Priority.Status.AGREED, Priority.Status.RETIRED])
    rows = []
    for priority in priorities.select_related("theme", "lead_agency").order_by("title"):
        outcome = outcomes.get(priority.pk)
        rows.append(
            {
                "title": bilingual(priority, "title"),
                "theme": bilingual(priority.theme, "name"),
                "lead": str(priority.lead_agency or ""),
                "description": bilingual(priority, "description"),
                "outcome": outcome.outcome if outcome else "",
                "outcome_label": outcome.get_outcome_display() if outcome else "Not evaluated",
                "narrative": bilingual(outcome, "narrative") if outcome else "",
                "figures": outcome.figures if outcome else "",
                "next_action": outcome.next_action if outcome else "",
            }
        )
    return rows


def _consultations(plan: PlanYear, public: bool) -> list[dict]:
    consultations = Consultation.objects.filter(
        forum=plan.forum, opens_on__gte=plan.start, opens_on__lte=plan.end
    )
    if public:
        consultations = consultations.published()
    return [
        {
            "title": bilingual(c, "title"),
            "opens": f"{c.opens_on:%-d %B %Y}",
            "closes": f"{c.closes_on:%-d %B %Y}",
            "responses": c.response_count,
            "summary": bilingual(c, "published_summary"),
        }
        for c in consultations.annotate(response_count=Count("responses")).order_by("opens_on")
    ]


def _key_figures(plan: PlanYear, public: bool, on: datetime.date) -> list[dict]:
    from performance.reports import figures_until

    linked = set(
        Priority.objects.filter(forum=plan.forum, plan_year=plan.year)
        .filter(~Q(indicators=None))
        .values_list("indicators", flat=True)
    )
    rows = figures_until(
        forum=plan.forum, end=on, published_only=public, indicator_ids=linked or None
    )
    return rows[:KEY_FIGURES]


def collect(plan: PlanYear, audience: str, viewer) -> dict:
    public = audience == Audience.PUBLIC
    on = min(plan.end, timezone.localdate())
    evaluation = _evaluation(plan, public)
    return {
        "forum": bilingual_text(plan.forum, "name"),
        "year": plan.label,
        "evaluation": {
            "status": evaluation.get_status_display() if evaluation else "",
            "approved": bool(evaluation and evaluation.status == AnnualEvaluation.Status.APPROVED),
            "summary": bilingual(evaluation, "summary") if evaluation else "",
        },
        "membership": _membership(plan, public, on),
        "attendance": _attendance(plan, public),
        "priorities": _priorities(plan, public, evaluation),
        "figures": _key_figures(plan, public, on),
        "consultations": _consultations(plan, public),
    }


def render(plan: PlanYear, data: dict, audience: str, fmt: str) -> Built:
    public = audience == Audience.PUBLIC
    version = "public version" if public else "member version"
    title = f"Annual report: {data['forum']}, {data['year']} ({version})"
    context = {"title": title, "data": data, "public": public, "generated_at": timezone.localtime()}
    name = f"{slugify(plan.forum.slug)}-annual-report-{plan.year}-{audience}.{fmt}"
    if fmt == "html":
        return Built(
            content=render_html(template="priorities/reports/annual_report.html", context=context),
            file_name=name,
        )
    content = render_pdf(
        template="priorities/reports/annual_report.html",
        context=context,
        marking="" if public else "OFFICIAL",
        running_title=f"Annual report: {data['forum']}, {data['year']}",
    )
    return Built(content=content, file_name=name)


def _subjects(forum: Forum) -> list[tuple[str, str]]:
    from priorities.selectors import plan_years

    return [(str(year), plan_year_label(year)) for year in plan_years(forum=forum)]


def register() -> None:
    register_report_kind(
        ReportKind(
            name="annual_report",
            title="Annual report",
            load=_load,
            collect=collect,
            render=render,
            public_available=_public_available,
            label=lambda plan: f"{plan.forum.name}, {plan.label}",
            formats=("pdf", "html"),
            subjects=_subjects,
        )
    )
