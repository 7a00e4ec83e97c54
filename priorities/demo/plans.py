"""Demo priorities and plans (used by ``seed_demo``; runs after the forums and performance demos).

cleveland-cjb gets the full planning cycle: agreed priorities with objectives, a delivery plan
from its action list and links to where they were discussed; a priority out for sign-off with
answers in every state; a draft; tensions; risks (one past its review date); a closed
consultation with responses and "you said, we did", an open one with responses; and last
year's approved annual evaluation. The other local boards get agreed priorities so the
cross-area table has something to compare. Safe to run twice (update_or_create throughout).
"""

import datetime

from django.utils import timezone

from forums.models import Action, AgendaItem, Decision, Forum, Membership
from performance.models import Indicator
from priorities.models import (
    AnnualEvaluation,
    Answer,
    Consultation,
    DeliveryAction,
    EvaluationOutcome,
    Objective,
    Priority,
    PriorityDiscussion,
    Question,
    Response,
    Risk,
    SignOff,
    Tension,
    Theme,
    YouSaidWeDid,
    current_plan_year,
)
from priorities.rules import SIGNING_ROLES

Status = Priority.Status


def _days_ago(days: int) -> datetime.datetime:
    """10am that many days ago: the same on every run, so running again changes nothing."""
    day = timezone.localdate() - datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def _theme(slug):
    return Theme.objects.get(slug=slug)


def _indicator(slug):
    return Indicator.objects.filter(slug=slug).first()


def _signers(forum):
    """(agency, person) for each agency that signs off on the forum, first signer per agency."""
    seen = {}
    for membership in (
        Membership.objects.current()
        .filter(
            forum=forum,
            role__in=SIGNING_ROLES,
            agency__isnull=False,
            agency__agency_type__advisory_only=False,
        )
        .select_related("agency", "person")
        .order_by("agency__name", "pk")
    ):
        seen.setdefault(membership.agency_id, (membership.agency, membership.person))
    return list(seen.values())


def _priority(forum, year, title, **fields):
    indicators = fields.pop("indicators", [])
    priority, _ = Priority.objects.update_or_create(
        forum=forum, plan_year=year, title=title, defaults=fields
    )
    priority.indicators.set([i for i in indicators if i])
    return priority


def _objective(priority, title, order, **fields):
    Objective.objects.update_or_create(
        priority=priority, title=title, defaults={"order": order, **fields}
    )


def _sign_all(priority, signers, decisions=None, *, skip=()):
    """Sign off in round 1; ``decisions`` maps an agency-type slug to (decision, comment)."""
    decisions = decisions or {}
    for agency, person in signers:
        if agency.agency_type.slug in skip:
            continue
        decision, comment = decisions.get(agency.agency_type.slug, (SignOff.Decision.AGREE, ""))
        SignOff.objects.update_or_create(
            priority=priority,
            round=1,
            agency=agency,
            defaults={"decision": decision, "comment": comment, "signed_by": person},
        )


def seed(*, stdout) -> None:
    year = current_plan_year()
    today = timezone.localdate()
    cleveland = Forum.objects.filter(slug="cleveland-cjb").first()
    if cleveland is None:
        stdout.write("  cleveland-cjb missing: run the forums demo first")
        return
    _seed_cleveland(cleveland, year, today)
    _seed_other_boards(year)
    stdout.write(f"  priorities for plan year {year} to {year + 1} on the demo boards")


