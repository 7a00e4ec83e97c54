"""The kinds of performance record on a forum's audit page (registered in ``ready()``)."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.selectors.audit import AuditKind, register_audit_kind
from performance.models import (
    DataOwnerConfirmation,
    Measurement,
    MeetingFigures,
    PerformanceReturn,
    PeriodPublication,
    Target,
)


def register() -> None:
    for kind in (
        AuditKind(
            key="returns",
            label=_("Performance returns"),
            model=PerformanceReturn,
            forum_lookup="forum_id",
            related=("agency", "period"),
            describe=lambda r: f"{r.agency.name}, {r.period.label}",
        ),
        AuditKind(
            key="figures",
            label=_("Figures in returns"),
            model=Measurement,
            forum_lookup="performance_return__forum_id",
            related=("indicator", "performance_return__agency", "performance_return__period"),
            describe=lambda r: (
                f"{r.indicator.name}: {r.performance_return.agency.name}, "
                f"{r.performance_return.period.label}"
            ),
        ),
        AuditKind(
            key="targets",
            label=_("Targets"),
            model=Target,
            forum_lookup="forum_id",
            related=("indicator", "period"),
            describe=lambda r: f"{r.indicator.name}, {r.period.label}",
        ),
        AuditKind(
            key="period-publications",
            label=_("Published periods"),
            model=PeriodPublication,
            forum_lookup="forum_id",
            related=("period",),
            describe=lambda r: (
                gettext("Figures for %(period)s published") % {"period": r.period.label}
            ),
        ),
        AuditKind(
            key="data-owner-confirmations",
            label=_("Data owner confirmations"),
            model=DataOwnerConfirmation,
            forum_lookup="forum_id",
            related=("agency", "period"),
            describe=lambda r: f"{r.agency.name}, {r.period.label}",
        ),
        AuditKind(
            key="meeting-figures",
            label=_("Figures frozen for meetings"),
            model=MeetingFigures,
            forum_lookup="meeting__forum_id",
            related=("meeting",),
            ignore=("figures",),
            describe=lambda r: gettext("Figures for %(meeting)s") % {"meeting": r.meeting.title},
        ),
    ):
        register_audit_kind(kind)
