"""Duplicate and repeat detection at intake (issue 5 part 4; DOMAIN §5, rule 15).

A new case is compared with the existing cases of its province three ways, each a reason shown
to the officer:

- **same citizen**: a shared `Citizen` row (intake reuses rows found by CCCD or phone) and
  content at least loosely alike (`SAME_CITIZEN_COSINE`): a re-sent or repeated letter;
- **similar text**, from anyone: TF-IDF cosine over syllable 1–3-grams with the rapidfuzz
  re-rank (`lib/similarity`; thresholds measured in docs/benchmarks.md). Candidates come from
  the `DuplicateKey` table (each case's rarest n-gram hashes, per province), document
  frequencies from `TermCount`: nothing is held in a web worker's memory;
- **same place and problem**: many citizens writing about one place score far below any text
  threshold (notes §2: cosine median 0.23), so they are found by structured keys instead: the
  same ward, the same field, received within `PLACE_WINDOW_DAYS`, and a folded place text (or
  coordinates) that match.

Index maintenance runs after the intake's commit, in its own transaction, and never fails the
intake: a failure is logged and `index_missing` (a periodic job) indexes what was left out.
Document frequencies count cases indexed, not cases deleted since: an idf statistic, not a
ledger.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from rapidfuzz import fuzz

from tiepdan.cases.models import Case, CaseCitizen, CaseEvent, DuplicateKey, Matter, TermCount
from tiepdan.cases.rules import Kind
from tiepdan.lib import similarity
from tiepdan.lib.errors import DomainError
from tiepdan.lib.text import fold

if TYPE_CHECKING:
    from tiepdan.accounts.models import User
    from tiepdan.orgunits.models import OrgUnit

logger = logging.getLogger(__name__)

#: The `TermCount` row holding the number of indexed cases (no n-gram contains a NUL).
DOCUMENTS_KEY = similarity.key_hash("\x00documents")
#: Cosine at or above which a case of the same citizen is the same matter (a repeat with new
#: wording; below it the citizen wrote about something else).
SAME_CITIZEN_COSINE = 0.30
#: How many of the citizen's latest cases are compared.
SAME_CITIZEN_LIMIT = 30
#: About this many key rows are read per look-up (a bound on the work, whatever the text) …
KEY_ROWS_LIMIT = 5000
#: … but never fewer than this many of the rarest keys.
MIN_QUERY_KEYS = 8
#: "Same place and problem": received within this many days of each other …
PLACE_WINDOW_DAYS = 90
#: … with folded place texts this alike (rapidfuzz token_set_ratio) …
PLACE_SCORE = 85.0
#: … or this alike when the new case has no field yet (the problem is then unknown) …
PLACE_SCORE_WITHOUT_FIELD = 95.0
#: … or coordinates at most this far apart (metres).
PLACE_DISTANCE_M = 100.0
#: How many recent cases of the ward are compared by place.
PLACE_LIMIT = 300
#: Published cases shown on the public form: a looser bar (it is a suggestion to read).
PUBLISHED_COSINE = 0.30
PUBLISHED_LIMIT = 3
#: N-grams in at most this many cases are never dropped as too common (see `_vectorizer`).
MIN_DF_CUTOFF = 50
#: Chunk of an IN list (SQLite allows 32,766 parameters; PostgreSQL more).
CHUNK = 5000


_NUMBER = re.compile(r"\d+")


class Reason:
    SAME_CITIZEN = "same_citizen"
    SIMILAR_TEXT = "similar_text"
    SAME_PLACE = "same_place"


# --- Keys and statistics ----------------------------------------------------------------


def province_of(unit: OrgUnit) -> int:
    """The id of the top unit of `unit`'s path (its province): the scope of every look-up."""
    first = unit.path.strip("/").split("/")[0]
    return int(first) if first else unit.pk


def case_text(subject: str, content: str) -> str:
    return f"{subject}\n{content}"


