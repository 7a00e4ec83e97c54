#!/usr/bin/env bash
# Rebuild static/govuk from GOV.UK Frontend (npm registry): CSS compiled with system fonts and our
# additions, the JavaScript module, and the images. The output is committed, so neither `make run`
# nor the tests need node; run this only to upgrade GOV.UK Frontend or change frontend/*.scss.
set -euo pipefail
cd "$(dirname "$0")"
npm install --no-audit --no-fund --silent
out=../static/govuk
rm -rf "$out"
mkdir -p "$out/assets"
npx sass --style=compressed --no-source-map --quiet-deps --silence-deprecation=import \
  --load-path=. lcjb.scss "$out/lcjb.css"
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/"
cp init.mjs "$out/init.mjs"
# No fonts (we use system fonts) and no GOV.UK images: the crown and crest are not ours to use.
# The footer's crest rule is the only image the CSS names; it is switched off.
sed -i 's#url("/static/govuk/assets/images/govuk-crest.svg")#none#g' "$out/lcjb.css"
rmdir "$out/assets"
echo "Built $out"
