"""The shell scripts behind `make`: .env loading and backups."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_script(command: str, cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_it_reads_dot_env_without_overriding_the_callers_environment(tmp_path):
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "env.sh").write_text((ROOT / "scripts" / "env.sh").read_text())
    (tmp_path / ".env").write_text(
        "# a comment\n"
        "DEBUG=0   # trailing comment\n"
        'SECRET_KEY="two words"\n'
        "LOG_LEVEL='WARNING'\n"
        "ALLOWED_HOSTS=from-the-file\n"
        "REDIS_URL=redis://127.0.0.1:6379/0"  # no final newline
    )
    env = {"PATH": os.environ["PATH"], "ALLOWED_HOSTS": "from-the-caller"}
    out = run_script(
        'set -eu; . scripts/env.sh; echo "$DEBUG|$SECRET_KEY|$LOG_LEVEL|$ALLOWED_HOSTS|$REDIS_URL"',
        tmp_path,
        env,
    )
    assert out == "0|two words|WARNING|from-the-caller|redis://127.0.0.1:6379/0"


def test_it_backs_up_a_sqlite_database_and_the_uploads(tmp_path):
    database = tmp_path / "db.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE book (line TEXT)")
        connection.execute("INSERT INTO book VALUES ('Bà Nguyễn Thị Hoa, tổ dân phố 3')")
    media = tmp_path / "media"
    media.mkdir()
    (media / "don.pdf").write_bytes(b"%PDF-1.4")
    env = {
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(media),
        "TIEPDAN_VAR_DIR": str(tmp_path / "var"),
    }
    folder = Path(run_script(f"bash scripts/backup.sh {tmp_path / 'backups'}", ROOT, env))
    with sqlite3.connect(folder / "db.sqlite3") as copy:
        assert copy.execute("SELECT line FROM book").fetchall() == [
            ("Bà Nguyễn Thị Hoa, tổ dân phố 3",)
        ]
    listing = subprocess.run(
        ["tar", "-tzf", folder / "media.tar.gz"], capture_output=True, text=True, check=True
    ).stdout
    assert "./don.pdf" in listing.splitlines()