def _chunks(items: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def _hashes(grams: Iterable[str]) -> dict[str, int]:
    return {term: similarity.key_hash(term) for term in grams}


def _frequencies(hashes: dict[str, int]) -> dict[str, int]:
    """The document frequency of each n-gram (by its hash): plain SQL, one IN list per chunk
    (the ORM takes longer to compile a list of thousands than the database to answer it); on
    PostgreSQL one array parameter, as the driver's splitting of thousands of placeholders
    costs more than the query."""
    by_hash: dict[int, int] = {}
    table = connection.ops.quote_name(TermCount._meta.db_table)
    key, df = connection.ops.quote_name("key"), connection.ops.quote_name("df")
    select = f"SELECT {key}, {df} FROM {table} WHERE {key}"  # noqa: S608 - quoted names
    with connection.cursor() as cursor:
        for part in _chunks(sorted(set(hashes.values()))):
            if connection.vendor == "postgresql":
                cursor.execute(f"{select} = ANY(%s::bigint[])", [list(part)])
            else:
                cursor.execute(f"{select} IN ({', '.join(['%s'] * len(part))})", list(part))
            by_hash.update(cursor.fetchall())
    return {term: by_hash[h] for term, h in hashes.items() if h in by_hash}


def document_count() -> int:
    row = TermCount.objects.filter(key=DOCUMENTS_KEY).values_list("df", flat=True).first()
    return row or 0


def _add(counts: Mapping[int, int]) -> None:
    """df + n for each key (an upsert both engines speak), in key order so that concurrent
    intakes lock rows in the same order and never deadlock."""
    table = connection.ops.quote_name(TermCount._meta.db_table)
    key, df = connection.ops.quote_name("key"), connection.ops.quote_name("df")
    with connection.cursor() as cursor:
        for part in _chunks(sorted(counts)):
            values = ", ".join(["(%s, %s)"] * len(part))
            cursor.execute(
                f"INSERT INTO {table} ({key}, {df}) VALUES {values} "  # noqa: S608 - quoted names
                f"ON CONFLICT ({key}) DO UPDATE SET {df} = {table}.{df} + excluded.{df}",
                [value for k in part for value in (k, counts[k])],
            )


def _store_keys(rows: Sequence[tuple[int, int, int]]) -> None:
    """Insert (key, province, case) rows: plain SQL, the ORM costs more than the database."""
    table = connection.ops.quote_name(DuplicateKey._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in ("key", "province_id", "case_id"))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s)",  # noqa: S608 - quoted names
            list(rows),
        )


def _remove_one(keys: Sequence[int]) -> None:
    for part in _chunks(sorted(set(keys))):
        TermCount.objects.filter(key__in=part, df__gt=0).update(df=F("df") - 1)


def index_case(case: Case) -> bool:
    """Store the case's candidate keys and count its n-grams; False if it was indexed already."""
    if DuplicateKey.objects.filter(case=case).exists():
        return False
    grams = similarity.ngrams(case_text(case.subject, case.content))
    hashes = _hashes(grams)
    df = _frequencies(hashes)
    keys = similarity.candidate_keys(grams, df)
    province = province_of(case.unit)
    with transaction.atomic():
        _store_keys([(k, province, case.pk) for k in keys])
        _add(dict.fromkeys([*hashes.values(), DOCUMENTS_KEY], 1))
    return True


def reindex_case(case: Case, *, old_subject: str, old_content: str) -> None:
    """The subject or content changed: take the old n-grams out, then index the new text."""
    old = _hashes(similarity.ngrams(case_text(old_subject, old_content)))
    with transaction.atomic():
        DuplicateKey.objects.filter(case=case).delete()
        _remove_one([*old.values(), DOCUMENTS_KEY])
        index_case(case)


def index_after_commit(case_pk: int) -> None:
    """Index a case just received; never raises (the periodic `index_missing` catches up)."""
    try:
        case = Case.objects.select_related("unit").get(pk=case_pk)
        index_case(case)
    except Exception:  # noqa: BLE001 - intake must not fail because indexing did
        logger.exception("Duplicate index: case %s left for the periodic job", case_pk)


def index_missing(*, days: int = 3) -> int:
    """Index the cases created in the last `days` days that have no keys yet."""
    since = timezone.now() - timedelta(days=days)
    keyed = DuplicateKey.objects.filter(case_id__in=Case.objects.filter(created_at__gte=since))
    missing = (
        Case.objects.filter(created_at__gte=since)
        .exclude(pk__in=keyed.values("case_id"))
        .select_related("unit")
    )
    return sum(index_case(case) for case in missing.iterator())


