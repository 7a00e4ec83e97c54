"""LCJB Forum Manager project package."""

from lcjb.celery import app as celery_app

__all__ = ["celery_app"]
