"""Demo of the cascade (run from ``national.demo.seed``, safe to run again): the National
Criminal Justice Board's published priorities, and two national items sent to local boards'
forward plans — one accepted, one scheduled for a meeting and one declined, and one still
waiting on Cleveland's home. Sent without e-mails (the demo is not news to anyone)."""

import datetime

from django.utils import timezone

from forums.models import Forum, Membership
from membership.models import User
from national.models import BulletinSection
from national.models_cascade import CascadeItem, CascadeRecipient
from national.services_cascade import (
    cascade_accept,
    cascade_decline,
    cascade_schedule,
    cascade_source_for_priority,
    cascade_source_for_section,
    upcoming_meetings,
)
from priorities.models import Priority, Theme, current_plan_year

NATIONAL_PRIORITIES = [
    (
        "crown_court_backlog",
        "Reduce the Crown Court backlog",
        "Every area works with HMCTS and the judiciary to bring the outstanding Crown Court "
        "caseload down, listing the oldest cases and custody cases first.",
    ),
    (
        "victims_code_compliance",
        "Every victim receives their rights under the Victims' Code",
        "Boards monitor compliance with the Victims' Code, agency by agency, and report to the "
        "national board each year.",
    ),
]


def _national_board() -> list[Priority]:
    board, _ = Forum.objects.update_or_create(
        slug="national-cjb",
        defaults={
            "name": "National Criminal Justice Board",
            "kind": Forum.Kind.NATIONAL_BOARD,
            "is_public": True,
            "public_summary": "The national board sets the priorities local criminal justice "
            "boards are asked to consider and deliver locally.",
        },
    )
    year = current_plan_year()
    found = []
    for theme_slug, title, description in NATIONAL_PRIORITIES:
        theme = Theme.objects.filter(slug=theme_slug).first()
        if theme is None:
            continue
        priority, _ = Priority.objects.get_or_create(
            forum=board,
            plan_year=year,
            title=title,
            defaults={
                "theme": theme,
                "description": description,
                "status": Priority.Status.AGREED,
                "agreed_at": timezone.now(),
            },
        )
        found.append(priority)
    return found


def _runner(forum: Forum) -> User | None:
    seat = (
        Membership.objects.current()
        .filter(forum=forum, role=Membership.Role.SECRETARIAT)
        .select_related("person")
        .first()
    ) or (
        Membership.objects.current()
        .filter(forum=forum, role__in=Membership.RUNNING_ROLES)
        .select_related("person")
        .first()
    )
    return seat.person if seat else None


def _send(source, *, by, purpose, summary, consider_by, boards) -> list[CascadeRecipient]:
    item = CascadeItem.objects.create(
        source_kind=source.kind,
        source_label=source.label,
        source_url=source.url,
        bulletin_section=source.bulletin_section,
        priority=source.priority,
        is_public=source.is_public,
        purpose=purpose,
        summary=summary,
        consider_by=consider_by,
        sent_by=by,
        sent_at=timezone.now() - datetime.timedelta(days=10),
    )
    return [CascadeRecipient.objects.create(item=item, forum=forum) for forum in boards]


def seed(*, stdout, national: User) -> None:
    if CascadeItem.objects.exists():
        return
    priorities = _national_board()
    boards = {
        forum.slug: forum
        for forum in Forum.objects.filter(
            kind=Forum.Kind.LOCAL_BOARD,
            slug__in=["cleveland-cjb", "durham-cjb", "west-yorkshire-cjb", "south-wales-cjb"],
        )
    }
    if not priorities or "cleveland-cjb" not in boards:
        return
    next_month = (timezone.localdate().replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    first = _send(
        cascade_source_for_priority(priorities[0]),
        by=national,
        purpose=CascadeItem.Purpose.DISCUSSION,
        summary="The national board asks each local board to discuss its plan for the oldest "
        "Crown Court cases with HMCTS and the resident judge, and to tell us what would help.",
        consider_by=next_month,
        boards=[boards[slug] for slug in ("cleveland-cjb", "durham-cjb", "west-yorkshire-cjb")],
    )
    section = (
        BulletinSection.objects.filter(bulletin__published_at__isnull=False)
        .select_related("bulletin__series")
        .order_by("-bulletin__published_at", "position")
        .first()
    )
    second_source = (
        cascade_source_for_section(section)
        if section is not None
        else cascade_source_for_priority(priorities[-1])
    )
    _send(
        second_source,
        by=national,
        purpose=CascadeItem.Purpose.INFORMATION,
        summary="For information: what the national team has published on this, and what it "
        "means for local boards.",
        consider_by=next_month,
        boards=[boards[slug] for slug in ("cleveland-cjb", "south-wales-cjb") if slug in boards],
    )
    decided = 0
    for recipient in first:
        runner = _runner(recipient.forum)
        if runner is None:
            continue
        if recipient.forum.slug == "cleveland-cjb":
            meeting = upcoming_meetings(recipient.forum).first()
            if meeting is not None:
                cascade_schedule(recipient=recipient, by=runner, meeting=meeting)
            else:
                cascade_accept(recipient=recipient, by=runner)
        elif recipient.forum.slug == "durham-cjb":
            cascade_accept(recipient=recipient, by=runner)
        else:
            cascade_decline(
                recipient=recipient,
                by=runner,
                reason="The board discussed the Crown Court backlog in depth last quarter and "
                "has a delivery plan agreed with HMCTS; it will report progress instead.",
            )
        decided += 1
    stdout.write(f"  cascade: 2 national items sent to local boards, {decided} decided")
