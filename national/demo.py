"""Demo for the national view (runs after the other apps' demos): a regional arrangement in
England beside All-Wales, a risk shared upward, figures for every other area (generated and
labelled as demonstration data), a completed self-assessment, related partnerships, a national
submission and a question from the national team."""

import datetime
import random

from django.utils import timezone

from forums.models import Action, Forum, Membership
from membership import demo as people
from membership.models import Agency, AgencyType, PoliceForceArea, User
from national import demo_bulletins, demo_cascade, demo_engagements
from national.models import NationalQuestion, NationalSubmission
from national.selectors import reporting_year
from national.services import snapshot_for
from performance.demo import build
from performance.models import PerformanceReturn
from priorities.assessment_questions import QUESTIONS, STAGES
from priorities.models import (
    AnnualEvaluation,
    AssessmentAnswer,
    RelatedPartnership,
    Risk,
    SelfAssessment,
    StageConclusion,
    current_plan_year,
)

GENERATED = "(demonstration data)"
GENERATED_MONTHS = 6


def seed(*, stdout) -> None:
    today = timezone.localdate()
    secretariat = User.objects.get(email=people.demo_email("secretariat"))
    chair = User.objects.get(email=people.demo_email("chair"))
    national = User.objects.get(email=people.demo_email("national"))
    cleveland = Forum.objects.filter(slug="cleveland-cjb").first()
    if cleveland is None:
        return
    _north_east(cleveland)
    count = _every_area(today, secretariat)
    _partnerships(cleveland, today)
    _self_assessment(cleveland, secretariat, chair, today)
    _reporting(cleveland, secretariat, national)
    demo_bulletins.seed(stdout=stdout)
    demo_engagements.seed(stdout=stdout)
    stdout.write(f"  national view: {count} generated figures for areas without a demo board")
    demo_cascade.seed(stdout=stdout, national=national)


def _north_east(cleveland: Forum) -> None:
    """An English regional arrangement over Cleveland, Durham and Northumbria, and a risk
    Cleveland shares with it."""
    region, _ = Forum.objects.update_or_create(
        slug="north-east-cjb",
        defaults={
            "name": "North East Criminal Justice Board",
            "kind": Forum.Kind.REGIONAL_BOARD,
            "public_summary": "The North East board brings the three local boards of Cleveland, "
            "Durham and Northumbria together to share what works and tackle regional issues. "
            "It does not govern the local boards.",
            "is_public": True,
            "meeting_frequency": Forum.Frequency.QUARTERLY,
        },
    )
    region.areas.set(
        PoliceForceArea.objects.filter(
            code__in=[people.CLEVELAND, people.DURHAM, people.NORTHUMBRIA]
        )
    )
    chair_seat = Membership.objects.filter(forum=cleveland, role=Membership.Role.CHAIR).first()
    if chair_seat:
        Membership.objects.get_or_create(
            forum=region,
            person=chair_seat.person,
            defaults={
                "agency": chair_seat.agency,
                "role": Membership.Role.MEMBER,
                "start_date": chair_seat.start_date,
            },
        )
    Risk.objects.filter(forum=cleveland, title="Witness Care Unit staffing falls short").update(
        shared_upward=True
    )


def _every_area(today: datetime.date, recorder: User) -> int:
    """A public board for each area without a demo board, with a year of published figures,
    named as demonstration data so nobody mistakes them for real figures."""
    covered = set(
        Forum.objects.filter(kind=Forum.Kind.LOCAL_BOARD, is_public=True).values_list(
            "areas", flat=True
        )
    )
    if Forum.objects.filter(slug__startswith="demo-area-").exists():
        return 0
    types = list(AgencyType.objects.filter(indicators__isnull=False).distinct())
    boards = []
    for area in PoliceForceArea.objects.exclude(pk__in=covered).order_by("code"):
        forum = Forum.objects.create(
            slug=f"demo-area-{area.code.lower()}",
            name=f"{area.name} Criminal Justice Board {GENERATED}",
            public_summary="Generated figures so that the national view shows every area. "
            "This is not a real board and these are not real figures.",
            is_public=True,
        )
        forum.areas.add(area)
        agencies = [
            # No areas: the demo's real agencies are found by type and area.
            Agency.objects.get_or_create(
                slug=f"demo-{agency_type.slug}-{area.code.lower()}",
                defaults={
                    "name": f"{agency_type.name}, {area.name} {GENERATED}",
                    "agency_type": agency_type,
                },
            )[0]
            for agency_type in types
        ]
        boards.append((forum, agencies))
    return build(
        boards=boards,
        today=today,
        months=GENERATED_MONTHS,
        recorded_by=recorder,
        with_breakdowns=False,
    )


