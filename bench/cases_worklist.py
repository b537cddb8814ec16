"""Time the officer's work list and the case page at 1,000,000 cases (SQLite and PostgreSQL).

Usage (own throw-away database; nothing touches db.sqlite3):

    .venv/bin/python bench/cases_worklist.py [--cases 1000000] [--runs 30] [--db FILE]
    .venv/bin/python bench/cases_worklist.py --url postgres://postgres@127.0.0.1:5432/bench_cases

The first run migrates, imports every ward of TP. Hồ Chí Minh (province 79, 168 wards) and
generates the cases over five years with two timeline events each (rows written with COPY on
PostgreSQL, executemany on SQLite; kept for later runs). Then it requests, through Django's test
client as a signed-in officer of the busiest ward and as the province reader, the pages an
officer opens all day — each work list, filtered, sorted by due date and newest first, the next
keyset page — and random case pages, then the JSON API's polling query (`updated_since`, last
changed last, and the page after its cursor), and prints the median and p95 of each.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.db.models import Model

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PROVINCE = 79
TODAY = date(2026, 11, 23)
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("TIEPDAN_DEMO", "1")  # the public data key: synthetic data only
    os.environ.setdefault("TIEPDAN_VAR_DIR", "/tmp/bench_cases_var")
    os.environ["TIEPDAN_REQUIRE_2FA"] = "0"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)


def _columns(model: type[Model]) -> list[str]:
    return [str(f.column) for f in model._meta.concrete_fields if f.column != "id"]


def _defaults(model: type[Model]) -> dict[str, object]:
    """Each column's model default: the rows below name only what the benchmark varies."""
    values = {str(f.column): f.get_default() for f in model._meta.concrete_fields}
    return {k: json.dumps(v) if isinstance(v, dict | list) else v for k, v in values.items()}


def _case_row(rng: random.Random, unit_id: int, number: int, received: date, users: dict) -> dict:
    kind = rng.choice(["feedback"] * 4 + ["petition"] * 3 + ["complaint"] * 2 + ["denunciation"])
    age = (TODAY - received).days
    if age > 120:
        status = rng.choice(["closed"] * 6 + ["answered", "transferred", "guided", "archived"])
    else:
        status = rng.choice(
            [
                "received",
                "classified",
                "accepted",
                "in_progress",
                "in_progress",
                "answered",
                "suspended",
                "reopened",
            ]
        )
    due = received + timedelta(days=rng.choice([14, 14, 30, 45]))
    running = status in (
        "received",
        "classified",
        "accepted",
        "in_progress",
        "reopened",
        "suspended",
    )
    assignee = rng.choice(users.get(unit_id, [None])) if running and rng.random() < 0.7 else None
    code = "".join(rng.choice(ALPHABET) for _ in range(12))
    return {
        "unit_id": unit_id,
        "year": received.year,
        "number": number,
        "tracking_code": code,
        "channel": rng.choice(["in_person", "online", "mail", "phone", "forwarded"]),
        "source": "",
        "source_name": "",
        "kind": kind,
        "field_id": None,
        "subject": f"Phản ánh số {number} về {rng.choice(SUBJECTS)}",
        "content": "Kính gửi Ủy ban nhân dân phường. " + rng.choice(SUBJECTS) * 3,
        "location_text": "",
        "latitude": None,
        "longitude": None,
        "received_on": received,
        "incoming_number": "",
        "signer_count": 1,
        "is_anonymous": False,
        "has_evidence": False,
        "accused_is_party_member": False,
        "party_rule_breach": False,
        "is_remote_area": False,
        "is_complex": False,
        "complex_reason": "",
        "is_admissible": True,
        "inadmissible_reason": "",
        "is_competent": True,
        "status": status,
        "stage": "handling",
        "decision": "",
        "decided_on": None,
        "decision_target": "",
        "decision_number": "",
        "decision_note": "",
        "transfer_count": 0,
        "notify_due_on": due,
        "notified_on": None,
        "due_on": due,
        "due_period": "feedback_answer",
        "extensions": 0,
        "suspended_on": None,
        "remaining_days": None,
        "assignee_department_id": None,
        "assignee_id": assignee,
        "answered_on": None,
        "closed_on": None,
        "reopen_count": 0,
        "rating": None,
        "rating_comment": "",
        "reminded_for": None,
        "escalated_for": None,
        "reception_entry_id": None,
        "idempotency_key": None,
        "created_at": datetime.combine(received, datetime.min.time(), tzinfo=UTC),
        # The time of the second (last) event below.
        "updated_at": datetime.combine(received, datetime.min.time(), tzinfo=UTC)
        + timedelta(days=1),
        "created_by_id": None,
    }


SUBJECTS = [
    "ngập nước sau mưa",
    "lấn chiếm vỉa hè",
    "tiếng ồn karaoke",
    "rác thải tồn đọng",
    "xây dựng sai phép",
    "tranh chấp ranh giới đất",
    "đèn đường hỏng",
    "trợ cấp xã hội",
]


