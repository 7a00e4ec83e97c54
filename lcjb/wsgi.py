"""WSGI entry point for gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

from lcjb import embedded

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lcjb.settings.base")
embedded.prepare()
application = get_wsgi_application()
