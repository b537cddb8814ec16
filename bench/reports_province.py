"""Time the province dashboard and the six-month province report at 1,000,000 cases.

Usage (own throw-away database; nothing touches db.sqlite3):

    .venv/bin/python bench/reports_province.py [--cases 1000000] [--runs 5] [--db FILE]
    .venv/bin/python bench/reports_province.py --url postgres://postgres@127.0.0.1:5432/bench_reports

The first run migrates the database, imports every ward of TP. Hồ Chí Minh (province 79) and
generates the cases over five years (kept for later runs). Each timed run computes the province's
month at a glance (figures, ranking by on-time rate, SVG charts) and builds the six-month State
report with its charts as a Word document, as the page's button does.
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
PROVINCE = 79
TODAY = date(2026, 11, 23)
STATUS = {"accept": "accepted", "transfer": "transferred", "guide": "guided", "archive": "archived"}


def setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("TIEPDAN_DEMO", "1")  # the public data key: synthetic data only
    os.environ.setdefault("TIEPDAN_VAR_DIR", "/tmp/bench_reports_var")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def generate(count: int) -> None:
    from tiepdan.cases.models import Case
    from tiepdan.orgunits.models import OrgUnit
    from tiepdan.orgunits.services import import_province

    province, _created = import_province(PROVINCE)
    wards = list(OrgUnit.objects.subtree_of(province).communes().values_list("id", flat=True))
    have = Case.objects.filter(unit_id__in=wards).count()
    if have >= count:
        return
    rng = random.Random(11)
    kinds = ["feedback", "petition", "complaint", "denunciation"]
    decisions = ["accept"] * 6 + ["transfer", "guide", "archive"]
    first = TODAY - timedelta(days=5 * 365)
    batch: list[Case] = []
    started = time.perf_counter()
    for n in range(have, count):
        unit = rng.choice(wards)
        received = first + timedelta(days=rng.randrange(5 * 365))
        due = received + timedelta(days=rng.choice([10, 30, 45, 60]))
        decision = rng.choice(decisions)
        answered = received + timedelta(days=rng.randrange(3, 70)) if decision == "accept" else None
        if answered and answered > TODAY:
            answered = None
        status = "answered" if answered else STATUS[decision]
        batch.append(
            Case(
                unit_id=unit,
                year=received.year,
                number=n + 1,
                tracking_code=f"B{n:011d}",
                channel="in_person",
                kind=rng.choice(kinds),
                subject="Phản ánh",
                content="Nội dung",
                received_on=received,
                due_on=due,
                decision=decision,
                decided_on=received,
                status=status,
                answered_on=answered,
                signer_count=rng.choice([1, 1, 1, 1, 6]),
            )
        )
        if len(batch) == 20_000:
            Case.objects.bulk_create(batch)
            batch.clear()
            print(f"  {n + 1:,} cases ({time.perf_counter() - started:.0f} s)", flush=True)
    if batch:
        Case.objects.bulk_create(batch)


def timed(label: str, fn, runs: int) -> None:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{label}: median {statistics.median(times) * 1000:.0f} ms "
        f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}; {runs} runs; "
        f"peak RSS {rss:.0f} MiB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", default="/tmp/bench_reports.sqlite3")
    parser.add_argument("--url", default="")
    args = parser.parse_args()
    setup(args.url or f"sqlite:///{args.db}")
    generate(args.cases)

    from django.db import connection

    from tiepdan.orgunits.models import OrgUnit
    from tiepdan.reports import dashboard, services
    from tiepdan.reports.export_docx import to_docx

    province = OrgUnit.objects.get(code=str(PROVINCE))
    from tiepdan.cases.models import Case

    print(
        f"{connection.vendor}: {Case.objects.count():,} cases, "
        f"{OrgUnit.objects.subtree_of(province).communes().count()} wards in {province}"
    )
    month = dashboard.month_window("2026-11", TODAY)
    timed(
        "province dashboard (month, ranking, charts)",
        lambda: dashboard.province_month(province, month, TODAY),
        args.runs,
    )
    timed(
        "six-month province report (figures, charts, .docx)",
        lambda: to_docx(services.build(province, "state", "2026-H1", TODAY, lambda _v: None)),
        args.runs,
    )
    ward = OrgUnit.objects.subtree_of(province).communes().order_by("pk").first()
    assert ward is not None
    print(f"one ward: {ward} ({Case.objects.filter(unit=ward).count():,} cases)")
    timed("ward dashboard (month, targets, charts)",
          lambda: dashboard.ward_month(ward, month, TODAY), args.runs)  # fmt: skip
    timed(
        "six-month ward report (figures, charts, .docx)",
        lambda: to_docx(services.build(ward, "state", "2026-H1", TODAY, lambda _v: None)),
        args.runs,
    )


if __name__ == "__main__":
    main()
