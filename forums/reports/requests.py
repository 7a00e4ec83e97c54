"""Generated reports: a registry of kinds, the request and build services, and the forums' kinds
(board pack and minutes per meeting).

Each kind registers a :class:`ReportKind`: how to find its subject within a forum (a meeting, a
plan year, a period), how to *collect* what the report shows for an audience, and how to
*render* what was collected. The fingerprint of a report is a hash of what was collected, so a
report is rebuilt exactly when what it would show has changed, and a member version is rebuilt
when what that member may see changes. Performance and priorities register their kinds in their
``AppConfig.ready()``.

Nothing here builds a report in a request: :func:`report_request` queues the Celery task
``forums.generate_report`` and :func:`report_generate` (run by the task) writes the file, then
marks it ready — a half-built report is never served.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from forums import confidentiality
from forums.models import (
    Action,
    AgendaItem,
    Attendance,
    Decision,
    Forum,
    GeneratedReport,
    Meeting,
    MinuteEntry,
    Minutes,
    Paper,
)
from membership import dates
from membership.models import User

logger = logging.getLogger(__name__)

# Bump to rebuild every stored report after a change to the layout.
LAYOUT_VERSION = "1"
# A queued report whose task has not started in this time is queued again on the next request.
STALE_QUEUE = datetime.timedelta(minutes=10)

Audience = GeneratedReport.Audience


# --- registry ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Built:
    """A finished file."""

    content: bytes
    file_name: str
    pages: int | None = None


@dataclass(frozen=True)
class ReportKind:
    """A kind of report and how to build it.

    - ``load(forum, subject)`` → the subject object within that forum, or None;
    - ``collect(obj, audience, viewer)`` → a JSON-serialisable dict of everything the report
      shows for that audience (the fingerprint is its hash);
    - ``render(obj, data, audience, fmt)`` → :class:`Built`;
    - ``public_available(obj)`` → whether the public version may be downloaded without
      signing in (only published material);
    - ``label(obj)`` → how the subject reads ("Board meeting, 3 March 2026");
    - ``subjects(forum)`` → ``[(subject, label), ...]`` offered on the forum's reports page
      (a fixed number of queries however many there are).
    """

    name: str
    title: str
    load: Callable[[Forum, str], Any]
    collect: Callable[[Any, str, User | None], dict]
    render: Callable[[Any, dict, str, str], Built]
    public_available: Callable[[Any], bool]
    label: Callable[[Any], str]
    formats: tuple[str, ...] = ("pdf",)
    may_request: Callable[[User, Forum], bool] | None = None
    # Personal kinds (board pack, minutes) can also be built for one member with the restricted
    # items they are named on; otherwise the member version is one for every member, without
    # restricted material (``viewer`` None), which the secretariat can hand out.
    personal: bool = False
    subjects: Callable[[Forum], list[tuple[str, str]]] | None = None


_kinds: dict[str, ReportKind] = {}


def register_report_kind(kind: ReportKind) -> None:
    _kinds[kind.name] = kind


def report_kind(name: str) -> ReportKind | None:
    return _kinds.get(name)


def report_kinds() -> list[ReportKind]:
    return list(_kinds.values())


# --- who may see ---------------------------------------------------------------------------


def _viewer(person: User | None, forum: Forum) -> confidentiality.Viewer:
    """The person's standing now, read afresh (a report outlives the request that asked)."""
    if person is None:
        return confidentiality.NOBODY
    standing = confidentiality.viewers_on(forum_ids=[forum.pk], person_ids=[person.pk])
    return standing.get((forum.pk, person.pk), confidentiality.NOBODY)


def is_member(person: User, forum: Forum) -> bool:
    return _viewer(person, forum).is_member


def kind_offered_to(person: User, forum: Forum, name: str) -> ReportKind | None:
    """The kind of report, if the person may ask for it on this forum (to offer its buttons)."""
    kind = report_kind(name)
    if kind is None or not (kind.may_request or is_member)(person, forum):
        return None
    return kind


