"""Asking for a report, building it in the worker, and whether a stored one is current."""

from __future__ import annotations

import datetime
import hashlib
import json
import logging

import kombu.exceptions
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation

from forums.models import Forum, GeneratedReport
from forums.reports.registry import Audience, is_member, report_kind
from forums.templatetags.bilingual import page_language
from membership.models import User

logger = logging.getLogger(__name__)

# Bump to rebuild every stored report after a change to the layout.
LAYOUT_VERSION = "1"
NOT_STARTED = "We could not start this report. Try again in a few minutes."
# Shown after "The report could not be produced: ".
GAVE_UP = (
    "it was started {times} times and did not finish. Ask for it again; if it still does not "
    "finish, tell the secretariat."
)
# What publishing a task raises when the broker cannot be reached.
BROKER_DOWN = (kombu.exceptions.OperationalError, OSError)


class ReportNotStarted(Exception):
    """The report could not be handed to the worker (the broker is down); it is marked failed."""


def stuck_after() -> datetime.timedelta:
    """How long a report may be queued or running before it counts as stuck (a setting)."""
    return datetime.timedelta(minutes=settings.REPORT_STUCK_AFTER_MINUTES)


def report_is_stuck(report: GeneratedReport, *, now: datetime.datetime | None = None) -> bool:
    """Queued or running with no sign of life (queued or started) for longer than the limit."""
    if not report.in_progress:
        return False
    last_seen = max(filter(None, (report.requested_at, report.started_at)))
    return (now or timezone.now()) - last_seen > stuck_after()


