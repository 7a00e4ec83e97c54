#!/usr/bin/env bash
# make bench: every bench/bench_*.py on a throwaway PostgreSQL and Redis of its own, with wrk.
# Each bench prints its figures beside their targets and exits non-zero on a miss; this script
# runs them all and exits non-zero if any missed. Not part of `make test`.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk with apt-get"
  if [ "$(id -u)" = "0" ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi
command -v redis-server >/dev/null 2>&1 || scripts/install-test-deps.sh

eval "$(scripts/services.sh start bench 55632 56579)"
trap 'scripts/services.sh stop bench 55632 56579' EXIT
export DATABASE_URL REDIS_URL

status=0
for script in bench/bench_*.py; do
  echo "== $script"
  .venv/bin/python "$script" || status=1
done
exit $status
