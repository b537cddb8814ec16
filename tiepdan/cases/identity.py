"""Who may see a denouncer's identity (Law on Denunciations Arts. 9, 47, 56; DOMAIN rule 19).

For a denunciation, the denouncer's name, address, contacts, ID number, scans and handwriting
are for the person resolving it and the staff assigned to it: here the resolver, the assigned
officer and the officer who registered the letter. Everyone else — other officers of the unit,
leaders not resolving it, the higher level, administrators, superusers, integrations calling
the API with a key — sees the redacted form. Pages, exports, API responses, search results and
notifications all ask this module.

Who is the resolver: the leader who accepts the denunciation (`services.decide`, decision
"accept") — in a ward the Chairman, or the Vice-Chairman they delegate, signs the acceptance
and resolves it (Law on Denunciations Arts. 29–31). Before acceptance nobody resolves it yet;
the registering officer and the assigned officer handle the letter.

What leaves the system is always redacted, whoever asks: exports (XLSX/CSV, management
commands), the transfer slip (Art. 56: the letter given onwards carries no identity), e-mails
to staff. A notice addressed to the denouncer (acceptance, guidance, archiving, the answer)
names them: only the entitled may download it, and each download is logged.

Every view of the identity by an entitled user writes one `IdentityAccess` row (`log_access`),
which the unit administrator reads on the access-log page.

Redacting free text: the letter's content, notes and timeline texts may name the denouncer.
`redact_text` removes every known form of the identity from them — names and addresses
matched without accents or case, phone and ID numbers with any separators, e-mail addresses.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tiepdan.cases.rules import Kind
from tiepdan.lib.text import fold

#: The people linked to a case who may see its denouncer.
ENTITLED_FIELDS = ("resolver", "assignee", "created_by")

#: What stands in the place of a protected name, and of any removed piece of text.
PROTECTED_NAME = _("Denouncer (identity protected)")
REMOVED = "[…]"


class Via:
    """How the identity was shown: the `via` of an `IdentityAccess` row."""

    PAGE = "page"
    API = "api"
    NOTICE = "notice"
    FILE = "file"
    ENTRY = "entry"


def is_protected(case: Any) -> bool:
    """The case's senders are protected denouncers."""
    return bool(case.kind == Kind.DENUNCIATION)


def _is_service_account(user: Any) -> bool:
    """An integration calling with an API key: it acts for a system, never a person."""
    return bool(getattr(user, "is_service_account", False))


def may_see_identity(user: Any, case: Any) -> bool:
    """`user` may see who sent `case` (always, unless it is a denunciation)."""
    if not is_protected(case):
        return True
    if user is None or not user.is_authenticated or _is_service_account(user):
        return False
    return any(getattr(case, f"{name}_id") == user.pk for name in ENTITLED_FIELDS)


def identity_visible_q(user: Any) -> Q:
    """`may_see_identity` as a filter, for searching by a sender's name or number."""
    entitled = Q(pk__in=[])
    if user is not None and user.is_authenticated and not _is_service_account(user):
        for name in ENTITLED_FIELDS:
            entitled |= Q(**{name: user.pk})
    return ~Q(kind=Kind.DENUNCIATION) | entitled


def log_access(user: Any, case: Any, via: str, path: str = "") -> None:
    """Record that `user` was shown the denouncer of `case` (Art. 47: disclosure is traceable)."""
    from tiepdan.cases.models import IdentityAccess

    if not is_protected(case):
        return
    IdentityAccess.objects.create(
        case_id=case.pk,
        user_id=getattr(user, "pk", None),
        via=via,
        path=(path or "")[:300],
    )


# --- The identity as text, and removing it ---------------------------------------------------


def _phone_forms(value: str) -> list[str]:
    digits = re.sub(r"\D", "", value or "")
    if not digits:
        return []
    national = "0" + digits[2:] if digits.startswith("84") and len(digits) > 9 else digits
    return [national, national.lstrip("0"), "84" + national.lstrip("0")]


def identity_parts(
    *,
    names: Iterable[str] = (),
    addresses: Iterable[str] = (),
    numbers: Iterable[str] = (),
    emails: Iterable[str] = (),
) -> list[str]:
    """The pieces of an identity worth removing from text, longest first."""
    parts: set[str] = set()
    for text in [*names, *addresses]:
        if len(fold(text)) >= 4:
            parts.add(text)
    for number in numbers:
        for form in _phone_forms(number):
            if len(form) >= 6:
                parts.add(form)
    parts.update(e for e in emails if e)
    return sorted(parts, key=len, reverse=True)


