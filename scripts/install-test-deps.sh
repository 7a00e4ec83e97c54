#!/usr/bin/env bash
# Install the system packages the test suite needs, where missing: Redis and Debian's Chromium.
# (The PostgreSQL server binaries come with the machine image.)
set -euo pipefail
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
  || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
echo "Installing ${missing[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-liberation >/dev/null
