"""Public pages: only agreed priorities, no responses, a consultation form with spam checks."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from forums.models import Action, Confidentiality
from priorities.forms import started_token
from priorities.models import AnnualEvaluation, Priority, Response
from priorities.views.consultations import RESPONSES_PER_HOUR
from tests.forums.factories import ForumFactory
from tests.membership.factories import area
from tests.priorities.factories import (
    AnnualEvaluationFactory,
    AnswerFactory,
    ConsultationFactory,
    EvaluationOutcomeFactory,
    ObjectiveFactory,
    PriorityFactory,
    QuestionFactory,
    theme,
)
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def public_url(forum):
    return reverse("priorities:public-list", args=[forum.slug])


def test_public_page_shows_agreed_priorities_and_never_drafts(client, forum):
    agreed = PriorityFactory(forum=forum, agreed=True, title="Agreed aim")
    ObjectiveFactory(priority=agreed, title="Witness attendance up to 90%")
    for status in ("draft", "sign_off"):
        PriorityFactory(forum=forum, status=status, title=f"Secret {status} aim")
    page = client.get(public_url(forum)).content.decode()
    assert "Agreed aim" in page
    assert "Witness attendance up to 90%" in page
    assert "Secret" not in page


def test_private_forum_has_no_public_priorities_page(client, forum):
    private = ForumFactory(is_public=False)
    assert client.get(public_url(forum)).status_code == 200
    assert client.get(public_url(private)).status_code == 404


def test_public_page_shows_the_roll_up_but_not_confidential_action_titles(client, forum):
    priority = PriorityFactory(forum=forum, agreed=True)
    objective = ObjectiveFactory(priority=priority)
    action = Action.objects.create(
        forum=forum,
        title="Confidential staffing plan",
        due_date=timezone.localdate() + datetime.timedelta(days=10),
        percent_complete=40,
        status=Action.Status.IN_PROGRESS,
        confidentiality=Confidentiality.CONFIDENTIAL,
        accountable_agency=forum.memberships.first().agency if forum.memberships.exists() else None,
    )
    priority.delivery_actions.create(action=action, objective=objective)
    page = client.get(public_url(forum)).content.decode()
    assert "40% complete" in page
    assert "Green" in page
    assert "Confidential staffing plan" not in page


def test_public_evaluation_only_once_approved(client, forum, chair):
    evaluation = AnnualEvaluationFactory(forum=forum)
    EvaluationOutcomeFactory(
        evaluation=evaluation,
        priority=PriorityFactory(forum=forum, plan_year=evaluation.plan_year, agreed=True),
        narrative="Target met in March",
    )
    target = reverse("priorities:public-evaluation", args=[forum.slug, evaluation.plan_year])
    assert client.get(target).status_code == 404
    evaluation.status = AnnualEvaluation.Status.APPROVED
    evaluation.approved_by = chair
    evaluation.approved_at = timezone.now()
    evaluation.save()
    assert "Target met in March" in client.get(target).content.decode()
    assert "What we achieved" in client.get(public_url(forum)).content.decode()


def test_cross_area_table_shows_which_themes_each_area_prioritised(client, forum):
    PriorityFactory(
        forum=forum,
        agreed=True,
        theme=theme("enforcement_court_decisions"),
        title="Collect more fines",
    )
    PriorityFactory(forum=forum, status=Priority.Status.DRAFT, title="Draft only")
    page = client.get(reverse("priorities:themes")).content.decode()
    assert "Cleveland" in page
    assert "Collect more fines" in page
    assert "Draft only" not in page
    assert "Enforcement of court decisions" in page


def _queries_at_size(client, forum, count):
    for n in range(count):
        priority = PriorityFactory(forum=forum, agreed=True)
        for _ in range(2):
            ObjectiveFactory(priority=priority)
        action = Action.objects.create(
            forum=forum,
            title=f"Action {n}",
            due_date=timezone.localdate(),
            accountable_agency=None,
            owner=None,
        )
        priority.delivery_actions.create(action=action)
        ConsultationFactory(forum=forum)
    return queries_for(client, public_url(forum))


def test_public_priorities_page_issues_the_same_queries_however_many_priorities(client, forum):
    small = _queries_at_size(client, forum, 1)
    large = _queries_at_size(client, forum, 6)
    assert small == large


def test_cross_area_view_issues_the_same_queries_however_many_areas(client, forum):
    PriorityFactory(forum=forum, agreed=True)
    first = queries_for(client, reverse("priorities:themes"))
    for code in ("E23000008", "E23000010"):
        other = ForumFactory(areas=[area(code)])
        PriorityFactory(forum=other, agreed=True)
    assert queries_for(client, reverse("priorities:themes")) == first


# --- the public consultation form -----------------------------------------------------------


@pytest.fixture
def consultation(forum):
    consultation = ConsultationFactory(forum=forum, title="Draft priorities 2027")
    QuestionFactory(consultation=consultation, text="What matters most to you?", order=1)
    QuestionFactory(
        consultation=consultation,
        text="Do you agree with the priorities?",
        kind="choice",
        choices="Yes\nNo\nNot sure",
        order=2,
    )
    return consultation


def answer_url(consultation):
    return reverse(
        "priorities:public-consultation", args=[consultation.forum.slug, consultation.pk]
    )


def answers(consultation, **extra):
    first, second = consultation.questions.all()
    data = {
        "started": started_token(time.time() - 60),
        f"question_{first.pk}": "Support for victims of domestic abuse",
        f"question_{second.pk}": "Yes",
        "age_band": "45_64",
    }
    data.update(extra)
    return data


def test_public_form_needs_no_sign_in_and_links_the_privacy_notice(client, consultation):
    page = client.get(answer_url(consultation))
    assert page.status_code == 200
    assert reverse("privacy") in page.content.decode()
    assert "What matters most to you?" in page.content.decode()


def test_public_answers_are_stored_and_confirmed(client, consultation):
    response = client.post(answer_url(consultation), answers(consultation), follow=True)
    assert "Answers sent" in response.content.decode()
    stored = Response.objects.get()
    assert stored.age_band == "45_64"
    assert stored.answers.count() == 2


def test_honeypot_answers_are_thanked_but_not_stored(client, consultation):
    response = client.post(answer_url(consultation), answers(consultation, website="spam.biz"))
    assert response.status_code == 302
    assert not Response.objects.exists()
    thanked = client.post(answer_url(consultation), answers(consultation))
    assert thanked.url == response.url  # the same thanks
    assert Response.objects.count() == 1


def test_answers_sent_too_fast_are_refused_and_kept(client, consultation):
    data = answers(consultation, started=started_token())
    response = client.post(answer_url(consultation), data)
    page = response.content.decode()
    assert "That was very quick" in page
    assert "Support for victims of domestic abuse" in page
    assert not Response.objects.exists()


def test_tampered_start_time_is_refused(client, consultation):
    response = client.post(answer_url(consultation), answers(consultation, started="forged"))
    assert "This page has expired" in response.content.decode()
    assert not Response.objects.exists()


def test_empty_answers_get_a_clear_message(client, consultation):
    first, second = consultation.questions.all()
    data = answers(consultation, **{f"question_{first.pk}": "", f"question_{second.pk}": ""})
    page = client.post(answer_url(consultation), data).content.decode()
    assert "Answer at least one question" in page
    assert not Response.objects.exists()


def test_oversized_answer_gets_a_clear_message_and_is_kept(client, consultation):
    first = consultation.questions.first()
    long = "word " * 1001
    page = client.post(
        answer_url(consultation), answers(consultation, **{f"question_{first.pk}": long})
    ).content.decode()
    assert "5,000 characters or fewer" in page
    assert "word word word" in page
    assert not Response.objects.exists()


def test_answers_after_closing_are_refused_and_shown_back(client, consultation):
    consultation.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    consultation.opens_on = consultation.closes_on - datetime.timedelta(days=10)
    consultation.save()
    response = client.post(answer_url(consultation), answers(consultation))
    assert response.status_code == 410
    page = response.content.decode()
    assert "closed on" in page
    assert "Support for victims of domestic abuse" in page
    assert not Response.objects.exists()


def test_answers_are_rate_limited_per_address(client, consultation):
    for _ in range(RESPONSES_PER_HOUR):
        assert client.post(answer_url(consultation), answers(consultation)).status_code == 302
    response = client.post(answer_url(consultation), answers(consultation))
    assert response.status_code == 429
    assert Response.objects.count() == RESPONSES_PER_HOUR


def test_unpublished_consultation_is_404(client, consultation):
    assert client.get(answer_url(consultation)).status_code == 200
    consultation.is_published = False
    consultation.save()
    assert client.get(answer_url(consultation)).status_code == 404


def test_responses_never_reach_public_pages(client, consultation):
    AnswerFactory(
        response__consultation=consultation,
        question=consultation.questions.first(),
        text="My neighbour's name is private",
    )
    consultation.published_summary = "Most people asked for better support for victims."
    consultation.save()
    forum = consultation.forum
    pages = [
        public_url(forum),
        answer_url(consultation),
        reverse("priorities:public-you-said-we-did", args=[forum.slug, consultation.pk]),
    ]
    for page in pages:
        assert "My neighbour" not in client.get(page).content.decode()
    summary = client.get(pages[2]).content.decode()
    assert "Most people asked for better support" in summary


def test_you_said_we_did_hides_draft_priorities_and_confidential_actions(client, consultation):
    forum = consultation.forum
    draft = PriorityFactory(forum=forum, title="Draft priority title")
    action = Action.objects.create(
        forum=forum,
        title="Secret action",
        due_date=timezone.localdate(),
        confidentiality=Confidentiality.CONFIDENTIAL,
    )
    consultation.you_said_we_did.create(
        you_said="Victims want updates", we_did="We set a standard", priority=draft, action=action
    )
    page = client.get(
        reverse("priorities:public-you-said-we-did", args=[forum.slug, consultation.pk])
    ).content.decode()
    assert "We set a standard" in page
    assert "Draft priority title" not in page
    assert "Secret action" not in page


def test_public_page_shows_linked_figures_only_once_published(client, forum, secretariat):
    from membership.models import Agency
    from performance.models import (
        Indicator,
        Measurement,
        PerformanceReturn,
        PeriodPublication,
        ReportingPeriod,
    )

    indicator = Indicator.objects.get(slug="witness_attendance_rate")
    priority = PriorityFactory(forum=forum, agreed=True)
    priority.indicators.add(indicator)
    ObjectiveFactory(priority=priority, indicator=indicator, local_measure="")
    start = timezone.localdate().replace(day=1) - datetime.timedelta(days=62)
    start = start.replace(day=1)
    period = ReportingPeriod.objects.create(
        frequency="monthly",
        code=start.strftime("%Y-%m"),
        start=start,
        end=(start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1),
        due_date=start + datetime.timedelta(days=45),
    )
    performance_return = PerformanceReturn.objects.create(
        forum=forum, agency=Agency.objects.first(), period=period, status="accepted"
    )
    Measurement.objects.create(
        performance_return=performance_return, indicator=indicator, value="87.5"
    )
    page = client.get(public_url(forum)).content.decode()
    assert "no published figure yet" in page
    PeriodPublication.objects.create(forum=forum, period=period, published_by=secretariat)
    page = client.get(public_url(forum)).content.decode()
    assert period.label in page
    assert "87.5" in page


def test_cross_area_table_lists_other_themes_in_their_own_column(client, forum):
    PriorityFactory(
        forum=forum,
        agreed=True,
        theme=theme("vawg"),
        title="Safer streets for women",
    )
    page = client.get(reverse("priorities:themes")).content.decode()
    assert "Violence against women and girls" in page
    assert "Vulnerable victims and witnesses" in page


def test_forms_sent_back_with_errors_do_not_count_towards_the_limit(client, consultation):
    first = consultation.questions.first()
    for _ in range(RESPONSES_PER_HOUR + 2):
        client.post(
            answer_url(consultation), answers(consultation, **{f"question_{first.pk}": "x" * 5001})
        )
    assert client.post(answer_url(consultation), answers(consultation)).status_code == 302


def test_restricted_actions_do_not_count_in_the_public_roll_up(client, forum):
    priority = PriorityFactory(forum=forum, agreed=True)
    action = Action.objects.create(
        forum=forum,
        title="Covert",
        due_date=timezone.localdate() + datetime.timedelta(days=5),
        percent_complete=70,
        confidentiality=Confidentiality.RESTRICTED,
    )
    priority.delivery_actions.create(action=action)
    page = client.get(public_url(forum)).content.decode()
    assert "70% complete" not in page
    assert "No actions yet" in page
