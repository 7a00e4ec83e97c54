"""The public API at /api/: read-only JSON of the public record, through the public querysets.

It lives in the project package because it reads across every app (``forums``, ``performance``,
``priorities``); no app imports it.
"""
