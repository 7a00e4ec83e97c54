"""Reads of priorities, plans, risks, consultations and evaluations, scoped to who is asking.

Workspace views open the forum through ``forums.access.forum_for`` (404 without a seat). Public
reads use only the published querysets (``Priority.objects.published()`` and friends).

One module per part: forums.py, priorities.py (priorities, sign-off), rollup.py (delivery
progress and figures), history.py, registers.py (tensions, risks), consultations.py,
evaluations.py and public.py. Every public name is re-exported here, so
``from priorities import selectors; selectors.priority_for(...)`` keeps working.
"""

from priorities.selectors.consultations import (
    EQUALITY_FIELDS,
    QuestionSummary,
    consultation_for,
    consultation_list_for,
    consultation_summary,
    equality_summary,
    responses_for_export,
)
from priorities.selectors.evaluations import (
    evaluation_figures,
    evaluation_for,
    evaluation_list_for,
    evaluation_rows,
)
from priorities.selectors.forums import (
    forum_agencies,
    forum_members,
    signing_agencies,
)
from priorities.selectors.history import Change, changes_of, timeline
from priorities.selectors.priorities import (
    Outstanding,
    SignOffBoard,
    SignOffRow,
    action_choices,
    agencies_person_signs_for,
    discussion_choices,
    discussions_of,
    objectives_of,
    outstanding_sign_offs,
    plan_years,
    priority_for,
    priority_list_for,
    sign_off_board,
    sign_offs_owed_by,
    theme_choices,
)
from priorities.selectors.public import (
    INSPECTION_THEMES,
    AreaThemes,
    cross_area_themes,
    decimal_or_blank,
    public_consultation,
    public_consultations,
    public_evaluation,
    public_evaluation_outcomes,
    public_evaluations,
    public_plan_years,
    public_priorities,
    public_you_said_we_did,
)
from priorities.selectors.registers import (
    HeatMapCell,
    heat_map,
    risk_for,
    risk_list_for,
    tension_for,
    tension_list_for,
)
from priorities.selectors.rollup import (
    RAG_LABELS,
    RAG_TAGS,
    RED_AFTER_DAYS,
    RollUp,
    attach_figures,
    attach_roll_ups,
    delivery_plan,
    delivery_prefetch,
    roll_up,
)

__all__ = [
    "signing_agencies",
    "forum_members",
    "forum_agencies",
    "priority_list_for",
    "priority_for",
    "plan_years",
    "SignOffRow",
    "SignOffBoard",
    "sign_off_board",
    "Outstanding",
    "outstanding_sign_offs",
    "sign_offs_owed_by",
    "agencies_person_signs_for",
    "objectives_of",
    "discussions_of",
    "discussion_choices",
    "action_choices",
    "theme_choices",
    "RAG_LABELS",
    "RAG_TAGS",
    "RED_AFTER_DAYS",
    "RollUp",
    "roll_up",
    "attach_roll_ups",
    "delivery_prefetch",
    "delivery_plan",
    "attach_figures",
    "Change",
    "timeline",
    "changes_of",
    "tension_list_for",
    "tension_for",
    "risk_list_for",
    "risk_for",
    "HeatMapCell",
    "heat_map",
    "consultation_list_for",
    "consultation_for",
    "QuestionSummary",
    "consultation_summary",
    "EQUALITY_FIELDS",
    "equality_summary",
    "responses_for_export",
    "evaluation_list_for",
    "evaluation_for",
    "evaluation_rows",
    "evaluation_figures",
    "public_priorities",
    "public_plan_years",
    "public_consultations",
    "public_consultation",
    "public_you_said_we_did",
    "public_evaluations",
    "public_evaluation",
    "public_evaluation_outcomes",
    "INSPECTION_THEMES",
    "AreaThemes",
    "cross_area_themes",
    "decimal_or_blank",
]
