"""The accent-insensitive full-text index over cases, for both engines (used by `search`).

What is indexed: the subject, the content and `Case.search_names` (the names of the case's
citizens, as written). `search_names` is kept by database triggers on the links and on citizens'
names, so every path — intake, imports, bulk loads, an anonymising UPDATE of a citizen — keeps it
right without any Python hook to forget.

- SQLite: a contentless FTS5 table `cases_case_fts(subject, content, names)` with the
  `unicode61 remove_diacritics 2` tokenizer; triggers copy each case into it with đ/Đ replaced
  by d/D (đ has no Unicode decomposition, so unicode61 would keep it). Django rebuilds a SQLite
  table for many schema changes: that drops the table's own triggers, and fails outright while
  a trigger of another table names it. So on SQLite the triggers live outside the migrations:
  `drop_sqlite_name_triggers` runs before every `migrate`, `ensure_sqlite_index` after it
  (it re-creates what is missing, refreshes the names, and rebuilds the index if the case
  triggers were gone).
- PostgreSQL: the `unaccent` extension, a text-search configuration `vn` (unaccent + simple),
  and a stored generated column `cases_case.search_vector` — subject weight A, content B,
  names C, every run of non-letters made a space first so that words split exactly as
  `tiepdan.lib.search_query` splits them — with a GIN index.
"""

# ruff: noqa: S608 - every statement is built from this module's constants; no input reaches it.
from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError

FTS_TABLE = "cases_case_fts"


def _fold(column: str) -> str:
    return f"replace(replace({column}, 'đ', 'd'), 'Đ', 'D')"


def _sqlite_names(case_id: str) -> str:
    return (
        "(SELECT coalesce(group_concat(z.full_name, ', '), '') FROM cases_casecitizen y "
        f"JOIN citizens_citizen z ON z.id = y.citizen_id WHERE y.case_id = {case_id})"
    )


def _sqlite_refresh(case_id: str) -> str:
    names = _sqlite_names(case_id)
    return (
        f"UPDATE cases_case SET search_names = {names} "
        f"WHERE id = {case_id} AND search_names IS NOT {names};"
    )


def _sqlite_row(prefix: str) -> str:
    return ", ".join(_fold(f"{prefix}.{c}") for c in ("subject", "content", "search_names"))


SQLITE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(subject, content, names, "
    "content='', tokenize='unicode61 remove_diacritics 2')"
)
_SQLITE_DELETE = (
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, subject, content, names) "
    f"VALUES ('delete', old.id, {_sqlite_row('old')});"
)
_SQLITE_INSERT = (
    f"INSERT INTO {FTS_TABLE}(rowid, subject, content, names) "
    f"VALUES (new.id, {_sqlite_row('new')});"
)
#: name → CREATE TRIGGER statement; the case triggers feed the index, the others the names.
SQLITE_TRIGGERS = {
    "cases_case_fts_insert": (
        "CREATE TRIGGER IF NOT EXISTS cases_case_fts_insert AFTER INSERT ON cases_case "
        f"BEGIN {_SQLITE_INSERT} END"
    ),
    "cases_case_fts_delete": (
        "CREATE TRIGGER IF NOT EXISTS cases_case_fts_delete AFTER DELETE ON cases_case "
        f"BEGIN {_SQLITE_DELETE} END"
    ),
    "cases_case_fts_update": (
        "CREATE TRIGGER IF NOT EXISTS cases_case_fts_update "
        "AFTER UPDATE OF subject, content, search_names ON cases_case "
        "WHEN old.subject IS NOT new.subject OR old.content IS NOT new.content "
        "OR old.search_names IS NOT new.search_names "
        f"BEGIN {_SQLITE_DELETE} {_SQLITE_INSERT} END"
    ),
    "cases_casecitizen_names_insert": (
        "CREATE TRIGGER IF NOT EXISTS cases_casecitizen_names_insert "
        f"AFTER INSERT ON cases_casecitizen BEGIN {_sqlite_refresh('new.case_id')} END"
    ),
    "cases_casecitizen_names_delete": (
        "CREATE TRIGGER IF NOT EXISTS cases_casecitizen_names_delete "
        f"AFTER DELETE ON cases_casecitizen BEGIN {_sqlite_refresh('old.case_id')} END"
    ),
    "cases_casecitizen_names_update": (
        "CREATE TRIGGER IF NOT EXISTS cases_casecitizen_names_update "
        "AFTER UPDATE OF case_id, citizen_id ON cases_casecitizen "
        f"BEGIN {_sqlite_refresh('old.case_id')} {_sqlite_refresh('new.case_id')} END"
    ),
    "citizens_citizen_names_update": (
        "CREATE TRIGGER IF NOT EXISTS citizens_citizen_names_update "
        "AFTER UPDATE OF full_name ON citizens_citizen "
        "WHEN old.full_name IS NOT new.full_name BEGIN "
        f"UPDATE cases_case SET search_names = {_sqlite_names('cases_case.id')} "
        "WHERE id IN (SELECT case_id FROM cases_casecitizen WHERE citizen_id = new.id); END"
    ),
}
_CASE_TRIGGERS = ("cases_case_fts_insert", "cases_case_fts_delete", "cases_case_fts_update")
SQLITE_BACKFILL = [
    f"UPDATE cases_case SET search_names = {_sqlite_names('cases_case.id')} "
    "WHERE (search_names <> '' OR id IN (SELECT case_id FROM cases_casecitizen)) "
    f"AND search_names IS NOT {_sqlite_names('cases_case.id')}",
    f"INSERT INTO {FTS_TABLE}(rowid, subject, content, names) "
    f"SELECT id, {_sqlite_row('cases_case')} FROM cases_case",
]


