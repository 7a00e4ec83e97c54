#!/usr/bin/env bash
# Keep the Welsh catalogue in step with the interface, then compile it.
#   scripts/translations.sh           collect every message (templates, Python, e-mails), keep
#                                     the translations already made, fold in any fragments under
#                                     locale/cy/fragments/*.po, and compile locale/cy/.../django.mo
#   scripts/translations.sh compile   only compile (what `make install` and the tests run)
# The compiled .mo is not committed: it is built from the committed .po (needs gettext's msgfmt).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
CATALOGUE=locale/cy/LC_MESSAGES/django.po

if [ "${1:-}" != "compile" ]; then
  # --no-location keeps the catalogue calm under merges; msgids are the English text itself.
  $PY manage.py makemessages --locale cy --domain django --no-location --keep-pot \
    --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'frontend/*' --ignore 'tests/*' \
    --ignore 'bench/*' --ignore 'staticfiles/*' --ignore 'var/*' >/dev/null
  shopt -s nullglob
  fragments=(locale/cy/fragments/*.po)
  if [ ${#fragments[@]} -gt 0 ] && [ -f locale/django.pot ]; then
    [ -f "$CATALOGUE" ] || msginit --no-translator --locale cy --input locale/django.pot \
      --output-file "$CATALOGUE" >/dev/null 2>&1
    combined=$(mktemp --suffix .po)
    # Fragments first: a translation written there wins over an empty entry in the catalogue.
    msgcat --use-first --no-location -o "$combined" "${fragments[@]}" "$CATALOGUE"
    msgmerge --quiet --no-fuzzy-matching --no-location -o "$CATALOGUE" "$combined" locale/django.pot
    rm -f "$combined"
  fi
  rm -f locale/django.pot
fi
[ -f "$CATALOGUE" ] || exit 0
$PY manage.py compilemessages --locale cy --ignore '.venv/*' --ignore 'node_modules/*' >/dev/null
