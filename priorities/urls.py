"""URLs of the priorities app: the workspace under /workspace/forums/<slug>/priorities/, the
public pages under /forums/<slug>/priorities/ and the cross-area view at /priorities/themes/."""

from django.urls import path

from priorities.feeds import ThemeGoodPracticeFeed
from priorities.views import (
    consultations,
    evaluations,
    good_practice,
    public,
    registers,
    workspace,
)

app_name = "priorities"

W = "workspace/forums/<slug:slug>/priorities/"
P = "forums/<slug:slug>/priorities/"

urlpatterns = [
    # workspace: priorities
    path(W, workspace.priority_list, name="workspace-list"),
    path(f"{W}new/", workspace.priority_create, name="create"),
    path(f"{W}themes/new/", workspace.theme_create, name="theme-create"),
    path(f"{W}<int:pk>/", workspace.priority_detail, name="detail"),
    path(f"{W}<int:pk>/edit/", workspace.priority_edit, name="edit"),
    path(f"{W}<int:pk>/status/", workspace.priority_status, name="status"),
    path(f"{W}<int:pk>/sign-off/", workspace.sign_off, name="sign-off"),
    path(f"{W}<int:pk>/objectives/new/", workspace.objective_create, name="objective-create"),
    path(
        f"{W}<int:pk>/objectives/<int:objective_pk>/edit/",
        workspace.objective_edit,
        name="objective-edit",
    ),
    path(
        f"{W}<int:pk>/objectives/<int:objective_pk>/remove/",
        workspace.objective_delete,
        name="objective-delete",
    ),
    path(f"{W}<int:pk>/actions/add/", workspace.delivery_action_add, name="action-add"),
    path(
        f"{W}<int:pk>/actions/<int:link_pk>/remove/",
        workspace.delivery_action_remove,
        name="action-remove",
    ),
    path(f"{W}<int:pk>/discussed/add/", workspace.discussion_add, name="discussion-add"),
    # workspace: registers
    path(f"{W}tensions/", registers.tension_list, name="tensions"),
    path(f"{W}tensions/new/", registers.tension_create, name="tension-create"),
    path(f"{W}tensions/<int:pk>/edit/", registers.tension_edit, name="tension-edit"),
    path(f"{W}risks/", registers.risk_list, name="risks"),
    path(f"{W}risks/new/", registers.risk_create, name="risk-create"),
    path(f"{W}risks/<int:pk>/edit/", registers.risk_edit, name="risk-edit"),
    # workspace: consultations
    path(f"{W}consultations/", consultations.consultation_list, name="consultations"),
    path(f"{W}consultations/new/", consultations.consultation_create, name="consultation-create"),
    path(
        f"{W}consultations/<int:pk>/",
        consultations.consultation_detail,
        name="consultation",
    ),
    path(
        f"{W}consultations/<int:pk>/edit/",
        consultations.consultation_edit,
        name="consultation-edit",
    ),
    path(
        f"{W}consultations/<int:pk>/questions/new/",
        consultations.question_create,
        name="question-create",
    ),
    path(
        f"{W}consultations/<int:pk>/questions/<int:question_pk>/edit/",
        consultations.question_edit,
        name="question-edit",
    ),
    path(
        f"{W}consultations/<int:pk>/questions/<int:question_pk>/remove/",
        consultations.question_delete,
        name="question-delete",
    ),
    path(
        f"{W}consultations/<int:pk>/responses.csv",
        consultations.consultation_export,
        name="consultation-export",
    ),
    path(f"{W}consultations/<int:pk>/cite/", consultations.response_cite, name="cite"),
    path(
        f"{W}consultations/<int:pk>/you-said-we-did/new/",
        consultations.you_said_we_did_add,
        name="you-said-we-did-add",
    ),
    # workspace: annual evaluation
    path(f"{W}evaluations/", evaluations.evaluation_list, name="evaluations"),
    path(f"{W}evaluations/<int:year>/", evaluations.evaluation_detail, name="evaluation"),
    path(
        f"{W}evaluations/<int:year>/summary/",
        evaluations.evaluation_summary,
        name="evaluation-summary",
    ),
    path(
        f"{W}evaluations/<int:year>/outcomes/<int:priority_pk>/",
        evaluations.outcome_edit,
        name="outcome-edit",
    ),
    path(
        f"{W}evaluations/<int:year>/approve/",
        evaluations.evaluation_approve,
        name="evaluation-approve",
    ),
    # workspace: the board's good practice
    path(f"{W}good-practice/", good_practice.board_list, name="good-practice-board"),
    path(f"{W}good-practice/new/", good_practice.entry_create, name="good-practice-create"),
    path(
        f"{W}good-practice/<int:pk>/",
        good_practice.board_entry,
        name="good-practice-board-entry",
    ),
    path(f"{W}good-practice/<int:pk>/edit/", good_practice.entry_edit, name="good-practice-edit"),
    path(
        f"{W}good-practice/<int:pk>/submit/",
        good_practice.entry_submit,
        name="good-practice-submit",
    ),
    path(f"{W}good-practice/adopt/<int:pk>/", good_practice.adopt, name="good-practice-adopt"),
    # workspace: the national curator
    path(
        "workspace/national/good-practice/",
        good_practice.review_list,
        name="good-practice-review-list",
    ),
    path(
        "workspace/national/good-practice/<int:pk>/",
        good_practice.review,
        name="good-practice-review",
    ),
    # public
    path(P, public.priority_list, name="public-list"),
    path(f"{P}evaluations/<int:year>/", public.evaluation, name="public-evaluation"),
    path(
        f"{P}consultations/<int:pk>/",
        consultations.public_consultation,
        name="public-consultation",
    ),
    path(
        f"{P}consultations/<int:pk>/thank-you/",
        consultations.public_consultation_done,
        name="public-consultation-done",
    ),
    path(
        f"{P}consultations/<int:pk>/you-said-we-did/",
        consultations.public_you_said_we_did,
        name="public-you-said-we-did",
    ),
    path("priorities/themes/", public.themes, name="themes"),
    path("good-practice/", good_practice.library, name="good-practice"),
    path("good-practice/<int:pk>/", good_practice.entry, name="good-practice-entry"),
    path(
        "feeds/good-practice/<slug:slug>.atom",
        ThemeGoodPracticeFeed(),
        name="good-practice-feed",
    ),
]
