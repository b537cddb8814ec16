"""Accent-insensitive search over cases: one function, an SQLite FTS5 and a PostgreSQL backend.

`search(user, text)` finds the cases `user` may see whose subject, content or citizens' names
contain every word or quoted phrase of `text` ("dat dai" finds "đất đai" but not "kéo dài …
đất"; "Nguyen Van A" finds "Nguyễn Văn A"), and the case whose registration number ("125/2026",
"0125/2026") or tracking code (with or without its dashes) `text` is. The user's string is
parsed by `tiepdan.lib.search_query`, so no input is ever passed as query syntax; what cannot be
searched gives an empty result. The index is described in `tiepdan.cases.search.index`.

A denouncer's name is found only by those who may see it (`identity.identity_visible_q`): a
denunciation matches on its names and its content (the letter, which names the denouncer) only
for them; on its subject and numbers for everyone who sees the case.

Order (chosen by measuring at 1,000,000 cases, docs/benchmarks.md "Search"): ranking every hit
of a common phrase costs 120–180 ms on both engines, so only a bounded hit set is ranked. The
first `RANKED + 1` matching ids are fetched; if there are at most `RANKED`, they are ranked by
relevance — an exact registration number or code first, then phrase hits in the subject (×3),
names (×2, only if visible) and content, a bonus when the text is spelt exactly as typed
(accents included), newest first on ties — and paged by offset. Larger hit sets are shown
newest first (received on, id) with the work list's keyset pages, which both engines serve from
the `case_received` / `case_unit_received` indexes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.db import connection, transaction
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from tiepdan.cases.identity import identity_visible_q, may_see_identity
from tiepdan.cases.models import CODE_ALPHABET, CODE_LENGTH, Case, CaseQuerySet, normalize_code
from tiepdan.cases.search import worklist
from tiepdan.cases.search.index import FTS_TABLE
from tiepdan.lib.search_query import SearchQuery, parse
from tiepdan.lib.text import fold

#: Hit sets up to this size are ranked by relevance; larger ones are shown newest first.
RANKED = 200
#: Cursor prefix of a page inside a ranked hit set (an offset).
RANKED_CURSOR = "r"

_NUMBER = re.compile(r"\s*0*(\d{1,7})\s*/\s*(\d{4})\s*")
_CODE = re.compile(r"[\s\-A-Za-z0-9]{12,20}")
_SUBJECT_COLUMN = "{subject}"
_WORD = re.compile(r"[^\W_]+")  # words as tiepdan.lib.search_query splits them


@dataclass(frozen=True)
class Query:
    """A parsed search string: its full-text part and an exact number or code, if it is one."""

    words: SearchQuery
    exact: Q | None
    typed: str

    def __bool__(self) -> bool:
        return bool(self.words) or self.exact is not None


def read(text: str) -> Query:
    """Parse a user's search string (never raises)."""
    text = str(text or "")
    exact = None
    if match := _NUMBER.fullmatch(text[:40]):
        exact = Q(number=int(match.group(1)), year=int(match.group(2)))
    elif _CODE.fullmatch(text[:40]):
        code = normalize_code(text)
        if len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code):
            exact = Q(tracking_code=code)
    typed = " ".join(unicodedata.normalize("NFC", text[:200]).replace('"', " ").lower().split())
    return Query(parse(text), exact, typed)


def matching(user: Any, text: str | Query, cases: CaseQuerySet | None = None) -> CaseQuerySet:
    """The cases among `cases` (default: all `user` may see) that match `text`, unordered."""
    query = text if isinstance(text, Query) else read(text)
    return _matching(user, query, cases)[0]


def _matching(
    user: Any, query: Query, cases: CaseQuerySet | None
) -> tuple[CaseQuerySet, SearchQuery, CaseQuerySet]:
    """The matching cases, the words they matched, and the cases searched (the user's scope).

    The words are all words as one phrase if that finds anything ("dat dai" is "đất đai", not
    "kéo dài … đất"), else every word and phrase."""
    scope = Case.objects.visible_to(user)
    if cases is not None:
        scope = cases & scope
    if not query:
        return scope.none(), query.words, scope
    words = query.words
    if len(words.phrases) > 1:
        phrase = words.as_phrase()
        if scope.filter(_words_q(user, phrase)).exists():
            words = phrase
    return scope.filter(_found_q(user, query, words)), words, scope


def _found_q(user: Any, query: Query, words: SearchQuery, *, probe: bool = False) -> Q:
    """`probe`: the hit set is large and is read newest first (see `_fts5_matches`)."""
    found = _words_q(user, words, probe=probe) if words else Q(pk__in=[])
    if query.exact is not None:
        found |= query.exact
    return found


def _words_q(user: Any, words: SearchQuery, *, probe: bool = False) -> Q:
    """Matches anywhere for those who may see the case's senders, else in the subject only."""
    everywhere, subject_only = _backend_q(words, probe=probe)
    return everywhere & (identity_visible_q(user) | subject_only)


