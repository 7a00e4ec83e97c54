"""Generated reports: ask for one, watch its status, download it when ready.

Members ask for the member version (built for them alone, with only what they may see) or the
public version; anyone may download the public version of published material without signing
in. Another forum's report is a 404; a member version is a 404 to everyone but its member.
"""

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from forums import reports
from forums.access import public_forum_for
from forums.models import GeneratedReport
from forums.views.common import forum_or_404


def _status_url(report: GeneratedReport) -> str:
    return reverse("reports:status", args=[report.forum.slug, report.pk])


def _not_started(request, forum, error: reports.ReportNotStarted):
    """The broker is down: say so (503, try again shortly); the report is marked failed."""
    response = render(
        request,
        "forums/reports/report_problem.html",
        {
            "forum": forum,
            "heading": gettext("The report could not be started"),
            "message": str(error),
        },
        status=503,
    )
    response["Retry-After"] = "60"
    return response


@require_GET
def report_list(request, slug):
    """The forum's reports: what can be produced, and the ones already produced."""
    forum = forum_or_404(request, slug, "forums.view_reports")
    kinds = [
        {"kind": kind, "subjects": kind.subjects(forum) if kind.subjects else []}
        for kind in reports.report_kinds()
    ]
    mine = (
        GeneratedReport.objects.filter(forum=forum)
        .filter(Q(viewer=request.user) | Q(audience=GeneratedReport.Audience.PUBLIC))
        .select_related("forum")
        .order_by("-requested_at")[:30]
    )
    titles = {kind.name: kind.title for kind in reports.report_kinds()}
    labels = {
        (entry["kind"].name, subject): label
        for entry in kinds
        for subject, label in entry["subjects"]
    }
    rows = [
        {
            "report": report,
            "title": titles.get(report.kind, report.kind),
            "label": labels.get((report.kind, report.subject), report.subject),
        }
        for report in mine
    ]
    return render(
        request,
        "forums/reports/report_list.html",
        {"forum": forum, "kinds": kinds, "rows": rows},
    )


@require_POST
def report_request(request, slug):
    """Queue a report (or reuse the current one) and show its status."""
    forum = forum_or_404(request, slug, "forums.view_reports")
    # "personal": the asker's own version (with restricted items they are named on);
    # "members": the version for every member; "public": published material only.
    version = request.POST.get("audience", "")
    audience = GeneratedReport.Audience.PUBLIC if version == "public" else version
    if version in ("personal", "members"):
        audience = GeneratedReport.Audience.MEMBER
    try:
        report = reports.report_request(
            forum=forum,
            kind=request.POST.get("kind", ""),
            subject=request.POST.get("subject", ""),
            audience=audience,
            fmt=request.POST.get("format", "pdf"),
            by=request.user,
            personal=version != "members",
        )
    except ValidationError as error:
        return render(
            request,
            "forums/reports/report_problem.html",
            {"forum": forum, "message": " ".join(error.messages)},
            status=400,
        )
    except reports.ReportNotStarted as error:
        return _not_started(request, forum, error)
    return redirect(_status_url(report))


@require_GET
def report_status(request, slug, pk):
    """Where the report is: waiting, being built, ready (with a download) or failed."""
    forum = forum_or_404(request, slug)
    report = reports.report_for(person=request.user, forum=forum, pk=pk)
    kind = reports.report_kind(report.kind)
    obj = kind.load(forum, report.subject) if kind else None
    current = report.is_ready and reports.report_is_current(report)
    return render(
        request,
        "forums/reports/report_status.html",
        {
            "forum": forum,
            "report": report,
            "title": kind.title if kind else report.kind,
            "label": kind.label(obj) if kind and obj is not None else report.subject,
            "current": current,
            "out_of_date": report.is_ready and not current,
        },
    )


def _attachment(report: GeneratedReport) -> FileResponse:
    content_type = "application/pdf" if report.format == "pdf" else "text/html; charset=utf-8"
    response = FileResponse(
        report.file.open("rb"),
        as_attachment=True,
        filename=report.file_name,
        content_type=content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def report_download(request, slug, pk):
    """The file, as an attachment, if it is ready and still current; otherwise rebuild it."""
    forum = forum_or_404(request, slug)
    report = reports.report_for(person=request.user, forum=forum, pk=pk)
    if report.is_ready and reports.report_is_current(report):
        return _attachment(report)
    if report.is_ready or report.status == GeneratedReport.Status.FAILED or report.is_stuck:
        try:
            report = reports.report_request(
                forum=forum,
                kind=report.kind,
                subject=report.subject,
                audience=report.audience,
                fmt=report.format,
                by=request.user,
                personal=report.viewer_id is not None,
            )
        except reports.ReportNotStarted as error:
            return _not_started(request, forum, error)
    return redirect(_status_url(report))


@login_not_required
@require_GET
def public_report(request, slug, kind, subject, fmt):
    """The public version of published material, without signing in (404 for anything else)."""
    forum = public_forum_for(slug=slug)
    report_type = reports.report_kind(kind)
    if report_type is None or fmt not in report_type.formats:
        raise Http404(gettext("No report found"))
    obj = report_type.load(forum, subject)
    if obj is None or not report_type.public_available(obj):
        raise Http404(gettext("No report found"))
    try:
        report = reports.public_report_for(forum=forum, kind=kind, subject=subject, fmt=fmt)
    except (ValidationError, PermissionDenied) as error:
        raise Http404(gettext("No report found")) from error
    except reports.ReportNotStarted as error:
        return _not_started(request, forum, error)
    if report.is_ready:
        return _attachment(report)
    return render(
        request,
        "forums/reports/report_public_pending.html",
        {
            "forum": forum,
            "title": report_type.title,
            "label": report_type.label(obj),
            "report": report,
        },
        status=202,
    )