# --- rendering -----------------------------------------------------------------------------


def _print_css() -> str:
    path = finders.find("reports/print.css")
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def render_pdf_document(
    *,
    template: str,
    context: dict,
    marking: str = "",
    running_title: str = "",
    page_numbers: bool = True,
):
    """Render a template to a WeasyPrint document (tagged, titled, in British English)."""
    from weasyprint import CSS, HTML

    html = render_to_string(template, {"service_name": settings.SERVICE_NAME, **context})
    marks = "@page {"
    if marking:
        marks += f" @top-right {{ content: {_css_string(marking)}; }}"
    if running_title:
        marks += f" @bottom-left {{ content: {_css_string(running_title)}; }}"
    if not page_numbers:
        marks += " @bottom-right { content: none; }"
    marks += " }"
    return HTML(string=html, base_url=str(settings.BASE_DIR)).render(
        stylesheets=[CSS(string=_print_css()), CSS(string=marks)], pdf_tags=True
    )


def render_pdf(**kwargs) -> bytes:
    document = render_pdf_document(**kwargs)
    return document.write_pdf(pdf_variant="pdf/ua-1")


def render_html(*, template: str, context: dict) -> bytes:
    """A self-contained HTML file (the print stylesheet inline) for publishing on a website."""
    return render_to_string(
        template,
        {"service_name": settings.SERVICE_NAME, "inline_css": _print_css(), **context},
    ).encode()


