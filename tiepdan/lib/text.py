"""Vietnamese text normalising for search keys and matching.

`fold` is the one normaliser every search and duplicate key uses: NFC, đ→d, accents stripped,
lower case, runs of white space collapsed. Đ has no Unicode decomposition, so it is replaced
explicitly before the combining marks are dropped.
"""

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[0-9a-z]+")


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


class _FoldTable(dict[int, str]):
    """Each character's fold, computed on first sight, so that `str.translate` runs in C
    (2–3× faster than a Python loop over the characters; duplicate detection folds every
    candidate). Only the alphabetic scripts below U+3000 are kept: the table stays small."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if code < 0x3000:
            self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Return `text` lower-cased, without accents, with đ as d and single spaces."""
    text = unicodedata.normalize("NFC", text or "").translate(_FOLD)
    return _SPACE.sub(" ", text.lower()).strip()


def syllables(text: str) -> list[str]:
    """Split folded text into its syllables (Vietnamese words are space-separated syllables)."""
    return _WORD.findall(fold(text))


def nfc(text: str) -> str:
    """Normalise to NFC, the form Vietnamese text is stored in."""
    return unicodedata.normalize("NFC", text or "")
