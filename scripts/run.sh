#!/usr/bin/env bash
# Serve tiepdan locally: migrate, seed an empty database, then gunicorn + the Huey consumer.
# Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${PORT:-8000}"
export TIEPDAN_DEMO="${TIEPDAN_DEMO:-1}"

$PY manage.py migrate --noinput
$PY manage.py createcachetable
$PY manage.py collectstatic --noinput -v 0
if [ "$($PY manage.py shell -c 'from tiepdan.orgunits.models import OrgUnit; print(OrgUnit.objects.exists())')" = "False" ]; then
  $PY manage.py seed_demo
fi
$PY manage.py demo_logins

pids=()
stop() {
  trap - INT TERM
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

$PY manage.py run_huey --workers 2 --flush-locks &
pids+=($!)
.venv/bin/gunicorn config.wsgi --bind "127.0.0.1:${PORT}" --workers 3 --access-logfile - &
pids+=($!)
echo "tiepdan: http://127.0.0.1:${PORT}/  (Ctrl-C to stop)"
wait -n "${pids[@]}"