# A report's fingerprint is a hash of what its kind collected for the audience, so a report is
# rebuilt exactly when what it would show has changed, and a member version is rebuilt when
# what that member may see changes.
def fingerprint_of(data: dict) -> str:
    payload = json.dumps({"layout": LAYOUT_VERSION, **data}, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def _find_or_new(
    *, forum, kind, subject, audience, viewer, fmt, language
) -> tuple[GeneratedReport, bool]:
    existing = (
        GeneratedReport.objects.select_for_update()
        .filter(
            forum=forum,
            kind=kind,
            subject=subject,
            audience=audience,
            viewer=viewer,
            format=fmt,
            language=language,
        )
        .order_by("-requested_at")
        .first()
    )
    if existing:
        return existing, False
    report = GeneratedReport.objects.create(
        forum=forum,
        kind=kind,
        subject=subject,
        audience=audience,
        viewer=viewer,
        format=fmt,
        language=language,
        status=GeneratedReport.Status.QUEUED,
    )
    return report, True


def report_current_fingerprint(report: GeneratedReport) -> str | None:
    """What the fingerprint of the report would be now (None if its subject has gone)."""
    kind = report_kind(report.kind)
    if kind is None:
        return None
    obj = kind.load(report.forum, report.subject)
    if obj is None:
        return None
    with translation.override(report.language):
        return fingerprint_of(kind.collect(obj, report.audience, report.viewer))


def report_is_current(report: GeneratedReport) -> bool:
    return report.is_ready and report.fingerprint == report_current_fingerprint(report)


# Nothing here builds a report in a request: report_request queues the Celery task
# forums.generate_report, and report_generate (run by the task) writes the file, then marks
# it ready; a half-built report is never served.
def report_request(
    *,
    forum: Forum,
    kind: str,
    subject: str,
    audience: str,
    fmt: str = "pdf",
    by: User | None,
    personal: bool | None = None,
    language: str | None = None,
) -> GeneratedReport:
    """Find the report or queue it to be built; a current, ready report is reused as it is.

    ``by`` is the person asking (a forum member), or None for the public asking for the public
    version of published material. For a personal kind the member version is built for ``by``
    alone unless ``personal`` is False (the members' version, without restricted material).
    The language (by default the page's) is part of what the report is: a Welsh report is
    another file, with the Welsh a bilingual forum wrote (forums/templatetags/bilingual.py).
    """
    language = language or page_language()
    report_type = report_kind(kind)
    if report_type is None or fmt not in report_type.formats:
        raise ValidationError("Choose a report that can be produced")
    if audience not in Audience.values:
        raise ValidationError("Choose the member or the public version")
    obj = report_type.load(forum, subject)
    if obj is None:
        raise ValidationError("There is nothing to report on")
    if by is None:
        if audience != Audience.PUBLIC or not report_type.public_available(obj):
            raise PermissionDenied("Only published reports are available without signing in")
    else:
        allowed = report_type.may_request or is_member
        if not allowed(by, forum):
            raise PermissionDenied("Only members of this forum can ask for this report")
    if personal is None:
        personal = report_type.personal
    viewer = by if audience == Audience.MEMBER and report_type.personal and personal else None
    report, start = _queue(
        report_type=report_type,
        obj=obj,
        forum=forum,
        kind=kind,
        subject=subject,
        audience=audience,
        viewer=viewer,
        fmt=fmt,
        by=by,
        language=language,
    )
    if start:
        # Once the row is committed (at once outside a transaction): a broker that is down
        # raises ReportNotStarted here, in the request, and the report is marked failed.
        transaction.on_commit(lambda: report_start(report=report))
    return report


@transaction.atomic
def _queue(*, report_type, obj, forum, kind, subject, audience, viewer, fmt, by, language):
    """The report row, queued unless it is current or on its way; and whether to start it."""
    report, created = _find_or_new(
        forum=forum,
        kind=kind,
        subject=subject,
        audience=audience,
        viewer=viewer,
        fmt=fmt,
        language=language,
    )
    now = timezone.now()
    if not created:
        with translation.override(language):
            fingerprint = fingerprint_of(report_type.collect(obj, audience, viewer))
        if report.is_ready and report.fingerprint == fingerprint:
            return report, False  # kept from last time: nothing has changed
        if report.in_progress and not report_is_stuck(report, now=now):
            return report, False  # already on its way
    report.status = GeneratedReport.Status.QUEUED
    report.requested_by = by if by is not None else report.requested_by
    report.requested_at = now
    report.error = ""
    report.requeues = 0  # asked for again: the sweep's retries start afresh
    report.save(update_fields=["status", "requested_by", "requested_at", "error", "requeues"])
    return report, True


def report_start(*, report: GeneratedReport) -> None:
    """Hand the report to the worker; if the broker is down, mark it failed (so it may be asked
    for again at once) and raise ReportNotStarted."""
    from forums.tasks import generate_report

    try:
        generate_report.delay(report.pk)
    except BROKER_DOWN as error:
        logger.warning("Report %s not started: the broker is down (%s)", report.pk, error)
        GeneratedReport.objects.filter(pk=report.pk, status=GeneratedReport.Status.QUEUED).update(
            status=GeneratedReport.Status.FAILED, error=NOT_STARTED, finished_at=timezone.now()
        )
        report.status = GeneratedReport.Status.FAILED
        report.error = NOT_STARTED
        raise ReportNotStarted(NOT_STARTED) from error


def report_sweep_stuck(*, now: datetime.datetime | None = None) -> int:
    """Queue again every report queued or running for longer than the limit (a worker died, or
    the broker lost the task); returns how many. A second run of a task is harmless: a report
    already current is left alone. If the broker is down they stay queued for the next sweep.

    A report the sweep has already queued again ``REPORT_SWEEP_MAX_REQUEUES`` times is marked
    failed instead, with a message asking the person to ask again (which starts afresh)."""
    from forums.tasks import generate_report

    now = now or timezone.now()
    stuck = [
        report
        for report in GeneratedReport.objects.filter(
            status__in=(GeneratedReport.Status.QUEUED, GeneratedReport.Status.RUNNING),
            requested_at__lt=now - stuck_after(),
        )
        if report_is_stuck(report, now=now)
    ]
    limit = settings.REPORT_SWEEP_MAX_REQUEUES
    queued = 0
    for report in stuck:
        unchanged = GeneratedReport.objects.filter(
            pk=report.pk, status=report.status, requested_at=report.requested_at
        )
        if report.requeues >= limit:
            unchanged.update(
                status=GeneratedReport.Status.FAILED,
                error=GAVE_UP.format(times=report.requeues + 1),
                finished_at=now,
            )
            logger.warning("Report %s given up after %s re-queues", report.pk, report.requeues)
            continue
        claimed = unchanged.update(
            status=GeneratedReport.Status.QUEUED,
            requested_at=now,
            error="",
            requeues=F("requeues") + 1,
        )
        if not claimed:
            continue  # a worker or a request got to it first
        try:
            generate_report.delay(report.pk)
        except BROKER_DOWN as error:
            logger.warning("Stuck report %s not queued: the broker is down (%s)", report.pk, error)
            break
        queued += 1
    return queued


def report_generate(*, report_id: int) -> str:
    """Build one report (run by the Celery task); returns its status. Safe to run again: a
    report already current is left alone, and the file is marked ready only once written."""
    with transaction.atomic():
        report = (
            GeneratedReport.objects.select_for_update(of=("self",))
            .select_related("forum", "viewer")
            .filter(pk=report_id)
            .first()
        )
        if report is None:
            return "missing"
        kind = report_kind(report.kind)
        obj = kind.load(report.forum, report.subject) if kind else None
        if kind is None or obj is None:
            report.status = GeneratedReport.Status.FAILED
            report.error = "The report's subject no longer exists."
            report.finished_at = timezone.now()
            report.save(update_fields=["status", "error", "finished_at"])
            return report.status
        with translation.override(report.language):
            data = kind.collect(obj, report.audience, report.viewer)
        fingerprint = fingerprint_of(data)
        if report.is_ready and report.fingerprint == fingerprint:
            return report.status
        report.status = GeneratedReport.Status.RUNNING
        report.started_at = timezone.now()
        report.save(update_fields=["status", "started_at"])
    try:
        with translation.override(report.language):
            built = kind.render(obj, data, report.audience, report.format)
    except Exception as error:  # a bad paper or template must not leave it "running"
        logger.exception("Report %s failed", report_id)
        GeneratedReport.objects.filter(pk=report_id).update(
            status=GeneratedReport.Status.FAILED,
            error=str(error)[:2000] or error.__class__.__name__,
            finished_at=timezone.now(),
        )
        return GeneratedReport.Status.FAILED
    old_file = report.file.name if report.file else ""
    storage = report.file.storage
    new_name = storage.save(
        report.file.field.generate_filename(report, built.file_name), ContentFile(built.content)
    )
    GeneratedReport.objects.filter(pk=report_id).update(
        status=GeneratedReport.Status.READY,
        file=new_name,
        file_name=built.file_name,
        size=len(built.content),
        pages=built.pages,
        fingerprint=fingerprint,
        error="",
        finished_at=timezone.now(),
    )
    if old_file and old_file != new_name:
        transaction.on_commit(lambda: storage.delete(old_file))
    return GeneratedReport.Status.READY


def report_for(*, person: User, forum: Forum, pk: int) -> GeneratedReport:
    """A report the person may see: public and members' versions to any member, a personal
    version only to the member it was built for (another's is a 404, its existence not
    revealed). Someone with a seat who may not read this kind of report is refused (403), as
    the reports list refuses them."""
    from django.http import Http404

    report = GeneratedReport.objects.filter(forum=forum, pk=pk).select_related("forum").first()
    if report is None:
        raise Http404("No report found")
    if report.viewer_id is not None and report.viewer_id != person.pk:
        raise Http404("No report found")
    kind = report_kind(report.kind)
    allowed = (kind.may_request if kind else None) or is_member
    if not allowed(person, forum):
        raise PermissionDenied
    return report


def public_report_for(*, forum: Forum, kind: str, subject: str, fmt: str) -> GeneratedReport:
    """The public version of published material, queued if it is not current."""
    return report_request(
        forum=forum, kind=kind, subject=subject, audience=Audience.PUBLIC, fmt=fmt, by=None
    )
