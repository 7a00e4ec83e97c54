#!/usr/bin/env bash
# Install the system packages the test suite needs, where missing (see install-system-deps.sh).
set -euo pipefail
exec "$(dirname "$0")/install-system-deps.sh" --test