def rebuild(cases: Iterable[Case]) -> int:
    """Index many cases at once (demo data, a restored database): each case's keys picked with
    the counts of the cases before it, as intake would; returns how many were new."""
    cases = list(cases)
    keyed: set[int] = set()
    for part in _chunks([c.pk for c in cases]):
        keyed.update(
            DuplicateKey.objects.filter(case_id__in=part).values_list("case_id", flat=True)
        )
    cases = [c for c in cases if c.pk not in keyed]
    grams = [similarity.ngrams(case_text(c.subject, c.content)) for c in cases]
    hashes = _hashes({term for counts in grams for term in counts})
    df: Counter[str] = Counter(_frequencies(hashes))
    keys: list[tuple[int, int, int]] = []
    added: Counter[int] = Counter()
    for case, counts in zip(cases, grams, strict=True):
        province = province_of(case.unit)
        keys += [(k, province, case.pk) for k in similarity.candidate_keys(counts, df)]
        df.update(counts.keys())
        added.update(hashes[term] for term in counts)
    added[DOCUMENTS_KEY] = len(cases)
    with transaction.atomic():
        _store_keys(keys)
        _add(added)
    return len(cases)


# --- Suggestions ------------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    """What a suggestion is computed from: a case being entered, or one already stored."""

    unit_id: int
    province_id: int
    subject: str
    content: str
    citizen_ids: tuple[int, ...] = ()
    field_id: int | None = None
    location_text: str = ""
    received_on: date | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    exclude_ids: tuple[int, ...] = ()

    @classmethod
    def of(cls, case: Case) -> Draft:
        citizens = tuple(case.case_citizens.values_list("citizen_id", flat=True))
        linked = {case.pk}
        if case.duplicate_of_id:
            linked.add(case.duplicate_of_id)
        linked.update(case.duplicates.values_list("pk", flat=True))
        return cls(
            unit_id=case.unit_id,
            province_id=province_of(case.unit),
            subject=case.subject,
            content=case.content,
            citizen_ids=citizens,
            field_id=case.field_id,
            location_text=case.location_text,
            received_on=case.received_on,
            latitude=case.latitude,
            longitude=case.longitude,
            exclude_ids=tuple(sorted(linked)),
        )

    @property
    def text(self) -> str:
        return case_text(self.subject, self.content)


@dataclass
class Suggestion:
    """An existing case that may be the same matter, and why."""

    case: Case
    reasons: list[str] = field(default_factory=list)
    cosine: float | None = None
    token_set: float | None = None
    place_score: float | None = None
    # False for a denunciation whose sender the viewer may not see: its subject may name them.
    subject_visible: bool = True

    @property
    def same_citizen(self) -> bool:
        return Reason.SAME_CITIZEN in self.reasons

    def explain(self) -> list[str]:
        """The reasons in words, for the officer."""
        words = []
        for reason in self.reasons:
            if reason == Reason.SAME_CITIZEN:
                words.append(_("Same citizen, similar content"))
            elif reason == Reason.SIMILAR_TEXT:
                words.append(
                    _("Similar text (similarity %(score)s%%)")
                    % {"score": round(100 * max(self.cosine or 0, (self.token_set or 0) / 100))}
                )
            elif reason == Reason.SAME_PLACE:
                words.append(_("Same place and problem"))
        return words

    @property
    def score(self) -> float:
        return max(self.cosine or 0.0, (self.token_set or 0.0) / 100, (self.place_score or 0) / 200)


CANDIDATE_FIELDS = (
    "id",
    "unit_id",
    "year",
    "number",
    "kind",
    "status",
    "subject",
    "content",
    "received_on",
    "field_id",
    "duplicate_of_id",
    "matter_id",
    "transfer_count",
    "location_text",
    "resolver_id",
    "assignee_id",
    "created_by_id",
    "published_at",
    "public_subject",
    "public_answer",
)


def _in_province(province_id: int) -> Q:
    return Q(unit__path__startswith=f"/{province_id}/")


def _within_budget(grams: Mapping[str, int], df: Mapping[str, int]) -> list[int]:
    """The query's rarest known n-grams (`similarity.query_keys`), as many as fit in
    `KEY_ROWS_LIMIT` key rows: a key is stored by at most `df` cases, so the rarest keys are
    all read and a common one never crowds them out (an SQL LIMIT would cut by hash order)."""
    known = sorted((df[t], t) for t in grams if df.get(t, 0) > 0)[: similarity.QUERY_KEYS]
    chosen: list[int] = []
    rows = 0
    for count, term in known:
        if rows + count > KEY_ROWS_LIMIT and len(chosen) >= MIN_QUERY_KEYS:
            break
        chosen.append(similarity.key_hash(term))
        rows += count
    return chosen


