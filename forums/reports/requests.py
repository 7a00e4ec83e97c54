"""Asking for a report, building it in the worker, and whether a stored one is current."""

from __future__ import annotations

import datetime
import hashlib
import json
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from forums.models import Forum, GeneratedReport
from forums.reports.registry import Audience, is_member, report_kind
from membership.models import User

logger = logging.getLogger(__name__)

# Bump to rebuild every stored report after a change to the layout.
LAYOUT_VERSION = "1"
# A queued report whose task has not started in this time is queued again on the next request.
STALE_QUEUE = datetime.timedelta(minutes=10)


# A report's fingerprint is a hash of what its kind collected for the audience, so a report is
# rebuilt exactly when what it would show has changed, and a member version is rebuilt when
# what that member may see changes.
def fingerprint_of(data: dict) -> str:
    payload = json.dumps({"layout": LAYOUT_VERSION, **data}, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def _find_or_new(*, forum, kind, subject, audience, viewer, fmt) -> tuple[GeneratedReport, bool]:
    existing = (
        GeneratedReport.objects.select_for_update()
        .filter(
            forum=forum,
            kind=kind,
            subject=subject,
            audience=audience,
            viewer=viewer,
            format=fmt,
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
    return fingerprint_of(kind.collect(obj, report.audience, report.viewer))


def report_is_current(report: GeneratedReport) -> bool:
    return report.is_ready and report.fingerprint == report_current_fingerprint(report)


# Nothing here builds a report in a request: report_request queues the Celery task
# forums.generate_report, and report_generate (run by the task) writes the file, then marks
# it ready; a half-built report is never served.
@transaction.atomic
def report_request(
    *,
    forum: Forum,
    kind: str,
    subject: str,
    audience: str,
    fmt: str = "pdf",
    by: User | None,
    personal: bool | None = None,
) -> GeneratedReport:
    """Find the report or queue it to be built; a current, ready report is reused as it is.

    ``by`` is the person asking (a forum member), or None for the public asking for the public
    version of published material. For a personal kind the member version is built for ``by``
    alone unless ``personal`` is False (the members' version, without restricted material).
    """
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
    report, created = _find_or_new(
        forum=forum, kind=kind, subject=subject, audience=audience, viewer=viewer, fmt=fmt
    )
    now = timezone.now()
    if not created:
        fingerprint = fingerprint_of(report_type.collect(obj, audience, viewer))
        if report.is_ready and report.fingerprint == fingerprint:
            return report  # kept from last time: nothing has changed
        if report.in_progress and now - report.requested_at < STALE_QUEUE:
            return report  # already on its way
    report.status = GeneratedReport.Status.QUEUED
    report.requested_by = by if by is not None else report.requested_by
    report.requested_at = now
    report.error = ""
    report.save(update_fields=["status", "requested_by", "requested_at", "error"])
    from forums.tasks import generate_report

    transaction.on_commit(lambda: generate_report.delay(report.pk))
    return report


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
        data = kind.collect(obj, report.audience, report.viewer)
        fingerprint = fingerprint_of(data)
        if report.is_ready and report.fingerprint == fingerprint:
            return report.status
        report.status = GeneratedReport.Status.RUNNING
        report.started_at = timezone.now()
        report.save(update_fields=["status", "started_at"])
    try:
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
