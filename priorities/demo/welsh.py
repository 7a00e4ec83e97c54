"""The demo's boards in Wales: priorities, objectives and a consultation in Welsh and English.

South Wales agrees three priorities and asks the public about its next year in an open
consultation that anyone may answer in either language; the All-Wales board agrees two
priorities across the four areas. Safe to run again (update_or_create throughout).
"""

import datetime

from django.utils import timezone

from forums.models import Forum, Membership
from priorities.demo.common import _indicator, _theme
from priorities.demo.consultations import _seed_responses
from priorities.models import Consultation, Objective, Priority, Question, current_plan_year

Status = Priority.Status

# forum slug: [(theme, (title, title_cy), (description, description_cy),
#               (objective, objective_cy), indicator slug, baseline, target)]
PRIORITIES = {
    "south-wales-cjb": [
        (
            "vulnerable_victims_witnesses",
            (
                "Vulnerable witnesses give their best evidence",
                "Tystion agored i niwed yn rhoi eu tystiolaeth orau",
            ),
            (
                "Make sure vulnerable and intimidated witnesses in South Wales get the support "
                "they need, from special measures to a visit to court before the trial, so they "
                "can give their best evidence.",
                "Sicrhau bod tystion yn Ne Cymru sy'n agored i niwed neu sy'n cael eu brawychu "
                "yn cael y cymorth sydd ei angen arnynt, o fesurau arbennig i ymweliad â'r llys "
                "cyn y treial, er mwyn iddynt allu rhoi eu tystiolaeth orau.",
            ),
            ("Raise witness attendance at trial", "Codi presenoldeb tystion mewn treialon"),
            "witness_attendance_rate",
            82,
            88,
        ),
        (
            "reducing_reoffending",
            ("Reduce reoffending by women", "Lleihau aildroseddu gan fenywod"),
            (
                "Offer women at risk of a short prison sentence a community order with support "
                "for housing, debt and mental health through the women's centre.",
                "Cynnig gorchymyn cymunedol i fenywod sydd mewn perygl o gael dedfryd fer o "
                "garchar, gyda chymorth drwy'r ganolfan i fenywod o ran tai, dyledion ac iechyd "
                "meddwl.",
            ),
            (
                "Fewer women reoffend after a short sentence",
                "Llai o fenywod yn aildroseddu ar ôl dedfryd fer",
            ),
            "proven_reoffending_adult",
            29,
            25,
        ),
        (
            "digitisation",
            ("Digital evidence shared once", "Rhannu tystiolaeth ddigidol unwaith"),
            (
                "Share digital case files and evidence between the police, CPS and the courts "
                "once, through one system, instead of copying them from one agency to the next.",
                "Rhannu ffeiliau achos a thystiolaeth ddigidol rhwng yr heddlu, Gwasanaeth "
                "Erlyn y Goron a'r llysoedd unwaith, drwy un system, yn lle eu copïo o un "
                "asiantaeth i'r llall.",
            ),
            (
                "More case files meet the National File Standard first time",
                "Mwy o ffeiliau achos yn bodloni'r Safon Genedlaethol ar gyfer Ffeiliau y tro "
                "cyntaf",
            ),
            "nfs_file_compliance",
            61,
            80,
        ),
    ],
    "all-wales-cjb": [
        (
            "victims_code_compliance",
            (
                "Victims' Code compliance across Wales",
                "Cydymffurfio â'r Cod Dioddefwyr ledled Cymru",
            ),
            (
                "Agree one way for the four areas in Wales to measure and report whether victims "
                "receive their rights under the Code, and review the figures together each "
                "quarter.",
                "Cytuno ar un ffordd i'r pedair ardal yng Nghymru fesur ac adrodd a yw "
                "dioddefwyr yn cael eu hawliau o dan y Cod, ac adolygu'r ffigurau gyda'i gilydd "
                "bob chwarter.",
            ),
            (
                "More victims get a needs assessment in time",
                "Mwy o ddioddefwyr yn cael asesiad o'u hanghenion mewn pryd",
            ),
            "vcop_needs_assessment",
            71,
            85,
        ),
        (
            "rape_serious_sexual_offences",
            (
                "Fewer rape victims withdraw from their case",
                "Llai o ddioddefwyr trais rhywiol yn tynnu'n ôl o'u hachos",
            ),
            (
                "Give every adult victim of rape an independent adviser from the first report "
                "to the trial, and keep them informed, so fewer withdraw their support for the "
                "prosecution.",
                "Rhoi cynghorydd annibynnol i bob oedolyn sydd wedi dioddef trais rhywiol, o'r "
                "adroddiad cyntaf hyd at y treial, a rhoi'r wybodaeth ddiweddaraf iddynt, fel "
                "bod llai yn tynnu eu cefnogaeth i'r erlyniad yn ôl.",
            ),
            (
                "Fewer victims withdraw during the police investigation",
                "Llai o ddioddefwyr yn tynnu'n ôl yn ystod ymchwiliad yr heddlu",
            ),
            "victim_attrition_police",
            38,
            30,
        ),
    ],
}

