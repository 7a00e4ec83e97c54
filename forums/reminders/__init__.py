"""Reminders for meetings, papers, actions and written procedures, sent through
membership.notifications.notify."""

from __future__ import annotations

import datetime

from forums.reminders.actions import send_action_reminders
from forums.reminders.meetings import send_meeting_reminders, visible_agenda
from forums.reminders.papers import send_papers_due_reminders
from forums.reminders.procedures import send_procedure_reminders

# Each sender takes ``today`` (so tests and a re-run for a missed day can pass a date), finds
# what is due, and notifies the right people. Keys name the reminder and its subject
# (``meeting-reminder:7d:meeting=<id>``); ``notify`` adds the recipient, so running a sender
# twice (a retried task, a second beat) never sends anything twice. Every recipient is told
# only about the agenda items and papers they may see, as ``forums.confidentiality`` decides.


def send_all(*, today: datetime.date) -> dict[str, int]:
    """Every forums reminder for a day (used by ``make run`` smoke checks and the bench)."""
    return {
        "meetings": send_meeting_reminders(today=today),
        "papers": send_papers_due_reminders(today=today),
        "actions": send_action_reminders(today=today),
        "procedures": send_procedure_reminders(today=today),
    }


__all__ = [
    "send_meeting_reminders",
    "send_papers_due_reminders",
    "send_action_reminders",
    "send_procedure_reminders",
    "send_all",
    "visible_agenda",
]
