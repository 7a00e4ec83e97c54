"""Meetings, agendas, papers, attendance, minutes, decisions, actions and escalations."""

__all__: list[str] = []
