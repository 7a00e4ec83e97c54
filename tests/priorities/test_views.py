"""Workspace journeys through the forms, with the bad input the issue lists."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from forums.models import Action, AgendaItem, Decision, Meeting, Membership
from priorities.models import Objective, Priority, Risk, SignOff
from tests.forums.factories import AgendaItemFactory, MembershipFactory
from tests.priorities.factories import (
    AnswerFactory,
    ConsultationFactory,
    ObjectiveFactory,
    PriorityFactory,
    QuestionFactory,
    theme,
)

pytestmark = pytest.mark.django_db


def test_secretariat_drafts_a_priority_through_the_form(secretariat_client, forum):
    response = secretariat_client.post(
        reverse("priorities:create", args=[forum.slug]),
        {
            "plan_year": "2026",
            "title": "Fewer ineffective trials",
            "theme": theme("efficiency").pk,
            "description": "Get cases right first time.",
        },
    )
    priority = Priority.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("priorities:detail", args=[forum.slug, priority.pk])


def test_priority_form_says_what_is_missing(secretariat_client, forum):
    response = secretariat_client.post(reverse("priorities:create", args=[forum.slug]), {})
    page = response.content.decode()
    assert "Enter the title of the priority" in page
    assert "Choose the theme" in page
    assert "<title>Error: " in page


def objective_data(**extra):
    data = {
        "title": "More witnesses attend",
        "local_measure": "Witness attendance rate",
        "unit": "%",
        "baseline": "82",
        "baseline_date": "2026-04-01",
        "target": "90",
        "target_date": "2027-03-31",
    }
    data.update(extra)
    return data


def test_objective_is_added(secretariat_client, forum):
    priority = PriorityFactory(forum=forum)
    target = reverse("priorities:objective-create", args=[forum.slug, priority.pk])
    assert secretariat_client.post(target, objective_data()).status_code == 302
    assert Objective.objects.get().target == 90


def test_objective_without_a_measure_gets_a_clear_message_and_keeps_input(
    secretariat_client, forum
):
    priority = PriorityFactory(forum=forum)
    target = reverse("priorities:objective-create", args=[forum.slug, priority.pk])
    page = secretariat_client.post(target, objective_data(local_measure="")).content.decode()
    assert "Choose an indicator or describe a local measure" in page
    assert "More witnesses attend" in page
    assert not Objective.objects.exists()


def test_objective_target_date_before_baseline_date_is_refused(secretariat_client, forum):
    priority = PriorityFactory(forum=forum)
    target = reverse("priorities:objective-create", args=[forum.slug, priority.pk])
    page = secretariat_client.post(
        target, objective_data(target_date="2026-01-01")
    ).content.decode()
    assert "The target date must be after the baseline date" in page
    assert not Objective.objects.exists()


def risk_data(**extra):
    data = {
        "title": "Interpreter shortage",
        "cause": "Contract gap",
        "consequence": "Adjourned hearings",
        "likelihood": "3",
        "impact": "4",
        "review_date": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "status": "open",
    }
    data.update(extra)
    return data


@pytest.mark.parametrize("field,value", [("likelihood", "6"), ("impact", "0"), ("impact", "x")])
def test_risk_scores_outside_1_to_5_are_refused(secretariat_client, forum, field, value):
    target = reverse("priorities:risk-create", args=[forum.slug])
    page = secretariat_client.post(target, risk_data(**{field: value})).content.decode()
    assert f"The {field} must be a whole number from 1 to 5" in page
    assert "Interpreter shortage" in page
    assert not Risk.objects.exists()


def test_risk_register_shows_heat_map_and_flags_overdue_reviews(secretariat_client, forum):
    secretariat_client.post(reverse("priorities:risk-create", args=[forum.slug]), risk_data())
    Risk.objects.update(review_date=timezone.localdate() - datetime.timedelta(days=1))
    page = secretariat_client.get(reverse("priorities:risks", args=[forum.slug])).content.decode()
    assert Risk.objects.get().score == 12
    assert "Likelihood 3" in page
    assert "Review overdue" in page
    assert "1 risk past its review date" in page


@pytest.fixture
def out_for_sign_off(forum, chair, member, advisory_member):
    priority = PriorityFactory(forum=forum, in_sign_off=True)
    ObjectiveFactory(priority=priority)
    return priority


def sign_off_url(priority):
    return reverse("priorities:sign-off", args=[priority.forum.slug, priority.pk])


def test_member_signs_off_for_their_agency(member_client, member, out_for_sign_off):
    agency = Membership.objects.get(person=member).agency
    response = member_client.post(
        sign_off_url(out_for_sign_off), {"agency": agency.pk, "decision": "agree"}
    )
    assert response.status_code == 302
    assert SignOff.objects.get().agency == agency


def test_member_cannot_sign_off_for_someone_elses_agency(member_client, chair, out_for_sign_off):
    chairs_agency = Membership.objects.get(person=chair).agency
    page = member_client.post(
        sign_off_url(out_for_sign_off), {"agency": chairs_agency.pk, "decision": "agree"}
    ).content.decode()
    assert "You can only sign off for the agency you represent" in page
    assert not SignOff.objects.exists()


def test_reservations_without_a_comment_are_refused(member_client, member, out_for_sign_off):
    agency = Membership.objects.get(person=member).agency
    page = member_client.post(
        sign_off_url(out_for_sign_off), {"agency": agency.pk, "decision": "reservations"}
    ).content.decode()
    assert "Say what your agency" in page
    assert not SignOff.objects.exists()


def test_priority_page_shows_who_signed_who_has_not_and_reservations(
    secretariat_client, member, chair, out_for_sign_off
):
    SignOff.objects.create(
        priority=out_for_sign_off,
        round=1,
        agency=Membership.objects.get(person=member).agency,
        decision=SignOff.Decision.RESERVATIONS,
        comment="Only if CPS staffing allows",
        signed_by=member,
    )
    page = secretariat_client.get(
        reverse("priorities:detail", args=[out_for_sign_off.forum.slug, out_for_sign_off.pk])
    ).content.decode()
    assert "Answers of the 2 agencies asked to sign off" in page
    assert "Agree with reservations" in page
    assert "Only if CPS staffing allows" in page
    assert "Not signed yet" in page
    listing = secretariat_client.get(
        reverse("priorities:workspace-list", args=[out_for_sign_off.forum.slug])
    ).content.decode()
    assert "Sign-offs outstanding" in listing


def test_status_buttons_move_a_priority_and_report_refusals(secretariat_client, forum):
    priority = PriorityFactory(forum=forum)
    target = reverse("priorities:status", args=[forum.slug, priority.pk])
    response = secretariat_client.post(target, {"to": "send"}, follow=True)
    assert "Add at least one objective" in response.content.decode()
    ObjectiveFactory(priority=priority)
    secretariat_client.post(target, {"to": "send"})
    priority.refresh_from_db()
    assert priority.status == Priority.Status.SIGN_OFF


# --- delivery plan and meetings links -------------------------------------------------------


@pytest.fixture
def meeting(forum):
    return Meeting.objects.create(
        forum=forum, title="Board meeting", starts_at=timezone.now() - datetime.timedelta(days=3)
    )


def test_actions_roll_up_to_objectives_and_priority(secretariat_client, forum, member):
    priority = PriorityFactory(forum=forum, agreed=True)
    objective = ObjectiveFactory(priority=priority)
    today = timezone.localdate()
    done = Action.objects.create(
        forum=forum, title="Done", owner=member, due_date=today, status=Action.Status.DONE
    )
    late = Action.objects.create(
        forum=forum,
        title="Late",
        owner=member,
        due_date=today - datetime.timedelta(days=40),
        percent_complete=20,
        status=Action.Status.IN_PROGRESS,
    )
    target = reverse("priorities:action-add", args=[forum.slug, priority.pk])
    for action in (done, late):
        response = secretariat_client.post(target, {"action": action.pk, "objective": objective.pk})
        assert response.status_code == 302
    page = secretariat_client.get(
        reverse("priorities:detail", args=[forum.slug, priority.pk])
    ).content.decode()
    assert "60% complete" in page
    assert "Red" in page
    assert "Overdue" in page


def test_another_forums_action_cannot_be_linked(secretariat_client, forum, other_forum):
    priority = PriorityFactory(forum=forum)
    action = Action.objects.create(forum=other_forum, title="Theirs", due_date=timezone.localdate())
    page = secretariat_client.post(
        reverse("priorities:action-add", args=[forum.slug, priority.pk]), {"action": action.pk}
    ).content.decode()
    assert "Select a valid choice" in page
    assert not priority.delivery_actions.exists()


def test_priority_page_shows_where_it_was_discussed(secretariat_client, forum, meeting):
    priority = PriorityFactory(forum=forum)
    item = AgendaItem.objects.create(meeting=meeting, title="Witness care review")
    decision = Decision.objects.create(forum=forum, meeting=meeting, text="Fund two officers")
    target = reverse("priorities:discussion-add", args=[forum.slug, priority.pk])
    assert secretariat_client.post(target, {"agenda_item": item.pk}).status_code == 302
    assert secretariat_client.post(target, {"decision": decision.pk}).status_code == 302
    page = secretariat_client.post(
        target, {"agenda_item": item.pk, "decision": decision.pk}
    ).content.decode()
    assert "Choose one agenda item, decision or minute" in page
    page = secretariat_client.get(
        reverse("priorities:detail", args=[forum.slug, priority.pk])
    ).content.decode()
    assert "Witness care review" in page
    assert "Fund two officers" in page


def test_restricted_agenda_item_link_is_hidden_from_members_not_named(
    member_client, client, forum, meeting
):
    named = MembershipFactory(forum=forum).person
    priority = PriorityFactory(forum=forum)
    item = AgendaItemFactory(
        meeting=meeting, title="Covert operation briefing", restricted=True, restricted_to=[named]
    )
    priority.discussions.create(agenda_item=item)
    url = reverse("priorities:detail", args=[forum.slug, priority.pk])
    client.force_login(named)
    assert "Covert operation briefing" in client.get(url).content.decode()
    assert "Covert operation briefing" not in member_client.get(url).content.decode()


# --- consultations --------------------------------------------------------------------------


def test_secretariat_exports_responses_as_csv(secretariat_client, forum):
    consultation = ConsultationFactory(forum=forum)
    question = QuestionFactory(consultation=consultation, text="What matters?")
    AnswerFactory(
        response__consultation=consultation,
        response__age_band="65_plus",
        question=question,
        text="=HYPERLINK(evil)",
    )
    response = secretariat_client.get(
        reverse("priorities:consultation-export", args=[forum.slug, consultation.pk])
    )
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][2] == "What matters?"
    assert rows[1][2] == "'=HYPERLINK(evil)"
    assert "65 or over" in rows[1]


def test_consultation_summary_counts_choice_answers(secretariat_client, forum):
    consultation = ConsultationFactory(forum=forum)
    question = QuestionFactory(
        consultation=consultation, kind="choice", choices="Yes\nNo", text="Agree?"
    )
    for text in ("Yes", "Yes", "No"):
        AnswerFactory(response__consultation=consultation, question=question, text=text)
    page = secretariat_client.get(
        reverse("priorities:consultation", args=[forum.slug, consultation.pk])
    ).content.decode()
    assert "3 of 3 answered" in page


def test_consultation_closing_before_opening_is_refused(secretariat_client, forum):
    page = secretariat_client.post(
        reverse("priorities:consultation-create", args=[forum.slug]),
        {
            "title": "Have your say",
            "introduction": "Tell us",
            "opens_on": "2026-06-10",
            "closes_on": "2026-06-01",
        },
    ).content.decode()
    assert "The closing date must be the same as or after the opening date" in page


# --- annual evaluation ----------------------------------------------------------------------


def test_evaluation_cycle_from_start_to_chair_approval(
    secretariat_client, chair_client, forum, client
):
    priority = PriorityFactory(
        forum=forum, plan_year=2025, agreed=True, title="Fewer failed trials"
    )
    ObjectiveFactory(priority=priority)
    secretariat_client.post(
        reverse("priorities:evaluations", args=[forum.slug]), {"plan_year": 2025}
    )
    outcome_url = reverse("priorities:outcome-edit", args=[forum.slug, 2025, priority.pk])
    assert "target" in secretariat_client.get(outcome_url).content.decode()
    secretariat_client.post(
        outcome_url,
        {"outcome": "not_met", "narrative": "Trials still fail", "next_action": "Carry over"},
    )
    secretariat_client.post(
        reverse("priorities:evaluation-summary", args=[forum.slug, 2025]),
        {"summary": "A hard year."},
    )
    chair_client.post(reverse("priorities:evaluation-approve", args=[forum.slug, 2025]))
    page = client.get(
        reverse("priorities:public-evaluation", args=[forum.slug, 2025])
    ).content.decode()
    assert "Trials still fail" in page
    assert "Not met" in page


def test_secretariat_cites_a_response_as_evidence_members_see_it_public_never(
    secretariat_client, member_client, client, forum
):
    consultation = ConsultationFactory(forum=forum)
    answer = AnswerFactory(
        response__consultation=consultation,
        question=QuestionFactory(consultation=consultation),
        text="My son waited two years for trial",
    )
    priority = PriorityFactory(forum=forum, agreed=True)
    response = secretariat_client.post(
        reverse("priorities:cite", args=[forum.slug, consultation.pk]),
        {"response": answer.response.pk, "priority": priority.pk},
    )
    assert response.status_code == 302
    assert list(priority.cited_responses.all()) == [answer.response]
    detail = reverse("priorities:detail", args=[forum.slug, priority.pk])
    assert "My son waited two years" in secretariat_client.get(detail).content.decode()
    assert "My son waited two years" in member_client.get(detail).content.decode()
    public = client.get(reverse("priorities:public-list", args=[forum.slug])).content.decode()
    assert "My son waited two years" not in public


def test_a_response_to_another_forums_consultation_cannot_be_cited(
    secretariat_client, forum, other_forum
):
    theirs = AnswerFactory(response__consultation=ConsultationFactory(forum=other_forum))
    consultation = ConsultationFactory(forum=forum)
    ours = AnswerFactory(response__consultation=consultation)
    priority = PriorityFactory(forum=forum)
    cite = reverse("priorities:cite", args=[forum.slug, consultation.pk])
    secretariat_client.post(cite, {"response": theirs.response.pk, "priority": priority.pk})
    assert not priority.cited_responses.exists()
    secretariat_client.post(cite, {"response": ours.response.pk, "priority": priority.pk})
    assert list(priority.cited_responses.all()) == [ours.response]


def test_advisory_member_posting_a_sign_off_is_refused(
    advisory_client, advisory_member, member_client, member, out_for_sign_off
):
    agency = Membership.objects.get(person=advisory_member).agency
    response = advisory_client.post(
        sign_off_url(out_for_sign_off), {"agency": agency.pk, "decision": "agree"}
    )
    assert response.status_code == 403
    assert not SignOff.objects.exists()
    members_agency = Membership.objects.get(person=member).agency
    member_client.post(
        sign_off_url(out_for_sign_off), {"agency": members_agency.pk, "decision": "agree"}
    )
    assert SignOff.objects.get().agency == members_agency


def test_priority_timeline_shows_edits_sign_offs_and_action_updates(
    secretariat_client, forum, member
):
    from forums.models import ActionUpdate

    priority = PriorityFactory(forum=forum)
    secretariat_client.post(
        reverse("priorities:edit", args=[forum.slug, priority.pk]),
        {
            "plan_year": priority.plan_year,
            "title": "A sharper title",
            "theme": priority.theme.pk,
            "description": priority.description,
        },
    )
    action = Action.objects.create(forum=forum, title="Audit", owner=member, due_date="2030-01-01")
    priority.delivery_actions.create(action=action)
    ActionUpdate.objects.create(
        action=action, author=member, text="Half done", status="in_progress", percent_complete=50
    )
    page = secretariat_client.get(
        reverse("priorities:detail", args=[forum.slug, priority.pk])
    ).content.decode()
    assert "Edited: title" in page
    assert "Action update on Audit: 50%" in page


def test_objective_of_a_draft_can_be_removed_but_not_of_an_agreed_priority(
    secretariat_client, member_client, forum
):
    draft = ObjectiveFactory(priority=PriorityFactory(forum=forum))
    agreed = ObjectiveFactory(priority=PriorityFactory(forum=forum, agreed=True))

    def remove(client, objective):
        return client.post(
            reverse(
                "priorities:objective-delete",
                args=[forum.slug, objective.priority.pk, objective.pk],
            )
        )

    assert remove(member_client, draft).status_code == 403
    assert remove(secretariat_client, draft).status_code == 302
    assert not Objective.objects.filter(pk=draft.pk).exists()
    response = remove(secretariat_client, agreed)
    assert Objective.objects.filter(pk=agreed.pk).exists()
    assert response.status_code == 302


def test_risk_page_shows_who_changed_what(secretariat_client, secretariat, forum):
    secretariat_client.post(reverse("priorities:risk-create", args=[forum.slug]), risk_data())
    risk = Risk.objects.get()
    target = reverse("priorities:risk-edit", args=[forum.slug, risk.pk])
    secretariat_client.post(target, risk_data(likelihood="5", status="open"))
    page = secretariat_client.get(target).content.decode()
    assert "Changed: likelihood" in page
    assert escape(secretariat.full_name) in page


def test_member_sees_what_their_agency_has_still_to_sign(
    member_client, advisory_client, out_for_sign_off
):
    listing = reverse("priorities:workspace-list", args=[out_for_sign_off.forum.slug])
    assert "Your agency has still to sign off" in member_client.get(listing).content.decode()
    assert "Your agency has still to sign off" not in advisory_client.get(listing).content.decode()


def test_question_can_be_removed_until_someone_answers(secretariat_client, member_client, forum):
    consultation = ConsultationFactory(forum=forum)
    unanswered = QuestionFactory(consultation=consultation)
    answered = AnswerFactory(
        response__consultation=consultation, question=QuestionFactory(consultation=consultation)
    ).question

    def remove(client, question):
        return client.post(
            reverse("priorities:question-delete", args=[forum.slug, consultation.pk, question.pk])
        )

    assert remove(member_client, unanswered).status_code == 403
    remove(secretariat_client, unanswered)
    remove(secretariat_client, answered)
    assert list(consultation.questions.all()) == [answered]
