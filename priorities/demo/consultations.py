"""Demo consultations: a closed one with responses and "you said, we did", and an open one."""

import datetime

from django.utils import timezone

from forums.models import Decision
from priorities.models import Answer, Consultation, Priority, Question, Response, YouSaidWeDid

CLOSED_ANSWERS = [
    ("Being kept informed about my case", "Yes", "victim_of_crime", "yes"),
    ("Support for people giving evidence", "Yes", "age_band", "45_64"),
    ("Getting the compensation the court ordered", "Not sure", "age_band", "65_plus"),
    ("Faster trials", "No", "ethnic_group", "white"),
    ("Help for witnesses with a disability", "Yes", "disability", "yes"),
]
OPEN_ANSWERS = [
    "Young people leaving prison need somewhere to live on day one.",
    "Please do more about people who reoffend because they have no job.",
]


def _consultation(forum, title, opens, closes, by, **fields):
    consultation, _ = Consultation.objects.update_or_create(
        forum=forum,
        title=title,
        defaults={
            "opens_on": opens,
            "closes_on": closes,
            "is_published": True,
            "equality_monitoring": True,
            "created_by": by,
            **fields,
        },
    )
    return consultation


def _question(consultation, order, text, kind=Question.Kind.TEXT, choices=""):
    question, _ = Question.objects.update_or_create(
        consultation=consultation,
        order=order,
        defaults={"text": text, "kind": kind, "choices": choices},
    )
    return question


def _seed_responses(consultation, questions, rows, days_ago):
    if consultation.responses.exists():
        return
    for number, row in enumerate(rows):
        text, choice, field, value = row if len(row) == 4 else (row, "", "", "")
        response = Response.objects.create(
            consultation=consultation,
            submitted_at=timezone.now() - datetime.timedelta(days=days_ago - number),
            respondent_type="A member of the public",
            **({field: value} if field else {}),
        )
        Answer.objects.create(response=response, question=questions[0], text=text)
        if choice and len(questions) > 1:
            Answer.objects.create(response=response, question=questions[1], text=choice)


def _consultations(forum, year, today, by, witnesses, reoffending):
    closed = _consultation(
        forum,
        f"What should the board focus on in {year} to {year + 1}?",
        today - datetime.timedelta(days=150),
        today - datetime.timedelta(days=100),
        by,
        introduction="The Cleveland Criminal Justice Board is choosing its priorities for the "
        "coming year. Tell us what matters most to you about the justice system.",
        published_summary="118 people answered. The most common concerns were not being kept "
        "informed about cases, support for vulnerable witnesses, and victims waiting for the "
        "compensation the court ordered.",
    )
    closed.priorities.set([witnesses])
    questions = [
        _question(closed, 1, "What is the one thing the justice system should do better?"),
        _question(
            closed,
            2,
            "Should supporting vulnerable witnesses be a priority?",
            Question.Kind.CHOICE,
            "Yes\nNo\nNot sure",
        ),
    ]
    _seed_responses(closed, questions, CLOSED_ANSWERS, 140)
    for response in closed.responses.order_by("pk")[:1]:
        witnesses.cited_responses.add(response)
    YouSaidWeDid.objects.update_or_create(
        consultation=closed,
        order=1,
        defaults={
            "you_said": "Victims are not told when their trial is.",
            "we_did": "Made supporting victims and witnesses to attend trial a board priority, "
            "with a target for needs assessments.",
            "priority": witnesses,
        },
    )
    fines = Priority.objects.filter(
        forum=forum, plan_year=year, theme__slug="enforcement_court_decisions"
    ).first()
    YouSaidWeDid.objects.update_or_create(
        consultation=closed,
        order=2,
        defaults={
            "you_said": "Victims wait years for the compensation the court ordered.",
            "we_did": "Agreed a priority to collect more compensation, led by HMCTS.",
            "priority": fines,
            "decision": Decision.objects.filter(forum=forum, confidentiality="public")
            .order_by("decided_on")
            .first(),
        },
    )

    current = _consultation(
        forum,
        "Draft priority: young adults leaving custody",
        today - datetime.timedelta(days=7),
        today + datetime.timedelta(days=28),
        by,
        introduction="The board is considering a priority to reduce reoffending by young "
        "adults leaving custody. What would help most?",
    )
    current.priorities.set([reoffending])
    questions = [
        _question(current, 1, "What would help young adults not to reoffend?"),
        _question(
            current,
            2,
            "Do you agree this should be a priority?",
            Question.Kind.CHOICE,
            "Yes\nNo\nNot sure",
        ),
    ]
    _seed_responses(current, questions, OPEN_ANSWERS, 5)