def _text_candidates(
    draft: Draft, grams: dict[str, int], df: dict[str, int], **extra: Any
) -> list[int]:
    keys = _within_budget(grams, df)
    if not keys:
        return []
    rows = (
        DuplicateKey.objects.filter(key__in=keys, province_id=draft.province_id, **extra)
        .exclude(case_id__in=draft.exclude_ids)
        .values_list("case_id", "key")[: 4 * KEY_ROWS_LIMIT]  # a hard bound
    )
    by_key = {similarity.key_hash(term): count for term, count in df.items()}
    return similarity.shortlist(rows, by_key)


def _same_citizen_ids(draft: Draft) -> list[int]:
    if not draft.citizen_ids:
        return []
    links = (
        CaseCitizen.objects.filter(citizen_id__in=draft.citizen_ids)
        .filter(Q(case__unit__path__startswith=f"/{draft.province_id}/"))
        .exclude(case_id__in=draft.exclude_ids)
        .order_by("-case_id")
        .values_list("case_id", flat=True)
    )
    return list(dict.fromkeys(links[: SAME_CITIZEN_LIMIT * 2]))[:SAME_CITIZEN_LIMIT]


def _vectorizer(grams: Iterable[Mapping[str, int]], known: dict[str, int]) -> similarity.Vectorizer:
    """A vectorizer over the document frequencies of every n-gram in `grams`."""
    terms: set[str] = set()
    for counts in grams:
        terms.update(counts)
    df = {**known, **_frequencies(_hashes(terms - known.keys()))}
    n_docs = document_count()
    # A young database: n-grams in up to MIN_DF_CUTOFF cases always count (5% of a few cases
    # would drop exactly the n-grams a case shares with its re-send).
    ratio = max(similarity.MAX_DF_RATIO, MIN_DF_CUTOFF / max(n_docs, 1))
    return similarity.Vectorizer(df, n_docs, max_df_ratio=ratio)


def _distance_m(a: Draft, b: Case) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1 = math.radians(float(a.latitude)), math.radians(float(a.longitude))  # type: ignore[arg-type]
    lat2, lon2 = math.radians(float(b.latitude)), math.radians(float(b.longitude))  # type: ignore[arg-type]
    x = (lon2 - lon1) * math.cos((lat1 + lat2) / 2)
    return 6_371_000 * math.hypot(x, lat2 - lat1)


def _same_place(draft: Draft) -> dict[int, tuple[Case, float]]:
    """Cases of the same ward (and field), near in time, whose place matches: score 0–100."""
    place = fold(draft.location_text)
    if not place and draft.latitude is None:
        return {}
    day = draft.received_on or timezone.localdate()
    window = timedelta(days=PLACE_WINDOW_DAYS)
    cases = Case.objects.filter(
        unit_id=draft.unit_id, received_on__gte=day - window, received_on__lte=day + window
    ).exclude(pk__in=draft.exclude_ids)
    if draft.field_id is not None:
        cases = cases.filter(field_id=draft.field_id)
    bar = PLACE_SCORE if draft.field_id is not None else PLACE_SCORE_WITHOUT_FIELD
    rows = cases.only(*CANDIDATE_FIELDS, "latitude", "longitude")
    found: dict[int, tuple[Case, float]] = {}
    numbers = set(_NUMBER.findall(place))
    for case in rows.order_by("-received_on", "-id")[:PLACE_LIMIT]:
        other = fold(case.location_text)
        score = float(fuzz.token_set_ratio(place, other)) if place else 0.0
        theirs = set(_NUMBER.findall(other))
        if numbers and theirs and not numbers & theirs:
            score = 0.0  # "số 12 Lê Lợi" and "số 200 Lê Lợi" are different places
        distance = _distance_m(draft, case)
        if distance is not None and distance <= PLACE_DISTANCE_M:
            score = max(score, 100.0)
        if score >= bar and (place and case.location_text or distance is not None):
            found[case.pk] = (case, score)
    return found