CHOICES = ("Yes\nNo\nNot sure", "Dylai\nNa ddylai\nDdim yn siŵr")
QUESTIONS = [
    # (text, text_cy), (hint, hint_cy), kind, choices or None
    (
        (
            "What is the one thing the justice system in South Wales should do better?",
            "Beth yw'r un peth y dylai'r system gyfiawnder yn Ne Cymru ei wneud yn well?",
        ),
        (
            "You can answer in Welsh or English.",
            "Gallwch ateb yn Gymraeg neu yn Saesneg.",
        ),
        Question.Kind.TEXT,
        None,
    ),
    (
        (
            "Should supporting vulnerable witnesses stay a priority?",
            "A ddylai cefnogi tystion agored i niwed barhau'n flaenoriaeth?",
        ),
        ("", ""),
        Question.Kind.CHOICE,
        CHOICES,
    ),
]
ANSWERS = [
    "Dylai dioddefwyr gael gwybod pryd mae'r treial heb orfod ffonio i ofyn.",
    "More support for witnesses who have to travel a long way to Cardiff Crown Court.",
]


def seed_welsh_boards(*, stdout) -> None:
    year = current_plan_year()
    for slug, specs in PRIORITIES.items():
        forum = Forum.objects.filter(slug=slug).first()
        if forum is None:
            continue
        for theme, title, description, objective, indicator, baseline, target in specs:
            _priority_in_both(
                forum, year, theme, title, description, objective, indicator, baseline, target
            )
    south_wales = Forum.objects.filter(slug="south-wales-cjb").first()
    if south_wales is not None:
        _consultation_in_both(south_wales, year)
    stdout.write("  south-wales-cjb and all-wales-cjb: priorities and a consultation in Welsh")


def _priority_in_both(
    forum, year, theme, title, description, objective, indicator_slug, baseline, target
):
    indicator = _indicator(indicator_slug)
    priority, _ = Priority.objects.update_or_create(
        forum=forum,
        plan_year=year,
        title_en=title[0],
        defaults={
            "title": title[0],
            "title_cy": title[1],
            "description": description[0],
            "description_cy": description[1],
            "theme": _theme(theme),
            "status": Status.AGREED,
            "sign_off_round": 1,
        },
    )
    priority.indicators.set([indicator] if indicator else [])
    Objective.objects.update_or_create(
        priority=priority,
        title_en=objective[0],
        defaults={
            "title": objective[0],
            "title_cy": objective[1],
            "order": 1,
            "indicator": indicator,
            "unit": "%",
            "baseline": baseline,
            "target": target,
            "baseline_date": datetime.date(year, 3, 31),
            "target_date": datetime.date(year + 1, 3, 31),
        },
    )
    return priority


def _consultation_in_both(forum, year):
    today = timezone.localdate()
    runner = (
        Membership.objects.current()
        .filter(forum=forum, role=Membership.Role.SECRETARIAT)
        .select_related("person")
        .first()
    )
    title = f"Have your say: the board's priorities for {year} to {year + 1}"
    consultation, _ = Consultation.objects.update_or_create(
        forum=forum,
        title_en=title,
        defaults={
            "title": title,
            "title_cy": f"Dweud eich dweud: blaenoriaethau'r bwrdd ar gyfer {year} i {year + 1}",
            "introduction": "The South Wales Criminal Justice Board is choosing its priorities "
            "for the coming year. Tell us what matters most to you about the justice system. "
            "You can answer in Welsh or English.",
            "introduction_cy": "Mae Bwrdd Cyfiawnder Troseddol De Cymru yn dewis ei "
            "flaenoriaethau ar gyfer y flwyddyn i ddod. Dywedwch wrthym beth sydd bwysicaf i "
            "chi am y system gyfiawnder. Gallwch ateb yn Gymraeg neu yn Saesneg.",
            "opens_on": today - datetime.timedelta(days=10),
            "closes_on": today + datetime.timedelta(days=30),
            "is_published": True,
            "equality_monitoring": True,
            "created_by": runner.person if runner else None,
        },
    )
    witnesses = Priority.objects.filter(
        forum=forum, plan_year=year, theme__slug="vulnerable_victims_witnesses"
    )
    consultation.priorities.set(witnesses)
    questions = []
    for order, (text, hint, kind, choices) in enumerate(QUESTIONS, start=1):
        question, _ = Question.objects.update_or_create(
            consultation=consultation,
            order=order,
            defaults={
                "text": text[0],
                "text_cy": text[1],
                "hint": hint[0],
                "hint_cy": hint[1] or None,
                "kind": kind,
                "choices": choices[0] if choices else "",
                "choices_cy": choices[1] if choices else None,
            },
        )
        questions.append(question)
    _seed_responses(consultation, questions, ANSWERS, 6)
    return consultation
