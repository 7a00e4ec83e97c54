"""Reminders about sign-offs, risks, the annual evaluation and consultations, and the digest's
"outstanding sign-offs" section.

- Sign-off outstanding: members who sign for an agency that has not answered, weekly while the
  priority is out for sign-off (from 3 days after it was sent);
- Risks past their review date: the risk's owner (or, with no owner on the forum, whoever runs
  the forum), one list a week;
- Annual evaluation: whoever runs the forum, 28 days before the plan year ends, then weekly
  for 12 weeks after it ends until the chair approves it;
- Consultation closing: whoever runs the forum, 3 days before it closes and the day after.

Keys name the subject (and the ISO week for weekly ones); re-runs never send twice.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Count
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from forums.models import Forum, Membership
from membership import dates
from membership.notifications import absolute_url, notify
from priorities.models import (
    AnnualEvaluation,
    Consultation,
    Priority,
    Risk,
    current_plan_year,
    plan_year_label,
)
from priorities.rules import SIGNING_ROLES

SIGN_OFF_GRACE_DAYS = 3
EVALUATION_NOTICE_DAYS = 28
EVALUATION_CHASE_WEEKS = 12
CONSULTATION_NOTICE_DAYS = 3


def _runners_by_forum(forum_ids, today) -> dict[int, list]:
    runners: dict[int, list] = defaultdict(list)
    rows = (
        Membership.objects.current(today)
        .filter(forum_id__in=list(forum_ids), role__in=Membership.RUNNING_ROLES)
        .filter(person__is_active=True)
        .select_related("person")
    )
    for membership in rows:
        if membership.person not in runners[membership.forum_id]:
            runners[membership.forum_id].append(membership.person)
    return runners


# --- sign-off ------------------------------------------------------------------------------


def send_sign_off_reminders(*, today: datetime.date) -> int:
    from priorities.selectors import outstanding_sign_offs

    forums = Forum.objects.filter(
        pk__in=Priority.objects.filter(status=Priority.Status.SIGN_OFF).values("forum_id")
    )
    created = 0
    week = dates.iso_week(today)
    for forum in forums:
        signers: dict[int, list] = defaultdict(list)
        for membership in (
            Membership.objects.current(today)
            .filter(
                forum=forum,
                role__in=SIGNING_ROLES,
                agency__isnull=False,
                agency__agency_type__advisory_only=False,
                person__is_active=True,
            )
            .select_related("person")
        ):
            signers[membership.agency_id].append(membership.person)
        for outstanding in outstanding_sign_offs(forum=forum):
            priority = outstanding.priority
            sent = priority.sent_for_sign_off_at
            if sent and (today - sent.date()).days < SIGN_OFF_GRACE_DAYS:
                continue
            url = reverse("priorities:sign-off", args=[forum.slug, priority.pk])
            for agency in outstanding.agencies:
                created += len(
                    notify(
                        key=f"sign-off:week={week}:priority={priority.pk}"
                        f":round={priority.sign_off_round}:agency={agency.pk}",
                        recipients=signers.get(agency.pk, []),
                        category="reminder",
                        subject=gettext(
                            "%(forum)s: sign-off needed from %(agency)s for “%(title)s”"
                        )
                        % {"forum": forum, "agency": agency, "title": priority.title},
                        template="priorities/email/reminder_sign_off",
                        context={
                            "forum": forum,
                            "priority": priority,
                            "agency": agency,
                            "sent": sent,
                        },
                        url=url,
                    )
                )
    return created


# --- risks ---------------------------------------------------------------------------------


def send_risk_review_reminders(*, today: datetime.date) -> int:
    risks = list(
        Risk.objects.exclude(status=Risk.Status.CLOSED)
        .filter(review_date__lt=today)
        .select_related("forum", "owner")
        .order_by("review_date", "pk")
    )
    if not risks:
        return 0
    forum_ids = {risk.forum_id for risk in risks}
    members = set(
        Membership.objects.current(today)
        .filter(forum_id__in=forum_ids, role__in=Membership.MEMBER_ROLES)
        .values_list("forum_id", "person_id")
    )
    runners = _runners_by_forum(forum_ids, today)
    by_person: dict[int, tuple] = {}
    for risk in risks:
        if risk.owner and risk.owner.is_active and (risk.forum_id, risk.owner_id) in members:
            recipients = [risk.owner]
        else:
            recipients = runners.get(risk.forum_id, [])
        for person in recipients:
            by_person.setdefault(person.pk, (person, []))[1].append(risk)
    created = 0
    week = dates.iso_week(today)
    for person, person_risks in by_person.values():
        rows = [
            {
                "risk": risk,
                "days": (today - risk.review_date).days,
                "url": absolute_url(
                    reverse("priorities:risk-edit", args=[risk.forum.slug, risk.pk])
                ),
            }
            for risk in person_risks
        ]
        count = len(rows)
        created += len(
            notify(
                key=f"risk-review:week={week}",
                recipients=[person],
                category="reminder",
                subject=ngettext(
                    "%(count)s risk to review: past the review date",
                    "%(count)s risks to review: past the review date",
                    count,
                )
                % {"count": count},
                template="priorities/email/reminder_risk_review",
                context={"rows": rows},
                url=reverse("priorities:risks", args=[person_risks[0].forum.slug]),
            )
        )
    return created


# --- annual evaluation ---------------------------------------------------------------------


def _plan_year_end(year: int) -> datetime.date:
    return datetime.date(year + 1, 3, 31)


def send_evaluation_reminders(*, today: datetime.date) -> int:
    """Before the plan year ends, and weekly after it ends until the evaluation is approved."""
    created = 0
    this_year = current_plan_year(today)
    checks = []
    if (_plan_year_end(this_year) - today).days == EVALUATION_NOTICE_DAYS:
        checks.append((this_year, f"{EVALUATION_NOTICE_DAYS}d"))
    last_year = this_year - 1
    weeks_since = (today - _plan_year_end(last_year)).days // 7
    if 0 <= weeks_since < EVALUATION_CHASE_WEEKS:
        checks.append((last_year, f"week={dates.iso_week(today)}"))
    for year, when in checks:
        forum_ids = set(
            Priority.objects.filter(
                plan_year=year, status__in=[Priority.Status.AGREED, Priority.Status.RETIRED]
            ).values_list("forum_id", flat=True)
        ) - set(
            AnnualEvaluation.objects.filter(
                plan_year=year, status=AnnualEvaluation.Status.APPROVED
            ).values_list("forum_id", flat=True)
        )
        runners = _runners_by_forum(forum_ids, today)
        for forum in Forum.objects.filter(pk__in=forum_ids):
            ended = today > _plan_year_end(year)
            created += len(
                notify(
                    key=f"evaluation-due:year={year}:{when}:forum={forum.pk}",
                    recipients=runners.get(forum.pk, []),
                    category="reminder",
                    subject=(
                        gettext("%(forum)s: annual evaluation for %(year)s is due")
                        if ended
                        else gettext(
                            "%(forum)s: annual evaluation for %(year)s due when the plan year ends"
                        )
                    )
                    % {"forum": forum, "year": plan_year_label(year)},
                    template="priorities/email/reminder_evaluation",
                    context={
                        "forum": forum,
                        "year_label": plan_year_label(year),
                        "year_end": _plan_year_end(year),
                        "ended": ended,
                    },
                    url=reverse("priorities:evaluation", args=[forum.slug, year]),
                )
            )
    return created


# --- consultations -------------------------------------------------------------------------


def send_consultation_reminders(*, today: datetime.date) -> int:
    closing = today + datetime.timedelta(days=CONSULTATION_NOTICE_DAYS)
    closed = today - datetime.timedelta(days=1)
    consultations = list(
        Consultation.objects.filter(is_published=True, closes_on__in=[closing, closed])
        .select_related("forum")
        .annotate(response_count=Count("responses"))
    )
    runners = _runners_by_forum({c.forum_id for c in consultations}, today)
    created = 0
    for consultation in consultations:
        has_closed = consultation.closes_on == closed
        label = "closed" if has_closed else f"closing:{CONSULTATION_NOTICE_DAYS}d"
        created += len(
            notify(
                key=f"consultation-{label}:consultation={consultation.pk}",
                recipients=runners.get(consultation.forum_id, []),
                category="reminder",
                subject=(
                    gettext("Consultation “%(title)s” has closed") % {"title": consultation.title}
                    if has_closed
                    else ngettext(
                        "Consultation “%(title)s” closes in %(days)s day",
                        "Consultation “%(title)s” closes in %(days)s days",
                        CONSULTATION_NOTICE_DAYS,
                    )
                    % {"title": consultation.title, "days": CONSULTATION_NOTICE_DAYS}
                ),
                template="priorities/email/reminder_consultation",
                context={
                    "forum": consultation.forum,
                    "consultation": consultation,
                    "has_closed": has_closed,
                    "responses": consultation.response_count,
                },
                url=reverse(
                    "priorities:consultation", args=[consultation.forum.slug, consultation.pk]
                ),
            )
        )
    return created


# --- digest --------------------------------------------------------------------------------


def digest_outstanding_sign_offs(person, forums, today):
    from membership.digest import DigestRow, DigestSection
    from priorities.selectors import outstanding_sign_offs

    rows = []
    for forum in forums:
        for outstanding in outstanding_sign_offs(forum=forum):
            priority = outstanding.priority
            names = ", ".join(str(agency) for agency in outstanding.agencies)
            sent = priority.sent_for_sign_off_at
            rows.append(
                DigestRow(
                    text=f"{forum}: {priority.title}",
                    detail=(
                        gettext("waiting for %(agencies)s, sent %(date)s")
                        % {"agencies": names, "date": date_format(sent, "j F Y")}
                        if sent
                        else gettext("waiting for %(agencies)s") % {"agencies": names}
                    ),
                    url=absolute_url(reverse("priorities:detail", args=[forum.slug, priority.pk])),
                )
            )
    return DigestSection(title=gettext("Outstanding sign-offs"), rows=tuple(rows), order=25)


def digest_risks_past_review(person, forums, today):
    from membership.digest import DigestRow, DigestSection

    risks = (
        Risk.objects.exclude(status=Risk.Status.CLOSED)
        .filter(forum__in=forums, review_date__lt=today)
        .select_related("forum", "owner", "owner_agency")
        .order_by("review_date", "pk")
    )
    rows = tuple(
        DigestRow(
            text=f"{risk.forum}: {risk.title}",
            detail=(
                gettext("%(level)s risk, review was due %(date)s, owner %(owner)s")
                if risk.owner or risk.owner_agency
                else gettext("%(level)s risk, review was due %(date)s")
            )
            % {
                "level": risk.level_label,
                "date": date_format(risk.review_date, "j F Y"),
                "owner": risk.owner or risk.owner_agency,
            },
            url=absolute_url(reverse("priorities:risk-edit", args=[risk.forum.slug, risk.pk])),
        )
        for risk in risks
    )
    return DigestSection(title=gettext("Risks past their review date"), rows=rows, order=35)