def _pg_text(column: str) -> str:
    return f"regexp_replace(normalize(coalesce({column}, ''), NFC), '[^[:alnum:]]+', ' ', 'g')"


PG_CONFIG = """
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'vn') THEN
    CREATE TEXT SEARCH CONFIGURATION public.vn (COPY = pg_catalog.simple);
    ALTER TEXT SEARCH CONFIGURATION public.vn ALTER MAPPING
      FOR word, numword, hword, hword_part, hword_numpart, numhword
      WITH public.unaccent, pg_catalog.simple;
  END IF;
END $$
"""
PG_NAMES = """
CREATE OR REPLACE FUNCTION cases_refresh_search_names(case_ids bigint[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE cases_case c SET search_names = n.names
  FROM (
    SELECT x.id, coalesce((
      SELECT string_agg(z.full_name, ', ' ORDER BY y.id)
      FROM cases_casecitizen y JOIN citizens_citizen z ON z.id = y.citizen_id
      WHERE y.case_id = x.id), '') AS names
    FROM unnest(case_ids) AS x(id)
  ) n
  WHERE c.id = n.id AND c.search_names IS DISTINCT FROM n.names
$$;
CREATE OR REPLACE FUNCTION cases_casecitizen_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM cases_refresh_search_names(ARRAY[NEW.case_id]); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM cases_refresh_search_names(ARRAY[OLD.case_id]); END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION citizens_citizen_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cases_refresh_search_names(
    ARRAY(SELECT case_id FROM cases_casecitizen WHERE citizen_id = NEW.id));
  RETURN NULL;
END $$;
CREATE TRIGGER cases_casecitizen_names AFTER INSERT OR DELETE OR UPDATE OF case_id, citizen_id
  ON cases_casecitizen FOR EACH ROW EXECUTE FUNCTION cases_casecitizen_names();
CREATE TRIGGER citizens_citizen_names AFTER UPDATE OF full_name ON citizens_citizen
  FOR EACH ROW WHEN (OLD.full_name IS DISTINCT FROM NEW.full_name)
  EXECUTE FUNCTION citizens_citizen_names();
SELECT cases_refresh_search_names(ARRAY(SELECT DISTINCT case_id FROM cases_casecitizen));
"""
PG_VECTOR = f"""
ALTER TABLE cases_case ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('public.vn'::regconfig, {_pg_text("subject")}), 'A') ||
  setweight(to_tsvector('public.vn'::regconfig, {_pg_text("content")}), 'B') ||
  setweight(to_tsvector('public.vn'::regconfig, {_pg_text("search_names")}), 'C')
) STORED;
CREATE INDEX cases_case_search ON cases_case USING gin (search_vector);
"""
PG_DROP = """
DROP INDEX IF EXISTS cases_case_search;
ALTER TABLE cases_case DROP COLUMN IF EXISTS search_vector;
DROP TRIGGER IF EXISTS citizens_citizen_names ON citizens_citizen;
DROP TRIGGER IF EXISTS cases_casecitizen_names ON cases_casecitizen;
DROP FUNCTION IF EXISTS citizens_citizen_names();
DROP FUNCTION IF EXISTS cases_casecitizen_names();
DROP FUNCTION IF EXISTS cases_refresh_search_names(bigint[]);
DROP TEXT SEARCH CONFIGURATION IF EXISTS public.vn;
"""

