"""Turn whatever a user types into a search box into a safe full-text query.

Search runs on folded text (`tiepdan.lib.text.fold`: accents stripped, đ→d, lower case), so
"dat dai" finds "đất đai" and "Nguyen Van A" finds "Nguyễn Văn A". Both engines get only
quoted runs of letters and digits, never the user's own syntax: FTS5 operators, column filters
(`subject:`), `^`, parentheses, SQL fragments and emoji are dropped or become plain words, so
no input can raise a syntax error or widen the query (notes §1).

- Text in double quotes is a phrase. A word joined by punctuation ("TD-2026-0012",
  "đất/đai") is a phrase of its parts. Other words must all occur (AND).
- A trailing `*` on the last word asks for a prefix match ("nguy*").
- Unquoted AND, OR, NOT and NEAR in capitals are read as operators and ignored.

`fts5()` gives an SQLite FTS5 MATCH expression; `websearch()` the text for PostgreSQL's
`websearch_to_tsquery('vn', %s)` and `tsquery()` one for `to_tsquery('vn', %s)`, which keeps
the prefix. An empty query (nothing searchable) gives None: show an empty result.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tiepdan.lib.text import fold

#: Characters of the user's string that are read; the rest is ignored.
MAX_INPUT = 1000
#: Phrases and words kept (in order of appearance, repeats dropped).
MAX_PARTS = 12
#: Words kept per phrase.
MAX_PHRASE_WORDS = 12
#: Shortest last word a trailing `*` extends ("a*" would match nearly everything).
MIN_PREFIX = 2
#: Longer "words" (pasted hashes, runs of one letter) are dropped.
MAX_WORD = 40

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "＂": '"'})
_SEGMENT = re.compile(r'"([^"]*)"?|([^"]+)')
_WORD = re.compile(r"[^\W_]+")
_FILTER = re.compile(r"(?<![^\s(])[A-Za-z_]+:(?!//)")
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


@dataclass(frozen=True)
class SearchQuery:
    """Folded phrases (a one-word phrase is a plain word), all of which must match."""

    phrases: tuple[tuple[str, ...], ...]
    prefix: bool = False

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def fts5(self) -> str | None:
        """The FTS5 MATCH expression: `"dat dai" "ben" "thanh"`, or None when empty."""
        if not self:
            return None
        parts = [f'"{" ".join(words)}"' for words in self.phrases]
        if self.prefix:
            parts[-1] += " *"
        return " ".join(parts)

    def websearch(self) -> str | None:
        """Text for `websearch_to_tsquery`: every part quoted, so "or" or "-" are words."""
        if not self:
            return None
        return " ".join(f'"{" ".join(words)}"' for words in self.phrases)

    def tsquery(self, weights: str = "") -> str | None:
        """Text for `to_tsquery`: `'dat' <-> 'dai' & 'nguy':*` (phrases, AND, prefix).

        `weights` ("AB") restricts every word to lexemes of those weights (columns)."""
        if not self:
            return None
        mark = f":{weights}" if weights else ""
        parts = [" <-> ".join(f"'{w}'{mark}" for w in words) for words in self.phrases]
        if self.prefix:
            parts[-1] = parts[-1][: len(parts[-1]) - len(mark)] + f":*{weights}"
        return " & ".join(f"({part})" if "<->" in part else part for part in parts)

    def as_phrase(self) -> SearchQuery:
        """All words as one phrase: run it first to rank exact wording ("dat dai" not "dai")."""
        words = tuple(w for phrase in self.phrases for w in phrase)[:MAX_PHRASE_WORDS]
        return SearchQuery((words,) if words else (), self.prefix)

    def text(self) -> str:
        """The folded words, space-separated (for display or a LIKE fallback)."""
        return " ".join(" ".join(words) for words in self.phrases)


def _words(text: str) -> tuple[str, ...]:
    words = _WORD.findall(fold(text))
    return tuple(w for w in words if len(w) <= MAX_WORD)[:MAX_PHRASE_WORDS]


def _unquoted(segment: str) -> list[tuple[tuple[str, ...], bool]]:
    """Phrases of an unquoted segment, each with whether it ends in `*`."""
    parts = []
    for token in _FILTER.sub(" ", segment).split():
        raw = [w for w in _WORD.findall(token) if w not in _OPERATORS]
        words = _words(" ".join(raw))
        if words:
            parts.append((words, token.rstrip(")]}.,;!?").endswith("*")))
    return parts


def parse(text: str) -> SearchQuery:
    """Read a user's search string; never raises."""
    text = unicodedata.normalize("NFC", str(text or "")[:MAX_INPUT]).translate(_QUOTES)
    found: list[tuple[tuple[str, ...], bool]] = []
    for quoted, plain in _SEGMENT.findall(text):
        if plain:
            found.extend(_unquoted(plain))
        elif words := _words(quoted):
            found.append((words, False))
    phrases: list[tuple[str, ...]] = []
    prefix = False
    for words, star in found:
        if words in phrases:
            continue
        if len(phrases) == MAX_PARTS:
            break
        phrases.append(words)
        prefix = star and len(words[-1]) >= MIN_PREFIX
    return SearchQuery(tuple(phrases), prefix)


def fts5_match(text: str) -> str | None:
    """The safe FTS5 MATCH expression for a user's string, or None if nothing is searchable."""
    return parse(text).fts5()


def pg_websearch(text: str) -> str | None:
    """The safe `websearch_to_tsquery('vn', …)` argument for a user's string, or None."""
    return parse(text).websearch()
