"""Demo forums and who sits on them (runs after membership's demo)."""

import datetime

from django.utils import timezone

from forums.demo.seats import _agency, _pcc_office, _police, seat
from forums.demo.welsh import WELSH, WELSH_BOARDS, public_summary_cy
from forums.models import Forum, Membership
from membership import demo as people
from membership.models import PoliceForceArea

Role = Membership.Role
BOARDS = [
    # slug, name, kind, area codes, parent slug, is_public
    (
        "cleveland-cjb",
        "Cleveland Criminal Justice Board",
        Forum.Kind.LOCAL_BOARD,
        [people.CLEVELAND],
        None,
        True,
    ),
    (
        "durham-cjb",
        "Durham Local Criminal Justice Board",
        Forum.Kind.LOCAL_BOARD,
        [people.DURHAM],
        None,
        True,
    ),
    (
        "south-wales-cjb",
        "South Wales Criminal Justice Board",
        Forum.Kind.LOCAL_BOARD,
        [people.SOUTH_WALES],
        None,
        True,
    ),
    (
        "west-yorkshire-cjb",
        "West Yorkshire Criminal Justice Board",
        Forum.Kind.LOCAL_BOARD,
        [people.WEST_YORKSHIRE],
        None,
        True,
    ),
    (
        "all-wales-cjb",
        "All-Wales Criminal Justice Board",
        Forum.Kind.REGIONAL_BOARD,
        [people.SOUTH_WALES, people.GWENT, people.DYFED_POWYS, people.NORTH_WALES],
        None,
        True,
    ),
    (
        "cleveland-victims-witnesses",
        "Cleveland Victims and Witnesses Sub-group",
        Forum.Kind.SUB_GROUP,
        [people.CLEVELAND],
        "cleveland-cjb",
        True,
    ),
    (
        "cleveland-effective-trials",
        "Cleveland Effective Trials Task-and-Finish Group",
        Forum.Kind.TASK_AND_FINISH,
        [people.CLEVELAND],
        "cleveland-cjb",
        True,
    ),
    (
        "south-wales-reducing-reoffending",
        "South Wales Reducing Reoffending Sub-group",
        Forum.Kind.SUB_GROUP,
        [people.SOUTH_WALES],
        "south-wales-cjb",
        False,
    ),
]
TERMS = (
    "The board brings together the criminal justice agencies of the area to agree shared "
    "priorities, monitor shared performance, resolve issues that cannot be solved between two "
    "agencies, and escalate issues of national importance to the national Criminal Justice "
    "Board. Members attend with authority to commit their agency's resources. The judiciary "
    "attends in an advisory capacity only. The board meets quarterly; papers are circulated "
    "seven days before each meeting."
)


