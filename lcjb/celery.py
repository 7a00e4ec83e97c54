"""The Celery application: configuration from Django settings, tasks found in each app."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lcjb.settings.base")

app = Celery("lcjb")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_configure.connect
def _prepare_embedded_default(sender, **kwargs):
    """Worker and beat: the embedded default's files before settings are read (not on import)."""
    from lcjb import embedded

    embedded.prepare()
