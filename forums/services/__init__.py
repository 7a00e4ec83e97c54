"""Writes, one transaction each: forum.py (forums, memberships), meetings.py (meetings)."""
