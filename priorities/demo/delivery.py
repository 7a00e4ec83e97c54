"""The demo delivery plan, tensions between agency plans, and risks."""

import datetime

from forums.models import Action, AgendaItem, Decision
from priorities.models import DeliveryAction, PriorityDiscussion, Risk, Tension


def _delivery_plan(forum, witnesses, fines, by):
    # A mix: some done, some in progress, one overdue, so the roll-up shows real progress.
    actions = []
    for status in (Action.Status.DONE, Action.Status.IN_PROGRESS, Action.Status.OPEN):
        actions += list(Action.objects.filter(forum=forum, status=status).order_by("-due_date")[:2])
    for number, action in enumerate(actions):
        priority = witnesses if number % 2 == 0 else fines
        objective = priority.objectives.order_by("order").first()
        DeliveryAction.objects.update_or_create(
            priority=priority,
            action=action,
            defaults={"objective": objective, "linked_by": by},
        )
    item = (
        AgendaItem.objects.filter(meeting__forum=forum, title__startswith="Victims")
        .order_by("meeting__starts_at")
        .first()
    )
    if item:
        PriorityDiscussion.objects.get_or_create(
            priority=witnesses, agenda_item=item, defaults={"linked_by": by}
        )
    decision = Decision.objects.filter(forum=forum).order_by("decided_on").first()
    if decision:
        PriorityDiscussion.objects.get_or_create(
            priority=witnesses, decision=decision, defaults={"linked_by": by}
        )


def _tensions(forum, witnesses, digital, police, cps, hmcts):
    tension, _ = Tension.objects.update_or_create(
        forum=forum,
        title="Fewer hearings per case against the conviction rate",
        defaults={
            "priority": witnesses,
            "agency_plan": "HMCTS plan: reduce the average number of hearings per case.",
            "conflict": "Listing trials sooner with fewer hearings leaves less time for witness "
            "care to prepare vulnerable witnesses, which risks more witnesses not attending.",
            "impact": "Could lower the CPS conviction rate and the board's witness attendance "
            "target.",
            "status": Tension.Status.RESOLVED,
            "resolution": "Agreed at the board: vulnerable-witness trials are flagged at first "
            "listing and get at least four weeks' notice.",
        },
    )
    tension.agencies.set([a for a in (hmcts, cps) if a])
    tension, _ = Tension.objects.update_or_create(
        forum=forum,
        title="Police charging targets against file quality",
        defaults={
            "priority": digital,
            "agency_plan": "Police plan: charge decisions within 28 days of arrest.",
            "conflict": "Pressure to submit files quickly lowers first-time file quality.",
            "impact": "More files returned by CPS; the digital priority's target at risk.",
            "status": Tension.Status.ESCALATED,
            "resolution": "Escalated to the national Criminal Justice Board: the national "
            "charging measure does not count returned files.",
        },
    )
    tension.agencies.set([a for a in (police, cps) if a])


def _risks(forum, witnesses, fines, chair, police, hmcts, today):
    owner = chair.person if chair else None
    specs = [
        (
            "Witness Care Unit staffing falls short",
            witnesses,
            "Vacancies and sickness in the Witness Care Unit",
            "Witnesses are not contacted in time and do not attend",
            4,
            4,
            police,
            "Temporary staff from the PCC's victim fund; weekly caseload review.",
            today + datetime.timedelta(days=20),
            Risk.Status.OPEN,
        ),
        (
            "Interpreter bookings fail",
            witnesses,
            "Contract change for interpreting services",
            "Trials adjourned on the day",
            3,
            3,
            hmcts,
            "Escalation route agreed with the contract manager.",
            today - datetime.timedelta(days=12),
            Risk.Status.OPEN,
        ),
        (
            "Enforcement staff diverted to other work",
            fines,
            "National reprioritisation of HMCTS enforcement teams",
            "Compensation to victims paid later",
            2,
            4,
            hmcts,
            "",
            today + datetime.timedelta(days=60),
            Risk.Status.TOLERATED,
        ),
        (
            "Partners stop sharing data for the dashboard",
            None,
            "Information sharing agreement lapses",
            "The board cannot monitor shared performance",
            2,
            2,
            None,
            "Agreement renewal on the next agenda.",
            today + datetime.timedelta(days=90),
            Risk.Status.OPEN,
        ),
    ]
    for title, priority, cause, consequence, lik, imp, agency, mit, review, status in specs:
        Risk.objects.update_or_create(
            forum=forum,
            title=title,
            defaults={
                "priority": priority,
                "cause": cause,
                "consequence": consequence,
                "likelihood": lik,
                "impact": imp,
                "score": lik * imp,
                "owner": owner,
                "owner_agency": agency,
                "mitigations": mit,
                "review_date": review,
                "status": status,
            },
        )