def _seed_cleveland(forum, year, today):
    signers = _signers(forum)
    runner = (
        Membership.objects.current()
        .filter(forum=forum, role=Membership.Role.SECRETARIAT)
        .select_related("person")
        .first()
    )
    chair = (
        Membership.objects.current()
        .filter(forum=forum, role=Membership.Role.CHAIR)
        .select_related("person", "agency")
        .first()
    )
    by = runner.person if runner else None
    police = next((a for a, _ in signers if a.agency_type.slug == "police"), None)
    cps = next((a for a, _ in signers if a.agency_type.slug == "cps"), None)
    hmcts = next((a for a, _ in signers if a.agency_type.slug == "hmcts"), None)
    victims = next((a for a, _ in signers if a.agency_type.slug == "victim_services"), None)
    lead_member = next((p for a, p in signers if a == victims), None)

    witnesses = _priority(
        forum,
        year,
        "Fewer trials that fail because victims and witnesses do not attend",
        theme=_theme("vulnerable_victims_witnesses"),
        description="Make sure vulnerable and intimidated victims and witnesses get the "
        "support they need to give their best evidence, so fewer trials are adjourned or "
        "collapse because a witness does not attend.",
        evidence_notes="Strategic assessment 2025: 1 in 6 ineffective trials in Teesside "
        "were caused by prosecution witness absence. Victims told the 2025 consultation they "
        "were not kept informed of trial dates. Witness Care Unit caseloads rose by 20%.",
        national_priority="Improve the experience of victims and witnesses",
        national_priority_reference="National Criminal Justice Board, priorities for 2025-26",
        police_crime_plan_objective="Put victims first",
        police_crime_plan_reference="Cleveland Police and Crime Plan 2025-29, objective 2",
        lead_agency=victims,
        lead_member=lead_member,
        equality_considerations="Disabled and older witnesses, and those who need an "
        "interpreter, are more likely to need special measures; monitor attendance by group.",
        status=Status.AGREED,
        sign_off_round=1,
        agreed_at=_days_ago(60),
        indicators=[
            _indicator("ineffective_trials_witness_absence"),
            _indicator("witness_attendance_rate"),
        ],
    )
    _objective(
        witnesses,
        "Raise witness attendance at trial",
        1,
        indicator=_indicator("witness_attendance_rate"),
        unit="%",
        baseline=84,
        baseline_date=datetime.date(year, 3, 31),
        target=90,
        target_date=datetime.date(year + 1, 3, 31),
    )
    _objective(
        witnesses,
        "Every vulnerable witness has a needs assessment before trial",
        2,
        local_measure="Share of vulnerable witnesses with a recorded needs assessment "
        "(Witness Care Unit audit)",
        unit="%",
        baseline=61,
        baseline_date=datetime.date(year, 3, 31),
        target=95,
        target_date=datetime.date(year + 1, 3, 31),
    )
    _sign_all(
        witnesses,
        signers,
        {"hmcts": (SignOff.Decision.RESERVATIONS, "Depends on courtroom availability.")},
    )

    fines = _priority(
        forum,
        year,
        "Collect more of the compensation courts order for victims",
        theme=_theme("enforcement_court_decisions"),
        description="Enforce court decisions so that victims receive the compensation the "
        "court ordered, and fines are paid.",
        evidence_notes="Outstanding financial impositions rose 12% last year; compensation "
        "is paid to victims only after it is collected.",
        lead_agency=hmcts,
        status=Status.AGREED,
        sign_off_round=1,
        agreed_at=_days_ago(55),
        indicators=[_indicator("outstanding_financial_impositions")],
    )
    _objective(
        fines,
        "Reduce outstanding financial impositions",
        1,
        indicator=_indicator("outstanding_financial_impositions"),
        unit="",
        baseline=1850000,
        baseline_date=datetime.date(year, 3, 31),
        target=1500000,
        target_date=datetime.date(year + 1, 3, 31),
    )
    _sign_all(fines, signers)

    digital = _priority(
        forum,
        year,
        "Case files shared digitally and right first time",
        theme=_theme("digitisation"),
        description="Police and CPS share complete digital case files that meet the "
        "National File Standard at first submission.",
        evidence_notes="Only 58% of files met the National File Standard at first "
        "submission last year.",
        lead_agency=police,
        status=Status.SIGN_OFF,
        sign_off_round=1,
        sent_for_sign_off_at=_days_ago(10),
        indicators=[_indicator("nfs_file_compliance")],
    )
    _objective(
        digital,
        "More files meet the National File Standard first time",
        1,
        indicator=_indicator("nfs_file_compliance"),
        unit="%",
        baseline=58,
        baseline_date=datetime.date(year, 3, 31),
        target=80,
        target_date=datetime.date(year + 1, 3, 31),
    )
    # Sign-offs in every state: agreed, with reservations, not agreed, and still to answer.
    _sign_all(
        digital,
        signers,
        {
            "cps": (SignOff.Decision.RESERVATIONS, "Needs the new digital case system first."),
            "hmcts": (
                SignOff.Decision.DISAGREE,
                "Court digital upload is not funded this year; we cannot commit.",
            ),
        },
        skip=("probation", "prison_service", "youth_justice"),
    )

    reoffending = _priority(
        forum,
        year,
        "Fewer young adults reoffend after leaving custody",
        theme=_theme("reducing_reoffending"),
        description="Join up housing, work and health support for 18 to 25 year olds "
        "leaving custody.",
        status=Status.DRAFT,
    )
    _objective(
        reoffending,
        "Lower proven reoffending among young adults",
        1,
        indicator=_indicator("proven_reoffending_adult"),
        unit="%",
        baseline=31,
        baseline_date=datetime.date(year, 3, 31),
        target=27,
        target_date=datetime.date(year + 2, 3, 31),
    )

    _delivery_plan(forum, witnesses, fines, by)
    _tensions(forum, witnesses, digital, police, cps, hmcts)
    _risks(forum, witnesses, fines, chair, police, hmcts, today)
    _consultations(forum, year, today, by, witnesses, reoffending)
    _evaluation(forum, year - 1, chair, victims, hmcts, signers)


def _delivery_plan(forum, witnesses, fines, by):
    # A mix: some done, some in progress, one overdue, so the roll-up shows real progress.
    actions = []
    for status in (Action.Status.DONE, Action.Status.IN_PROGRESS, Action.Status.OPEN):
        actions += list(Action.objects.filter(forum=forum, status=status).order_by("-due_date")[:2])
    for number, action in enumerate(actions):
        priority = witnesses if number % 2 == 0 else fines
        objective = priority.objectives.order_by("order").first()
        DeliveryAction.objects.update_or_create(
            priority=priority,
            action=action,
            defaults={"objective": objective, "linked_by": by},
        )
    item = (
        AgendaItem.objects.filter(meeting__forum=forum, title__startswith="Victims")
        .order_by("meeting__starts_at")
        .first()
    )
    if item:
        PriorityDiscussion.objects.get_or_create(
            priority=witnesses, agenda_item=item, defaults={"linked_by": by}
        )
    decision = Decision.objects.filter(forum=forum).order_by("decided_on").first()
    if decision:
        PriorityDiscussion.objects.get_or_create(
            priority=witnesses, decision=decision, defaults={"linked_by": by}
        )