def _folded_chars(text: str) -> str:
    """`text` folded one character at a time, so positions still match the original."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch.isspace():
            out.append(" ")
            continue
        f = fold(ch)
        out.append(f if len(f) == 1 else ch.lower()[:1] or "?")
    return "".join(out)


def _pattern(part: str) -> str:
    digits = re.sub(r"\D", "", part)
    if digits == part:  # a number: any separators between its digits, not inside a longer one
        return r"(?<!\d)" + r"[\s.\-]?".join(digits) + r"(?!\d)"
    if "@" in part:
        return re.escape(fold(part))
    # Words apart by spaces, or by the _ - . of a file name ("don_Nguyen_Van_A.pdf").
    words = [re.escape(w) for w in re.split(r"\s+", fold(part)) if w]
    return r"(?<![0-9a-z])" + r"[\s_.,\-]+".join(words) + r"(?![0-9a-z])"


# Contacts written into a protected text that no field records (a phone in the letter): any
# e-mail address, Vietnamese phone number or 12-digit CCCD goes, whoever it belongs to.
CONTACTS = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\d+])(?:\+?84|0)(?:[\s.\-]?\d){9}(?!\d)"
    r"|(?<!\d)\d{12}(?!\d)"
)


def redact_text(text: str, parts: Iterable[str]) -> str:
    """`text` with every piece of the identity, and every contact, replaced by “[…]”."""
    parts = list(parts)
    if not text:
        return text
    text = unicodedata.normalize("NFC", text)
    folded = _folded_chars(text)
    spans: list[tuple[int, int]] = [m.span() for m in CONTACTS.finditer(text)]
    for part in parts:
        digits = re.sub(r"\D", "", part) == part
        haystack = text if digits else folded
        spans += [m.span() for m in re.finditer(_pattern(part), haystack)]
    if not spans:
        return text
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            last = max(last, end)
            continue
        out += [text[last:start], REMOVED]
        last = end
    out.append(text[last:])
    return "".join(out)


def case_identity_parts(case_ids: Iterable[int]) -> dict[int, list[str]]:
    """The identity pieces of each case's senders (and its reception-book entry), by case id."""
    from tiepdan.cases.models import Case, CaseCitizen

    ids = list(case_ids)
    found: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for link in CaseCitizen.objects.filter(case_id__in=ids).select_related("citizen"):
        c, bucket = link.citizen, found[link.case_id]
        bucket["names"].append(c.full_name)
        bucket["addresses"].append(c.address)
        bucket["numbers"] += [c.phone, c.id_number]
        bucket["emails"].append(c.email)
    entries = Case.objects.filter(pk__in=ids, reception_entry__isnull=False).select_related(
        "reception_entry"
    )
    for case in entries:
        entry, bucket = case.reception_entry, found[case.pk]
        assert entry is not None
        bucket["names"].append(entry.full_name)
        bucket["addresses"].append(entry.address)
        bucket["numbers"].append(entry.id_number)
    return {pk: identity_parts(**found[pk]) for pk in ids}