def suggest(draft: Draft, *, limit: int = 10) -> list[Suggestion]:
    """Existing cases of the draft's province that may be the same matter, best first.

    Same citizen first, then by score. Nothing here checks who is asking: callers show the
    result through `for_user`.
    """
    grams = similarity.ngrams(draft.text)
    query_df = _frequencies(_hashes(grams))
    text_ids = _text_candidates(draft, grams, query_df)
    citizen_ids = _same_citizen_ids(draft)
    places = _same_place(draft)
    ids = list(dict.fromkeys([*citizen_ids, *text_ids]))
    cases = {c.pk: c for c in Case.objects.filter(pk__in=ids).only(*CANDIDATE_FIELDS)}
    texts = {pk: case_text(c.subject, c.content) for pk, c in cases.items()}
    grams_of = {pk: similarity.ngrams(text) for pk, text in texts.items()}
    vectorizer = _vectorizer([grams, *grams_of.values()], query_df)
    found: dict[int, Suggestion] = {}
    pool = [(pk, texts[pk]) for pk in text_ids if pk in cases]
    for match in similarity.best_matches(draft.text, pool, vectorizer, grams=grams_of):
        if match.is_duplicate:
            found[match.key] = Suggestion(
                cases[match.key], [Reason.SIMILAR_TEXT], match.cosine, match.token_set
            )
    query = vectorizer.vector(grams)
    for pk in citizen_ids:
        if pk not in cases:
            continue
        score = similarity.cosine(query, vectorizer.vector(grams_of[pk]))
        if score >= SAME_CITIZEN_COSINE or pk in found:
            item = found.setdefault(pk, Suggestion(cases[pk], cosine=score))
            item.reasons.insert(0, Reason.SAME_CITIZEN)
    for pk, (case, score) in places.items():
        item = found.setdefault(pk, Suggestion(case))
        item.reasons.append(Reason.SAME_PLACE)
        item.place_score = score
    ranked = sorted(found.values(), key=lambda s: (not s.same_citizen, -s.score, -s.case.pk))
    return ranked[:limit]


@dataclass
class Shown:
    """Suggestions as one user may see them: the cases they can open, and a count of others."""

    visible: list[Suggestion]
    elsewhere: int


def for_user(suggestions: list[Suggestion], user: User, case: Case | None = None) -> Shown:
    """Keep what `user` may see: cases in their units; "same citizen" only where they may see
    both senders (a denouncer's identity must not leak through the link, rule 19)."""
    from tiepdan.cases.identity import may_see_identity

    units = (
        set(user.visible_units().values_list("id", flat=True)) if not user.is_superuser else None
    )
    shown, elsewhere = [], 0
    for item in suggestions:
        if units is not None and item.case.unit_id not in units:
            elsewhere += 1
            continue
        if item.same_citizen and not (
            may_see_identity(user, item.case) and (case is None or may_see_identity(user, case))
        ):
            item.reasons.remove(Reason.SAME_CITIZEN)
            if not item.reasons:
                continue
        item.subject_visible = may_see_identity(user, item.case)
        shown.append(item)
    return Shown(shown, elsewhere)


def similar_published(unit: OrgUnit, subject: str, content: str) -> list[Case]:
    """Published cases of the province like this text (for the public form: public fields only)."""
    draft = Draft(unit_id=unit.pk, province_id=province_of(unit), subject=subject, content=content)
    grams = similarity.ngrams(draft.text)
    if not grams:
        return []
    query_df = _frequencies(_hashes(grams))
    ids = _text_candidates(draft, grams, query_df, case__published_at__isnull=False)
    cases = {
        c.pk: c
        for c in Case.objects.filter(pk__in=ids, published_at__isnull=False).only(
            "id",
            "subject",
            "content",
            "public_subject",
            "public_answer",
            "published_at",
            "tracking_code",
        )
    }
    texts = {pk: case_text(c.subject, c.content) for pk, c in cases.items()}
    grams_of = {pk: similarity.ngrams(text) for pk, text in texts.items()}
    vectorizer = _vectorizer([grams, *grams_of.values()], query_df)
    matches = similarity.best_matches(
        draft.text, texts.items(), vectorizer, rerank=False, grams=grams_of
    )
    return [cases[m.key] for m in matches if m.cosine >= PUBLISHED_COSINE][:PUBLISHED_LIMIT]


# --- Rule 15 ----------------------------------------------------------------------------


def transferred_same_matter(case: Case) -> Case | None:
    """A denunciation of the same matter already transferred (rule 15), if any.

    The same matter: marked as duplicates of one another, or the same citizen with similar
    content (what `suggest` finds as "same citizen").
    """
    if case.kind != Kind.DENUNCIATION:
        return None
    root = case.duplicate_of_id or case.pk
    marked = (
        Case.objects.filter(Q(pk=root) | Q(duplicate_of_id=root))
        .exclude(pk=case.pk)
        .filter(kind=Kind.DENUNCIATION, transfer_count__gt=0)
        .first()
    )
    if marked is not None:
        return marked
    for item in suggest(Draft.of(case), limit=20):
        other = item.case
        if item.same_citizen and other.kind == Kind.DENUNCIATION and other.transfer_count:
            return other
    return None