def _partnerships(forum: Forum, today: datetime.date) -> None:
    for name, kind, contact, how, days in [
        (
            "Safer Hartlepool Partnership",
            RelatedPartnership.Kind.COMMUNITY_SAFETY,
            "community.safety@hartlepool.example",
            "The partnership's chair reports to the board twice a year; the board's victims "
            "sub-group shares its domestic abuse action plan.",
            40,
        ),
        (
            "Cleveland Unit for the Reduction of Violence",
            RelatedPartnership.Kind.VIOLENCE_REDUCTION,
            "curv@cleveland-pcc.example",
            "Funded by the local policing body; its director sits on the board.",
            12,
        ),
        (
            "Teeswide Safeguarding Adults Board",
            RelatedPartnership.Kind.SAFEGUARDING_ADULTS,
            "tsab@teeswide.example",
            "Joint protocol on vulnerable victims and witnesses.",
            95,
        ),
    ]:
        RelatedPartnership.objects.update_or_create(
            forum=forum,
            name=name,
            defaults={
                "kind": kind,
                "contact": contact,
                "how_linked": how,
                "last_engaged_on": today - datetime.timedelta(days=days),
            },
        )


def _self_assessment(forum: Forum, secretariat: User, chair: User, today: datetime.date):
    """Last plan year's self-assessment: rated, agreed, approved and published."""
    year = current_plan_year(today) - 1
    assessment, created = SelfAssessment.objects.update_or_create(
        forum=forum,
        plan_year=year,
        defaults={
            "closes_on": today - datetime.timedelta(days=60),
            "status": SelfAssessment.Status.APPROVED,
            "rating": SelfAssessment.Rating.PARTLY,
            "summary": "The board has the right agencies round the table and meets regularly, "
            "but it has not yet told the public clearly which of its aims were met, and its "
            "links with the health and wellbeing board are weak.",
            "opened_by": secretariat,
            "agreed_by": secretariat,
            "agreed_at": timezone.now() - datetime.timedelta(days=50),
            "approved_by": chair,
            "approved_at": timezone.now() - datetime.timedelta(days=45),
            "is_published": True,
            "published_at": timezone.now() - datetime.timedelta(days=44),
        },
    )
    raters = [
        seat.person
        for seat in Membership.objects.current()
        .filter(forum=forum, role__in=Membership.MEMBER_ROLES)
        .select_related("person")[:6]
    ]
    picks = random.Random(forum.pk)
    for person in raters:
        for question in QUESTIONS:
            AssessmentAnswer.objects.update_or_create(
                assessment=assessment,
                person=person,
                question=question.code,
                defaults={"score": picks.choice([2, 3, 3, 4])},
            )
    scores = {"operating": 3, "planning": 3, "delivery": 3, "evaluation": 2, "review": 2}
    for stage in STAGES:
        StageConclusion.objects.update_or_create(
            assessment=assessment, stage=stage.code, defaults={"score": scores[stage.code]}
        )
    if created or not assessment.improvement_actions.exists():
        agency = Agency.objects.filter(memberships__forum=forum, agency_type__slug="pcc").first()
        for title, days in [
            ("Publish an accessible summary of which aims were met", 60),
            ("Agree a protocol with the health and wellbeing board", 120),
        ]:
            action = Action.objects.create(
                forum=forum,
                title=title,
                description="Improvement action from the self-assessment.",
                due_date=today + datetime.timedelta(days=days),
                accountable_agency=agency,
                created_by=secretariat,
            )
            assessment.improvement_actions.add(action)


def _reporting(forum: Forum, secretariat: User, national: User) -> None:
    """Cleveland's annual evaluation submitted to the national team, and a question on it."""
    year = reporting_year()
    evaluation = AnnualEvaluation.objects.filter(
        forum=forum, plan_year=year, status=AnnualEvaluation.Status.APPROVED
    ).first()
    if evaluation is None or not PerformanceReturn.objects.filter(forum=forum).exists():
        return
    submission, _ = NationalSubmission.objects.get_or_create(
        forum=forum,
        kind=NationalSubmission.Kind.ANNUAL_EVALUATION,
        plan_year=year,
        defaults={
            "evaluation": evaluation,
            "snapshot": snapshot_for(
                forum=forum,
                kind=NationalSubmission.Kind.ANNUAL_EVALUATION,
                plan_year=year,
                evaluation=evaluation,
            ),
            "submitted_by": secretariat,
            "note": "Figures for the last quarter are still provisional.",
        },
    )
    NationalQuestion.objects.get_or_create(
        forum=forum,
        submission=submission,
        defaults={
            "question": "Your cracked trial rate did not improve. Which agencies are you "
            "working with on the causes, and would a regional approach help?",
            "asked_by": national,
        },
    )