def _tensions(forum, witnesses, digital, police, cps, hmcts):
    tension, _ = Tension.objects.update_or_create(
        forum=forum,
        title="Fewer hearings per case against the conviction rate",
        defaults={
            "priority": witnesses,
            "agency_plan": "HMCTS plan: reduce the average number of hearings per case.",
            "conflict": "Listing trials sooner with fewer hearings leaves less time for witness "
            "care to prepare vulnerable witnesses, which risks more witnesses not attending.",
            "impact": "Could lower the CPS conviction rate and the board's witness attendance "
            "target.",
            "status": Tension.Status.RESOLVED,
            "resolution": "Agreed at the board: vulnerable-witness trials are flagged at first "
            "listing and get at least four weeks' notice.",
        },
    )
    tension.agencies.set([a for a in (hmcts, cps) if a])
    tension, _ = Tension.objects.update_or_create(
        forum=forum,
        title="Police charging targets against file quality",
        defaults={
            "priority": digital,
            "agency_plan": "Police plan: charge decisions within 28 days of arrest.",
            "conflict": "Pressure to submit files quickly lowers first-time file quality.",
            "impact": "More files returned by CPS; the digital priority's target at risk.",
            "status": Tension.Status.ESCALATED,
            "resolution": "Escalated to the national Criminal Justice Board: the national "
            "charging measure does not count returned files.",
        },
    )
    tension.agencies.set([a for a in (police, cps) if a])


def _risks(forum, witnesses, fines, chair, police, hmcts, today):
    owner = chair.person if chair else None
    specs = [
        (
            "Witness Care Unit staffing falls short",
            witnesses,
            "Vacancies and sickness in the Witness Care Unit",
            "Witnesses are not contacted in time and do not attend",
            4,
            4,
            police,
            "Temporary staff from the PCC's victim fund; weekly caseload review.",
            today + datetime.timedelta(days=20),
            Risk.Status.OPEN,
        ),
        (
            "Interpreter bookings fail",
            witnesses,
            "Contract change for interpreting services",
            "Trials adjourned on the day",
            3,
            3,
            hmcts,
            "Escalation route agreed with the contract manager.",
            today - datetime.timedelta(days=12),
            Risk.Status.OPEN,
        ),
        (
            "Enforcement staff diverted to other work",
            fines,
            "National reprioritisation of HMCTS enforcement teams",
            "Compensation to victims paid later",
            2,
            4,
            hmcts,
            "",
            today + datetime.timedelta(days=60),
            Risk.Status.TOLERATED,
        ),
        (
            "Partners stop sharing data for the dashboard",
            None,
            "Information sharing agreement lapses",
            "The board cannot monitor shared performance",
            2,
            2,
            None,
            "Agreement renewal on the next agenda.",
            today + datetime.timedelta(days=90),
            Risk.Status.OPEN,
        ),
    ]
    for title, priority, cause, consequence, lik, imp, agency, mit, review, status in specs:
        Risk.objects.update_or_create(
            forum=forum,
            title=title,
            defaults={
                "priority": priority,
                "cause": cause,
                "consequence": consequence,
                "likelihood": lik,
                "impact": imp,
                "score": lik * imp,
                "owner": owner,
                "owner_agency": agency,
                "mitigations": mit,
                "review_date": review,
                "status": status,
            },
        )


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


OTHER_BOARDS = {
    "durham-cjb": [
        ("Support victims of domestic abuse through court", "victims_and_witnesses"),
        ("Cut delay from charge to first hearing", "efficiency"),
    ],
    "south-wales-cjb": [
        ("Vulnerable witnesses give their best evidence", "vulnerable_victims_witnesses"),
        ("Reduce reoffending by women", "reducing_reoffending"),
        ("Digital evidence shared once", "digitisation"),
    ],
    "west-yorkshire-cjb": [
        ("Rape cases reach court sooner", "rape_serious_sexual_offences"),
        ("Confidence of Black and minority ethnic communities", "race_equality"),
    ],
}


def _seed_other_boards(year):
    for slug, specs in OTHER_BOARDS.items():
        forum = Forum.objects.filter(slug=slug).first()
        if forum is None:
            continue
        for title, theme in specs:
            priority = _priority(
                forum,
                year,
                title,
                theme=_theme(theme),
                description=title + ".",
                status=Status.AGREED,
                sign_off_round=1,
            )
            _objective(
                priority,
                title,
                1,
                local_measure="Local measure agreed by the board",
                unit="%",
                baseline=50,
                baseline_date=datetime.date(year, 3, 31),
                target=60,
                target_date=datetime.date(year + 1, 3, 31),
            )
