#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL cluster and Redis server on loopback ports of their own.
#
#   scripts/services.sh start NAME PGPORT REDISPORT   # prints export lines for DATABASE_URL, REDIS_URL
#   scripts/services.sh stop  NAME PGPORT REDISPORT
#
# PostgreSQL refuses to run as root, so as root the cluster runs as a system user 'lcjbtest'.
set -euo pipefail

action=${1:?start or stop}
name=${2:-test}
pgport=${3:-54329}
redisport=${4:-63799}
root="${TMPDIR:-/tmp}/lcjb-services-${name}"
pgdata="$root/pg"

pgbin=""
for candidate in "$(dirname "$(readlink -f "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")")" \
  $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then pgbin=$candidate; break; fi
done
[ -n "$pgbin" ] || { echo "PostgreSQL server binaries (initdb, pg_ctl) not found" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u lcjbtest -- "$@"; else "$@"; fi
}

stop_services() {
  if [ -f "$pgdata/postmaster.pid" ]; then
    as_owner "$pgbin/pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ -f "$root/redis.pid" ]; then
    local pid
    pid=$(cat "$root/redis.pid" 2>/dev/null || true)
    if [ -n "$pid" ]; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$root/redis.pid"
  fi
}

case "$action" in
  start)
    stop_services
    if [ "$(id -u)" = "0" ] && ! id lcjbtest >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin lcjbtest
    fi
    rm -rf "$root"
    mkdir -p "$root"
    if [ "$(id -u)" = "0" ]; then chown lcjbtest "$root"; fi
    as_owner "$pgbin/initdb" -D "$pgdata" -U lcjb --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
      >"$root/initdb.log" 2>&1 || { cat "$root/initdb.log" >&2; exit 1; }
    as_owner "$pgbin/pg_ctl" -D "$pgdata" -l "$root/postgres.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $pgport -k $root -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null || { cat "$root/postgres.log" >&2; exit 1; }
    as_owner "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U lcjb lcjb
    redis-server --port "$redisport" --bind 127.0.0.1 --save '' --appendonly no \
      --daemonize yes --pidfile "$root/redis.pid" --dir "$root" --logfile "$root/redis.log"
    for _ in $(seq 1 50); do
      redis-cli -p "$redisport" ping >/dev/null 2>&1 && break
      sleep 0.1
    done
    redis-cli -p "$redisport" ping >/dev/null || { echo "Redis did not start" >&2; exit 1; }
    echo "export DATABASE_URL=postgres://lcjb@127.0.0.1:${pgport}/lcjb"
    echo "export REDIS_URL=redis://127.0.0.1:${redisport}/0"
    ;;
  stop)
    stop_services
    ;;
  *)
    echo "usage: $0 start|stop NAME PGPORT REDISPORT" >&2
    exit 2
    ;;
esac
