"""Scheduled work: queue and send meeting reminders to 5,000 recipients, and build a 100-page
board pack from real multi-page papers, each per recipient (per page) beside its target.

    make bench   # or: DATABASE_URL=postgres://... python bench/bench_scheduled.py

Runs in one Django process on a database of its own with production settings, its Redis broker
(no worker: the queued sends are delivered in the process, as the send task would) and email to
the in-memory backend. Reminders are timed in two steps: *queue* (find who is due and what each
may see, render each email, record it, put one send task per batch of emails on the broker) and
*send* (the send task's work for each batch: one mail connection, and for each email: lock, hand
to the mail backend, mark sent). The pack is timed
from collecting its contents to the merged file in storage. Targets (issue 13): reminders ≤ 2 ms
per recipient (queue and send together), board pack ≤ 50 ms per page. Exits 1 on a miss.
"""

import datetime
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

if "--measure" in sys.argv:
    import django

    django.setup()
    from django.conf import settings
    from django.core import mail
    from django.test import Client
    from django.utils import timezone

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

RECIPIENTS = int(os.environ.get("BENCH_RECIPIENTS", "5000"))
PAPERS, PAGES_PER_PAPER = 10, 9  # plus cover, agenda, attendance and dividers: about 100 pages


def bare_ms() -> float:
    client = Client()
    for _ in range(5):
        client.get("/_bench/bare")
    samples = []
    for _ in range(60):
        started = time.perf_counter()
        client.get("/_bench/bare")
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def setup_forum():
    from forums.models import AgendaItem, Forum, Meeting, Membership
    from membership.models import Agency, AgencyType, PoliceForceArea, User

    area = PoliceForceArea.objects.first()
    forum = Forum.objects.create(name="Bench board", slug="bench-scheduled")
    forum.areas.set([area])
    agency = Agency.objects.create(
        name="Bench police", slug="bench-police", agency_type=AgencyType.objects.get(slug="police")
    )
    agency.areas.set([area])
    people = User.objects.bulk_create(
        User(email=f"bench{n}@bench.example", full_name=f"Bench person {n}")
        for n in range(RECIPIENTS)
    )
    start = timezone.localdate() - datetime.timedelta(days=30)
    Membership.objects.bulk_create(
        Membership(
            forum=forum,
            person=person,
            agency=agency,
            role=Membership.Role.MEMBER,
            start_date=start,
        )
        for person in people
    )
    starts = timezone.make_aware(
        datetime.datetime.combine(
            timezone.localdate() + datetime.timedelta(days=7), datetime.time(10)
        )
    )
    meeting = Meeting.objects.create(
        forum=forum,
        title="Bench meeting",
        starts_at=starts,
        location="Town Hall",
        status=Meeting.Status.AGENDA_PUBLISHED,
    )
    for n in range(PAPERS):
        AgendaItem.objects.create(meeting=meeting, order=n + 1, title=f"Item {n + 1}")
    return forum, meeting, people[0]


def add_papers(meeting, person) -> None:
    import hashlib

    from django.core.files.base import ContentFile
    from weasyprint import HTML

    from forums.models import Paper, PaperVersion

    pages = "".join(
        f'<p style="break-after: page">Bench paper page {n + 1}</p>' for n in range(PAGES_PER_PAPER)
    )
    content = HTML(string=f"<html><body>{pages}</body></html>").write_pdf()
    for item in meeting.agenda_items.all():
        paper = Paper.objects.create(agenda_item=item, title=f"Paper for {item.title}")
        version = PaperVersion(
            paper=paper,
            number=1,
            file_name="paper.pdf",
            content_type="application/pdf",
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
        )
        version.file.save("paper.pdf", ContentFile(content), save=False)
        version.save()
        paper.current_version = version
        paper.save(update_fields=["current_version"])


def measure() -> None:
    import logging

    logging.disable(logging.INFO)
    forum, meeting, person = setup_forum()
    baseline = bare_ms()

    from forums import reminders, reports
    from forums.models import GeneratedReport
    from membership.models import Notification
    from membership.notifications import BATCH_SIZE, deliver_batch

    mail.outbox = []  # the in-memory backend's list
    started = time.perf_counter()
    created = reminders.send_meeting_reminders(today=timezone.localdate())
    queue_ms = (time.perf_counter() - started) * 1000
    pending = list(
        Notification.objects.filter(status=Notification.Status.PENDING).values_list("pk", flat=True)
    )
    started = time.perf_counter()
    for start in range(0, len(pending), BATCH_SIZE):  # as the send task does, batch by batch
        deliver_batch(notification_ids=pending[start : start + BATCH_SIZE])
    send_ms = (time.perf_counter() - started) * 1000
    sent = len(mail.outbox)
    assert created == RECIPIENTS and sent == RECIPIENTS, (created, sent)

    add_papers(meeting, person)
    report = GeneratedReport.objects.create(
        forum=forum, kind="board_pack", subject=str(meeting.pk), audience="public"
    )
    started = time.perf_counter()
    status = reports.report_generate(report_id=report.pk)
    pack_ms = (time.perf_counter() - started) * 1000
    report.refresh_from_db()
    assert status == GeneratedReport.Status.READY, report.error

    print(
        json.dumps(
            {
                "bare_ms": baseline,
                "queue_ms": queue_ms,
                "send_ms": send_ms,
                "pack_ms": pack_ms,
                "pages": report.pages,
            }
        )
    )


def main() -> None:
    from common import Results, prepared_environment

    results = Results(f"Scheduled work: reminders to {RECIPIENTS:,} people, a board pack")
    with prepared_environment("scheduled") as env:
        output = subprocess.run(
            [sys.executable, __file__, "--measure"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    measured = json.loads(output.strip().splitlines()[-1])
    per_recipient = (measured["queue_ms"] + measured["send_ms"]) / RECIPIENTS
    results.info("bare view, same process", f"{measured['bare_ms']:.2f} ms")
    results.info("reminders: queue, whole", f"{measured['queue_ms']:,.0f} ms")
    results.info("reminders: send, whole", f"{measured['send_ms']:,.0f} ms")
    results.check("reminders: per recipient (queue and send)", per_recipient, 2.0, unit=" ms")
    results.info("board pack: pages", str(measured["pages"]))
    results.check(
        "board pack: per page (collect, render, merge, store)",
        measured["pack_ms"] / measured["pages"],
        50,
        unit=" ms",
    )
    results.finish()


if __name__ == "__main__":
    if "--measure" in sys.argv:
        measure()
    else:
        main()