def fingerprint_of(data: dict) -> str:
    payload = json.dumps({"layout": LAYOUT_VERSION, **data}, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


# --- services ------------------------------------------------------------------------------


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
    revealed)."""
    from django.http import Http404

    report = GeneratedReport.objects.filter(forum=forum, pk=pk).select_related("forum").first()
    if report is None:
        raise Http404("No report found")
    if report.viewer_id is not None and report.viewer_id != person.pk:
        raise Http404("No report found")
    kind = report_kind(report.kind)
    allowed = (kind.may_request if kind else None) or is_member
    if not allowed(person, forum):
        raise Http404("No report found")
    return report


def public_report_for(*, forum: Forum, kind: str, subject: str, fmt: str) -> GeneratedReport:
    """The public version of published material, queued if it is not current."""
    return report_request(
        forum=forum, kind=kind, subject=subject, audience=Audience.PUBLIC, fmt=fmt, by=None
    )


# --- helpers for meeting reports -----------------------------------------------------------


def _load_meeting(forum: Forum, subject: str) -> Meeting | None:
    try:
        pk = int(subject)
    except (TypeError, ValueError):
        return None
    return Meeting.objects.filter(forum=forum, pk=pk).select_related("forum").first()


def _meeting_label(meeting: Meeting) -> str:
    return f"{meeting.title}, {dates.date_text(meeting.starts_at)}"


def _meeting_facts(meeting: Meeting) -> dict:
    return {
        "forum": meeting.forum.name,
        "title": meeting.title,
        "when": dates.when(meeting.starts_at, meeting.ends_at),
        "where": meeting.location or ("Online" if meeting.online_link else "To be confirmed"),
        "status": meeting.get_status_display(),
        "cancelled": meeting.is_cancelled,
        "held": meeting.is_held,
    }


def _attendance_rows(meeting: Meeting, audience: str) -> list[dict]:
    rows = []
    attendances = meeting.attendances.select_related(
        "person", "agency", "deputy", "membership"
    ).order_by("agency__name", "person__full_name")
    for attendance in attendances:
        public = audience == Audience.PUBLIC
        named = not public or bool(
            attendance.membership and attendance.membership.show_name_publicly
        )
        role = attendance.membership.get_role_display() if attendance.membership else "Guest"
        if public and not attendance.membership:
            continue  # guests are not listed publicly
        rows.append(
            {
                "name": str(attendance.person) if named else f"Representative ({role})",
                "agency": str(attendance.agency or ""),
                "role": role,
                "reply": attendance.get_reply_display(),
                "deputy": str(attendance.deputy)
                if attendance.deputy and not public
                else ("Deputy" if attendance.deputy else ""),
                "actual": attendance.get_actual_display()
                if attendance.actual != Attendance.Actual.UNKNOWN
                else "",
            }
        )
    return rows


def _audience_viewer(meeting: Meeting, viewer: User | None) -> confidentiality.Viewer:
    """Who a member version is for: the viewer, or any member (the members' version, nothing
    restricted)."""
    if viewer is None:
        return confidentiality.ANY_MEMBER
    return _viewer(viewer, meeting.forum)


def _items_for(meeting: Meeting, audience: str, viewer: User | None) -> tuple[list, set]:
    """(agenda items, ids of papers shown)."""
    base = (
        AgendaItem.objects.on_agenda()
        .filter(meeting=meeting)
        .select_related("presenter", "presenter_agency")
        .order_by("order", "pk")
    )
    papers = Paper.objects.filter(agenda_item__meeting=meeting, current_version__isnull=False)
    if audience == Audience.PUBLIC:
        items = list(base.public())
        return items, set(papers.public().values_list("pk", flat=True))
    who = _audience_viewer(meeting, viewer)
    items = list(confidentiality.visible_for(base, who))
    papers = confidentiality.visible_for(papers.filter(agenda_item__in=items), who)
    return items, set(papers.values_list("pk", flat=True))


# --- board pack ----------------------------------------------------------------------------


def board_pack_collect(meeting: Meeting, audience: str, viewer: User | None) -> dict:
    """Everything the board pack shows for this audience (and nothing it may not)."""
    items, paper_ids = _items_for(meeting, audience, viewer)
    papers = {
        paper.pk: paper
        for paper in Paper.objects.filter(pk__in=paper_ids).select_related("current_version")
    }
    numbered = {
        item.pk: number
        for number, item in enumerate(
            AgendaItem.objects.on_agenda().filter(meeting=meeting).order_by("order", "pk"),
            start=1,
        )
    }
    rows = []
    for item in items:
        item_papers = sorted(
            (p for p in papers.values() if p.agenda_item_id == item.pk), key=lambda p: p.pk
        )
        rows.append(
            {
                "number": numbered.get(item.pk, 0),
                "title": item.title,
                "description": item.description,
                "purpose": item.get_purpose_display(),
                "presenter": str(item.presenter or item.presenter_agency or ""),
                "minutes_allowed": item.minutes_allowed,
                "confidentiality": item.confidentiality,
                "confidentiality_label": item.get_confidentiality_display(),
                "papers": [
                    {
                        "id": paper.pk,
                        "ref": f"{numbered.get(item.pk, 0)}.{index}",
                        "title": paper.title,
                        "classification": paper.get_classification_display(),
                        "sensitive": confidentiality.is_sensitive(paper),
                        "version": paper.current_version.number,
                        "version_id": paper.current_version_id,
                        "sha256": paper.current_version.sha256,
                        "file_name": paper.current_version.file_name,
                        "content_type": paper.current_version.content_type,
                        "is_pdf": paper.current_version.content_type == "application/pdf"
                        or paper.current_version.file_name.lower().endswith(".pdf"),
                    }
                    for index, paper in enumerate(item_papers, start=1)
                ],
            }
        )
    return {
        "meeting": _meeting_facts(meeting),
        "audience": audience,
        "viewer": str(viewer) if viewer else "",
        "items": rows,
        "attendance": _attendance_rows(meeting, audience),
        "sensitive": any(p["sensitive"] for row in rows for p in row["papers"]),
    }


def _merge_papers(main_document, data: dict) -> tuple[bytes, int]:
    """The rendered pack with each uploaded PDF paper inserted after its divider page, and
    every other file attached to the PDF."""
    from pypdf import PdfReader, PdfWriter

    from forums.models import PaperVersion

    divider_pages = {}
    for index, page in enumerate(main_document.pages):
        for anchor in page.anchors:
            if anchor.startswith("paper-"):
                divider_pages.setdefault(anchor, index)
    main_pdf = main_document.write_pdf(pdf_variant="pdf/ua-1")
    writer = PdfWriter(clone_from=io.BytesIO(main_pdf))
    versions = PaperVersion.objects.in_bulk(
        [p["version_id"] for row in data["items"] for p in row["papers"]]
    )
    inserted = 0
    for row in data["items"]:
        for paper in row["papers"]:
            version = versions.get(paper["version_id"])
            if version is None:
                continue
            with version.file.open("rb") as handle:
                content = handle.read()
            position = divider_pages.get(f"paper-{paper['id']}")
            if paper["is_pdf"] and position is not None:
                try:
                    reader = PdfReader(io.BytesIO(content))
                    count = len(reader.pages)
                    writer.merge(position=position + 1 + inserted, fileobj=reader)
                    inserted += count
                    continue
                except Exception:  # not a readable PDF after all: attach it instead
                    logger.warning("Paper %s could not be merged; attached instead", paper["id"])
            writer.add_attachment(version.file_name, content)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue(), len(writer.pages)


def version_of(audience: str, data: dict) -> tuple[str, str]:
    """How a version reads in titles, and the end of its file name."""
    if audience == Audience.PUBLIC:
        return "public version", "public"
    if data.get("viewer"):
        return f"personal version for {data['viewer']}", "personal"
    return "members' version", "members"


def board_pack_render(meeting: Meeting, data: dict, audience: str, fmt: str) -> Built:
    version, suffix = version_of(audience, data)
    title = f"Board pack: {data['meeting']['forum']}, {_meeting_label(meeting)} ({version})"
    marking = ""
    if audience == Audience.MEMBER:
        marking = "OFFICIAL-SENSITIVE" if data["sensitive"] else "OFFICIAL"
    document = render_pdf_document(
        template="forums/reports/board_pack.html",
        context={
            "title": title,
            "data": data,
            "public": audience == Audience.PUBLIC,
            "version": version,
            "generated_at": timezone.localtime(),
        },
        marking=marking,
        running_title=f"{data['meeting']['forum']}: {_meeting_label(meeting)}",
        page_numbers=False,
    )
    content, pages = _merge_papers(document, data)
    day = timezone.localtime(meeting.starts_at)
    name = f"{slugify(meeting.forum.slug)}-{day:%Y-%m-%d}-board-pack-{suffix}.pdf"
    return Built(content=content, file_name=name, pages=pages)


def board_pack_public_available(meeting: Meeting) -> bool:
    return Meeting.objects.published().filter(pk=meeting.pk, status__in=Meeting.AGENDA_OUT).exists()


# --- minutes -------------------------------------------------------------------------------

APPROVED_MINUTES = (Minutes.Status.APPROVED, Minutes.Status.PUBLISHED)


def minutes_collect(meeting: Meeting, audience: str, viewer: User | None) -> dict:
    """Approved minutes: member version with what the viewer may see; public version only the
    entries on public items of published minutes."""
    minutes = Minutes.objects.filter(meeting=meeting, status__in=APPROVED_MINUTES).first()
    data: dict = {
        "meeting": _meeting_facts(meeting),
        "audience": audience,
        "viewer": str(viewer) if viewer else "",
        "entries": [],
    }
    if minutes is None:
        data["available"] = False
        return data
    data["available"] = True
    data["approved_on"] = dates.date_text(minutes.approved_at) if minutes.approved_at else ""
    data["introduction"] = minutes.introduction
    entries = (
        MinuteEntry.objects.filter(minutes=minutes)
        .select_related("agenda_item")
        .order_by("agenda_item__order", "agenda_item__pk")
    )
    decisions = Decision.objects.filter(meeting=meeting).select_related("agenda_item")
    actions = Action.objects.filter(meeting=meeting).select_related(
        "owner", "accountable_agency", "agenda_item"
    )
    if audience == Audience.PUBLIC:
        if not Minutes.objects.published().filter(pk=minutes.pk).exists():
            data["available"] = False
            return data
        visible_entries = list(entries.public())
        decisions = decisions.public()
        actions = actions.none()
    else:
        who = _audience_viewer(meeting, viewer)
        if not who.is_member:
            data["available"] = False
            return data
        visible_entries = list(confidentiality.visible_for(entries, who))
        decisions = confidentiality.visible_for(decisions, who)
        actions = confidentiality.visible_for(actions, who)
    decisions = list(decisions)
    shown_items = {entry.agenda_item_id for entry in visible_entries}
    for entry in visible_entries:
        data["entries"].append(
            {
                "title": entry.agenda_item.title,
                "confidential": not confidentiality.marked_public(entry.agenda_item),
                "text": entry.text,
                "decisions": [
                    {"reference": d.reference, "text": d.text}
                    for d in decisions
                    if d.agenda_item_id == entry.agenda_item_id
                ],
            }
        )
    data["other_decisions"] = [
        {"reference": d.reference, "text": d.text}
        for d in decisions
        if d.agenda_item_id not in shown_items
        and (audience == Audience.MEMBER or d.agenda_item_id is None)
    ]
    data["actions"] = [
        {
            "reference": a.reference,
            "title": a.title,
            "owner": str(a.owner or a.accountable_agency or ""),
            "due": dates.date_text(a.due_date),
            "status": a.get_status_display(),
        }
        for a in actions.order_by("due_date", "pk")
    ]
    data["attendance"] = [
        row
        for row in _attendance_rows(meeting, audience)
        if row["actual"] in ("Present", "Deputy attended")
    ]
    return data


def minutes_render(meeting: Meeting, data: dict, audience: str, fmt: str) -> Built:
    if not data.get("available"):
        raise ValidationError("These minutes are not approved (or not published) yet")
    version, suffix = version_of(audience, data)
    title = f"Minutes: {data['meeting']['forum']}, {_meeting_label(meeting)} ({version})"
    content = render_pdf(
        template="forums/reports/minutes.html",
        context={
            "title": title,
            "data": data,
            "public": audience == Audience.PUBLIC,
            "version": version,
        },
        marking="" if audience == Audience.PUBLIC else "OFFICIAL",
        running_title=f"Minutes: {data['meeting']['forum']}, {_meeting_label(meeting)}",
    )
    day = timezone.localtime(meeting.starts_at)
    name = f"{slugify(meeting.forum.slug)}-{day:%Y-%m-%d}-minutes-{suffix}.pdf"
    return Built(content=content, file_name=name)


def minutes_public_available(meeting: Meeting) -> bool:
    return Minutes.objects.published().filter(meeting=meeting).exists()


def _recent_meetings(forum: Forum):
    since = timezone.now() - datetime.timedelta(days=400)
    return (
        Meeting.objects.filter(forum=forum, starts_at__gte=since)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")
    )


def board_pack_subjects(forum: Forum) -> list[tuple[str, str]]:
    return [(str(m.pk), _meeting_label(m)) for m in _recent_meetings(forum)]


def minutes_subjects(forum: Forum) -> list[tuple[str, str]]:
    meetings = _recent_meetings(forum).filter(minutes__status__in=APPROVED_MINUTES)
    return [(str(m.pk), _meeting_label(m)) for m in meetings]


def register_forum_reports() -> None:
    """Called from ForumsConfig.ready()."""
    register_report_kind(
        ReportKind(
            name="board_pack",
            title="Board pack",
            load=_load_meeting,
            collect=board_pack_collect,
            render=board_pack_render,
            public_available=board_pack_public_available,
            label=_meeting_label,
            subjects=board_pack_subjects,
            personal=True,
        )
    )
    register_report_kind(
        ReportKind(
            name="minutes",
            title="Minutes",
            load=_load_meeting,
            collect=minutes_collect,
            render=minutes_render,
            public_available=minutes_public_available,
            label=_meeting_label,
            subjects=minutes_subjects,
            personal=True,
        )
    )
