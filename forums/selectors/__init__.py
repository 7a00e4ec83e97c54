"""Reads, scoped to who is asking: forum.py (forums, memberships), meetings.py (meetings)."""
