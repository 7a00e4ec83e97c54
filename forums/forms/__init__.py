"""Forms: forum.py (forums, memberships), meetings.py, agenda.py, papers.py, attendance.py,
minutes.py (minutes, decisions), actions.py (actions, escalations), forward_plan.py, search.py;
base.py holds the GOV.UK layout they share."""
