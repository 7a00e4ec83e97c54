"""Demo decision in writing: one proposal to the Cleveland board, open, half the agencies in."""

import datetime

from django.utils import timezone

from forums.demo.seats import _seats
from forums.models import Confidentiality, Forum, Membership, ProcedureResponse, WrittenProcedure
from forums.services.procedures import default_quorum
from forums.voting import voting_seats

Role = Membership.Role


def seed(*, stdout) -> None:
    board = Forum.objects.filter(slug="cleveland-cjb").first()
    if board is None or board.written_procedures.exists():
        return
    _, by_role = _seats(board)
    runner = (by_role.get(Role.SECRETARIAT) or by_role.get(Role.CHAIR) or [None])[0]
    seats = list(voting_seats().filter(forum=board).select_related("agency", "person"))
    if runner is None or not seats:
        return
    agencies = {seat.agency_id: seat for seat in seats}
    now = timezone.now()
    procedure = WrittenProcedure.objects.create(
        forum=board,
        title="Joint funding for the victim contact audit",
        proposal="The board agrees that each statutory agency contributes £2,000 to the joint "
        "audit of victim contact led by CPS, to report in the spring.",
        background="Agreed in principle at the last meeting; the cost was confirmed afterwards.",
        opened_at=now - datetime.timedelta(days=4),
        closes_at=now + datetime.timedelta(days=6),
        quorum=default_quorum(len(agencies)),
        confidentiality=Confidentiality.PUBLIC,
        created_by=runner.person,
    )
    answers = [
        (ProcedureResponse.Answer.AGREE, ""),
        (
            ProcedureResponse.Answer.AGREE_WITH_COMMENTS,
            "Subject to the spring report coming to the board before any further funding.",
        ),
    ]
    for seat, (answer, comments) in zip(list(agencies.values()), answers, strict=False):
        ProcedureResponse.objects.create(
            procedure=procedure,
            agency=seat.agency,
            answer=answer,
            comments=comments,
            responded_by=seat.person,
        )
    stdout.write("  cleveland-cjb: one decision in writing open for answers")
