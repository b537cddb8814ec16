"""Case creation throughput through the JSON API: N concurrent clients for S seconds.

Sets up a fresh database (SQLite file or a PostgreSQL database made for the run), one ward with
its fields and an API key, starts gunicorn on its own port, then N client threads POST
/api/v1/cases as fast as the server answers. Prints requests/s, latency percentiles and the
error count, and a Markdown row for docs/benchmarks.md.

    .venv/bin/python bench/api_create.py --database sqlite
    .venv/bin/python bench/api_create.py --database postgres://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv/bin/python")
GUNICORN = str(ROOT / ".venv/bin/gunicorn")

SETUP = """
from tiepdan.orgunits.services import ensure_ward
from tiepdan.cases.services import ensure_fields
from tiepdan.integrations.services import create_api_key
ward = ensure_ward(26743)
ensure_fields(ward)
_key, plain = create_api_key(unit=ward, name="bench", created_by=None,
                             capabilities=["cases.view_case", "cases.receive_case"])
print(plain)
"""

BODY = {
    "channel": "phone",
    "kind": "feedback",
    "received_on": None,
    "subject": "Đèn đường hẻm 45 Lê Thánh Tôn bị hỏng",
    "content": "Cả đoạn hẻm tối om từ ba hôm nay, người đi đường dễ té ngã. " * 4,
    "citizen": {"full_name": "Trần Thị Mai", "phone": "0912 345 678"},
}


def prepare(database: str, workdir: Path) -> tuple[dict[str, str], str, str | None]:
    """Environment for the server, the plain key, and the PostgreSQL database to drop."""
    env = dict(os.environ, TIEPDAN_VAR_DIR=str(workdir), TIEPDAN_API_RATE="1000000/m")
    env.update(TIEPDAN_DEMO="1", HUEY_IMMEDIATE="1", DEBUG="0", LOG_LEVEL="WARNING")
    dropped = None
    if database == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    else:
        import psycopg

        name = f"bench_api_{os.getpid()}"
        with psycopg.connect(database, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = database.rsplit("/", 1)[0] + "/" + name
        dropped = name
    for command in (["migrate", "--noinput", "-v", "0"], ["createcachetable"]):
        subprocess.run([PY, "manage.py", *command], cwd=ROOT, env=env, check=True)
    out = subprocess.run(
        [PY, "manage.py", "shell", "-v", "0", "-c", SETUP],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return env, out.stdout.strip().splitlines()[-1], dropped


def wait_until_up(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=10)
            return
        except OSError:  # refused, reset or timed out while the workers boot
            time.sleep(0.5)
    raise SystemExit("the server did not start")


def client(url: str, key: str, until: float, results: list, statuses: Counter, n: int) -> None:
    body = dict(BODY, received_on=time.strftime("%Y-%m-%d"))
    i = 0
    while time.monotonic() < until:
        i += 1
        request = urllib.request.Request(
            url + "/api/v1/cases",
            data=json.dumps(body).encode(),
            headers={
                "Authorization": f"Bearer {key}",
                "Content-Type": "application/json",
                "Idempotency-Key": f"bench-{n}-{i}",
            },
            method="POST",
        )
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status = response.status
                response.read()
        except urllib.error.HTTPError as exc:
            status = exc.code
        except OSError:
            status = 0
        results.append(time.perf_counter() - started)
        statuses[status] += 1


def run(url: str, key: str, clients: int, seconds: float) -> dict:
    results: list[float] = []
    statuses: Counter = Counter()
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client, args=(url, key, until, results, statuses, n))
        for n in range(clients)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    ordered = sorted(results)
    return {
        "requests": len(results),
        "seconds": round(elapsed, 1),
        "requests_per_second": round(statuses[201] / elapsed, 1),
        "errors": sum(count for status, count in statuses.items() if status != 201),
        "statuses": dict(statuses),
        "median_ms": round(statistics.median(ordered) * 1000, 1) if ordered else None,
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 1) if ordered else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="sqlite", help="sqlite, or a postgres:// URL")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8182)
    args = parser.parse_args()
    url = f"http://127.0.0.1:{args.port}"
    with tempfile.TemporaryDirectory(prefix="tiepdan-bench-") as tmp:
        env, key, dropped = prepare(args.database, Path(tmp))
        server = subprocess.Popen(
            [
                GUNICORN,
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{args.port}",
                "--workers",
                str(args.workers),
                "--no-control-socket",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            wait_until_up(url)
            result = run(url, key, args.clients, args.seconds)
        finally:
            server.terminate()
            server.wait(timeout=30)
            if dropped:
                import psycopg

                with psycopg.connect(args.database, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{dropped}"')
    engine = "SQLite" if args.database == "sqlite" else "PostgreSQL"
    result.update(engine=engine, clients=args.clients, workers=args.workers)
    print(json.dumps(result, indent=2))
    print(
        f"| {engine} | {args.clients} | {args.workers} | {result['seconds']} | "
        f"{result['requests_per_second']} | {result['median_ms']} | {result['p95_ms']} | "
        f"{result['errors']} |",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