def _backend_q(words: SearchQuery, *, probe: bool = False) -> tuple[Q, Q]:
    """(matches in any column, matches in the subject) for this database."""
    if connection.vendor == "postgresql":
        return _pg_matches(words.tsquery()), _pg_matches(words.tsquery("A"))
    expression = words.fts5() or '""'
    subject = f"{_SUBJECT_COLUMN} : ({expression})"
    return _fts5_matches(expression, probe), _fts5_matches(subject, probe)


# The SQL is constant; the parsed query (quoted words only) is a bound parameter.
def _pg_matches(tsquery: str | None) -> Q:
    sql = "cases_case.search_vector @@ to_tsquery('public.vn', %s)"
    return Q(RawSQL(sql, [tsquery], output_field=BooleanField()))  # noqa: S611


def _fts5_matches(expression: str, probe: bool = False) -> Q:
    """`probe`: a unary plus keeps SQLite from driving the query by the hit list's rowids
    (thousands of look-ups, then a sort of them all); it walks the newest-first index instead
    and probes each case in the list, stopping at the page's end (docs/benchmarks.md)."""
    hits = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608
    if probe:
        sql = f'+"cases_case"."id" IN ({hits})'
        return Q(RawSQL(sql, [expression], output_field=BooleanField()))  # noqa: S611
    return Q(pk__in=RawSQL(hits, [expression]))  # noqa: S611


def search(
    user: Any,
    text: str,
    cases: CaseQuerySet | None = None,
    *,
    cursor: str = "",
    size: int = worklist.PAGE_SIZE,
) -> worklist.Page:
    """One page of the cases matching `text`: best first for a small hit set, else newest first.

    `cursor` is the `next_cursor` of the previous page."""
    query = read(text)
    if not query:
        return worklist.Page([], None)
    with _no_table_scans():
        found, words, scope = _matching(user, query, cases)
        ids = list(found.order_by().values_list("id", flat=True)[: RANKED + 1])
        if len(ids) > RANKED:
            newest = scope.filter(_found_q(user, query, words, probe=True))
            return worklist.page(newest, sort="received", cursor=cursor, size=size)
    offset = _offset(cursor)
    ranked = _rank(user, query, words, ids)
    page_ids = ranked[offset : offset + size]
    rows = Case.objects.select_related("field", "assignee", "assignee_department").defer("content")
    by_id = rows.in_bulk(page_ids)
    more = len(ranked) > offset + size
    return worklist.Page(
        [by_id[pk] for pk in page_ids if pk in by_id],
        f"{RANKED_CURSOR}{offset + size}" if more else None,
    )


def in_order(
    user: Any,
    text: str,
    cases: CaseQuerySet,
    *,
    sort: str,
    cursor: str = "",
    size: int = worklist.PAGE_SIZE,
) -> worklist.Page:
    """One keyset page of the cases matching `text`, in the work list order `sort`."""
    with _no_table_scans():
        return worklist.page(matching(user, text, cases), sort=sort, cursor=cursor, size=size)


@contextmanager
def _no_table_scans() -> Iterator[None]:
    """On PostgreSQL, keep the planner off a sequential scan of the cases table: it takes the
    words of a name ("Phạm Thanh Dũng") as independent and expects thousands of rows, so a LIMIT
    looks cheap by reading the table in order, which for a phrase in 129 of 1,000,000 cases
    read the whole table (1.4 s, docs/benchmarks.md "Search"); the GIN index answers in 0.2 s.
    The setting lasts for these statements only (undone with the savepoint on an error)."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        yield
        cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")


def _offset(cursor: str) -> int:
    if cursor.startswith(RANKED_CURSOR) and cursor[1:].isdigit():
        return min(int(cursor[1:]), RANKED)
    return 0


def _rank(user: Any, query: Query, words: SearchQuery, ids: list[int]) -> list[int]:
    """`ids` best first (see the module docstring)."""
    if not ids:
        return []
    exact = set()
    if query.exact is not None:
        exact = set(Case.objects.filter(query.exact, pk__in=ids).values_list("id", flat=True))
    phrases = [
        re.compile(rf"(?<!\S){re.escape(' '.join(phrase))}(?!\S)") for phrase in words.phrases
    ]
    fields = ("id", "subject", "content", "search_names", "kind", "received_on")
    identity = ("resolver_id", "assignee_id", "created_by_id")
    scored = []
    for values in Case.objects.filter(pk__in=ids).values(*fields, *identity):
        row = SimpleNamespace(pk=values["id"], **values)
        # What may not match may not rank either: a hidden denouncer's letter and name.
        shown = may_see_identity(user, row)
        content, names = (row.content, row.search_names) if shown else ("", "")
        score = 1000.0 if row.pk in exact else 0.0
        for weight, value in ((3.0, row.subject), (1.0, content), (2.0, names)):
            folded = " ".join(_WORD.findall(fold(value)))
            score += weight * sum(min(len(p.findall(folded)), 3) for p in phrases)
            if query.typed and query.typed in unicodedata.normalize("NFC", value).lower():
                score += 2 * weight
        scored.append((-score, -row.received_on.toordinal(), -row.pk))
    scored.sort()
    return [-pk for _score, _day, pk in scored]
