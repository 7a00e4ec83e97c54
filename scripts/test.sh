#!/usr/bin/env bash
# The whole check, as CI runs it: lint, migrations, deploy check, the Welsh catalogue compiled, and
# the pytest suite against a PostgreSQL and Redis started here and stopped at the end. Extra
# arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin

scripts/install-test-deps.sh
services_env=$(scripts/services.sh start test 54329 63799)  # fails the run if either won't start
eval "$services_env"
trap 'scripts/services.sh stop test 54329 63799' EXIT
export DATABASE_URL REDIS_URL
export LCJB_VAR_DIR="${TMPDIR:-/tmp}/lcjb-services-test/var"

echo "== ruff"
$py/ruff check .
$py/ruff format --check .

echo "== migrations are up to date"
$py/python manage.py makemigrations --check --dry-run

echo "== production settings pass the deployment checklist"
DJANGO_SETTINGS_MODULE=lcjb.settings.production \
  SECRET_KEY="$($py/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
  ALLOWED_HOSTS=lcjb.example.org \
  EMAIL_URL=smtp+tls://user:password@smtp.example.org:587 \
  DEFAULT_FROM_EMAIL="LCJB Forum Manager <no-reply@lcjb.example.org>" \
  $py/python manage.py check --deploy --fail-level WARNING

echo "== the Welsh catalogue compiles"
scripts/translations.sh compile

echo "== pytest"
$py/pytest "$@"
