"""Time the reception-book XLSX export (Form 03/TCD layout) of 300,000 entries.

Usage (own throw-away SQLite database; nothing touches db.sqlite3):

    .venv/bin/python bench/reception_export.py [--entries 300000] [--runs 5] [--db FILE]

The first run of the script migrates the database and generates the entries (kept for later
runs); every timed run streams the whole book to an in-memory XLSX and reports the median, the
file size and the peak resident memory.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup(db: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("TIEPDAN_DEMO", "1")  # the public data key: synthetic data only
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def generate(count: int) -> None:
    from tiepdan.orgunits.services import ensure_ward
    from tiepdan.reception.models import ReceptionEntry

    unit = ensure_ward(26743)
    have = ReceptionEntry.objects.filter(unit=unit).count()
    if have >= count:
        return
    rng = random.Random(7)
    kinds = ["complaint", "denunciation", "petition", "feedback"]
    routes = [
        ("accept", "", ""),
        ("guide", "Tòa án nhân dân khu vực 1", "12/HD"),
        ("transfer", "Công an phường", "34/CV-UBND"),
        ("explain", "", ""),
    ]
    start = date(2021, 1, 1)
    batch = []
    for n in range(have, count):
        route, body, document = rng.choice(routes)
        on = start + timedelta(days=n * 1826 // count)
        batch.append(
            ReceptionEntry(
                unit=unit,
                year=on.year,
                number=n + 1,
                received_on=on,
                full_name=f"Nguyễn Văn {rng.choice(['An', 'Bình', 'Cường', 'Dũng'])} {n}",
                address=f"{rng.randint(1, 300)} đường số {rng.randint(1, 40)}, Phường Bến Thành",
                id_kind="cccd",
                id_number=f"0790{rng.randint(50, 99)}{rng.randint(0, 999999):06d}",
                summary="Phản ánh tình trạng lấn chiếm vỉa hè, lòng đường và tiếng ồn kéo dài "
                "tại khu phố, đề nghị cơ quan chức năng kiểm tra, xử lý dứt điểm.",
                kind=rng.choice(kinds),
                people_count=rng.choice([1, 1, 1, 2, 6]),
                route=route,
                route_body=body,
                route_document=document,
                prior_handling="",
                result="Đã thông báo kết quả" if route == "accept" else "",
                notes="",
            )
        )
        if len(batch) == 5000:
            ReceptionEntry.objects.bulk_create(batch)
            batch = []
    ReceptionEntry.objects.bulk_create(batch)


def run(runs: int) -> None:
    from tiepdan.orgunits.models import OrgUnit
    from tiepdan.reception import exports
    from tiepdan.reception.models import ReceptionEntry

    unit = OrgUnit.objects.get(code="26743")
    entries = ReceptionEntry.objects.filter(unit=unit)
    count = entries.count()
    times, cpu = [], []
    size = 0
    for i in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        body = exports.write_xlsx(entries, unit, date(2021, 1, 1), date(2025, 12, 31))
        times.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
        size = len(body)
        print(f"run {i + 1}: {times[-1]:.1f} s wall, {cpu[-1]:.1f} s CPU", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"entries: {count}; runs: {runs}; median {statistics.median(times):.1f} s wall "
        f"(min {min(times):.1f}, max {max(times):.1f}), {statistics.median(cpu):.1f} s CPU; "
        f"file {size / 1e6:.1f} MB; peak RSS {peak:.0f} MiB; load {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", default="/tmp/tiepdan-bench-reception.sqlite3")
    args = parser.parse_args()
    setup(args.db)
    began = time.perf_counter()
    generate(args.entries)
    print(f"data ready in {time.perf_counter() - began:.1f} s", flush=True)
    run(args.runs)


if __name__ == "__main__":
    main()