UNACCENT_MISSING = (
    "The case search index needs the PostgreSQL extension “unaccent” (in postgresql-contrib), "
    "and the database user {user} may not create it. As a superuser, run in database {db}:\n"
    "    CREATE EXTENSION IF NOT EXISTS unaccent;\n"
    "then run `manage.py migrate` again. (Detail: {error})"
)


def create_pg_extension(cursor: Any) -> None:
    """Create `unaccent` unless it exists; if the user may not, stop with what to do."""
    cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'")
    if cursor.fetchone():
        return
    cursor.execute("SAVEPOINT tiepdan_unaccent")
    try:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    except Exception as exc:  # the driver's own error type: privilege or a missing package
        cursor.execute("ROLLBACK TO SAVEPOINT tiepdan_unaccent")
        cursor.execute("SELECT current_user, current_database()")
        user, db = cursor.fetchone()
        # A CommandError: `migrate` prints the message alone, without a traceback.
        raise CommandError(UNACCENT_MISSING.format(user=user, db=db, error=exc)) from exc
    cursor.execute("RELEASE SAVEPOINT tiepdan_unaccent")


def create(connection: Any) -> None:
    """Create the index for `connection`'s engine and fill it from the existing cases."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(SQLITE_TABLE)  # filled, with its triggers, by ensure_sqlite_index
        elif connection.vendor == "postgresql":
            create_pg_extension(cursor)
            cursor.execute(PG_CONFIG)
            cursor.execute(PG_NAMES)
            cursor.execute(PG_VECTOR)


def drop(connection: Any) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for name in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        elif connection.vendor == "postgresql":
            cursor.execute(PG_DROP)


def ensure_sqlite_index(connection: Any) -> bool:
    """Put back triggers a SQLite table rebuild dropped; rebuild the index if the case triggers
    were gone (rows may have changed meanwhile). Returns whether anything was missing."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        present = {row[0] for row in cursor.fetchall()}
        if FTS_TABLE not in present:  # before migration 0006, or after its reversal
            return False
        missing = [name for name in SQLITE_TRIGGERS if name not in present]
        if not any(name in missing for name in _CASE_TRIGGERS):
            cursor.execute(SQLITE_BACKFILL[0])  # names linked while their triggers were off
        else:
            # Refill before the case triggers exist: a contentless 'delete' must never see
            # values other than the ones indexed.
            for name in _CASE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')")
            _fill_sqlite(cursor)
            missing = list(SQLITE_TRIGGERS)
        for name in missing:
            cursor.execute(SQLITE_TRIGGERS[name])
    return bool(missing)


def drop_sqlite_name_triggers(connection: Any) -> None:
    """Before `migrate`: triggers of other tables that name cases_case (or citizens) would make
    Django's SQLite table rebuild fail; `ensure_sqlite_index` puts them back."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for name in SQLITE_TRIGGERS:
            if name not in _CASE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def _fill_sqlite(cursor: Any) -> None:
    """Names from the links, then every case into the (empty) index; no case trigger may run."""
    for statement in SQLITE_BACKFILL:
        cursor.execute(statement)
