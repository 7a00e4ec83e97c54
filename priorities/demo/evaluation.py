"""The demo's approved annual evaluation of last year's priorities."""

import datetime

from priorities.demo.common import _days_ago, _objective, _priority, _sign_all, _theme
from priorities.models import AnnualEvaluation, EvaluationOutcome, Priority

Status = Priority.Status


def _evaluation(forum, last_year, chair, victims, hmcts, signers):
    ended = [
        (
            "Victims updated within the Victims' Code timescales",
            "victims_code_compliance",
            victims,
            EvaluationOutcome.Outcome.MET,
            "Timely updates rose from 71% to 88% against a target of 85%.",
            "Victims' Code timely updates: 71% (March) to 88% (March), target 85%.",
            "Keep monitoring quarterly; no separate priority next year.",
            (71, 85, "%"),
        ),
        (
            "Cut the Crown Court backlog",
            "crown_court_backlog",
            hmcts,
            EvaluationOutcome.Outcome.PARTLY_MET,
            "Cases outstanding over a year fell, but the total backlog grew.",
            "Outstanding caseload: 1,240 to 1,310 (target 1,100). Over one year: 310 to 260.",
            "Carried into the efficiency work of the effective trials group.",
            (1240, 1100, "cases"),
        ),
        (
            "Fewer cracked trials on the day",
            "efficiency",
            None,
            EvaluationOutcome.Outcome.NOT_MET,
            "The cracked trial rate did not change.",
            "Crown Court cracked trial rate: 38% to 39% (target 32%).",
            "Replaced by this year's witness attendance priority.",
            (38, 32, "%"),
        ),
    ]
    evaluation, _ = AnnualEvaluation.objects.update_or_create(
        forum=forum,
        plan_year=last_year,
        defaults={
            "summary": f"In {last_year} to {last_year + 1} the board met one of its three "
            "priorities, partly met one and did not meet one. This page says why, and what "
            "the board is doing now.",
            "status": AnnualEvaluation.Status.APPROVED,
            "approved_by": chair.person if chair else None,
            "approved_at": _days_ago(30),
        },
    )
    for title, theme, lead, outcome, narrative, figures, next_action, values in ended:
        priority = _priority(
            forum,
            last_year,
            title,
            theme=_theme(theme),
            description=narrative,
            lead_agency=lead,
            status=Status.RETIRED,
            sign_off_round=1,
            agreed_at=_days_ago(400),
            retired_at=_days_ago(30),
        )
        _objective(
            priority,
            title,
            1,
            local_measure=figures.split(":")[0],
            unit=values[2],
            baseline=values[0],
            baseline_date=datetime.date(last_year, 3, 31),
            target=values[1],
            target_date=datetime.date(last_year + 1, 3, 31),
        )
        _sign_all(priority, signers)
        EvaluationOutcome.objects.update_or_create(
            evaluation=evaluation,
            priority=priority,
            defaults={
                "outcome": outcome,
                "narrative": narrative,
                "figures": figures,
                "next_action": next_action,
            },
        )
