"""Boards report to the national level at year end, with the figures frozen as submitted; the
national team sees who is late and asks questions that land in the board's workspace."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from forums.home import HomeContext
from forums.models import Membership
from national import selectors
from national.home import national_reporting_section
from national.models import NationalQuestion, NationalSubmission
from performance.models import Measurement
from priorities.models import AnnualEvaluation, EvaluationOutcome
from tests.forums.factories import ForumFactory
from tests.membership.factories import UserFactory
from tests.performance.factories import PerformanceReturnFactory
from tests.priorities.factories import PriorityFactory

pytestmark = pytest.mark.django_db
Kind = NationalSubmission.Kind
YEAR = selectors.reporting_year()


@pytest.fixture
def national_viewer():
    return UserFactory(is_national_viewer=True)


@pytest.fixture
def evaluation(forum, chair):
    evaluation = AnnualEvaluation.objects.create(
        forum=forum, plan_year=YEAR, status=AnnualEvaluation.Status.APPROVED, summary="A year."
    )
    priority = PriorityFactory(forum=forum, plan_year=YEAR, agreed=True, title="Swift justice")
    EvaluationOutcome.objects.create(
        evaluation=evaluation, priority=priority, outcome="partly_met", narrative="Progress."
    )
    return evaluation


@pytest.fixture
def figure(forum, data_submitter):
    """An accepted figure in the plan year being reported on."""
    agency = Membership.objects.get(person=data_submitter, forum=forum).agency
    performance_return = PerformanceReturnFactory(
        forum=forum, agency=agency, code=f"{YEAR}-Q3", figures={"cc_effective_trial_rate": "61.5"}
    )
    return performance_return.measurements.get()


def test_the_secretariat_submits_the_evaluation_with_its_figures_frozen(
    client, forum, secretariat, evaluation, figure
):
    client.force_login(secretariat)
    url = reverse("national:submission-create", args=[forum.slug, "annual-evaluation"])
    response = client.post(url, {"plan_year": YEAR, "note": "Read with the dashboard."})
    submission = NationalSubmission.objects.get(forum=forum, kind=Kind.ANNUAL_EVALUATION)
    assert response.url == reverse("national:forum-submission", args=[forum.slug, submission.pk])
    assert submission.snapshot["outcomes"][0]["outcome"] == "partly_met"
    frozen = [
        f for f in submission.snapshot["figures"] if f["indicator"] == "cc_effective_trial_rate"
    ]
    assert frozen[0]["value"] == "61.5%"
    Measurement.objects.filter(pk=figure.pk).update(value=Decimal("70"))  # revised later
    page = client.get(response.url).content.decode()
    assert "61.5%" in page and "70.0%" not in page


def test_an_evaluation_the_chair_has_not_approved_cannot_be_submitted(client, forum, secretariat):
    AnnualEvaluation.objects.create(forum=forum, plan_year=YEAR)  # a draft
    client.force_login(secretariat)
    url = reverse("national:submission-create", args=[forum.slug, "annual-evaluation"])
    response = client.get(url)
    assert response.status_code == 302  # nothing to submit: back, with a message
    assert not NationalSubmission.objects.exists()


def test_the_victims_code_report_lists_every_right(client, forum, secretariat, figure):
    client.force_login(secretariat)
    url = reverse("national:submission-create", args=[forum.slug, "victims-code"])
    client.post(url, {"plan_year": YEAR})
    submission = NationalSubmission.objects.get(kind=Kind.VICTIMS_CODE)
    assert [right["number"] for right in submission.snapshot["rights"]] == list(range(1, 13))


def test_submitting_again_replaces_the_snapshot_and_keeps_the_old_one(
    forum, secretariat, evaluation, figure
):
    from national.services import submission_make

    submission_make(
        forum=forum, kind=Kind.ANNUAL_EVALUATION, plan_year=YEAR, note="", submitted_by=secretariat
    )
    Measurement.objects.filter(pk=figure.pk).update(value=Decimal("70"))
    again = submission_make(
        forum=forum, kind=Kind.ANNUAL_EVALUATION, plan_year=YEAR, note="", submitted_by=secretariat
    )
    values = [f["value"] for f in again.snapshot["figures"]]
    assert "70.0%" in values
    assert NationalSubmission.objects.count() == 1
    assert again.history.count() == 2


def test_the_national_team_sees_who_is_late(
    client, forum, other_forum, secretariat, evaluation, national_viewer
):
    from national.services import submission_make

    submission_make(
        forum=forum, kind=Kind.ANNUAL_EVALUATION, plan_year=YEAR, note="", submitted_by=secretariat
    )
    after_due = selectors.due_date(YEAR) + datetime.timedelta(days=1)
    rows = {row.board: row for row in selectors.reporting_overview(plan_year=YEAR, today=after_due)}
    assert [late for _, _, late in rows[forum].entries()] == [False, True]
    assert rows[other_forum].is_late
    before_due = selectors.due_date(YEAR) - datetime.timedelta(days=1)
    rows = {
        row.board: row for row in selectors.reporting_overview(plan_year=YEAR, today=before_due)
    }
    assert not rows[other_forum].is_late
    client.force_login(national_viewer)
    page = client.get(reverse("national:workspace")).content.decode()
    assert forum.name in page and other_forum.name in page


def test_a_question_lands_with_the_boards_secretariat_and_the_answer_returns(
    client, forum, secretariat, national_viewer, django_capture_on_commit_callbacks
):
    client.force_login(national_viewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("national:question-ask", args=[forum.slug]),
            {"question": "Why did trial effectiveness fall?"},
        )
    question = NationalQuestion.objects.get()
    assert secretariat.email in [m.to[0] for m in mail.outbox]
    home = HomeContext(
        person=secretariat,
        today=datetime.date.today(),
        now=None,
        seats=list(Membership.objects.filter(person=secretariat).select_related("forum")),
    )
    section = national_reporting_section(home)
    assert any("question" in item.text for item in section.items)
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("national:question-answer", args=[forum.slug, question.pk]),
            {"answer": "Witness attendance; a plan is agreed."},
        )
    question.refresh_from_db()
    assert question.is_answered and question.answered_by == secretariat
    assert national_viewer.email in [m.to[0] for m in mail.outbox]


def test_an_empty_question_is_refused_with_a_message(client, forum, national_viewer):
    client.force_login(national_viewer)
    response = client.post(reverse("national:question-ask", args=[forum.slug]), {"question": ""})
    assert "Enter your question" in response.content.decode()
    assert not NationalQuestion.objects.exists()


def test_the_national_teams_pages_are_refused_to_others(client, forum, member, secretariat):
    urls = [reverse("national:workspace"), reverse("national:question-ask", args=[forum.slug])]
    for url in urls:
        assert client.get(url).status_code == 302  # anonymous: to the sign-in page
    for person in (member, secretariat):
        client.force_login(person)
        for url in urls:
            assert client.get(url).status_code == 404


def test_a_boards_reporting_is_refused_to_others(
    client, forum, other_forum_member, advisory_member, member, secretariat, evaluation
):
    from national.services import submission_make

    submission = submission_make(
        forum=forum, kind=Kind.ANNUAL_EVALUATION, plan_year=YEAR, note="", submitted_by=secretariat
    )
    page = reverse("national:forum-reporting", args=[forum.slug])
    detail = reverse("national:forum-submission", args=[forum.slug, submission.pk])
    submit = reverse("national:submission-create", args=[forum.slug, "annual-evaluation"])
    assert client.get(page).status_code == 302
    client.force_login(other_forum_member)
    for url in (page, detail, submit):
        assert client.get(url).status_code == 404
    for person in (advisory_member, member):
        client.force_login(person)
        assert client.get(page).status_code == 200  # members see what was reported
        assert client.get(submit).status_code == 403  # only the secretariat and chair submit
    other = ForumFactory()
    client.force_login(secretariat)
    assert (
        client.get(
            reverse("national:forum-submission", args=[other.slug, submission.pk])
        ).status_code
        == 404
    )