def seed(*, stdout) -> None:
    forums = {}
    for slug, name, kind, codes, parent, is_public in BOARDS:
        # A board in Wales holds its name and summary in Welsh too.
        welsh = (
            {"name_cy": WELSH[name], "public_summary_cy": public_summary_cy(WELSH[name])}
            if slug in WELSH_BOARDS
            else {}
        )
        forum, _ = Forum.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "parent": forums.get(parent),
                "terms_of_reference": TERMS,
                "public_summary": f"{name} brings together the police, prosecutors, courts, "
                "probation, youth justice, prisons and victim services to make the local "
                "justice system work better for victims, witnesses and communities.",
                **welsh,
                "meeting_frequency": (
                    Forum.Frequency.QUARTERLY if parent is None else Forum.Frequency.BI_MONTHLY
                ),
                "is_public": is_public,
                "end_date": (
                    timezone.localdate() + datetime.timedelta(days=180)
                    if kind == Forum.Kind.TASK_AND_FINISH
                    else None
                ),
            },
        )
        forum.areas.set(PoliceForceArea.objects.filter(code__in=codes))
        forums[slug] = forum

    cleveland = forums["cleveland-cjb"]
    deputy = people.person("deputy-cps", "Grace Liddle", "Deputy Chief Crown Prosecutor")
    seat(
        cleveland,
        "secretariat",
        "Priya Shah",
        "Board business manager",
        _pcc_office(people.CLEVELAND),
        Role.SECRETARIAT,
        commits=False,
    )
    seat(
        cleveland,
        "chair",
        "Morgan Hale",
        "Police and Crime Commissioner",
        _pcc_office(people.CLEVELAND),
        Role.CHAIR,
        named=True,
    )
    seat(
        cleveland,
        "member",
        "Daniel Okafor",
        "Chief Crown Prosecutor",
        _agency("CPS North East"),
        Role.MEMBER,
        named=True,
        deputy=deputy,
    )
    seat(
        cleveland,
        "cleveland-police",
        "Mark Dunn",
        "Deputy Chief Constable",
        _police(people.CLEVELAND),
        Role.VICE_CHAIR,
        named=True,
    )
    seat(
        cleveland,
        "cleveland-hmcts",
        "Sarah Whitlock",
        "Delivery Director",
        _agency("HMCTS North East"),
        Role.MEMBER,
    )
    seat(
        cleveland,
        "cleveland-probation",
        "Tom Reid",
        "Head of Probation Delivery Unit",
        _agency("Probation Service North East"),
        Role.MEMBER,
    )
    seat(
        cleveland,
        "cleveland-yjs",
        "Leanne Bright",
        "Youth Justice Manager",
        _agency("Teesside Youth Justice Partnership"),
        Role.MEMBER,
        commits=False,
    )
    seat(
        cleveland,
        "cleveland-prisons",
        "Owen Marsh",
        "Prison Group Director",
        _agency("HMPPS Prisons North East"),
        Role.MEMBER,
    )
    seat(
        cleveland,
        "cleveland-victims",
        "Nadia Hussain",
        "Service Manager",
        _agency("Victim Care Cleveland"),
        Role.MEMBER,
        named=True,
    )
    seat(
        cleveland,
        "advisory",
        "Judge Helen Carr",
        "Resident Judge",
        _agency("Teesside Crown Court judiciary"),
        Role.ADVISORY,
        commits=False,
    )
    seat(
        cleveland,
        "submitter",
        "Aisha Patel",
        "Performance analyst",
        _agency("HMCTS North East"),
        Role.DATA_SUBMITTER,
        commits=False,
    )
    seat(
        cleveland,
        "cleveland-former-cps",
        "Alan Pryce",
        "Chief Crown Prosecutor (retired)",
        _agency("CPS North East"),
        Role.MEMBER,
        since_days=1200,
        ended_days_ago=420,
    )

    sub = forums["cleveland-victims-witnesses"]
    seat(
        sub,
        "secretariat",
        "Priya Shah",
        "Board business manager",
        _pcc_office(people.CLEVELAND),
        Role.SECRETARIAT,
        commits=False,
    )
    seat(
        sub,
        "cleveland-victims",
        "Nadia Hussain",
        "Service Manager",
        _agency("Victim Care Cleveland"),
        Role.CHAIR,
        named=True,
    )
    seat(
        sub,
        "cleveland-witness-care",
        "Ben Foster",
        "Witness Care Unit manager",
        _police(people.CLEVELAND),
        Role.MEMBER,
    )
    task = forums["cleveland-effective-trials"]
    seat(
        task,
        "secretariat",
        "Priya Shah",
        "Board business manager",
        _pcc_office(people.CLEVELAND),
        Role.SECRETARIAT,
        commits=False,
    )
    seat(
        task,
        "cleveland-hmcts",
        "Sarah Whitlock",
        "Delivery Director",
        _agency("HMCTS North East"),
        Role.CHAIR,
    )
    seat(
        task,
        "member",
        "Daniel Okafor",
        "Chief Crown Prosecutor",
        _agency("CPS North East"),
        Role.MEMBER,
    )

    durham = forums["durham-cjb"]
    seat(
        durham,
        "durham-secretariat",
        "Kate Lowes",
        "Partnership officer",
        _pcc_office(people.DURHAM),
        Role.SECRETARIAT,
        commits=False,
    )
    seat(
        durham,
        "durham-chair",
        "Joy Allen",
        "Police and Crime Commissioner",
        _pcc_office(people.DURHAM),
        Role.CHAIR,
        named=True,
    )
    seat(
        durham,
        "durham-police",
        "Ian Marsden",
        "Assistant Chief Constable",
        _police(people.DURHAM),
        Role.MEMBER,
    )
    seat(
        durham,
        "durham-cps",
        "Fiona Grant",
        "Deputy Chief Crown Prosecutor",
        _agency("CPS North East"),
        Role.MEMBER,
    )
    seat(
        durham,
        "durham-hmcts",
        "Paul Armstrong",
        "Cluster manager",
        _agency("HMCTS North East"),
        Role.MEMBER,
    )
    seat(
        durham,
        "durham-probation",
        "Ruth Coles",
        "Head of Probation Delivery Unit",
        _agency("Probation Service North East"),
        Role.MEMBER,
    )
    seat(
        durham,
        "durham-yjs",
        "Chris Tate",
        "Youth Justice Service manager",
        _agency("Durham Youth Justice Service"),
        Role.MEMBER,
    )
    seat(
        durham,
        "durham-victims",
        "Hannah Moss",
        "Victim Care manager",
        _agency("Victim Care Durham and Darlington"),
        Role.MEMBER,
    )

    wales = forums["south-wales-cjb"]
    seat(
        wales,
        "sw-secretariat",
        "Ffion Jenkins",
        "Criminal justice lead",
        _pcc_office(people.SOUTH_WALES),
        Role.SECRETARIAT,
        commits=False,
    )
    seat(
        wales,
        "sw-chair",
        "Emma Wools",
        "Police and Crime Commissioner",
        _pcc_office(people.SOUTH_WALES),
        Role.CHAIR,
        named=True,
    )
    seat(
        wales,
        "other",
        "Rhys Evans",
        "Assistant Chief Constable",
        _police(people.SOUTH_WALES),
        Role.MEMBER,
        named=True,
    )
    seat(
        wales,
        "sw-cps",
        "Gareth Morgan",
        "Chief Crown Prosecutor",
        _agency("CPS Cymru-Wales"),
        Role.MEMBER,
    )
    seat(
        wales, "sw-hmcts", "Sian Price", "Head of Crime, Wales", _agency("HMCTS Wales"), Role.MEMBER
    )
    seat(
        wales,
        "sw-probation",
        "Dylan Hughes",
        "Regional Probation Director",
        _agency("Probation Service Wales"),
        Role.MEMBER,
    )
    seat(
        wales,
        "sw-prisons",
        "Carys Lloyd",
        "Governor, HMP Cardiff",
        _agency("HMPPS Prisons Wales"),
        Role.MEMBER,
    )
    seat(
        wales,
        "sw-yjs",
        "Owain Rees",
        "Youth Justice manager",
        _agency("Cardiff Youth Justice Service"),
        Role.MEMBER,
    )
    seat(
        wales,
        "sw-victims",
        "Megan Davies",
        "Victim Focus lead",
        _agency("South Wales Victim Focus"),
        Role.MEMBER,
    )
    seat(
        wales,
        "sw-judge",
        "Judge Aled Thomas",
        "Resident Judge",
        _agency("Cardiff Crown Court judiciary"),
        Role.ADVISORY,
        commits=False,
    )

    # West Yorkshire: a board with gaps (no prisons, no victim services, junior probation seat).
    wy = forums["west-yorkshire-cjb"]
    seat(
        wy,
        "wy-secretariat",
        "Adam Clarke",
        "Policing and crime officer",
        _pcc_office(people.WEST_YORKSHIRE),
        Role.SECRETARIAT,
        commits=False,
    )
    seat(
        wy,
        "wy-chair",
        "Alison Lowe",
        "Deputy Mayor for Policing and Crime",
        _pcc_office(people.WEST_YORKSHIRE),
        Role.CHAIR,
        named=True,
    )
    seat(
        wy,
        "wy-police",
        "Catherine Hankinson",
        "Assistant Chief Constable",
        _police(people.WEST_YORKSHIRE),
        Role.MEMBER,
    )
    seat(
        wy,
        "wy-cps",
        "Martin Goldman",
        "Chief Crown Prosecutor",
        _agency("CPS Yorkshire and Humberside"),
        Role.MEMBER,
    )
    seat(
        wy,
        "wy-probation",
        "Joe Kerr",
        "Probation officer",
        _agency("Probation Service Yorkshire and the Humber"),
        Role.MEMBER,
        commits=False,
    )

    all_wales = forums["all-wales-cjb"]
    seat(
        all_wales,
        "sw-secretariat",
        "Ffion Jenkins",
        "Criminal justice lead",
        _pcc_office(people.SOUTH_WALES),
        Role.SECRETARIAT,
        commits=False,
    )
    seat(
        all_wales,
        "sw-chair",
        "Emma Wools",
        "Police and Crime Commissioner",
        _pcc_office(people.SOUTH_WALES),
        Role.CHAIR,
        named=True,
    )
    seat(
        all_wales,
        "sw-cps",
        "Gareth Morgan",
        "Chief Crown Prosecutor",
        _agency("CPS Cymru-Wales"),
        Role.MEMBER,
    )
    seat(
        all_wales,
        "sw-probation",
        "Dylan Hughes",
        "Regional Probation Director",
        _agency("Probation Service Wales"),
        Role.MEMBER,
    )

    stdout.write(f"  {len(forums)} forums, {Membership.objects.count()} memberships")
