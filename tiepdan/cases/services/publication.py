"""Publishing a case's answer on the public pages, without personal data.

A leader (`approve_answer`) publishes: the public subject and answer are theirs to edit, pre-filled
from the case with whatever looks like personal data already masked, and nothing is published
without their confirmation. Text that still looks like personal data (the case's citizens' names,
addresses, phone, ID and e-mail; any phone, 12-digit ID or e-mail) is a warning they must accept;
for a denunciation, anything identifying the denouncer is refused outright (Law on Denunciations
Art. 47). Withdrawing needs a reason; reopening a case withdraws its answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tiepdan.accounts.models import User
from tiepdan.cases import identity, rules
from tiepdan.cases.models import Case, CaseEvent, CaseQuerySet, Field, Response
from tiepdan.citizens.models import Citizen
from tiepdan.lib import ids
from tiepdan.lib.errors import Conflict, DomainError
from tiepdan.lib.text import fold, nfc, syllables
from tiepdan.orgunits.models import OrgUnit

MASK = "***"
_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
_ID_NUMBER = re.compile(r"(?<!\d)\d{12}(?!\d)")  # a CCCD, however it is spelled out (rule 25)
_LETTER_OR_DIGIT = "0-9a-z"

KIND_LABELS = {
    "name": gettext_lazy("name"),
    "address": gettext_lazy("address"),
    "phone": gettext_lazy("phone number"),
    "id_number": gettext_lazy("ID number"),
    "email": gettext_lazy("e-mail address"),
}


@dataclass(frozen=True)
class Finding:
    """A stretch of text that looks like personal data; `of_sender` when it is a citizen's own."""

    kind: str
    start: int
    end: int
    text: str
    of_sender: bool

    @property
    def label(self) -> str:
        return str(KIND_LABELS[self.kind])


def find_personal_data(text: str, people: Sequence[Citizen]) -> list[Finding]:
    """What in `text` (taken as NFC) looks like personal data, in order, overlaps dropped."""
    text = nfc(text)
    found = [
        *_people_in(text, people),
        *_phones_in(text, people),
        *_pattern_in(text, _ID_NUMBER, "id_number", {_digits(p.id_number) for p in people}),
        *_pattern_in(text, _EMAIL, "email", {p.email.lower() for p in people if p.email}),
    ]
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[Finding] = []
    for finding in found:
        if not kept or finding.start >= kept[-1].end:
            kept.append(finding)
    return kept


def mask(text: str, findings: Iterable[Finding]) -> str:
    """`text` (as NFC) with every finding replaced by `MASK`."""
    text = nfc(text)
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        text = text[: finding.start] + MASK + text[finding.end :]
    return text


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """`fold(text)` character by character, with each folded character's index in `text`."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for folded in " " if ch.isspace() else fold(ch):
            out.append(folded)
            where.append(i)
    return "".join(out), where


def _people_in(text: str, people: Sequence[Citizen]) -> Iterable[Finding]:
    """Full names and street addresses of the case's citizens, accents and case aside."""
    folded, where = _folded_with_positions(text)
    for person in people:
        street = (person.address or "").split(",")[0]
        for kind, words in (("name", syllables(person.full_name)), ("address", syllables(street))):
            if len(words) < 2:  # one syllable alone is a common word
                continue
            body = r"\s+".join(re.escape(w) for w in words)
            pattern = rf"(?<![{_LETTER_OR_DIGIT}]){body}(?![{_LETTER_OR_DIGIT}])"
            for match in re.finditer(pattern, folded):
                start, end = where[match.start()], where[match.end() - 1] + 1
                yield Finding(kind, start, end, text[start:end], of_sender=True)


def _phones_in(text: str, people: Sequence[Citizen]) -> Iterable[Finding]:
    own = {_e164(p.phone) for p in people if p.phone}
    for match in phonenumbers.PhoneNumberMatcher(text, "VN"):
        e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        yield Finding("phone", match.start, match.end, match.raw_string, of_sender=e164 in own)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value or "")


def _e164(phone: str) -> str:
    try:
        return ids.normalize_phone(phone)
    except ValidationError:
        return phone


def _pattern_in(text: str, pattern: re.Pattern[str], kind: str, own: set[str]) -> Iterable[Finding]:
    for match in pattern.finditer(text):
        value = match.group()
        key = value.lower() if kind == "email" else _digits(value)
        yield Finding(kind, match.start(), match.end(), value, of_sender=key in own)


def citizens_of(case: Case) -> list[Citizen]:
    return [link.citizen for link in case.case_citizens.select_related("citizen")]


def sent_answer(case: Case) -> Response | None:
    return case.responses.filter(state=Response.State.SENT).order_by("-sent_at", "-pk").first()


