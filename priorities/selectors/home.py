"""The workspace home's sign-off section: priorities awaiting an answer from the person's agency.

Registered with ``forums.home`` in ``PrioritiesConfig.ready()``; who signs for which agency is
``priorities.rules.signing_seats`` (the rule the sign-off permission uses).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from forums.home import HomeContext, HomeItem, HomeSection
from forums.models import Forum, Membership
from membership import dates
from membership.models import Agency, User
from priorities.models import Priority, SignOff
from priorities.rules import signing_seats


@dataclass
class AwaitingSignOff:
    """A priority out for sign-off that one of the person's agencies has not answered."""

    priority: Priority
    agency: Agency

    @property
    def forum(self) -> Forum:
        return self.priority.forum


def sign_offs_awaiting(
    *, person: User, seats: list[Membership] | None = None
) -> list[AwaitingSignOff]:
    """Across the person's forums, priorities in sign-off that an agency they sign for has not
    answered in the current round (3 queries, whatever the number of forums)."""
    if seats is None:
        seats = list(signing_seats().filter(person=person).select_related("agency"))
    agencies: dict[int, dict[int, Agency]] = {}
    for seat in seats:
        agencies.setdefault(seat.forum_id, {})[seat.agency_id] = seat.agency
    if not agencies:
        return []
    priorities = (
        Priority.objects.filter(forum_id__in=list(agencies), status=Priority.Status.SIGN_OFF)
        .select_related("forum")
        .prefetch_related(
            Prefetch(
                "sign_offs",
                queryset=SignOff.objects.only("priority_id", "agency_id", "round"),
            )
        )
        .order_by("sent_for_sign_off_at", "title", "pk")
    )
    awaiting = []
    for priority in priorities:
        answered = {
            s.agency_id for s in priority.sign_offs.all() if s.round == priority.sign_off_round
        }
        for agency_id, agency in sorted(
            agencies[priority.forum_id].items(), key=lambda pair: pair[1].name
        ):
            if agency_id not in answered:
                awaiting.append(AwaitingSignOff(priority=priority, agency=agency))
    return awaiting


def sign_offs_section(home: HomeContext) -> HomeSection | None:
    """'Sign-offs awaiting your agency', for whoever signs for an agency somewhere."""
    seats = list(signing_seats(home.today).filter(person=home.person).select_related("agency"))
    if not seats:
        return None
    items = []
    for row in sign_offs_awaiting(person=home.person, seats=seats):
        sent = row.priority.sent_for_sign_off_at
        items.append(
            HomeItem(
                text=gettext("Sign off “%(title)s” for %(agency)s")
                % {"title": row.priority.title, "agency": row.agency},
                url=reverse("priorities:sign-off", args=[row.forum.slug, row.priority.pk]),
                detail=(
                    gettext("%(forum)s, sent %(date)s")
                    % {"forum": row.forum, "date": dates.date_text(timezone.localdate(sent))}
                    if sent
                    else str(row.forum)
                ),
                tag=gettext("Waiting for your agency"),
                tag_class="govuk-tag--orange",
                forum=row.forum,
            )
        )
    return HomeSection(
        key="sign-offs",
        title=gettext("Sign-offs awaiting your agency"),
        items=tuple(items),
        empty=gettext("Nothing to do: your agency has answered every priority sent for sign-off."),
        order=20,
    )