@dataclass
class Disclosure:
    """What one user is shown of one case's senders: all of it, or the redacted form."""

    case: Any
    visible: bool
    parts: list[str] = field(default_factory=list)

    def text(self, value: str) -> str:
        """Free text of the case as this user may read it."""
        return value if self.visible else redact_text(value, self.parts)

    def data(self, value: Any) -> Any:
        """A timeline event's data, with the identity removed from its strings."""
        if self.visible:
            return value
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {k: self.data(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.data(v) for v in value]
        return value

    def case_fields(self) -> None:
        """Remove the identity from the case's own free text (in memory, for display)."""
        if self.visible:
            return
        for name in ("subject", "content", "decision_note", "rating_comment", "source_name"):
            setattr(self.case, name, self.text(getattr(self.case, name)))

    def texts(self, objects: Iterable[Any], name: str = "text") -> list[Any]:
        """`objects` (events, answers, files) with their `name` text redacted, in memory."""
        objects = list(objects)
        if not self.visible:
            for obj in objects:
                setattr(obj, name, self.text(getattr(obj, name)))
        return objects

    def events(self, events: Iterable[Any]) -> list[Any]:
        """Timeline events with the identity removed from their text and from the strings of
        their data (a returned draft's comment, the wording before and after a leader's
        edit), in memory."""
        events = self.texts(events)
        if not self.visible:
            for event in events:
                event.data = self.data(event.data)
        return events


def disclosure(user: Any, case: Any) -> Disclosure:
    """How much of `case`'s senders `user` may see."""
    visible = may_see_identity(user, case)
    parts = [] if visible else case_identity_parts([case.pk])[case.pk]
    return Disclosure(case=case, visible=visible, parts=parts)


def disclosure_for_request(request: Any, case: Any, via: str) -> Disclosure:
    """`disclosure` for the request's user, worked out once per case and request; an entitled
    view of a protected case is logged once (one response may show a case in several places)."""
    cache = request.__dict__.setdefault("_identity_disclosures", {})
    if case.pk not in cache:
        shown = cache[case.pk] = disclosure(request.user, case)
        if shown.visible and is_protected(case):
            log_access(request.user, case, via, request.get_full_path())
    return cache[case.pk]  # type: ignore[no-any-return]


def exported(case: Any) -> Disclosure:
    """The redacted form that leaves the system (exports, transfers, staff e-mails)."""
    if not is_protected(case):
        return Disclosure(case=case, visible=True)
    return Disclosure(case=case, visible=False, parts=case_identity_parts([case.pk])[case.pk])


def redact_subjects(user: Any, cases: Iterable[Any]) -> None:
    """Remove the identity from the subjects of a page of cases `user` may not see the senders
    of (in memory, for display: one query for the whole page)."""
    hidden = [
        c for c in cases if is_protected(c) and (user is None or not may_see_identity(user, c))
    ]
    if not hidden:
        return
    parts = case_identity_parts(c.pk for c in hidden)
    for case in hidden:
        case.subject = redact_text(case.subject, parts[case.pk])


# --- Reception-book entries -------------------------------------------------------------------


def entry_is_protected(entry: Any) -> bool:
    """A reception-book entry about a denunciation protects the visitor the same way."""
    return bool(entry.kind == Kind.DENUNCIATION)


def _entries_visible(user: Any, entries: list[Any]) -> set[int]:
    """Which protected `entries` `user` may see the visitor of: the officer who recorded the
    visit and the leader who received the citizen (they saw them in person), and whoever is
    entitled on a case made from the entry."""
    from tiepdan.cases.models import Case
    from tiepdan.reception.models import ReceptionEntry

    if user is None or not user.is_authenticated or _is_service_account(user) or not entries:
        return set()
    entitled_cases = Case.objects.filter(identity_visible_q(user)).values("reception_entry_id")
    rows = ReceptionEntry.objects.filter(pk__in=[e.pk for e in entries]).filter(
        Q(received_by=user) | Q(day__leader=user) | Q(pk__in=entitled_cases)
    )
    return set(rows.values_list("pk", flat=True))


def may_see_entry_identity(user: Any, entry: Any) -> bool:
    """`user` may see who came to the reception for `entry` (always, unless a denunciation)."""
    if not entry_is_protected(entry):
        return True
    return entry.pk in _entries_visible(user, [entry])


def entry_identity_parts(entry: Any) -> list[str]:
    members = [m.full_name for m in entry.members.all()] if entry.pk else []
    return identity_parts(
        names=[entry.full_name, *members], addresses=[entry.address], numbers=[entry.id_number]
    )


def redact_entry(entry: Any) -> Any:
    """`entry` (in memory, for display or export) with the visitor's identity replaced."""
    parts = entry_identity_parts(entry)
    entry.full_name, entry.address, entry.id_number = str(PROTECTED_NAME), "", ""
    for name in ("summary", "notes", "result", "prior_handling"):
        setattr(entry, name, redact_text(getattr(entry, name), parts))
    entry.identity_hidden = True
    return entry


def redact_entries(user: Any, entries: Iterable[Any], path: str | None = None) -> list[Any]:
    """A page of entries as `user` may see them (one query to decide for the whole page); with
    the page's `path`, each protected visitor shown is logged."""
    entries = list(entries)
    protected = [e for e in entries if entry_is_protected(e)]
    visible = _entries_visible(user, protected)
    for entry in protected:
        if entry.pk not in visible:
            redact_entry(entry)
        elif path is not None:
            log_entry_access(user, entry, path)
    return entries


def log_entry_access(user: Any, entry: Any, path: str = "") -> None:
    """Record a view of a protected visitor on the cases made from the entry (the log is kept
    per case; an entry not yet made into a case has no row)."""
    if entry_is_protected(entry):
        for case in entry.cases.all():
            log_access(user, case, Via.ENTRY, path)


def entry_disclosure_for_request(request: Any, entry: Any) -> Disclosure:
    """What the request's user may see of `entry`'s visitor, once per entry and request; an
    entitled view of a protected visitor is logged."""
    cache = request.__dict__.setdefault("_identity_entries", {})
    if entry.pk not in cache:
        visible = may_see_entry_identity(request.user, entry)
        if visible:
            log_entry_access(request.user, entry, request.get_full_path())
        parts = [] if visible else entry_identity_parts(entry)
        cache[entry.pk] = Disclosure(case=entry, visible=visible, parts=parts)
    return cache[entry.pk]  # type: ignore[no-any-return]
