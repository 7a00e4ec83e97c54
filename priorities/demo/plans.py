"""Demo priorities for the plan year: cleveland-cjb's full cycle, and the other local boards."""

import datetime

from django.utils import timezone

from forums.models import Forum, Membership
from membership.models import User
from priorities.demo.common import (
    _days_ago,
    _indicator,
    _objective,
    _priority,
    _sign_all,
    _signers,
    _theme,
)
from priorities.demo.consultations import _consultations
from priorities.demo.delivery import _delivery_plan, _risks, _tensions
from priorities.demo.evaluation import _evaluation
from priorities.demo.good_practice import seed_good_practice
from priorities.demo.welsh import seed_welsh_boards
from priorities.models import Priority, SignOff, current_plan_year

# cleveland-cjb gets the full planning cycle: agreed priorities with objectives, a delivery plan
# from its action list and links to where they were discussed; a priority out for sign-off with
# answers in every state; a draft; tensions; risks (one past its review date); a closed
# consultation with responses and "you said, we did", an open one with responses; and last
# year's approved annual evaluation. The other local boards get agreed priorities so the
# cross-area table has something to compare; the boards in Wales get theirs in Welsh and English
# (priorities/demo/welsh.py). Safe to run twice (update_or_create throughout).

Status = Priority.Status


def seed(*, stdout) -> None:
    year = current_plan_year()
    today = timezone.localdate()
    cleveland = Forum.objects.filter(slug="cleveland-cjb").first()
    if cleveland is None:
        stdout.write("  cleveland-cjb missing: run the forums demo first")
        return
    _seed_cleveland(cleveland, year, today)
    _seed_other_boards(year)
    seed_welsh_boards(stdout=stdout)
    stdout.write(f"  priorities for plan year {year} to {year + 1} on the demo boards")
    curator = User.objects.filter(is_national_viewer=True).order_by("pk").first()
    published = seed_good_practice(curator=curator)
    stdout.write(f"  {published} published good-practice entries and two adoptions")


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


OTHER_BOARDS = {
    "durham-cjb": [
        ("Support victims of domestic abuse through court", "victims_and_witnesses"),
        ("Cut delay from charge to first hearing", "efficiency"),
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
