"""Scheduled work: queue and send meeting reminders to 5,000 recipients, and build a 100-page
board pack, each printed per item (per recipient, per page) beside the bare view.

One Django process on a throwaway SQLite database (the embedded default) with its file-system
broker and email to the in-memory backend. Reminders are timed in two steps: *queue* (find who
is due and what each may see, render each email, record it, put one send task per email on the
broker) and *send* (the send task's work for each: lock, hand to the mail backend, mark sent).
The pack is timed from collecting its contents to the merged file in storage. Prints ratios to
the bare view measured in the same run.
"""

import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR_DIR = tempfile.mkdtemp(prefix="lcjb-bench-scheduled-")
os.environ.update(
    {
        "LCJB_VAR_DIR": VAR_DIR,
        "BENCH_BARE_VIEW": "1",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "LOG_LEVEL": "WARNING",
    }
)
os.environ.pop("DATABASE_URL", None)
os.environ.pop("REDIS_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lcjb.settings.base")

import django  # noqa: E402

django.setup()

from django.core import mail  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

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


def main() -> None:
    import logging

    logging.disable(logging.INFO)
    call_command("migrate", "--no-input", "-v0")
    forum, meeting, person = setup_forum()
    baseline = bare_ms()

    from forums import reminders, reports
    from forums.models import GeneratedReport
    from membership.models import Notification
    from membership.notifications import deliver

    mail.outbox = []
    started = time.perf_counter()
    created = reminders.send_meeting_reminders(today=timezone.localdate())
    queue_ms = (time.perf_counter() - started) * 1000
    pending = list(
        Notification.objects.filter(status=Notification.Status.PENDING).values_list("pk", flat=True)
    )
    started = time.perf_counter()
    for pk in pending:
        deliver(notification_id=pk)
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

    per_page = pack_ms / report.pages
    rows = [
        (f"meeting reminders to {RECIPIENTS} people: queue (total)", queue_ms),
        ("  queue, per recipient", queue_ms / RECIPIENTS),
        (f"meeting reminders to {RECIPIENTS} people: send (total)", send_ms),
        ("  send, per recipient", send_ms / RECIPIENTS),
        (f"board pack, {report.pages} pages (total)", pack_ms),
        ("  per page (collect, render, merge, store)", per_page),
    ]
    print(f"{'item':<56} {'ms':>10} {'× bare view':>12}")
    print(f"{'bare view (trivial template)':<56} {baseline:>10.2f} {1.0:>12.2f}")
    for label, value in rows:
        print(f"{label:<56} {value:>10.2f} {value / baseline:>12.1f}")


if __name__ == "__main__":
    main()
