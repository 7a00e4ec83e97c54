"""The board's annual "fit for purpose" self-assessment: members rate, the secretariat agrees
with improvement actions, the chair approves, the public sees the published summary only."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from forums.models import Action, Escalation, Membership
from priorities.assessment_questions import QUESTIONS, STAGES, questions_of
from priorities.models import (
    AssessmentAnswer,
    RelatedPartnership,
    SelfAssessment,
    current_plan_year,
)
from priorities.selectors.assessment import assessment_evidence
from priorities.services import assessment as services
from tests.forums.factories import MeetingFactory, days_from_today
from tests.priorities.factories import ObjectiveFactory, PriorityFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db
YEAR = current_plan_year()
SECRET_COMMENT = "The probation lead never reads the papers"


@pytest.fixture
def assessment(forum, secretariat):
    return services.assessment_open(
        forum=forum, plan_year=YEAR, closes_on=days_from_today(14), by=secretariat
    )


def _rate_all(client, forum, score="3", comment=""):
    for stage in STAGES:
        data = {}
        for question in questions_of(stage.code):
            data[f"score_{question.code}"] = score
            data[f"comment_{question.code}"] = comment
        response = client.post(
            reverse("assessment:rate", args=[forum.slug, YEAR, stage.code]), data
        )
        assert response.status_code == 302, response.content.decode()[:2000]


def _agree(client, forum, rating="partly"):
    data = {"rating": rating, "summary": "Strong on delivery, weak on evaluation."}
    for stage in STAGES:
        data[f"score_{stage.code}"] = "2"
        data[f"comment_{stage.code}"] = ""
    return client.post(reverse("assessment:agree", args=[forum.slug, YEAR]), data)


def test_the_whole_year_from_ratings_to_the_public_summary(
    client, forum, secretariat, member, chair, assessment
):
    client.force_login(member)
    _rate_all(client, forum, comment=SECRET_COMMENT)
    assert AssessmentAnswer.objects.filter(person=member).count() == len(QUESTIONS)
    client.force_login(secretariat)
    detail = client.get(reverse("assessment:detail", args=[forum.slug, YEAR])).content.decode()
    assert SECRET_COMMENT in detail  # the secretariat reads members' comments
    assert _agree(client, forum).status_code == 302
    response = client.post(
        reverse("assessment:action-add", args=[forum.slug, YEAR]),
        {
            "title": "Publish the evaluation on time",
            "due_date": days_from_today(60).isoformat(),
            "accountable_agency": Membership.objects.get(person=member).agency_id,
        },
    )
    assert response.status_code == 302, response.content.decode()
    action = Action.objects.get(forum=forum, title="Publish the evaluation on time")
    assert action in SelfAssessment.objects.get().improvement_actions.all()
    client.force_login(chair)
    client.post(reverse("assessment:approve", args=[forum.slug, YEAR]))
    client.force_login(secretariat)
    client.post(reverse("assessment:publish", args=[forum.slug, YEAR]))
    client.logout()
    public = client.get(reverse("assessment:public", args=[forum.slug])).content.decode()
    assert "Partly fit for purpose" in public
    assert "Publish the evaluation on time" in public
    assert SECRET_COMMENT not in public  # members' own ratings and comments stay private


def test_members_see_the_spread_but_not_each_others_comments(
    client, forum, member, secretariat, assessment
):
    client.force_login(secretariat)
    _rate_all(client, forum, score="1", comment=SECRET_COMMENT)
    client.force_login(member)
    page = client.get(reverse("assessment:detail", args=[forum.slug, YEAR])).content.decode()
    assert "Not met: 1" in page
    assert SECRET_COMMENT not in page


def test_an_unanswered_question_is_refused_next_to_it(client, forum, member, assessment):
    client.force_login(member)
    first = questions_of("operating")[0]
    response = client.post(
        reverse("assessment:rate", args=[forum.slug, YEAR, "operating"]),
        {f"comment_{first.code}": "Kept what I typed"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose a rating" in page and "Kept what I typed" in page
    assert not AssessmentAnswer.objects.exists()


def test_the_chair_approves_only_an_agreed_rating_and_nobody_else_approves(
    client, forum, secretariat, chair, assessment
):
    with pytest.raises(ValidationError):
        services.assessment_approve(assessment=assessment, by=chair)
    client.force_login(secretariat)
    _agree(client, forum)
    assert client.post(reverse("assessment:approve", args=[forum.slug, YEAR])).status_code == 403
    client.force_login(chair)
    client.post(reverse("assessment:approve", args=[forum.slug, YEAR]))
    assert SelfAssessment.objects.get().is_approved


def test_ratings_close_once_the_rating_is_agreed(client, forum, secretariat, member, assessment):
    client.force_login(secretariat)
    _agree(client, forum)
    client.force_login(member)
    response = client.get(reverse("assessment:rate", args=[forum.slug, YEAR, "operating"]))
    assert response.status_code == 302


def test_the_evidence_counts_match_the_records(forum, secretariat, other_forum):
    MeetingFactory(forum=forum, starts_at=datetime.datetime(YEAR, 5, 1, 10, tzinfo=datetime.UTC))
    MeetingFactory(forum=forum, starts_at=datetime.datetime(YEAR, 6, 1, 10, tzinfo=datetime.UTC))
    MeetingFactory(
        forum=other_forum, starts_at=datetime.datetime(YEAR, 6, 1, 10, tzinfo=datetime.UTC)
    )
    measured = PriorityFactory(forum=forum, plan_year=YEAR, agreed=True)
    ObjectiveFactory(priority=measured)
    PriorityFactory(forum=forum, plan_year=YEAR, agreed=True)
    PriorityFactory(forum=forum, plan_year=YEAR)  # a draft does not count
    Escalation.objects.create(
        from_forum=forum,
        level=Escalation.Level.NATIONAL,
        title="Court capacity",
        description="Listing delays.",
        raised_by=secretariat,
    )
    RelatedPartnership.objects.create(
        forum=forum, name="Cleveland CSP", kind="community_safety", how_linked="A shared member."
    )
    evidence = assessment_evidence(forum=forum, plan_year=YEAR)
    assert evidence["priorities"] == "2 priorities agreed for the plan year."
    assert evidence["escalations"] == "1 escalated, 0 answered."
    assert evidence["partnerships"].startswith("1 related partnerships on the register")
    assert "of 2 agreed priorities have a measure" in evidence["measures"]


def test_the_detail_page_issues_a_fixed_number_of_queries(
    client, forum, secretariat, member, assessment
):
    client.force_login(member)
    _rate_all(client, forum)
    client.force_login(secretariat)
    url = reverse("assessment:detail", args=[forum.slug, YEAR])
    before = queries_for(client, url)
    for role in (Membership.Role.MEMBER, Membership.Role.ADVISORY):
        from tests.forums.factories import MembershipFactory

        seat = MembershipFactory(forum=forum, role=role)
        client.force_login(seat.person)
        _rate_all(client, forum, comment="More comments")
    client.force_login(secretariat)
    assert queries_for(client, url) == before


def test_the_self_assessment_is_refused_to_others(
    client, forum, assessment, other_forum_member, advisory_member, member, data_submitter
):
    detail = reverse("assessment:detail", args=[forum.slug, YEAR])
    agree = reverse("assessment:agree", args=[forum.slug, YEAR])
    rate = reverse("assessment:rate", args=[forum.slug, YEAR, "operating"])
    assert client.get(detail).status_code == 302
    client.force_login(other_forum_member)
    for url in (detail, agree, rate):
        assert client.get(url).status_code == 404
    client.force_login(advisory_member)
    assert client.get(rate).status_code == 200  # advisory members give their view
    assert client.get(agree).status_code == 403  # but do not decide
    client.force_login(member)
    assert client.get(agree).status_code == 403
    client.force_login(data_submitter)
    assert client.get(detail).status_code == 403


def test_an_unpublished_assessment_is_not_public(client, forum, secretariat, chair, assessment):
    client.force_login(secretariat)
    _agree(client, forum, rating="not_fit")
    client.force_login(chair)
    client.post(reverse("assessment:approve", args=[forum.slug, YEAR]))
    client.logout()
    page = client.get(reverse("assessment:public", args=[forum.slug])).content.decode()
    assert "Not fit for purpose" not in page
    assert "has not published a self-assessment" in page


def test_related_partnerships_are_kept_by_the_secretariat_and_shown_publicly(
    client, forum, secretariat, member
):
    client.force_login(member)
    add = reverse("assessment:partnership-add", args=[forum.slug])
    assert client.get(add).status_code == 403
    client.force_login(secretariat)
    response = client.post(add, {"name": "", "kind": "violence_reduction", "how_linked": ""})
    assert "Enter the partnership&#x27;s name" in response.content.decode()
    client.post(
        add,
        {
            "name": "Cleveland Unit for the Reduction of Violence",
            "kind": "violence_reduction",
            "how_linked": "The board's chair sits on its strategic board.",
            "contact": "curv@example.org",
            "last_engaged_on": days_from_today(-20).isoformat(),
        },
    )
    partnership = RelatedPartnership.objects.get()
    assert partnership.history.count() == 1
    client.logout()
    public = client.get(reverse("assessment:public", args=[forum.slug])).content.decode()
    assert "Cleveland Unit for the Reduction of Violence" in public
