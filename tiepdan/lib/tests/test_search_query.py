"""User search strings become safe, accent-insensitive FTS5 and PostgreSQL queries."""

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tiepdan.lib.search_query import MAX_INPUT, MAX_PARTS, fts5_match, parse, pg_websearch

DOCUMENTS = [
    "Tranh chấp đất đai với hộ bên cạnh tại Tổ 5",
    "Ông Nguyễn Văn A, phường Bến Thành, phản ánh tiếng ồn",
    "Hẻm 42 bị ngập nước mỗi khi trời mưa",
    "Việc sửa đường kéo dài quá lâu",
    "Đơn số TD-2026-0012 về trật tự xây dựng",
]


@pytest.fixture(scope="module")
def fts():
    """An FTS5 table indexed like the notes' trigger: đ→d in SQL, unicode61 strips the rest."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    db.executemany(
        "INSERT INTO t(rowid, body) VALUES (?, replace(replace(?, 'đ', 'd'), 'Đ', 'D'))",
        [(i, body) for i, body in enumerate(DOCUMENTS)],
    )
    yield db
    db.close()


def search(db, text):
    expression = fts5_match(text)
    if expression is None:
        return []
    rows = db.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", (expression,))
    return [DOCUMENTS[rowid] for (rowid,) in rows]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dat dai", DOCUMENTS[0]),
        ("Nguyen Van A", DOCUMENTS[1]),
        ("ngap nuoc", DOCUMENTS[2]),
        ("ĐẤT ĐAI", DOCUMENTS[0]),
        ('"ben thanh"', DOCUMENTS[1]),
        ("td-2026-0012", DOCUMENTS[4]),
        ("nguy*", DOCUMENTS[1]),
    ],
)
def test_it_finds_accented_text_with_or_without_accents(fts, query, expected):
    assert search(fts, query) == [expected]


def test_it_keeps_quoted_words_together(fts):
    """Folding makes "dài" and "đai" the same word; a phrase keeps "kéo dài" out."""
    assert search(fts, "dai") == [DOCUMENTS[0], DOCUMENTS[3]]
    assert search(fts, '"dat dai"') == [DOCUMENTS[0]]
    assert parse("dat dai").as_phrase().fts5() == '"dat dai"'


@pytest.mark.parametrize(
    "query",
    [
        'dat" OR 1=1 --',
        "'; DROP TABLE t; --",
        "NEAR(dat dai, 2)",
        "body:dat ^dai",
        "(dat OR dai) AND NOT xay",
        'dat* * ** "',
        "🏠 đất 🌧️ ngập",
        "a" * 10_000,
        "\x00\x1f\u200b\ufeff",
        "“Bến Thành”",
    ],
)
def test_it_never_passes_user_syntax_to_fts5(fts, query):
    search(fts, query)  # must not raise sqlite3.OperationalError


def test_it_ignores_operators_and_column_filters():
    assert fts5_match("subject:đất AND NOT dai OR NEAR") == '"dat" "dai"'
    assert fts5_match("(dat OR dai)") == '"dat" "dai"'


def test_it_gives_none_when_nothing_is_searchable():
    for query in ["", "   ", "😀", "AND OR NOT", '""', "^*()", None]:
        assert fts5_match(query) is None
        assert pg_websearch(query) is None


def test_it_bounds_the_query_length():
    words = " ".join(f"tu{i}" for i in range(5000))
    query = parse(words)
    assert len(query.phrases) == MAX_PARTS
    assert len(fts5_match(words)) < 200
    assert parse("x" * MAX_INPUT + " tail").phrases == ()


def test_it_quotes_every_part_for_websearch_to_tsquery():
    """websearch_to_tsquery reads `or` and `-` as operators unless they are quoted."""
    assert pg_websearch('Đất or -đai "ngập nước"') == '"dat" "or" "dai" "ngap nuoc"'


def test_it_builds_a_to_tsquery_with_phrases_and_prefix():
    assert parse('"dat dai" nguy*').tsquery() == "('dat' <-> 'dai') & 'nguy':*"
    assert parse("a*").tsquery() == "'a'"


def test_it_restricts_a_tsquery_to_weights():
    assert parse('"dat dai" nguy*').tsquery("AB") == "('dat':AB <-> 'dai':AB) & 'nguy':*AB"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_it_never_makes_an_fts5_syntax_error(fts, text):
    expression = fts5_match(text)
    if expression is not None:
        fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                '"',
                "*",
                "^",
                "(",
                ")",
                ":",
                "-",
                "+",
                "NOT",
                "OR",
                "AND",
                "NEAR",
                "đ",
                "a",
                " ",
                "'",
                ";",
                "\\",
                "{",
                "}",
            ]
        ),
        max_size=40,
    )
)
def test_it_survives_strings_of_query_syntax(fts, pieces):
    expression = fts5_match("".join(pieces))
    if expression is not None:
        fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_it_only_emits_quoted_word_characters(text):
    query = parse(text)
    for words in query.phrases:
        for word in words:
            assert word.isalnum()
            assert word == word.lower()
            assert "đ" not in word


NASTY = ['dat" OR 1=1 --', "'; DROP TABLE t; --", "a:* & !b | (c", "-x or y", "🏠 đất", "\\'"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", NASTY)
def test_it_gives_postgresql_valid_query_text(query):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (TIEPDAN_TEST_DATABASE_URL)")
    parsed = parse(query)
    with connection.cursor() as cursor:
        cursor.execute("SELECT websearch_to_tsquery('simple', %s)", [parsed.websearch()])
        cursor.execute("SELECT to_tsquery('simple', %s)", [parsed.tsquery()])
