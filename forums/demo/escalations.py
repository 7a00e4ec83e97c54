"""Demo escalations: one to the national board, one from a sub-group to its parent board."""

import datetime

from django.utils import timezone

from forums.demo.seats import _seats
from forums.models import AgendaItem, Confidentiality, Escalation, Forum, Meeting, Membership

Role = Membership.Role
Conf = Confidentiality


def _seed_escalations(stdout) -> None:
    board = Forum.objects.filter(slug="cleveland-cjb").first()
    sub_group = Forum.objects.filter(slug="cleveland-victims-witnesses").first()
    if board is None or Escalation.objects.filter(from_forum=board).exists():
        return
    _, by_role = _seats(board)
    raiser = (by_role.get(Role.CHAIR) or by_role.get(Role.SECRETARIAT) or [None])[0]
    if raiser is None:
        return
    Escalation.objects.create(
        from_forum=board,
        level=Escalation.Level.NATIONAL,
        title="Crown Court capacity in the North East",
        description="Sitting days allocated to Teesside Crown Court do not match the "
        "outstanding caseload; victims wait over two years for trial.",
        tried_so_far="Raised with the HMCTS delivery director; local listing changes made.",
        raised_by=raiser.person,
        raised_at=timezone.now() - datetime.timedelta(days=40),
    )
    if sub_group is not None:
        _, sub_roles = _seats(sub_group)
        sub_raiser = next(iter(sub_roles.values()), [None])[0]
        next_meeting = (
            Meeting.objects.filter(forum=board, starts_at__gte=timezone.now())
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("starts_at")
            .first()
        )
        if sub_raiser is not None:
            item = None
            if next_meeting is not None:
                item = AgendaItem.objects.create(
                    meeting=next_meeting,
                    order=99,
                    status=AgendaItem.Status.PROPOSED,
                    title="Escalation from the Victims and Witnesses Sub-group: witness care cover",
                    purpose="escalation",
                    confidentiality=Conf.CONFIDENTIAL,
                    confidentiality_reason="Proposed item: not yet accepted onto the agenda",
                )
            Escalation.objects.create(
                from_forum=sub_group,
                to_forum=board,
                level=Escalation.Level.PARENT_BOARD,
                title="Witness care cover",
                description="The witness care unit has no cover for long-term absence.",
                raised_by=sub_raiser.person,
                agenda_item=item,
                status=Escalation.Status.ON_AGENDA if item else Escalation.Status.RAISED,
            )
    stdout.write("  escalations: one national, one from a sub-group")
