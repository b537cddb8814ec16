"""Precision, recall and latency of tiepdan.lib.similarity on a labelled set of petitions.

Usage:

    .venv/bin/python bench/dedupe_eval.py [--originals 20000] [--planted 1000] [--seed 7]

Builds `--originals` synthetic petitions plus `--planted` re-sends with edits
(bench/dedupe_corpus.py), keeps the document frequencies and each document's candidate keys in
an SQLite table as the application would (table `dedupe_key(key, doc)` indexed on key), then
asks for duplicates of every planted re-send (each must find its original) and of as many
originals without a re-send (each must find nothing). A query's own row is excluded. A false
positive is a wrong top match or a negative above the threshold. Prints tables in the layout
of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import platform
import random
import sqlite3
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from dedupe_corpus import EDITS, petition, resend  # noqa: E402

from tiepdan.lib import similarity as sim  # noqa: E402

COSINES = (0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.70)
RATIOS = (90.0, 92.0, 93.0, 95.0, 97.0)
HYBRID_BASES = (0.50, 0.55, 0.60)
QUERY_KEYS = sim.QUERY_KEYS
CANDIDATES = sim.CANDIDATE_LIMIT


class WithoutSelf(Mapping[str, int]):
    """The document-frequency table as it was before the query document was added."""

    def __init__(self, df: Mapping[str, int], own: Mapping[str, int]) -> None:
        self.df, self.own = df, own

    def __getitem__(self, term: str) -> int:
        return self.df[term] - (1 if term in self.own else 0)

    def get(self, term: str, default: int = 0) -> int:  # type: ignore[override]
        return self.df.get(term, default) - (1 if term in self.own else 0)

    def __iter__(self) -> Iterator[str]:
        return iter(self.df)

    def __len__(self) -> int:
        return len(self.df)


@dataclass
class Result:
    truth: int | None  # the original's id for a planted re-send, None for a negative
    edits: list[str]
    matches: list[sim.Match[int]]
    in_shortlist: bool
    seconds: float = 0.0
    extra: dict[str, float] = field(default_factory=dict)


def build(originals: int, planted: int, seed: int) -> tuple[list[str], dict[int, tuple]]:
    rng = random.Random(seed)
    docs = [petition(rng) for _ in range(originals)]
    texts = [p.text for p in docs]
    sources = rng.sample(range(originals), planted)
    truth: dict[int, tuple] = {}
    for src in sources:
        text, edits = resend(rng, docs[src])
        truth[len(texts)] = (src, edits)
        texts.append(text)
    return texts, truth


def index(texts: list[str], at_save: bool = False) -> tuple[sqlite3.Connection, Counter]:
    """Store every document's keys: picked with the final frequencies, or (`at_save`) with
    those of the documents saved before it, in order (re-sends come after the originals)."""
    df: Counter[str] = Counter()
    if not at_save:
        for text in texts:
            df.update(sim.ngrams(text).keys())
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE doc (id INTEGER PRIMARY KEY, body TEXT)")
    db.execute("CREATE TABLE dedupe_key (key INTEGER, doc INTEGER)")
    db.executemany("INSERT INTO doc VALUES (?, ?)", enumerate(texts))
    for i, text in enumerate(texts):
        g = sim.ngrams(text)
        keys = sim.candidate_keys(g, df if at_save else WithoutSelf(df, g))
        if at_save:
            df.update(g.keys())
        db.executemany("INSERT INTO dedupe_key VALUES (?, ?)", ((k, i) for k in keys))
    db.execute("CREATE INDEX dedupe_key_key ON dedupe_key (key, doc)")
    return db, df


def query(db: sqlite3.Connection, df: Counter, n: int, doc: int, text: str) -> tuple:
    g = sim.ngrams(text)
    own_df = WithoutSelf(df, g)
    keys = sim.query_keys(g, own_df, limit=QUERY_KEYS)
    marks = ",".join("?" * len(keys))
    hits = db.execute(
        f"SELECT doc, key FROM dedupe_key WHERE key IN ({marks}) AND doc != ?", (*keys, doc)
    ).fetchall()
    by_key = {sim.key_hash(term): own_df[term] for term in g}
    ids = sim.shortlist(hits, by_key, limit=CANDIDATES)
    marks = ",".join("?" * len(ids))
    bodies = db.execute(f"SELECT id, body FROM doc WHERE id IN ({marks})", ids).fetchall()
    vectorizer = sim.Vectorizer(own_df, n - 1)
    return ids, sim.best_matches(text, bodies, vectorizer), len(hits)


def evaluate(
    texts: list[str], truth: dict[int, tuple], seed: int, queries: int, at_save: bool
) -> tuple[list[Result], dict]:
    started = time.perf_counter()
    db, df = index(texts, at_save)
    build_s = time.perf_counter() - started
    sources = {src for src, _ in truth.values()}
    rng = random.Random(seed + 1)
    negatives = rng.sample([i for i in range(len(texts) - len(truth)) if i not in sources], queries)
    results = []
    for doc in [*list(truth)[:queries], *negatives]:
        t0, c0 = time.perf_counter(), time.process_time()
        ids, matches, hits = query(db, df, len(texts), doc, texts[doc])
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        src, edits = truth.get(doc, (None, []))
        rank = ids.index(src) if src in ids else len(ids)
        extra = {"cpu": cpu, "hits": hits, "rank": rank}
        results.append(Result(src, edits, matches, src in ids, elapsed, extra))
    return results, {
        "build_s": build_s,
        "keys": db.execute("SELECT count(*) FROM dedupe_key").fetchone()[0],
    }


def decide_cosine(r: Result, t: float) -> int | None:
    return r.matches[0].key if r.matches and r.matches[0].cosine >= t else None


def decide_hybrid(r: Result, t: float, base: float = sim.COSINE_THRESHOLD) -> int | None:
    if r.matches and r.matches[0].cosine >= base:
        return r.matches[0].key
    best = max(r.matches, key=lambda m: m.token_set or 0.0, default=None)
    return best.key if best and (best.token_set or 0.0) >= t else None


def scores(results: list[Result], decide, t: float) -> tuple[float, float, float]:
    tp = fp = 0
    positives = sum(r.truth is not None for r in results)
    for r in results:
        found = decide(r, t)
        if found is None:
            continue
        if found == r.truth:
            tp += 1
        else:
            fp += 1
    p = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / positives
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    return p, rec, f1


def recall_by_edit(results: list[Result], decide, t: float) -> dict[str, float]:
    out = {}
    for edit in EDITS:
        rows = [r for r in results if edit in r.edits]
        out[edit] = sum(decide(r, t) == r.truth for r in rows) / len(rows) if rows else 0.0
    return out


def ms(values: list[float], q: float) -> float:
    values = sorted(values)
    return 1000 * values[min(len(values) - 1, int(q * len(values)))]


def report(results: list[Result], info: dict, args: argparse.Namespace, texts: list[str]) -> None:
    print(
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}; "
        f"{args.originals:,} originals + {args.planted:,} planted, seed {args.seed}; "
        f"mean length {statistics.mean(map(len, texts)):.0f} chars"
    )
    print(f"query keys {QUERY_KEYS}, candidates {CANDIDATES}, keys at save: {args.keys_at_save}")
    print(
        f"index build (n-grams, DF, keys into SQLite): {info['build_s']:.1f} s, "
        f"{info['keys']:,} key rows"
    )
    positives = [r for r in results if r.truth is not None]
    ranks = [r.extra["rank"] for r in positives]
    at = ", ".join(
        f"top {k}: {sum(rank < k for rank in ranks) / len(ranks):.3f}"
        for k in sorted({1, 5, 10, 20, CANDIDATES})
    )
    print(f"original among the candidates by shared keys — {at}")
    hits = sorted(r.extra["hits"] for r in results)
    print(
        f"key-table rows per query: median {hits[len(hits) // 2]}, "
        f"p95 {hits[int(0.95 * len(hits))]}, max {hits[-1]}"
    )
    times = [r.seconds for r in results]
    print(
        f"per query (keys, SQLite lookup, shortlist, TF-IDF + token_set re-rank): median "
        f"{ms(times, 0.5):.1f} ms, p95 {ms(times, 0.95):.1f} ms, n={len(times)}"
    )
    cpu = [r.extra["cpu"] for r in results]
    print(f"per query CPU time: median {ms(cpu, 0.5):.1f} ms, p95 {ms(cpu, 0.95):.1f} ms")
    print("\n| rule | threshold | precision | recall | F1 |\n|---|---|---|---|---|")
    for t in COSINES:
        p, r, f = scores(results, decide_cosine, t)
        print(f"| cosine | {t:.2f} | {p:.3f} | {r:.3f} | {f:.3f} |")
    for base in HYBRID_BASES:
        for t in RATIOS:
            p, r, f = scores(results, lambda res, t, b=base: decide_hybrid(res, t, b), t)
            print(
                f"| cosine ≥ {base:.2f} or top-{sim.RERANK_TOP} token_set "
                f"| {t:.0f} | {p:.3f} | {r:.3f} | {f:.3f} |"
            )
    by_cos = recall_by_edit(results, decide_cosine, sim.COSINE_ALONE_THRESHOLD)
    by_hyb = recall_by_edit(results, decide_hybrid, sim.TOKEN_SET_THRESHOLD)
    print(
        f"\n| edit | recall, cosine ≥ {sim.COSINE_ALONE_THRESHOLD:.2f} | recall, cosine ≥ "
        f"{sim.COSINE_THRESHOLD:.2f} or token_set ≥ {sim.TOKEN_SET_THRESHOLD:.0f} |\n|---|---|---|"
    )
    for edit in EDITS:
        print(f"| {edit} | {by_cos[edit]:.3f} | {by_hyb[edit]:.3f} |")
    neg = sorted(r.matches[0].cosine for r in results if r.truth is None and r.matches)
    print(
        f"\nnegatives' best cosine: median {statistics.median(neg):.3f}, "
        f"p99 {neg[int(0.99 * len(neg))]:.3f}, max {neg[-1]:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--originals", type=int, default=20000)
    parser.add_argument("--planted", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--queries", type=int, help="positives and negatives (default: planted)")
    parser.add_argument("--query-keys", type=int, default=sim.QUERY_KEYS)
    parser.add_argument("--candidates", type=int, default=sim.CANDIDATE_LIMIT)
    parser.add_argument(
        "--keys-at-save",
        action="store_true",
        help="pick each document's keys with the frequencies of the day it was saved",
    )
    args = parser.parse_args()
    global QUERY_KEYS, CANDIDATES
    QUERY_KEYS, CANDIDATES = args.query_keys, args.candidates
    t0 = time.perf_counter()
    texts, truth = build(args.originals, args.planted, args.seed)
    queries = args.queries or args.planted
    results, info = evaluate(texts, truth, args.seed, queries, args.keys_at_save)
    report(results, info, args, texts)
    print(f"\ntotal {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
