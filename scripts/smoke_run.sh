#!/usr/bin/env bash
# Check `make run` end to end on a scratch database: it serves the Vietnamese home page and the
# health check, prints the demo logins, the demo officer can log in, and a Ctrl-C (SIGINT to its process group, as a terminal
# sends it) stops gunicorn and the Huey consumer, leaving no process behind.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8179}"
tmp=$(mktemp -d)
export DATABASE_URL="sqlite:///$tmp/db.sqlite3" TIEPDAN_VAR_DIR="$tmp/var"
url="http://127.0.0.1:$PORT"

setsid make run PORT="$PORT" >"$tmp/run.log" 2>&1 &
group=$!
fail() {
  echo "smoke_run: $1" >&2
  tail -n 40 "$tmp/run.log" >&2
  kill -KILL -- "-$group" 2>/dev/null || true
  exit 1
}

started=$SECONDS
until curl -fsS -o /dev/null "$url/healthz" 2>/dev/null; do
  (( SECONDS - started < 180 )) || fail "no answer on $url/healthz after 180s"
  kill -0 "$group" 2>/dev/null || fail "make run exited before serving"
  sleep 1
done
echo "smoke_run: serving after $(( SECONDS - started ))s"
home=$(curl -fsS "$url/")
grep -q '<html lang="vi">' <<<"$home" || fail "the home page is not in Vietnamese"
grep -q "Tiepdan@2026" "$tmp/run.log" || fail "the demo logins were not printed"
curl -fsS -o /dev/null "$url/static/bootstrap/css/$(ls staticfiles/bootstrap/css | grep -m1 -E '^bootstrap\.min\.[0-9a-f]+\.css$')" \
  || fail "Bootstrap is not served"

jar="$tmp/cookies"
curl -fsS -c "$jar" -o /dev/null "$url/tai-khoan/dang-nhap/"
token=$(awk '$6 == "csrftoken" {print $7}' "$jar")
landed=$(curl -sS -b "$jar" -c "$jar" -o /dev/null -w "%{redirect_url}" -e "$url/tai-khoan/dang-nhap/" \
  --data-urlencode "csrfmiddlewaretoken=$token" --data-urlencode "username=benthanh.tiepdan" \
  --data-urlencode "password=Tiepdan@2026" "$url/tai-khoan/dang-nhap/")
[ "$landed" = "$url/tai-khoan/" ] || fail "the demo officer could not log in (sent to '$landed')"
staff_home=$(curl -fsS -b "$jar" "$url/tai-khoan/")
grep -q "Lê Thị Lan" <<<"$staff_home" || fail "the staff home page does not show the demo officer"

kill -INT -- "-$group"
stopped=$SECONDS
while pgrep -g "$group" >/dev/null; do
  (( SECONDS - stopped < 40 )) || fail "still running 40s after Ctrl-C: $(pgrep -a -g "$group")"
  sleep 1
done
echo "smoke_run: Ctrl-C stopped everything in $(( SECONDS - stopped ))s"
rm -rf "$tmp"
