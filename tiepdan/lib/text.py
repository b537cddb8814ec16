"""Vietnamese text normalising for search keys and matching.

`fold` is the one normaliser every search and duplicate key uses: NFC, đ→d, accents stripped,
lower case, runs of white space collapsed. Đ has no Unicode decomposition, so it is replaced
explicitly before the combining marks are dropped.
"""

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[0-9a-z]+")


def fold(text: str) -> str:
    """Return `text` lower-cased, without accents, with đ as d and single spaces."""
    text = unicodedata.normalize("NFC", text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACE.sub(" ", stripped.lower()).strip()


def syllables(text: str) -> list[str]:
    """Split folded text into its syllables (Vietnamese words are space-separated syllables)."""
    return _WORD.findall(fold(text))


def nfc(text: str) -> str:
    """Normalise to NFC, the form Vietnamese text is stored in."""
    return unicodedata.normalize("NFC", text or "")
