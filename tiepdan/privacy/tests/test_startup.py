"""Without TIEPDAN_DATA_KEY the server stops at start, with what to do (Law 91/2025)."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tiepdan.lib.crypto import generate_key

ROOT = Path(__file__).resolve().parents[3]


def run(code_or_args: list[str], **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TIEPDAN_", "DJANGO_"))}
    clean.update(DJANGO_SETTINGS_MODULE="config.settings", SECRET_KEY="x" * 50, **env)
    clean["DATABASE_URL"] = f"sqlite:///{tempfile.gettempdir()}/tiepdan-startup-check.sqlite3"
    return subprocess.run(
        [sys.executable, *code_or_args], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_manage_py_check_stops_without_the_key():
    result = run(["manage.py", "check"])
    assert result.returncode != 0
    assert "TIEPDAN_DATA_KEY is not set" in result.stderr
    assert "tiepdan.E001" in result.stderr


def test_the_wsgi_entry_gunicorn_loads_stops_without_the_key():
    result = run(["-c", "import config.wsgi"])
    assert result.returncode != 0 and "TIEPDAN_DATA_KEY is not set" in result.stderr


def test_it_starts_with_a_key_or_on_a_demo_site():
    assert run(["manage.py", "check"], TIEPDAN_DATA_KEY=generate_key()).returncode == 0
    assert run(["-c", "import config.wsgi"], TIEPDAN_DEMO="1").returncode == 0
