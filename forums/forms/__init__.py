"""Forms: forum.py (forums, memberships), meetings.py (meetings)."""
