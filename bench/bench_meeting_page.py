"""Meeting page (30 agenda items, 60 papers, 25 attendees) against the bare view, in one run.

    make bench   # or: DATABASE_URL=postgres://... python bench/bench_meeting_page.py

Builds the meeting in a database of its own, signs a member in, then times the public meeting
page (median, 32 connections and weight, against the targets of bench_public_pages.py) and the
member's meeting page with production settings and gunicorn. Exits 1 when a target is missed.

The member's page is rendered for each person on every visit (their replies, what is new to
them, the restricted items they are named on), so nothing can be kept and shared as the public
page is: its budget is a median within ``SIGNED_IN_MEDIAN`` × the bare view (about 20 queries
against the bare view's none; the query count is held constant by the tests).
"""

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, ROOT, Results, bare_figures, prepared_environment, server  # noqa: E402

BUILD = r"""
import datetime
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from forums.models import AgendaItem, Attendance, Forum, Meeting, Membership, Paper, PaperVersion
from membership.models import Agency, AgencyType, PoliceForceArea, User

area = PoliceForceArea.objects.get(code="E23000013")
forum = Forum.objects.create(name="Bench board", slug="bench-board")
forum.areas.set([area])
types = list(AgencyType.objects.filter(advisory_only=False))
people = []
for n in range(25):
    agency = Agency.objects.create(name=f"Bench agency {n}", slug=f"bench-agency-{n}",
                                   agency_type=types[n % len(types)])
    agency.areas.set([area])
    person = User.objects.create_user(f"bench{n}@example.org", "x", full_name=f"Bench {n}")
    role = Membership.Role.SECRETARIAT if n == 0 else Membership.Role.MEMBER
    Membership.objects.create(forum=forum, person=person, agency=agency, role=role,
                              start_date=timezone.localdate() - datetime.timedelta(days=10))
    people.append(person)
meeting = Meeting.objects.create(forum=forum, title="Board meeting", status="agenda_published",
                                 starts_at=timezone.now() + datetime.timedelta(days=7),
                                 agenda_published_at=timezone.now())
for n in range(30):
    level = ["public", "confidential", "restricted"][n % 3]
    item = AgendaItem.objects.create(meeting=meeting, order=n + 1, title=f"Item {n}",
                                     confidentiality=level,
                                     confidentiality_reason="" if level == "public" else "Bench")
    if level == "restricted":
        item.restricted_to.set(people[:3])
    for p in range(2):
        paper = Paper.objects.create(agenda_item=item, title=f"Paper {n}.{p}",
                                     confidentiality=level)
        version = PaperVersion(paper=paper, number=1, file_name="p.pdf",
                               content_type="application/pdf", size=9, sha256="0" * 64)
        version.file.save("p.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
        version.save()
        paper.current_version = version
        paper.save(update_fields=["current_version"])
for person in people:
    Attendance.objects.create(meeting=meeting, person=person, reply="attending")
client = Client()
client.force_login(people[1])  # a member: the secretariat would be asked for a code
print("RESULT", meeting.pk, client.cookies["sessionid"].value)
"""


SIGNED_IN_MEDIAN = 40.0


def main() -> None:
    results = Results("Meeting page: 30 agenda items, 60 papers, 25 attendees")
    with prepared_environment("meeting_page") as env:
        output = subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", BUILD],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        line = next(line for line in output.splitlines() if line.startswith("RESULT"))
        _, meeting_id, cookie = line.split()
        with server(env) as base:
            bare = bare_figures(base)
            results.page(
                "public meeting page", f"{base}/forums/bench-board/meetings/{meeting_id}/", bare
            )
            results.page(
                "member's meeting page",
                f"{base}/workspace/forums/bench-board/meetings/{meeting_id}/",
                bare,
                cookie=f"sessionid={cookie}",
                median_target=SIGNED_IN_MEDIAN,
            )
    results.finish()


if __name__ == "__main__":
    main()
