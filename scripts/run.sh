#!/usr/bin/env bash
# Serve tiepdan locally: migrate, seed an empty database, then gunicorn + the Huey consumer.
# Ctrl-C (or SIGTERM) stops both; if either one dies, the other is stopped too.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
. scripts/env.sh  # settings from .env, if any
PORT="${PORT:-8000}"
export TIEPDAN_DEMO="${TIEPDAN_DEMO:-1}"

# Migrate, cache table, static files, demo data when empty, demo logins: one Django start-up.
$PY scripts/prepare.py

huey="" web=""
stop() {
  trap - INT TERM EXIT
  # Graceful for both: SIGINT lets Huey finish running tasks, SIGTERM lets gunicorn finish requests.
  kill -INT "$huey" 2>/dev/null || true
  kill -TERM "$web" 2>/dev/null || true
  # A consumer still starting up ignores SIGINT (inherited by background jobs): insist.
  for _ in $(seq 20); do
    kill -0 "$huey" 2>/dev/null || break
    sleep 0.5
  done
  kill -TERM "$huey" 2>/dev/null || true
  wait "$huey" "$web" 2>/dev/null || true
}
trap stop INT TERM EXIT

$PY manage.py run_huey --flush-locks &
huey=$!
# No control socket: it lives in $HOME and would clash between two local instances.
.venv/bin/gunicorn config.wsgi --bind "127.0.0.1:${PORT}" --workers "${WEB_CONCURRENCY:-3}" \
  --no-control-socket --access-logfile - &
web=$!
echo "tiepdan: http://127.0.0.1:${PORT}/  (Ctrl-C to stop)"
wait -n "$huey" "$web"
