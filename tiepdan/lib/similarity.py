"""Near-duplicate scoring for petitions: TF-IDF cosine over syllable 1–3-grams of folded text.

The method and its thresholds come from measurements on synthetic Vietnamese petitions
(shared/notes/text-search-dedupe-calendar.md §2; `bench/dedupe_eval.py` and the "Duplicate
detection" section of docs/benchmarks.md repeat them on this code):

- TF-IDF over syllable 1–3-grams of `fold()`ed text was the best method (F1 ≈ 0.96), ahead of
  MinHash (0.87), character n-grams (0.90) and word segmentation (0.65, unaccented text
  segments badly). N-grams in more than 5% of the documents (`max_df`) are dropped: they are
  template words ("toi", "phuong") and dropping them does not hurt quality.
- Re-ranking the best few by rapidfuzz `token_set_ratio` adds a little recall.

Nothing here holds a corpus in memory. The caller supplies the document frequencies (a table
in the database) and the candidates; candidates come from an index on `candidate_keys()`: the
hashes of each document's rarest n-grams, stored per document (key, document) and looked up
with the query's own rarest n-grams. A re-send shares its original's rare n-grams (names,
street numbers, dates, the particular complaint) even after edits, while unrelated petitions
built from the same phrases share only common ones.

Tables the caller keeps (sketch): `key(key bigint, case)` indexed on key, `CANDIDATE_KEYS` rows
per case; `term_df(key bigint primary key, df int)` keyed by `key_hash(n-gram)` plus the
number of cases. On save: `grams = ngrams(text)`, store `candidate_keys(grams, df)`, add 1 to
the df of each of `grams`. On intake: `query_keys()` → key rows → `shortlist()` → fetch those
texts → `Vectorizer(df, n)` over a df mapping that holds just the n-grams involved (a new text
and 50 candidates touch about 4,000 distinct n-grams: one indexed IN query) →
`best_matches()`.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz

from tiepdan.lib.text import fold, syllables

K = TypeVar("K")

#: Longest n-gram of syllables (1–3-grams measured best; notes §2).
MAX_N = 3
#: N-grams found in more than this share of documents carry no signal (notes §2: `max_df=0.05`).
MAX_DF_RATIO = 0.05
#: Cosine at or above which a candidate is the same matter when there is no fuzzy re-rank.
#: Measured (docs/benchmarks.md, "Duplicate detection"; 20,000 originals + 1,000 planted
#: re-sends): P 0.965, R 0.980, F1 0.972. The notes' 100,000-document set: P 0.978, R 0.931.
COSINE_ALONE_THRESHOLD = 0.50
#: With the re-rank the cosine bar is higher and `token_set_ratio` catches the rest. Cosine ≥
#: 0.60 or token_set ≥ 95: P 0.998, R 0.993 (20,000, two seeds alike) and P 0.983, R 0.993 at
#: 100,000 originals: the best (or tied) F1 of the grid at each size (0.60/93: P 0.990/0.968).
COSINE_THRESHOLD = 0.60
#: How many of the best cosine matches the rapidfuzz re-rank looks at (notes §2: top 10).
RERANK_TOP = 10
#: `token_set_ratio` at or above which a top match is accepted below the cosine bar (the notes
#: measured ≥ 93 alone at P 0.967, R 0.958 on their set).
TOKEN_SET_THRESHOLD = 95.0
#: How many rarest n-grams of a document are stored as its candidate keys.
CANDIDATE_KEYS = 24
#: How many rarest known n-grams of a new text are looked up in the key table.
QUERY_KEYS = 48
#: How many candidates (most shared keys first) are fetched for the exact re-rank.
CANDIDATE_LIMIT = 50


def ngrams(text: str) -> Counter[str]:
    """Count the syllable 1–3-grams of `text` after folding ("đất đai" → "dat", "dat dai"…)."""
    words = syllables(text)
    counts: Counter[str] = Counter(words)
    # zip and Counter.update run in C: this is the hot loop of every look-up.
    for n in range(2, MAX_N + 1):
        counts.update(map(" ".join, zip(*(words[i:] for i in range(n)), strict=False)))
    return counts


class Vectorizer:
    """TF-IDF weights from a document-frequency table the caller keeps (e.g. in the database).

    `df` maps an n-gram to the number of documents containing it; `n_docs` is their total.
    Unknown n-grams count as found in no document (the rarest). The idf is scikit-learn's
    smoothed form, ln((1 + n) / (1 + df)) + 1, so scores match the measured method.
    """

    def __init__(
        self, df: Mapping[str, int], n_docs: int, *, max_df_ratio: float = MAX_DF_RATIO
    ) -> None:
        self.df = df
        self.n_docs = max(n_docs, 0)
        self.max_df = max(1.0, max_df_ratio * self.n_docs)

    def idf(self, term: str) -> float | None:
        """Return the term's idf, or None when it is too common to count."""
        df = self.df.get(term, 0)
        if df > self.max_df:
            return None
        return math.log((1 + self.n_docs) / (1 + df)) + 1.0

    def vector(self, text_or_grams: str | Mapping[str, int]) -> dict[str, float]:
        """Return the L2-normalised TF-IDF vector of a text (or of its `ngrams()`)."""
        grams = ngrams(text_or_grams) if isinstance(text_or_grams, str) else text_or_grams
        weights: dict[str, float] = {}
        for term, tf in grams.items():
            idf = self.idf(term)
            if idf is not None:
                weights[term] = tf * idf
        norm = math.sqrt(sum(w * w for w in weights.values()))
        if not norm:
            return {}
        return {term: w / norm for term, w in weights.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two normalised sparse vectors (0.0 when either is empty)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(term, 0.0) for term, w in a.items())


