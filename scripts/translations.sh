#!/usr/bin/env bash
# Keep the Welsh catalogue in step with the interface, then compile it.
#   scripts/translations.sh           collect every message (templates, Python, e-mails), keep
#                                     the translations already made, fold in any fragments under
#                                     locale/cy/fragments/*.po, drop messages no longer used and
#                                     compile locale/cy/.../django.mo
#   scripts/translations.sh compile   only compile (what `make install`, `make run` and
#                                     scripts/test.sh run)
# The compiled .mo is not committed: it is built from the committed .po (needs gettext's msgfmt;
# scripts/install-system-deps.sh installs it where missing).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
CATALOGUE=locale/cy/LC_MESSAGES/django.po
POT=locale/django.pot

# The header every catalogue of ours carries (Welsh has six plural forms, as CLDR has them).
header() {
  cat <<'EOF'
# Welsh translations of LCJB Forum Manager's interface. Terms: docs/welsh-glossary.md.
# Written by scripts/translations.sh from the interface and locale/cy/fragments/*.po.
msgid ""
msgstr ""
"Project-Id-Version: LCJB Forum Manager\n"
"Language: cy\n"
"Language-Team: Welsh\n"
"Last-Translator: LCJB Forum Manager\n"
"PO-Revision-Date: 2026-12-02 12:00+0000\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;\n"
EOF
}

if [ "${1:-}" != "compile" ]; then
  mkdir -p locale/cy/LC_MESSAGES locale/cy/fragments
  work=$(mktemp -d)
  trap 'rm -rf "$work" "$POT"' EXIT
  # --no-location keeps the catalogue calm under merges; msgids are the English text itself.
  # makemessages writes locale/django.pot (every message) and updates the catalogue.
  $PY manage.py makemessages --locale cy --domain django --no-location --keep-pot \
    --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'frontend/*' --ignore 'tests/*' \
    --ignore 'bench/*' --ignore 'staticfiles/*' --ignore 'var/*' --ignore 'locale/*' >/dev/null
  if [ ! -s "$POT" ]; then
    echo "No messages found in the interface." >&2
    exit 0
  fi
  # Our header, then translations: fragments first (a translation written there wins), then
  # the catalogue as it was. Empty and fuzzy entries never win over a real translation.
  header >"$work/header.po"
  shopt -s nullglob
  sources=()
  for po in locale/cy/fragments/*.po "$CATALOGUE"; do
    [ -f "$po" ] || continue
    sources+=("$work/${#sources[@]}.po")
    msgattrib --force-po --translated --no-fuzzy --no-obsolete -o "${sources[-1]}" "$po"
  done
  msgcat --force-po --use-first --no-location -o "$work/translated.po" "$work/header.po" "${sources[@]}"
  # Every message of the interface, with its translation where one exists; nothing else.
  msgmerge --force-po --quiet --no-fuzzy-matching --no-location --no-wrap -o "$work/merged.po" \
    "$work/translated.po" "$POT"
  msgattrib --force-po --no-obsolete --no-location --no-wrap -o "$CATALOGUE" "$work/merged.po"
  untranslated=$(msgattrib --untranslated "$CATALOGUE" | grep -c '^msgid ' || true)
  # (msgattrib prints the header as one "msgid" too.)
  if [ "$untranslated" -gt 1 ]; then
    echo "$((untranslated - 1)) messages have no Welsh yet: msgattrib --untranslated $CATALOGUE" >&2
  fi
fi
[ -f "$CATALOGUE" ] || exit 0
command -v msgfmt >/dev/null || { echo "msgfmt is missing: run scripts/install-system-deps.sh" >&2; exit 1; }
$PY manage.py compilemessages --locale cy --ignore '.venv/*' --ignore 'node_modules/*' >/dev/null
