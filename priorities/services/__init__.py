"""Writes for priorities and plans. Each service takes the acting person and checks the rule.

Only the secretariat and chair edit; members sign off for their own agency; advisory members
never sign off; the chair approves the annual evaluation. The public may only answer an open
consultation (``response_submit``).

One module per part: priorities.py (priorities, objectives, sign-off, themes), links.py (links
to meetings), registers.py (tensions, risks), consultations.py and evaluations.py; _common.py
holds the permission check and saving they share. Every public name is re-exported here.
"""

from priorities.services._common import M2M_FIELDS
from priorities.services.consultations import (
    consultation_create,
    consultation_update,
    question_create,
    question_delete,
    question_update,
    response_cite,
    response_submit,
    you_said_we_did_create,
)
from priorities.services.evaluations import (
    evaluation_approve,
    evaluation_start,
    evaluation_update,
    outcome_record,
)
from priorities.services.good_practice import (
    good_practice_adopt,
    good_practice_create,
    good_practice_publish,
    good_practice_reject,
    good_practice_submit,
    good_practice_update,
)
from priorities.services.links import delivery_action_link, delivery_action_unlink, discussion_link
from priorities.services.priorities import (
    local_theme_create,
    objective_create,
    objective_delete,
    objective_update,
    priority_agree,
    priority_create,
    priority_retire,
    priority_return_to_draft,
    priority_send_for_sign_off,
    priority_update,
    sign_off_record,
)
from priorities.services.registers import risk_create, risk_update, tension_create, tension_update

__all__ = [
    "M2M_FIELDS",
    "priority_create",
    "priority_update",
    "priority_send_for_sign_off",
    "priority_return_to_draft",
    "priority_agree",
    "priority_retire",
    "objective_create",
    "objective_update",
    "objective_delete",
    "sign_off_record",
    "local_theme_create",
    "delivery_action_link",
    "delivery_action_unlink",
    "discussion_link",
    "tension_create",
    "tension_update",
    "risk_create",
    "risk_update",
    "consultation_create",
    "consultation_update",
    "question_create",
    "question_update",
    "question_delete",
    "response_submit",
    "you_said_we_did_create",
    "response_cite",
    "good_practice_create",
    "good_practice_update",
    "good_practice_submit",
    "good_practice_publish",
    "good_practice_reject",
    "good_practice_adopt",
    "evaluation_start",
    "evaluation_update",
    "outcome_record",
    "evaluation_approve",
]
