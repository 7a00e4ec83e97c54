"""The kinds of priorities record on a forum's audit page (registered in ``ready()``)."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.selectors.audit import AuditKind, register_audit_kind
from priorities.models import (
    AnnualEvaluation,
    Consultation,
    DeliveryAction,
    EvaluationOutcome,
    Objective,
    Priority,
    Risk,
    SignOff,
    Tension,
    YouSaidWeDid,
)
from priorities.models.plan import plan_year_label


def _short(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def register() -> None:
    for kind in (
        AuditKind(
            key="priorities",
            label=_("Priorities"),
            model=Priority,
            forum_lookup="forum_id",
            describe=lambda r: r.title,
        ),
        AuditKind(
            key="objectives",
            label=_("Objectives"),
            model=Objective,
            forum_lookup="priority__forum_id",
            related=("priority",),
            describe=lambda r: f"{r.title} ({r.priority.title})",
        ),
        AuditKind(
            key="sign-offs",
            label=_("Sign-offs"),
            model=SignOff,
            forum_lookup="priority__forum_id",
            related=("priority", "agency"),
            describe=lambda r: (
                gettext("%(agency)s on %(title)s")
                % {"agency": r.agency.name, "title": r.priority.title}
            ),
        ),
        AuditKind(
            key="delivery-actions",
            label=_("Actions linked to priorities"),
            model=DeliveryAction,
            forum_lookup="priority__forum_id",
            related=("priority", "action"),
            describe=lambda r: f"{r.action.title} → {r.priority.title}",
        ),
        AuditKind(
            key="tensions",
            label=_("Tensions"),
            model=Tension,
            forum_lookup="forum_id",
            describe=lambda r: r.title,
        ),
        AuditKind(
            key="risks",
            label=_("Risks"),
            model=Risk,
            forum_lookup="forum_id",
            describe=lambda r: r.title,
        ),
        AuditKind(
            key="consultations",
            label=_("Consultations"),
            model=Consultation,
            forum_lookup="forum_id",
            describe=lambda r: r.title,
        ),
        AuditKind(
            key="you-said-we-did",
            label=_("You said, we did"),
            model=YouSaidWeDid,
            forum_lookup="consultation__forum_id",
            describe=lambda r: _short(r.you_said),
        ),
        AuditKind(
            key="evaluations",
            label=_("Annual evaluations"),
            model=AnnualEvaluation,
            forum_lookup="forum_id",
            describe=lambda r: (
                gettext("Annual evaluation %(year)s") % {"year": plan_year_label(r.plan_year)}
            ),
        ),
        AuditKind(
            key="evaluation-outcomes",
            label=_("Evaluation outcomes"),
            model=EvaluationOutcome,
            forum_lookup="evaluation__forum_id",
            related=("priority",),
            ignore=("figures",),
            describe=lambda r: f"{r.priority.title}: {r.get_outcome_display()}",
        ),
    ):
        register_audit_kind(kind)