# --- Staff actions: mark a duplicate, group into a matter -----------------------------------


def mark_duplicate(case: Case, original: Case, *, actor: User) -> Case:
    """`case` is a duplicate of `original`: it follows it and is counted once (`counted()`)."""
    original = original.duplicate_of or original
    if original.pk == case.pk:
        raise DomainError(_("A case cannot be a duplicate of itself."), field="original")
    if province_of(original.unit) != province_of(case.unit):
        raise DomainError(_("Only a case of the same province can be the original."))
    if case.duplicates.exists():
        raise DomainError(
            _("Other cases are marked as duplicates of this one, so it cannot be one itself.")
        )
    if case.duplicate_of_id == original.pk:
        raise DomainError(_("This case is already marked as a duplicate of that one."))
    case.duplicate_of = original
    with transaction.atomic():
        case.save(update_fields=["duplicate_of"])
        CaseEvent.record(
            case,
            actor=actor,
            kind=CaseEvent.Kind.DUPLICATE_MARKED,
            text=_("Marked as a duplicate of case %(number)s; handled together with it.")
            % {"number": original.registration_number},
            original=original.pk,
        )
        CaseEvent.record(
            case,
            actor=actor,
            kind=CaseEvent.Kind.PUBLIC_UPDATE,
            is_public=True,
            text=_("Your letter is handled together with an earlier case on the same matter."),
        )
        CaseEvent.record(
            original,
            actor=actor,
            kind=CaseEvent.Kind.DUPLICATE_MARKED,
            text=_("Case %(number)s marked as a duplicate of this case.")
            % {"number": case.registration_number},
            duplicate=case.pk,
        )
    return case


def unmark_duplicate(case: Case, *, actor: User) -> Case:
    """Undo `mark_duplicate`: the case is its own matter again and counted again."""
    original = case.duplicate_of
    if original is None:
        raise DomainError(_("This case is not marked as a duplicate."))
    case.duplicate_of = None
    with transaction.atomic():
        case.save(update_fields=["duplicate_of"])
        for target, text in (
            (
                case,
                _("No longer a duplicate of case %(number)s.")
                % {"number": original.registration_number},
            ),
            (
                original,
                _("Case %(number)s is no longer marked as a duplicate of this case.")
                % {"number": case.registration_number},
            ),
        ):
            CaseEvent.record(target, actor=actor, kind=CaseEvent.Kind.DUPLICATE_UNMARKED, text=text)
    return case


def group_into_matter(case: Case, other: Case, *, actor: User) -> Matter:
    """Put two cases of one unit in one matter: `other`'s, `case`'s, or a new one."""
    if other.pk == case.pk:
        raise DomainError(_("Choose another case to group with."), field="other")
    if other.unit_id != case.unit_id:
        raise DomainError(_("Only cases of the same unit can be grouped into a matter."))
    if case.matter_id and other.matter_id and case.matter_id != other.matter_id:
        raise DomainError(_("Both cases already belong to different matters."))
    with transaction.atomic():
        matter = other.matter or case.matter
        if matter is None:
            matter = Matter.objects.create(
                unit=case.unit, title=other.subject[:300], created_by=actor
            )
        for member in (case, other):
            if member.matter_id != matter.pk:
                member.matter = matter
                member.save(update_fields=["matter"])
                CaseEvent.record(
                    member,
                    actor=actor,
                    kind=CaseEvent.Kind.MATTER_JOINED,
                    text=_("Grouped into the matter “%(title)s”.") % {"title": matter.title},
                    matter=matter.pk,
                )
    return matter


def leave_matter(case: Case, *, actor: User) -> Case:
    """Take a case out of its matter (undo of grouping)."""
    matter = case.matter
    if matter is None:
        raise DomainError(_("This case is not in a matter."))
    case.matter = None
    with transaction.atomic():
        case.save(update_fields=["matter"])
        CaseEvent.record(
            case,
            actor=actor,
            kind=CaseEvent.Kind.MATTER_LEFT,
            text=_("Taken out of the matter “%(title)s”.") % {"title": matter.title},
            matter=matter.pk,
        )
    return case
