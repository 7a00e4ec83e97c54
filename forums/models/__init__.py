"""Models of the forums app, one module per part of the domain."""

from forums.models.forum import Forum, Invitation, Membership
from forums.models.meetings import *  # noqa: F403

__all__ = ["Forum", "Invitation", "Membership"]  # meetings' names come from its own __all__
from forums.models.reports import GeneratedReport  # noqa: F401
