"""The national-scale set every public-page bench runs on, built in the bench's own database.

    python bench/national.py   # with the bench's environment (bench/common.py prepares it)

The 43 boards of ``seed_performance_bench`` (every core indicator monthly for 60 months, about
100,000 published figures), and for each board: 25 current members and two past ones, a year
of monthly meetings (eleven held with published minutes and the next with its agenda out),
eight agenda items a meeting with a paper each, and five agreed priorities with three
objectives each. Bulk inserts, so it takes about a minute.
"""

import datetime
import hashlib
import os
import sys
from pathlib import Path

MEMBERS, PAST_MEMBERS, MEETINGS, ITEMS, PRIORITIES, OBJECTIVES = 25, 2, 12, 8, 5, 3
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def seed() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lcjb.settings.production")
    import django

    django.setup()
    from django.db import transaction

    from performance.demo import seed_national

    with transaction.atomic():
        figures = seed_national(months=60)
        boards = _boards()
    print(f"{figures} figures; {boards} boards with members, meetings and priorities")


def _boards() -> int:
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.utils import timezone

    from forums.models import (
        AgendaItem,
        Forum,
        Meeting,
        MinuteEntry,
        Minutes,
        Paper,
        PaperVersion,
    )
    from forums.models import Membership as Seat
    from membership.models import User
    from priorities.models import Objective, Priority, Theme

    now = timezone.now()
    today = timezone.localdate()
    stored = default_storage.save("bench/paper.pdf", ContentFile(PDF))
    digest = hashlib.sha256(PDF).hexdigest()
    themes = list(Theme.objects.filter(forum__isnull=True).order_by("slug")) or [
        Theme.objects.create(slug="bench-theme", name="Victims and witnesses")
    ]
    forums = list(Forum.objects.filter(slug__startswith="bench-").prefetch_related("areas"))
    for number, forum in enumerate(forums):
        forum.public_summary = "The board brings the local criminal justice agencies together."
        forum.save(update_fields=["public_summary"])
        agencies = list(_agencies_of(forum))
        people = User.objects.bulk_create(
            User(
                email=f"person-{number}-{index}@bench.lcjb.example",
                full_name=f"Person {index} of {forum.name}",
                password="!",  # noqa: S106 - an unusable password
            )
            for index in range(MEMBERS + PAST_MEMBERS)
        )
        roles = [Seat.Role.CHAIR, Seat.Role.VICE_CHAIR, Seat.Role.SECRETARIAT]
        Seat.objects.bulk_create(
            Seat(
                forum=forum,
                person=person,
                agency=agencies[index % len(agencies)],
                role=roles[index] if index < len(roles) else Seat.Role.MEMBER,
                show_name_publicly=index % 2 == 0,
                start_date=today - datetime.timedelta(days=400),
                end_date=today - datetime.timedelta(days=10) if index >= MEMBERS else None,
            )
            for index, person in enumerate(people)
        )
        meetings = Meeting.objects.bulk_create(
            Meeting(
                forum=forum,
                title="Board meeting",
                starts_at=now + datetime.timedelta(days=30 * (month - MEETINGS + 2)),
                location="Police headquarters",
                status=Meeting.Status.AGENDA_PUBLISHED
                if month == MEETINGS - 1
                else Meeting.Status.MINUTES_APPROVED,
                agenda_published_at=now - datetime.timedelta(days=30 * (MEETINGS - month)),
                held_at=None
                if month == MEETINGS - 1
                else now + datetime.timedelta(days=30 * (month - MEETINGS + 2)),
            )
            for month in range(MEETINGS)
        )
        items = AgendaItem.objects.bulk_create(
            AgendaItem(
                meeting=meeting,
                order=order + 1,
                title=f"Item {order + 1}: performance and delivery",
                description="The board reviews progress against its priorities.",
                confidentiality="confidential" if order == ITEMS - 1 else "public",
                confidentiality_reason="Live operational matters" if order == ITEMS - 1 else "",
            )
            for meeting in meetings
            for order in range(ITEMS)
        )
        papers = Paper.objects.bulk_create(
            Paper(
                agenda_item=item,
                title=f"Paper for {item.title}",
                confidentiality=item.confidentiality,
            )
            for item in items
        )
        versions = PaperVersion.objects.bulk_create(
            PaperVersion(
                paper=paper,
                number=1,
                file=stored,
                file_name="paper.pdf",
                content_type="application/pdf",
                size=len(PDF),
                sha256=digest,
            )
            for paper in papers
        )
        for paper, version in zip(papers, versions, strict=True):
            paper.current_version = version
        Paper.objects.bulk_update(papers, ["current_version"])
        minutes = Minutes.objects.bulk_create(
            Minutes(
                meeting=meeting,
                status=Minutes.Status.PUBLISHED,
                introduction="The chair welcomed members.",
                published_at=now,
                approved_at=now,
            )
            for meeting in meetings
            if meeting.status == Meeting.Status.MINUTES_APPROVED
        )
        by_meeting = {m.meeting_id: m for m in minutes}
        MinuteEntry.objects.bulk_create(
            MinuteEntry(
                minutes=by_meeting[item.meeting_id],
                agenda_item=item,
                text="The board noted the report and agreed the recommendations.",
            )
            for item in items
            if item.meeting_id in by_meeting
        )
        priorities = Priority.objects.bulk_create(
            Priority(
                forum=forum,
                plan_year=today.year,
                title=f"Priority {n + 1}: timeliness for victims and witnesses",
                theme=themes[n % len(themes)],
                description="Improve the experience of victims and witnesses at court.",
                status=Priority.Status.AGREED,
            )
            for n in range(PRIORITIES)
        )
        Objective.objects.bulk_create(
            Objective(
                priority=priority,
                title=f"Objective {n + 1}",
                local_measure="Victims and witnesses satisfied with their experience at court",
                unit="%",
                baseline=70,
                target=80,
                target_date=today + datetime.timedelta(days=300),
                order=n,
            )
            for priority in priorities
            for n in range(OBJECTIVES)
        )
    return len(forums)


def _agencies_of(forum):
    from membership.models import Agency

    code = forum.slug.removeprefix("bench-")
    return Agency.objects.filter(slug__endswith=f"-{code}").order_by("slug")


if __name__ == "__main__":
    seed()
