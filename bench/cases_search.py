"""Time the case search at 1,000,000 cases on SQLite and PostgreSQL.

Usage (own throw-away database; nothing touches db.sqlite3):

    nice -n 10 .venv/bin/python bench/cases_search.py [--cases 1000000] [--runs 20] [--db FILE]
    nice -n 10 .venv/bin/python bench/cases_search.py --url postgres://postgres@127.0.0.1:5432/search_bench

The first run migrates, imports the 168 wards of TP. Hồ Chí Minh and generates the cases
(`generate`, importable: `from bench.cases_search import generate`): the first ward holds 10% of
them, the texts are whole petitions from `bench/dedupe_corpus.py` (a citizen's name and address,
one of 32 problems at a place and time), each case has its sender as a linked citizen, and 10%
are denunciations. The index is built once after the load and its build time and size printed.
Then, as an officer of the busy ward and as the province reader, it times `search()` and the
staff case list with `?q=` for a common phrase, a rare word, a citizen's name, a registration
number, a tracking code and a query without hits: the first page and the next keyset page.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import dedupe_corpus  # noqa: E402
from bench.cases_worklist import (  # noqa: E402
    TODAY,
    _case_row,
    _columns,
    _defaults,
    _staff,
    _write,
    setup,
)

_SENDER = re.compile(r"(?:tên là|Tôi là|Tôi tên|đây là) ([^,]+),")
#: A sentence planted in one case in 10,000: the rare words ("cot dien") of the benchmark.
RARE = "Cột điện trước nhà bị nghiêng sát mái tôn."
RARE_SHARE = 1e-4
_KINDS = {
    "feedback": "Phản ánh",
    "petition": "Kiến nghị",
    "complaint": "Khiếu nại",
    "denunciation": "Tố cáo",
}


def _issue(text: str) -> str:
    for issue, detail in dedupe_corpus.ISSUES:
        if issue in text or detail in text:
            return issue
    return dedupe_corpus.ISSUES[0][0]


def generate(count: int, *, seed: int = 7, log: Callable[[str], None] = print) -> dict:
    """Fill the database with `count` cases (and their senders) unless it has them; build the
    search index after the load. Returns the build figures (seconds) of this run."""
    from django.db import connection, transaction

    from tiepdan.cases.models import Case, CaseCitizen
    from tiepdan.citizens.models import Citizen
    from tiepdan.lib.text import fold
    from tiepdan.orgunits.models import OrgUnit
    from tiepdan.orgunits.services import import_province

    province, _created = import_province(79)
    wards = list(OrgUnit.objects.subtree_of(province).communes().order_by("id"))
    users = _staff(wards)
    have = Case.objects.count()
    if have >= count:
        return {}
    rng = random.Random(seed)
    case_cols, case_defaults = _columns(Case), _defaults(Case)
    citizen_cols, citizen_defaults = _columns(Citizen), _defaults(Citizen)
    weights = [0.10] + [0.90 / (len(wards) - 1)] * (len(wards) - 1)
    numbers: dict[tuple[int, int], int] = {}
    folded: dict[str, str] = {}
    first_day = TODAY - timedelta(days=5 * 365)
    _index_off(connection)
    started, batch = time.perf_counter(), 50_000
    for start in range(have, count, batch):
        size = min(batch, count - start)
        cases, citizens = [], []
        for unit_id in rng.choices([w.id for w in wards], weights, k=size):
            received = first_day + timedelta(days=rng.randint(0, 5 * 365))
            key = (unit_id, received.year)
            numbers.setdefault(key, have)
            numbers[key] += 1
            row = _case_row(rng, unit_id, numbers[key], received, users)
            text = dedupe_corpus.petition(rng).text
            sender = _SENDER.search(text)
            name = sender.group(1) if sender else dedupe_corpus._name(rng)
            row["subject"] = f"{_KINDS[row['kind']]} về {_issue(text)}"
            if rng.random() < RARE_SHARE:
                text += " " + RARE
            row["content"] = text
            row["search_names"] = name
            cases.append(tuple(row.get(c, case_defaults[c]) for c in case_cols))
            person = {
                **citizen_defaults,
                "full_name": name,
                "name_key": folded.get(name) or folded.setdefault(name, fold(name)),
                "id_kind": "none",
                "created_at": row["created_at"],
            }
            citizens.append(tuple(person[c] for c in citizen_cols))
        with transaction.atomic():
            _write(Case._meta.db_table, case_cols, cases)
            case_ids = list(Case.objects.order_by("-id").values_list("id", flat=True)[:size])
            _write(Citizen._meta.db_table, citizen_cols, citizens)
            citizen_ids = list(Citizen.objects.order_by("-id").values_list("id", flat=True)[:size])
            links = [
                (case_id, citizen_id, "submitter")
                for case_id, citizen_id in zip(sorted(case_ids), sorted(citizen_ids), strict=True)
            ]
            _write(CaseCitizen._meta.db_table, ["case_id", "citizen_id", "role"], links)
        done = start + size
        log(f"  {done:>9,} cases ({(done - have) / (time.perf_counter() - started):,.0f}/s)")
    figures = {"load_s": time.perf_counter() - started}
    t0 = time.perf_counter()
    _index_on(connection)
    figures["index_s"] = time.perf_counter() - t0
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log(f"loaded in {figures['load_s']:.0f} s; index built in {figures['index_s']:.1f} s")
    return figures


def _index_off(connection) -> None:  # type: ignore[no-untyped-def]
    """Load without the search index (built once afterwards, which is what is timed)."""
    from tiepdan.cases.search import index as search_index

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP INDEX IF EXISTS cases_case_search")
            cursor.execute("ALTER TABLE cases_casecitizen DISABLE TRIGGER cases_casecitizen_names")
        else:
            search_index.drop_sqlite_name_triggers(connection)
            for name in search_index._CASE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def _index_on(connection) -> None:  # type: ignore[no-untyped-def]
    from tiepdan.cases.search import index as search_index

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("CREATE INDEX cases_case_search ON cases_case USING gin (search_vector)")
            cursor.execute("ALTER TABLE cases_casecitizen ENABLE TRIGGER cases_casecitizen_names")
        else:
            search_index.ensure_sqlite_index(connection)


def index_size() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_relation_size('cases_case_search'), pg_total_relation_size('cases_case')"
            )
            gin, table = cursor.fetchone()
            return f"GIN {gin / 2**20:.0f} MiB; cases table with the vector {table / 2**20:.0f} MiB"
        cursor.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'cases_case_fts%'"
            if _has_dbstat(cursor)
            else "SELECT sum(length(block)) FROM cases_case_fts_data"
        )
        fts = cursor.fetchone()[0] or 0
        return f"FTS5 {fts / 2**20:.0f} MiB"


def _has_dbstat(cursor) -> bool:  # type: ignore[no-untyped-def]
    try:
        cursor.execute("SELECT 1 FROM dbstat LIMIT 1")
    except Exception:
        return False
    return True


def _times(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    fn()  # warm
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * len(times)) - 1)]


def queries(officer) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from tiepdan.cases.models import Case, format_code

    mine = Case.objects.filter(unit_id=officer.unit_id).order_by("-id")
    case = mine.filter(kind="feedback").first()
    assert case is not None, "generate() first"
    return [
        ("common phrase", "dat dai"),
        ("rare phrase", "cot dien"),
        ("citizen name", case.search_names),
        ("registration number", f"{case.number}/{case.year}"),
        ("tracking code", format_code(case.tracking_code)),
        ("no hits", "xyzzy khong co"),
    ]


PLAIN_STATIC = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def measure(runs: int) -> None:
    from django.db import connection
    from django.test.utils import override_settings

    from tiepdan.accounts.models import User
    from tiepdan.cases.models import Case

    # No collectstatic for a benchmark: plain static URLs.
    override_settings(STORAGES=PLAIN_STATIC).enable()
    officer = User.objects.get(username="bench0_0")
    reader = User.objects.get(username="bench_province")
    in_ward = Case.objects.filter(unit_id=officer.unit_id).count()
    print(f"\n{connection.vendor}: {Case.objects.count():,} cases; the ward has {in_ward:,}")
    print(index_size())
    print(
        f"{'query':<40} {'who':<9} {'hits':>6} {'p1 med':>7} {'p1 p95':>7} "
        f"{'p2 med':>7} {'p2 p95':>7} {'list page':>9}"
    )
    for who, user in (("ward", officer), ("province", reader)):
        for label, text in [("(list page without a search)", ""), *queries(officer)]:
            print(_row(user, who, label, text, runs), flush=True)


def _row(user, who: str, label: str, text: str, runs: int) -> str:  # type: ignore[no-untyped-def]
    from django.test import Client

    from tiepdan.cases.search import fulltext as search

    client = Client(HTTP_HOST="localhost")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    page, _p95 = _times(lambda: client.get("/don-thu/", {"view": "all", "q": text}), runs)
    if not text:
        return f"{label:<40} {who:<9} {'':>38} {page:>9.1f}"
    first = search.search(user, text)
    hits = search.matching(user, text).order_by()[:1001].count()
    med1, p95_1 = _times(lambda: search.search(user, text).cases, runs)
    med2 = p95_2 = float("nan")
    if cursor := first.next_cursor:
        med2, p95_2 = _times(lambda: search.search(user, text, cursor=cursor).cases, runs)
    return (
        f"{label + ' (' + text[:18] + ')':<40} {who:<9} {hits if hits <= 1000 else '>1000':>6} "
        f"{med1:>7.1f} {p95_1:>7.1f} {med2:>7.1f} {p95_2:>7.1f} {page:>9.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--db", default="/tmp/search/cases_search.sqlite3")
    parser.add_argument("--url", default="")
    parser.add_argument("--no-measure", action="store_true", help="only generate")
    args = parser.parse_args()
    setup(args.url or f"sqlite:///{args.db}")
    generate(args.cases)
    if not args.no_measure:
        measure(args.runs)


if __name__ == "__main__":
    main()
