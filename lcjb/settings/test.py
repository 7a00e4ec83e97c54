"""Tests: real PostgreSQL and Redis from DATABASE_URL and REDIS_URL (started by `make test`)."""

from lcjb.settings.base import *  # noqa: F403
from lcjb.settings.base import env

# Tests never need the embedded default's key file (importing settings makes no files).
SECRET_KEY = env("SECRET_KEY", default="tests-only-not-a-secret-" + "k" * 40)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["default"]["OPTIONS"]["location"] = str(VAR_DIR / "test-private")  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
SITE_URL = "http://testserver"
# Most tests run tasks in-process; the worker tests turn this off and use a real worker.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_TASK_EAGER_PROPAGATES = True
AXES_FAILURE_LIMIT = 5
# Close connections after each request, as Django's own test runner expects: live-server threads
# would otherwise hold the test database open when it is dropped.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# The API's throttle is tested on its own (with a low rate); the crawls must not meet it.
API_ANON_RATE = "100000/minute"