def _write(table: str, columns: list[str], rows: list[tuple]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor
            with raw.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def generate(count: int) -> None:
    from django.db import connection, transaction

    from tiepdan.accounts.models import User
    from tiepdan.cases.models import Case, CaseEvent, RegistrationCounter
    from tiepdan.orgunits.models import OrgUnit
    from tiepdan.orgunits.services import import_province

    province, _created = import_province(PROVINCE)
    wards = list(OrgUnit.objects.subtree_of(province).communes().order_by("id"))
    users = _staff(wards)
    have = Case.objects.count()
    if have >= count:
        return
    rng = random.Random(7)
    case_cols, event_cols = _columns(Case), _columns(CaseEvent)
    case_defaults = _defaults(Case)
    # The first ward is the busy one (10% of all cases), the rest share the remainder.
    weights = [0.10] + [0.90 / (len(wards) - 1)] * (len(wards) - 1)
    numbers: dict[tuple[int, int], int] = {}
    started, batch = time.perf_counter(), 50_000
    first_day = TODAY - timedelta(days=5 * 365)
    for start in range(have, count, batch):
        size = min(batch, count - start)
        units = rng.choices([w.id for w in wards], weights, k=size)
        rows = []
        for unit_id in units:
            received = first_day + timedelta(days=rng.randint(0, 5 * 365))
            key = (unit_id, received.year)
            numbers.setdefault(key, have)  # above any number an earlier run gave
            numbers[key] += 1
            row = _case_row(rng, unit_id, numbers[key], received, users)
            rows.append(tuple(row.get(c, case_defaults[c]) for c in case_cols))
        with transaction.atomic():
            _write(Case._meta.db_table, case_cols, rows)
            ids = list(
                Case.objects.order_by("-id").values_list("id", "received_on", "status")[:size]
            )
            events = []
            for pk, received, _status in ids:
                at = datetime.combine(received, datetime.min.time(), tzinfo=UTC)
                events.append(_event(pk, "received", "", "received", at, event_cols))
                events.append(
                    _event(
                        pk,
                        "classified",
                        "received",
                        "classified",
                        at + timedelta(days=1),
                        event_cols,
                    )
                )
            _write(CaseEvent._meta.db_table, event_cols, events)
        done = start + size
        rate = (done - have) / (time.perf_counter() - started)
        print(f"  {done:>9,} cases ({rate:,.0f}/s)", flush=True)
    RegistrationCounter.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"generated in {time.perf_counter() - started:.0f} s; users {User.objects.count()}")


def _event(pk: int, kind: str, src: str, dst: str, at: datetime, cols: list[str]) -> tuple:
    values = {
        "case_id": pk,
        "actor_id": None,
        "kind": kind,
        "from_status": src,
        "to_status": dst,
        "text": "",
        "is_public": kind == "received",
        "data": json.dumps({}),
        "at": at,
    }
    return tuple(values[c] for c in cols)


def _staff(wards: list) -> dict[int, list[int]]:
    from django.contrib.auth.models import Group

    from tiepdan.accounts import roles
    from tiepdan.accounts.models import User

    users: dict[int, list[int]] = {}
    officer_group = Group.objects.get(name=roles.RECEPTION_OFFICER)
    handler_group = Group.objects.get(name=roles.HANDLING_OFFICER)
    for i, ward in enumerate(wards[:20]):
        names = [f"bench{i}_{n}" for n in range(3)]
        for name in names:
            user, created = User.objects.get_or_create(username=name, defaults={"unit": ward})
            if created:
                user.groups.add(officer_group, handler_group)
        users[ward.id] = list(User.objects.filter(unit=ward).values_list("id", flat=True))
    reader, created = User.objects.get_or_create(
        username="bench_province", defaults={"unit": wards[0].parent}
    )
    if created:
        reader.groups.add(Group.objects.get(name=roles.HIGHER_LEVEL))
    return users


def timed(client, url: str, runs: int) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    times, status = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        status = response.status_code
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    return statistics.median(times), p95, status


