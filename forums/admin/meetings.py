"""Admin for meetings, agendas, papers, minutes and actions."""
