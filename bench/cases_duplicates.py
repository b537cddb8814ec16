"""Duplicate suggestions at 1,000,000 cases (SQLite and PostgreSQL), and their precision/recall.

Usage (own throw-away databases; nothing touches db.sqlite3):

    nice -n 10 .venv/bin/python bench/cases_duplicates.py --db /tmp/duplicates/bench.sqlite3
    nice -n 10 .venv/bin/python bench/cases_duplicates.py \
        --url postgres://postgres@127.0.0.1:5432/duplicates_bench
    nice -n 10 .venv/bin/python bench/cases_duplicates.py --quality \
        --db /tmp/duplicates/quality.sqlite3

Latency (default): the first run migrates, imports the wards of TP. Hồ Chí Minh (as
`bench/cases_worklist.py` does) and writes the cases — generated petitions
(`bench/dedupe_corpus.py`) with a field and a place, 10% of them in one busy ward — with their
`DuplicateKey` rows and the `TermCount` table, built the way intake builds them (each case's
keys picked with the frequencies of the cases before it). Then it times `duplicates.suggest` as
intake calls it, for re-sends of existing cases and for new petitions of the busy ward, and
`duplicates.index_case` for new cases, and prints medians, p95, the build time and table sizes.

Quality (`--quality`): 20,000 originals and 1,000 planted re-sends (seed 7, as
`bench/dedupe_eval.py`), written in bulk and indexed in arrival order by `duplicates.rebuild`
(the keys `index_case` stores); each re-send must be suggested its original (first, as "similar
text") by `duplicates.suggest`, and 1,000 originals without a re-send must get no
suggestion. Prints precision, recall and F1 of the whole database-backed path, to compare with
the lib-level figures.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import cases_worklist as worklist  # noqa: E402
from dedupe_corpus import petition, resend  # noqa: E402

TODAY = worklist.TODAY
BATCH = 20_000


def setup(url: str) -> None:
    os.environ["TIEPDAN_VAR_DIR"] = "/tmp/duplicates/var"
    worklist.setup(url)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]


def _subject(text: str) -> str:
    return text.split(". ")[1][:200] if ". " in text else text[:200]


def generate(count: int, deadline: float = float("inf")) -> dict[str, float]:
    """Write `count` cases and their duplicate index; returns the seconds each step took.

    Past `deadline` (a `time.time()`), no new batch is started: the tables then hold the cases
    written so far, consistently (a busy shared machine may not reach `count` in time)."""
    from django.db import connection, transaction

    from tiepdan.cases import services
    from tiepdan.cases.models import Case, DuplicateKey, TermCount
    from tiepdan.cases.services import duplicates
    from tiepdan.lib import similarity
    from tiepdan.orgunits.models import OrgUnit
    from tiepdan.orgunits.services import import_province

    have = Case.objects.count()
    if have >= count:
        return {}
    province, _created = import_province(worklist.PROVINCE)
    wards = list(OrgUnit.objects.subtree_of(province).communes().order_by("id"))
    fields = {w.id: [f.id for f in services.ensure_fields(w)] for w in wards}
    users = worklist._staff(wards)
    rng = random.Random(7)
    case_cols = worklist._columns(Case)
    defaults = {f.column: f.get_default() for f in Case._meta.concrete_fields}
    key_cols = ["key", "province_id", "case_id"]
    weights = [0.10] + [0.90 / (len(wards) - 1)] * (len(wards) - 1)
    numbers: dict[tuple[int, int], int] = {}
    df: Counter[str] = Counter()
    first_day = TODAY - timedelta(days=5 * 365)
    timings = {"cases": 0.0, "index": 0.0}
    started = time.perf_counter()
    done = have
    for start in range(have, count, BATCH):
        if time.time() > deadline:
            print(f"stopped at the deadline: {done:,} cases", flush=True)
            break
        size = min(BATCH, count - start)
        t0 = time.perf_counter()
        rows, texts = [], []
        for unit_id in rng.choices([w.id for w in wards], weights, k=size):
            received = first_day + timedelta(days=rng.randint(0, 5 * 365))
            key = (unit_id, received.year)
            numbers[key] = numbers.get(key, have) + 1
            row = worklist._case_row(rng, unit_id, numbers[key], received, users)
            doc = petition(rng)
            row["subject"], row["content"] = _subject(doc.text), doc.text
            row["field_id"] = rng.choice(fields[unit_id])
            row["location_text"] = doc.sentences[1][:120]
            rows.append(tuple(row.get(c, defaults[c]) for c in case_cols))
            texts.append(duplicates.case_text(row["subject"], row["content"]))
        with transaction.atomic():
            worklist._write(Case._meta.db_table, case_cols, rows)
            ids = list(Case.objects.order_by("-id").values_list("id", flat=True)[:size])[::-1]
        t1 = time.perf_counter()
        keys = []
        for pk, text in zip(ids, texts, strict=True):
            grams = similarity.ngrams(text)
            for k in similarity.candidate_keys(grams, df):
                keys.append((k, province.pk, pk))
            df.update(grams.keys())
        with transaction.atomic():
            worklist._write(DuplicateKey._meta.db_table, key_cols, keys)
        t2 = time.perf_counter()
        timings["cases"] += t1 - t0
        timings["index"] += t2 - t1
        done = start + size
        print(f"  {done:>9,} cases ({(done - have) / (t2 - started):,.0f}/s)", flush=True)
    t0 = time.perf_counter()
    terms = [(similarity.key_hash(t), n) for t, n in df.items()]
    terms.append((duplicates.DOCUMENTS_KEY, done))
    del df
    with transaction.atomic():
        for i in range(0, len(terms), 500_000):
            worklist._write(TermCount._meta.db_table, ["key", "df"], terms[i : i + 500_000])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    timings["terms"] = time.perf_counter() - t0
    print(f"built in {time.perf_counter() - started:.0f} s: {timings}", flush=True)
    return timings


def copy_from(url: str) -> float:
    """Fill this (SQLite) database from a PostgreSQL one built by `generate`: the same cases,
    keys and counts, without n-gramming a million texts twice. Returns the seconds taken."""
    import psycopg
    from django.db import connection, transaction

    from tiepdan.cases.models import Case, DuplicateKey, Field, TermCount
    from tiepdan.orgunits.models import OrgUnit

    if Case.objects.exists():
        return 0.0
    started = time.perf_counter()
    # People are not copied: the columns naming them are left empty.
    empty = {"assignee_id", "assignee_department_id", "created_by_id", "resolver_id",
             "default_department_id", "default_assignee_id", "reception_entry_id"}  # fmt: skip
    source = psycopg.connect(url.replace("postgres://", "postgresql://"))
    # One snapshot for every table: keys of cases written meanwhile are not copied.
    source.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
    for model in (OrgUnit, Field, Case, DuplicateKey, TermCount):
        table = model._meta.db_table
        columns = [f.column for f in model._meta.concrete_fields]
        select = ", ".join("NULL" if c in empty else c for c in columns)
        marks = ", ".join(["%s"] * len(columns))
        insert = f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        with source.cursor(name=f"copy_{table}") as rows:
            rows.itersize = 50_000
            rows.execute(f"SELECT {select} FROM {table} ORDER BY 1")  # noqa: S608 - model names
            while batch := rows.fetchmany(50_000):
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.executemany(insert, batch)
        print(f"  copied {table} ({time.perf_counter() - started:.0f} s)", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - started


def sizes() -> dict[str, str]:
    from django.db import connection

    from tiepdan.cases.models import Case, DuplicateKey, TermCount

    out = {}
    with connection.cursor() as cursor:
        for model in (Case, DuplicateKey, TermCount):
            table = model._meta.db_table
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT pg_total_relation_size(%s), pg_relation_size(%s)", [table] * 2
                )
                total, heap = cursor.fetchone()
                out[table] = f"{total / 2**20:,.0f} MiB (table {heap / 2**20:,.0f} MiB)"
            else:
                try:
                    cursor.execute(
                        "SELECT sum(pgsize) FROM dbstat WHERE name = %s OR tbl_name = %s",
                        [table, table],
                    )
                    out[table] = f"{(cursor.fetchone()[0] or 0) / 2**20:,.0f} MiB with indexes"
                except Exception:  # noqa: BLE001 - dbstat is an optional SQLite module
                    out[table] = "n/a (no dbstat)"
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - model table name
            out[table] += f", {cursor.fetchone()[0]:,} rows"
    return out


def measure(runs: int) -> None:
    from django.db import transaction

    from tiepdan.cases import services
    from tiepdan.cases.models import Case, Field, TermCount
    from tiepdan.cases.services import duplicates
    from tiepdan.cases.services.duplicates import Draft
    from tiepdan.orgunits.models import OrgUnit

    ward = OrgUnit.objects.communes().filter(path__startswith="/").order_by("id").first()
    assert ward is not None
    province = duplicates.province_of(ward)
    fields = list(Field.objects.filter(unit=ward).values_list("id", flat=True))
    rng = random.Random(3)
    ids = list(Case.objects.filter(unit=ward).values_list("id", flat=True)[:20_000])
    print(
        f"\n{Case.objects.count():,} cases; {duplicates.document_count():,} indexed; "
        f"{TermCount.objects.count():,} n-gram counts; busy ward {len(ids):,} cases"
    )
    for label, drafts in (
        ("re-send of an existing case", "resend"),
        ("new petition", "new"),
    ):
        times, found, first = [], 0, 0
        for _ in range(runs):
            if drafts == "resend":
                source = Case.objects.get(pk=rng.choice(ids))
                words = source.content.split(". ")
                from dedupe_corpus import Petition

                text, _edits = resend(rng, Petition(source.content, words))
                subject, location, field_id = source.subject, source.location_text, source.field_id
            else:
                doc = petition(rng)
                text, subject = doc.text, _subject(doc.text)
                location, field_id, source = doc.sentences[1][:120], rng.choice(fields), None
            draft = Draft(
                unit_id=ward.pk,
                province_id=province,
                subject=subject,
                content=text,
                field_id=field_id,
                location_text=location,
                received_on=TODAY,
            )
            t0 = time.perf_counter()
            suggestions = duplicates.suggest(draft)
            times.append((time.perf_counter() - t0) * 1000)
            found += bool(suggestions)
            if source is not None and suggestions and suggestions[0].case.pk == source.pk:
                first += 1
        print(
            f"suggest, {label:<30} median {statistics.median(times):6.1f} ms  "
            f"p95 {p95(times):6.1f} ms  with suggestions {found}/{runs}"
            + (f", source first {first}/{runs}" if drafts == "resend" else ""),
            flush=True,
        )
    from django.db.models import Max

    from tiepdan.cases.models import RegistrationCounter

    last = Case.objects.filter(unit=ward, year=TODAY.year).aggregate(n=Max("number"))["n"] or 0
    RegistrationCounter.objects.update_or_create(
        unit=ward, year=TODAY.year, defaults={"last": last}
    )
    times = []
    for _ in range(min(runs, 50)):
        doc = petition(rng)
        intake = services.Intake(
            channel=Case.Channel.ONLINE,
            kind=Case.Kind.FEEDBACK,
            subject=_subject(doc.text),
            content=doc.text,
            received_on=TODAY,
        )
        with transaction.atomic():  # index_case after the commit, timed on its own
            case = services.receive_case(intake, unit=ward, actor=None, today=TODAY)
        case.refresh_from_db()
        from tiepdan.cases.models import DuplicateKey

        DuplicateKey.objects.filter(case=case).delete()  # if intake's callback ran
        t0 = time.perf_counter()
        duplicates.index_case(case)
        times.append((time.perf_counter() - t0) * 1000)
    print(
        f"index_case (a new case)                  median {statistics.median(times):6.1f} ms  "
        f"p95 {p95(times):6.1f} ms"
    )
    for table, size in sizes().items():
        print(f"  {table}: {size}")


def quality(originals: int, planted: int, queries: int, seed: int) -> None:
    from tiepdan.cases.models import Case
    from tiepdan.cases.services import duplicates
    from tiepdan.cases.services.duplicates import Draft, Reason
    from tiepdan.orgunits.services import ensure_ward

    ward = ensure_ward(26743)
    rng = random.Random(seed)
    docs = [petition(rng) for _ in range(originals)]
    texts = [p.text for p in docs]
    sources = rng.sample(range(originals), planted)
    truth: dict[int, tuple[int, list[str]]] = {}
    for src in sources:
        text, edits = resend(rng, docs[src])
        truth[len(texts)] = (src, edits)
        texts.append(text)
    if Case.objects.filter(unit=ward).count() < len(texts):
        # Written in bulk, then indexed in arrival order by `duplicates.rebuild` (the keys
        # `index_case` would store one by one): intake itself is timed by the latency run.
        started = time.perf_counter()
        Case.objects.filter(unit=ward).delete()
        Case.objects.bulk_create(
            [
                Case(
                    unit=ward,
                    year=TODAY.year,
                    number=i + 1,
                    channel=Case.Channel.ONLINE,
                    kind=Case.Kind.FEEDBACK,
                    subject=_subject(text),
                    content=text,
                    received_on=TODAY,
                )
                for i, text in enumerate(texts)
            ],
            batch_size=2000,
        )
        cases = Case.objects.filter(unit=ward).order_by("id").select_related("unit")
        made = duplicates.rebuild(cases)
        print(f"wrote and indexed {made:,} cases in {time.perf_counter() - started:.0f} s")
    pks = list(Case.objects.filter(unit=ward).order_by("id").values_list("id", flat=True))
    neg_rng = random.Random(seed + 1)
    negatives = neg_rng.sample([i for i in range(originals) if i not in set(sources)], queries)
    tp = fp = 0
    times = []
    by_edit: Counter[str] = Counter()
    per_edit: Counter[str] = Counter()
    for doc in [*list(truth)[:queries], *negatives]:
        case = Case.objects.select_related("unit").get(pk=pks[doc])
        draft = Draft.of(case)
        t0 = time.perf_counter()
        found = [s for s in duplicates.suggest(draft) if Reason.SIMILAR_TEXT in s.reasons]
        times.append((time.perf_counter() - t0) * 1000)
        src, edits = truth.get(doc, (None, []))
        for edit in edits:
            per_edit[edit] += 1
        if not found:
            continue
        if src is not None and found[0].case.pk == pks[src]:
            tp += 1
            for edit in edits:
                by_edit[edit] += 1
        else:
            fp += 1
    positives = min(queries, planted)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / positives
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"{originals:,} originals + {planted:,} re-sends (seed {seed}); {positives} positive "
        f"and {queries} negative queries"
    )
    print(
        f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  "
        f"(suggest median {statistics.median(times):.1f} ms, p95 {p95(times):.1f} ms)"
    )
    print("recall by edit: " + ", ".join(f"{e} {by_edit[e] / per_edit[e]:.3f}" for e in per_edit))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--db", default="/tmp/duplicates/bench.sqlite3")
    parser.add_argument("--url", default="")
    parser.add_argument("--until", default="", help="UTC HH:MM: start no batch after it")
    parser.add_argument("--copy-from", default="", help="a PostgreSQL URL built by this script")
    parser.add_argument("--quality", action="store_true", help="precision and recall instead")
    parser.add_argument("--originals", type=int, default=20_000)
    parser.add_argument("--planted", type=int, default=1_000)
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    setup(args.url or f"sqlite:///{args.db}")
    print(f"load: {os.getloadavg()}", flush=True)
    if args.quality:
        quality(args.originals, args.planted, args.queries, args.seed)
    elif args.copy_from:
        print(f"copied in {copy_from(args.copy_from):.0f} s", flush=True)
        measure(args.runs)
    else:
        deadline = float("inf")
        if args.until:
            from datetime import UTC, datetime

            hour, minute = map(int, args.until.split(":"))
            now = datetime.now(UTC)
            deadline = now.replace(hour=hour, minute=minute, second=0).timestamp()
        generate(args.cases, deadline)
        measure(args.runs)
    print(f"load: {os.getloadavg()}", flush=True)


if __name__ == "__main__":
    main()
