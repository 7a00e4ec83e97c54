"""Generated reports: kinds registered by each app, built by the worker, kept while current."""

from django.utils.translation import gettext_lazy as _

from forums.reports.board_pack import (
    board_pack_collect,
    board_pack_public_available,
    board_pack_render,
    board_pack_subjects,
)
from forums.reports.meetings import _load_meeting, meeting_label
from forums.reports.minutes import (
    minutes_collect,
    minutes_public_available,
    minutes_render,
    minutes_subjects,
)
from forums.reports.registry import (
    Audience,
    Built,
    ReportKind,
    is_member,
    kind_offered_to,
    register_report_kind,
    report_kind,
    report_kinds,
)
from forums.reports.render import render_html, render_pdf, render_pdf_document
from forums.reports.requests import (
    NOT_STARTED,
    ReportNotStarted,
    public_report_for,
    report_current_fingerprint,
    report_for,
    report_generate,
    report_is_current,
    report_request,
    report_sweep_stuck,
)

__all__ = [
    "NOT_STARTED",
    "Audience",
    "ReportNotStarted",
    "Built",
    "ReportKind",
    "meeting_label",
    "board_pack_collect",
    "is_member",
    "kind_offered_to",
    "public_report_for",
    "register_forum_reports",
    "register_report_kind",
    "render_html",
    "render_pdf",
    "render_pdf_document",
    "report_current_fingerprint",
    "report_for",
    "report_generate",
    "report_is_current",
    "report_kind",
    "report_kinds",
    "report_request",
    "report_sweep_stuck",
]


def register_forum_reports() -> None:
    """Called from ForumsConfig.ready()."""
    register_report_kind(
        ReportKind(
            name="board_pack",
            title=_("Board pack"),
            load=_load_meeting,
            collect=board_pack_collect,
            render=board_pack_render,
            public_available=board_pack_public_available,
            label=meeting_label,
            subjects=board_pack_subjects,
            personal=True,
        )
    )
    register_report_kind(
        ReportKind(
            name="minutes",
            title=_("Minutes"),
            load=_load_meeting,
            collect=minutes_collect,
            render=minutes_render,
            public_available=minutes_public_available,
            label=meeting_label,
            subjects=minutes_subjects,
            personal=True,
        )
    )
