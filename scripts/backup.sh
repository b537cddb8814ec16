#!/usr/bin/env bash
# Back up tiepdan's database and uploaded files into one dated folder:
#   scripts/backup.sh [DEST]        (DEST defaults to var/backups)
# SQLite is copied with SQLite's online backup API (safe while the site runs, WAL included);
# PostgreSQL is dumped with pg_dump in its custom format (restore with pg_restore).
# Settings come from the environment or .env, as for `make run`.
# CCCD and phone numbers are encrypted: keep TIEPDAN_DATA_KEY safe, apart from the backups;
# a restore needs the key in force when the backup was made.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
PY=.venv/bin/python
dest="${1:-var/backups}/tiepdan-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$dest"

DEST="$dest" $PY - <<'PYTHON'
import os
import sqlite3
import subprocess
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()
from django.conf import settings  # noqa: E402

db = settings.DATABASES["default"]
dest = os.environ["DEST"]
if db["ENGINE"] == "django.db.backends.sqlite3":
    target = os.path.join(dest, "db.sqlite3")
    source = sqlite3.connect(str(db["NAME"]))
    copy = sqlite3.connect(target)
    with copy:
        source.backup(copy)
    copy.close()
    source.close()
elif db["ENGINE"] == "django.db.backends.postgresql":
    env = dict(os.environ, PGPASSWORD=str(db.get("PASSWORD") or ""))
    command = ["pg_dump", "--format=custom", "--no-owner", "--file", os.path.join(dest, "db.dump")]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command += [flag, str(db[key])]
    subprocess.run([*command, str(db["NAME"])], check=True, env=env)
else:
    sys.exit(f"backup: unsupported database engine {db['ENGINE']}")
media = str(settings.MEDIA_ROOT)
if os.path.isdir(media):
    subprocess.run(["tar", "-czf", os.path.join(dest, "media.tar.gz"), "-C", media, "."], check=True)
PYTHON
echo "$dest"
