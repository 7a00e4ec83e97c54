"""The public forum page (and the list of forums) against the bare view, in one run.

    .venv/bin/python bench/bench_forum_page.py

Seeds a throwaway database (SQLite unless DATABASE_URL is set) with a board for each of the 43
police force areas, each with 25 current members from agencies covering the area, two past
members and a sub-group, then times the pages against the same gunicorn.
"""

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, ROOT, median_ms, prepared_environment, report, server  # noqa: E402

MEMBERS_PER_BOARD = 25


def seed() -> None:
    """Run inside the bench's environment (``--seed``): 43 boards × 25 members."""
    import datetime

    import django

    django.setup()
    from django.utils import timezone

    from forums.models import Forum, Membership
    from membership.models import Agency, AgencyType, PoliceForceArea, User

    today = timezone.localdate()
    types = list(AgencyType.objects.order_by("-core_member_expected", "name"))
    roles = [Membership.Role.CHAIR, Membership.Role.VICE_CHAIR, Membership.Role.SECRETARIAT]
    for number, area in enumerate(PoliceForceArea.objects.order_by("name")):
        agencies = []
        for agency_type in types:
            agency = Agency.objects.create(
                name=f"{agency_type.name} – {area.name}",
                slug=f"{agency_type.slug}-{area.code}".lower(),
                agency_type=agency_type,
            )
            agency.areas.set([area])
            agencies.append(agency)
        forum = Forum.objects.create(
            name=f"{area.name} Criminal Justice Board",
            slug=f"board-{number}",
            public_summary="The board brings the local criminal justice agencies together.",
            terms_of_reference="The board meets quarterly.\n\n" * 10,
        )
        forum.areas.set([area])
        sub = Forum.objects.create(
            name=f"{area.name} Victims Sub-group",
            slug=f"board-{number}-victims",
            kind=Forum.Kind.SUB_GROUP,
            parent=forum,
        )
        sub.areas.set([area])
        people = User.objects.bulk_create(
            User(
                email=f"person-{number}-{index}@bench.example",
                full_name=f"Person {index} of {area.name}",
                password="!",  # noqa: S106 - an unusable password
                calendar_token=f"bench-{number}-{index}",
            )
            for index in range(MEMBERS_PER_BOARD + 2)
        )
        seats = []
        for index, person in enumerate(people):
            agency = agencies[index % len(agencies)]
            role = roles[index] if index < len(roles) else Membership.Role.MEMBER
            if agency.agency_type.advisory_only:
                role = Membership.Role.ADVISORY
            past = index >= MEMBERS_PER_BOARD
            seats.append(
                Membership(
                    forum=forum,
                    person=person,
                    agency=agency,
                    role=Membership.Role.MEMBER if past else role,
                    can_commit_resources=index % 4 != 0,
                    show_name_publicly=index % 2 == 0,
                    start_date=today - datetime.timedelta(days=400),
                    end_date=today - datetime.timedelta(days=10) if past else None,
                )
            )
        Membership.objects.bulk_create(seats)


def main() -> None:
    with prepared_environment() as env:
        subprocess.run([PYTHON, __file__, "--seed"], cwd=ROOT, env=env, check=True)
        with server(env, port=8813) as base:
            bare = median_ms(base + "/_bench/bare")
            forum_page = median_ms(base + "/forums/board-20/")
            home = median_ms(base + "/")
    report(
        [
            (f"public forum page, {MEMBERS_PER_BOARD} members", forum_page),
            ("list of forums (/), 43 boards and sub-groups", home),
        ],
        bare,
    )


if __name__ == "__main__":
    if "--seed" in sys.argv:
        sys.path.insert(0, str(ROOT))
        seed()
    else:
        main()