def measure(runs: int, *, poll_only: bool = False) -> None:
    from django.test import Client

    from tiepdan.accounts.models import User
    from tiepdan.cases.models import Case

    officer = User.objects.get(username="bench0_0")
    reader = User.objects.get(username="bench_province")
    rng = random.Random(3)
    busy = officer.unit_id
    in_ward = Case.objects.filter(unit_id=busy).count()
    print(f"\n{Case.objects.count():,} cases; the officer's ward has {in_ward:,}")
    client = Client(HTTP_HOST="localhost")
    client.force_login(officer, backend="django.contrib.auth.backends.ModelBackend")
    province = Client(HTTP_HOST="localhost")
    province.force_login(reader, backend="django.contrib.auth.backends.ModelBackend")
    print(f"{'page':<42} {'median ms':>10} {'p95 ms':>8}  status")
    if poll_only:
        poll(client, province, runs)
        return
    page_two = _second_page(client, "/don-thu/?view=all&sort=due")
    urls = [
        ("work list: mine (by due date)", "/don-thu/?view=mine"),
        ("work list: unassigned", "/don-thu/?view=unassigned"),
        ("work list: due this week", "/don-thu/?view=week"),
        ("work list: overdue", "/don-thu/?view=overdue"),
        ("work list: all, newest first", "/don-thu/?view=all"),
        ("work list: all, by due date, page 2", page_two),
        (
            "work list: complaints, online, 2026",
            "/don-thu/?view=all&kind=complaint&channel=online"
            "&received_from=2026-01-01&received_to=2026-12-31",
        ),
    ]
    for label, url in urls:
        median, p95, status = timed(client, url, runs)
        print(f"{label:<42} {median:>10.1f} {p95:>8.1f}  {status}")
    ids = list(Case.objects.filter(unit_id=busy).values_list("id", flat=True)[:5000])
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        assert client.get(f"/don-thu/{rng.choice(ids)}/").status_code == 200
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    print(f"{'case page (random case)':<42} {statistics.median(times):>10.1f} {p95:>8.1f}  200")
    median, p95, status = timed(province, "/don-thu/?view=all", runs)
    print(f"{'province reader: all wards, newest first':<42} {median:>10.1f} {p95:>8.1f}  {status}")
    poll(client, province, runs)


def poll(officer, province, runs: int) -> None:  # type: ignore[no-untyped-def]
    """The integration's poll: cases changed since a moment, oldest change first, 100 a page.

    Each is timed as a whole API request and as its database query alone (the work list's
    keyset page), whose plan is printed: the request adds the session, the rate limit's cache
    and the JSON."""
    month = "2026-10-23T00:00:00Z"
    latest = "2026-11-23T00:00:00Z"
    for label, client, since in (
        ("API poll: ward, changed in the last month", officer, month),
        ("API poll: ward, changed today (few rows)", officer, latest),
        ("API poll: province, last month", province, month),
        ("API poll: province, changed today", province, latest),
    ):
        url = f"/api/v1/cases?updated_since={since}&limit=100"
        median, p95, status = timed(client, url, runs)
        print(f"{label:<42} {median:>10.1f} {p95:>8.1f}  {status}")
        cursor = client.get(url).json().get("next_cursor")
        if cursor:
            median, p95, status = timed(client, f"{url}&cursor={cursor}", runs)
            print(f"{'  … its next page':<42} {median:>10.1f} {p95:>8.1f}  {status}")
        user = client.session.get("_auth_user_id")
        for page_label, after in (("  query alone", ""), ("  query alone, next page", cursor)):
            if after is None:
                continue
            median, p95, plan = _poll_query(int(user), since, after or "", runs)
            print(f"{page_label:<42} {median:>10.1f} {p95:>8.1f}  {plan}")


def _poll_query(user_id: int, since: str, cursor: str, runs: int) -> tuple[float, float, str]:
    from django.db import connection

    from tiepdan.accounts.models import User
    from tiepdan.cases.search import worklist

    user = User.objects.get(pk=user_id)
    cases = worklist.base("all", user, TODAY).filter(updated_at__gte=since)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        worklist.page(cases, sort="updated", cursor=cursor, size=100)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    with connection.cursor() as db:
        explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
        db.execute(explain + _last_page_sql(cases, cursor))
        rows = [" ".join(str(part) for part in row) for row in db.fetchall()]
    indexes = sorted({w for row in rows for w in row.replace("(", " ").split() if "case_" in w})
    return statistics.median(times), p95, "plan: " + (", ".join(indexes) or rows[0][:60])


def _last_page_sql(cases, cursor: str) -> str:  # type: ignore[no-untyped-def]
    """The SQL of the keyset page, as the work list runs it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tiepdan.cases.search import worklist

    with CaptureQueriesContext(connection) as queries:
        worklist.page(cases, sort="updated", cursor=cursor, size=100)
    return queries[-1]["sql"]


def _second_page(client, url: str) -> str:  # type: ignore[no-untyped-def]
    import re

    html = client.get(url).content.decode()
    match = re.search(r"after=([0-9-]+_[0-9]+)", html)
    return f"{url}&after={match.group(1)}" if match else url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--db", default="/tmp/bench_cases.sqlite3")
    parser.add_argument("--url", default="")
    parser.add_argument("--poll-only", action="store_true", help="only the API's polling query")
    args = parser.parse_args()
    url = args.url or f"sqlite:///{args.db}"
    setup(url)
    generate(args.cases)
    measure(args.runs, poll_only=args.poll_only)


if __name__ == "__main__":
    main()