def key_hash(term: str) -> int:
    """A stable signed 64-bit hash of an n-gram, for a BigIntegerField index."""
    digest = hashlib.blake2b(term.encode(), digest_size=8, person=b"tiepdan-dedupe").digest()
    return int.from_bytes(digest, "big", signed=True)


def candidate_keys(
    grams: Mapping[str, int], df: Mapping[str, int], *, limit: int = CANDIDATE_KEYS
) -> list[int]:
    """Hash the `limit` rarest n-grams of a document being stored (ties by the n-gram).

    `df` is the table before this document is counted, so n-grams of its own (a name, a
    house number) come first: they are what a later re-send shares with it.
    """
    rarest = sorted(grams, key=lambda term: (df.get(term, 0), term))[:limit]
    return [key_hash(term) for term in rarest]


def query_keys(
    grams: Mapping[str, int], df: Mapping[str, int], *, limit: int = QUERY_KEYS
) -> list[int]:
    """Hash the `limit` rarest n-grams of a new text that some stored document contains.

    N-grams found nowhere (a typo, a new name) cannot hit a stored key and are skipped.
    Look the keys up in the key table, order the documents with `shortlist()` and score
    them with `best_matches()`.
    """
    known = [term for term in grams if df.get(term, 0) > 0]
    rarest = sorted(known, key=lambda term: (df[term], term))[:limit]
    return [key_hash(term) for term in rarest]


def shortlist(
    key_hits: Iterable[tuple[K, int]], df: Mapping[int, int], *, limit: int = CANDIDATE_LIMIT
) -> list[K]:
    """Order documents by the keys they share with the query, each weighted 1/√df, most first.

    `key_hits` yields (document id, key) once per shared key (the rows of the key table); `df`
    is each key's document frequency. Weighting by rarity keeps a phrase that a few hundred
    letters share (a re-send's "Tôi xin gửi lại đơn lần 2") from crowding out the one
    original that shares the letter's own rare words; the square root keeps one coincidental
    rare key from outranking many shared ones. Chosen by measuring (docs/benchmarks.md):
    at 100,000 cases recall 0.967 by count, 0.990 by 1/df or 1/√df, 0.977 by log(N/df).
    """
    score: dict[K, float] = {}
    for doc, key in key_hits:
        score[doc] = score.get(doc, 0.0) + 1.0 / math.sqrt(max(df.get(key, 1), 1))
    return heapq.nlargest(limit, score, key=score.__getitem__)


def token_set(a: str, b: str) -> float:
    """rapidfuzz `token_set_ratio` (0–100) of two texts after folding."""
    return float(fuzz.token_set_ratio(fold(a), fold(b)))


@dataclass(frozen=True)
class Match(Generic[K]):
    key: K
    cosine: float
    token_set: float | None = None  # None when not re-ranked

    @property
    def is_duplicate(self) -> bool:
        """Suggested as the same matter: cosine, or the fuzzy re-rank, above its threshold."""
        if self.token_set is None:
            return self.cosine >= COSINE_ALONE_THRESHOLD
        return self.cosine >= COSINE_THRESHOLD or self.token_set >= TOKEN_SET_THRESHOLD


def best_matches(
    text: str,
    candidates: Iterable[tuple[K, str]],
    vectorizer: Vectorizer,
    *,
    top: int = RERANK_TOP,
    rerank: bool = True,
    grams: Mapping[K, Mapping[str, int]] | None = None,
) -> list[Match[K]]:
    """Score each (key, text) candidate against `text`; return the `top` best by cosine.

    With `rerank`, each of those also gets its `token_set_ratio`; `Match.is_duplicate` then
    accepts either score above its threshold (otherwise the cosine alone, at 0.50). `grams`
    may hold candidates' `ngrams()` already computed (they are not split twice).
    """
    query = vectorizer.vector(text)
    known = grams or {}
    scored = sorted(
        (
            (cosine(query, vectorizer.vector(known.get(key) or other)), key, other)
            for key, other in candidates
        ),
        key=lambda item: -item[0],
    )[:top]
    return [
        Match(key, score, token_set(text, other) if rerank else None)
        for score, key, other in scored
    ]
