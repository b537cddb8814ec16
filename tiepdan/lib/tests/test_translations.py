"""The Vietnamese catalogue is complete and its compiled form matches it."""

import ast
import gettext
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CATALOGUES = sorted(
    p for p in ROOT.glob("**/locale/vi/LC_MESSAGES/django.po") if ".venv" not in p.parts
)


def parse_po(path: Path) -> list[dict]:
    """Read the entries of a .po file: msgctxt, msgid, msgid_plural, msgstr[...] and flags."""
    entries: list[dict] = []
    entry: dict = {"flags": set(), "msgstr": {}}
    key = None

    def flush() -> None:
        nonlocal entry
        if "msgid" in entry:
            entries.append(entry)
        entry = {"flags": set(), "msgstr": {}}

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            flush()
            key = None
        elif line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            value = ast.literal_eval(line)
            if key and key[0] == "msgstr":
                entry["msgstr"][key[1]] += value
            elif key:
                entry[key[0]] += value
        else:
            word, _, rest = line.partition(" ")
            value = ast.literal_eval(rest)
            if word.startswith("msgstr"):
                index = int(word[7:-1]) if "[" in word else 0
                entry["msgstr"][index] = value
                key = ("msgstr", index)
            else:
                if word == "msgctxt" and "msgid" in entry:
                    flush()
                entry[word] = value
                key = (word, None)
    flush()
    return [e for e in entries if e["msgid"]]


def test_there_is_a_vietnamese_catalogue():
    assert CATALOGUES, "no locale/vi/LC_MESSAGES/django.po found"


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_message_is_translated(po):
    missing = [
        e["msgid"]
        for e in parse_po(po)
        if "fuzzy" in e["flags"] or not all(e["msgstr"].values()) or not e["msgstr"]
    ]
    assert not missing, f"untranslated or fuzzy in {po}: {missing[:10]}"


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_compiled_catalogue_matches_the_source(po):
    with open(po.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in parse_po(po):
        context = entry.get("msgctxt")
        if "msgid_plural" in entry:
            assert (
                compiled.npgettext(context, entry["msgid"], entry["msgid_plural"], 1)
                == entry["msgstr"][0]
                if context
                else compiled.ngettext(entry["msgid"], entry["msgid_plural"], 1)
                == entry["msgstr"][0]
            ), f"{po}: stale .mo for {entry['msgid']!r} (run make messages)"
        else:
            got = (
                compiled.pgettext(context, entry["msgid"])
                if context
                else compiled.gettext(entry["msgid"])
            )
            assert got == entry["msgstr"][0], (
                f"{po}: stale .mo for {entry['msgid']!r} (run make messages)"
            )


def test_one_message_has_one_translation_across_apps():
    """Django merges the apps' catalogues, so a msgid translated two ways shows the wrong one
    somewhere; give it a message context (pgettext) where the meaning really differs."""
    seen: dict[tuple, tuple[str, Path]] = {}
    clashes = []
    for po in CATALOGUES:
        for entry in parse_po(po):
            key = (entry.get("msgctxt"), entry["msgid"])
            translation = entry["msgstr"].get(0, "")
            if key in seen and seen[key][0] != translation:
                other, where = seen[key]
                clashes.append(
                    f"{entry['msgid']!r}: {other!r} ({where.relative_to(ROOT).parts[1]}) "
                    f"vs {translation!r} ({po.relative_to(ROOT).parts[1]})"
                )
            seen.setdefault(key, (translation, po))
    assert not clashes, "\n".join(clashes)
