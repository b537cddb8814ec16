#!/usr/bin/env bash
# Refresh and compile the Vietnamese catalogue of every app and toolkit (each keeps its own
# locale/; the toolkits api/ and open311/ are not apps, so settings.LOCALE_PATHS names theirs).
set -euo pipefail
cd "$(dirname "$0")/.."
ADMIN="$PWD/.venv/bin/django-admin"
for app in tiepdan/*/; do
  [ -f "$app/apps.py" ] || [ -d "$app/locale" ] || continue
  mkdir -p "$app/locale"
  (cd "$app" && "$ADMIN" makemessages -l vi --no-obsolete -v 0 \
     --ignore 'tests/*' --ignore 'migrations/*')
done
mkdir -p locale
.venv/bin/python manage.py makemessages -l vi --no-obsolete -v 0 \
  --ignore '.venv/*' --ignore 'tiepdan/*' --ignore 'bench/*' --ignore 'staticfiles/*' --ignore 'tests/*' \
  --ignore 'scripts/*'
.venv/bin/python manage.py compilemessages -v 0 --ignore '.venv/*'