def proposed_text(case: Case) -> tuple[str, str]:
    """The public subject and answer to start from: the last published ones, else the case's
    subject and its sent answer, with whatever looks like personal data masked."""
    if case.public_subject and case.public_answer:
        return case.public_subject, case.public_answer
    people = citizens_of(case)
    answer = sent_answer(case)
    subject, text = case.subject, answer.text if answer else ""
    return (
        mask(subject, find_personal_data(subject, people)),
        mask(text, find_personal_data(text, people)),
    )


def warnings_for(case: Case, *, subject: str, answer: str) -> list[Finding]:
    """What in the public subject and answer looks like personal data."""
    people = citizens_of(case)
    return [*find_personal_data(subject, people), *find_personal_data(answer, people)]


def describe(findings: Sequence[Finding], *, reveal_senders: bool = True) -> str:
    """“name: Nguyễn Văn A; phone number: 0912 345 678” (a protected sender's data unspoken)."""
    parts = []
    for finding in findings:
        hidden = finding.of_sender and not reveal_senders
        parts.append(finding.label if hidden else f"{finding.label}: {finding.text}")
    return "; ".join(dict.fromkeys(parts))


def publish_answer(
    case: Case,
    *,
    actor: User,
    subject: str,
    answer: str,
    confirmed: bool,
    despite_warnings: bool = False,
) -> Case:
    """Publish (or correct) the case's answer on the public pages, as the leader confirmed it."""
    rules.check_publishable(status=case.status, is_duplicate=case.duplicate_of_id is not None)
    subject, answer = nfc(subject).strip(), nfc(answer).strip()
    if not subject:
        raise DomainError(_("Write the subject as the public will read it."), field="subject")
    if not answer:
        raise DomainError(_("Write the answer as the public will read it."), field="answer")
    findings = warnings_for(case, subject=subject, answer=answer)
    if identity.is_protected(case) and any(f.of_sender for f in findings):
        raise Conflict(
            _(
                "The text identifies the denouncer. A denouncer's identity is never published "
                "(Law on Denunciations Art. 47): remove it."
            ),
            field="answer",
        )
    if findings and not despite_warnings:
        raise DomainError(
            _("This may be personal data: %(items)s. Remove it, or confirm it is not.")
            % {"items": describe(findings)},
            field="despite_warnings",
        )
    if not confirmed:
        raise DomainError(
            _("Confirm that you have read the text and that it identifies nobody."),
            field="confirmed",
        )
    first = case.published_at is None
    case.published_at = case.published_at or timezone.now()
    case.public_subject, case.public_answer = subject, answer
    case.public_search = fold(f"{subject} {answer}")
    with transaction.atomic():
        case.save(
            update_fields=["published_at", "public_subject", "public_answer", "public_search"]
        )
        CaseEvent.record(
            case,
            actor=actor,
            kind=CaseEvent.Kind.PUBLISHED,
            text=_("The answer was published on the public pages, without personal data.")
            if first
            else _("The published answer was corrected."),
            is_public=True,
            warnings=len(findings),
        )
    return case


def unpublish_answer(case: Case, *, actor: User | None, reason: str) -> Case:
    """Withdraw the case's answer from the public pages, saying why (the texts are kept)."""
    if case.published_at is None:
        raise Conflict(_("The answer of this case is not published."))
    if not reason.strip():
        raise DomainError(_("Say why the answer is withdrawn."), field="reason")
    case.published_at = None
    with transaction.atomic():
        case.save(update_fields=["published_at"])
        CaseEvent.record(case, actor=actor, kind=CaseEvent.Kind.UNPUBLISHED, text=reason.strip())
    return case


def withdraw_when_reopened(case: Case) -> None:
    """Take a reopened case's contested answer off the public pages, if it is there."""
    if case.published_at is not None:
        unpublish_answer(
            case, actor=None, reason=_("The case was reopened; the answer is being reviewed.")
        )


MAX_QUERY_WORDS = 8


def published_in(
    unit: OrgUnit, *, field: Field | int | None = None, query: str = ""
) -> CaseQuerySet:
    """The unit's (and its subtree's) published answers, newest first, optionally narrowed to a
    field and to every word of `query` (accents and case aside)."""
    # Unit ids, not a join on the path: the (unit, -published_at) index then serves the page.
    units = list(OrgUnit.objects.subtree_of(unit).values_list("id", flat=True))
    cases = (
        Case.objects.published()
        .filter(unit_id__in=units)
        .select_related("unit", "field")
        .order_by("-published_at", "-id")
    )
    if field:
        cases = cases.filter(field=field)
    for word in fold(query[:200]).split()[:MAX_QUERY_WORDS]:
        cases = cases.filter(public_search__contains=word)
    return cases
