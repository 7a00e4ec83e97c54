"""Django admin for forums: one module per part of the domain."""

from forums.admin import forum, meetings, procedures, reports  # noqa: F401
