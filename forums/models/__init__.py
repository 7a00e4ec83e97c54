"""Models of the forums app, one module per part of the domain."""

from forums.models.actions import Action, ActionUpdate, Escalation
from forums.models.agenda import AgendaItem
from forums.models.attendance import Attendance, Declaration
from forums.models.forum import Forum, Invitation, Membership
from forums.models.forward_plan import ForwardPlanItem
from forums.models.guests import Guest
from forums.models.looks import LastLooked
from forums.models.meetings import Meeting, MeetingSeries
from forums.models.minutes import Decision, MinuteComment, MinuteEntry, Minutes
from forums.models.papers import Paper, PaperDownload, PaperVersion
from forums.models.procedures import ProcedurePaper, ProcedureResponse, WrittenProcedure
from forums.models.reports import GeneratedReport
from forums.models.visibility import Confidentiality, SecurityClassification

__all__ = [
    "Action",
    "ActionUpdate",
    "AgendaItem",
    "Attendance",
    "Confidentiality",
    "Decision",
    "Declaration",
    "Escalation",
    "Forum",
    "ForwardPlanItem",
    "GeneratedReport",
    "Guest",
    "Invitation",
    "LastLooked",
    "Meeting",
    "MeetingSeries",
    "Membership",
    "MinuteComment",
    "MinuteEntry",
    "Minutes",
    "Paper",
    "PaperDownload",
    "PaperVersion",
    "ProcedurePaper",
    "ProcedureResponse",
    "SecurityClassification",
    "WrittenProcedure",
]
