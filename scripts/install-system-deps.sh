#!/usr/bin/env bash
# Install the Debian packages the app needs, where missing: Pango for PDF reports (WeasyPrint),
# gettext's msgfmt to compile the Welsh catalogue (scripts/translations.sh).
# With --test, also what the test suite needs: Redis and Debian's Chromium.
# (The PostgreSQL server binaries come with the machine image.)
set -euo pipefail
missing=()
ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
fc-list 2>/dev/null | grep -qi liberation || missing+=(fonts-liberation)
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
if [ "${1:-}" = "--test" ]; then
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
    || missing+=(postgresql)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
echo "Installing ${missing[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
