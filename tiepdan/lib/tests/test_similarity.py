"""Near-duplicate scoring of petitions: TF-IDF over folded syllable n-grams, keys, re-rank."""

import math
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from tiepdan.lib import similarity as sim

CORPUS = [
    "Tôi tên là Nguyễn Văn An, số 12 đường Lê Lợi, phường Bến Thành. Từ tháng 3/2026 quán "
    "karaoke số 14 hoạt động đến 1 giờ sáng, gây tiếng ồn. Kính đề nghị Ủy ban xem xét.",
    "Tôi là Trần Thị Bình, tổ 7 khu phố 2 phường Phước Hội. Hẻm 42 đường Trần Phú bị ngập "
    "nước sâu mỗi khi trời mưa. Kính đề nghị Ủy ban xem xét.",
    "Tôi tên là Lê Hữu Cường, số 88 đường Hai Bà Trưng. Hộ ông Phạm Văn Dũng xây tường lấn "
    "sang phần đất của gia đình tôi, tranh chấp đất đai đã kéo dài hai năm.",
    "Tôi là Võ Thị Hạnh, tổ 3 phường Tân Định. Đèn đường trên đường Nguyễn Huệ hư hỏng từ "
    "tháng 5, trẻ em đi học buổi tối rất nguy hiểm. Kính đề nghị Ủy ban xem xét.",
    "Tôi tên là Đặng Quang Sơn, phường Bến Thành. Xưởng in số 5 đường Pasteur xả khói và "
    "nước thải ra hẻm, gây ô nhiễm môi trường. Kính đề nghị Ủy ban xem xét.",
]
RESEND = (
    "Toi xin gui lai don lan 2. Toi ten la Nguyen Van An, so 12 duong Le Loi, phuong Ben "
    "Thanh. Tu thang 3/2026 quan karaoke so 14 hoat dong den 1 gio sang, gay tieng on."
)


def corpus_df(texts):
    df = Counter()
    for text in texts:
        df.update(sim.ngrams(text).keys())
    return df


def test_it_counts_folded_syllable_ngrams_up_to_three():
    grams = sim.ngrams("Đất đai, đất đai!")
    assert grams["dat"] == 2
    assert grams["dat dai"] == 2
    assert grams["dai dat"] == 1
    assert grams["dat dai dat"] == 1
    assert max(len(g.split()) for g in grams) == sim.MAX_N


def test_it_drops_ngrams_found_in_too_many_documents():
    """Notes §2: n-grams in more than 5% of documents are template words (max_df=0.05)."""
    vectorizer = sim.Vectorizer({"toi": 60, "karaoke": 3}, 1000)
    assert vectorizer.idf("toi") is None
    assert vectorizer.idf("karaoke") < vectorizer.idf("never seen")
    assert vectorizer.idf("never seen") == math.log(1001) + 1


def test_its_vectors_have_unit_length():
    vector = sim.Vectorizer(corpus_df(CORPUS), len(CORPUS)).vector(CORPUS[0])
    assert math.isclose(math.sqrt(sum(w * w for w in vector.values())), 1.0)


def test_it_scores_a_copy_without_accents_as_identical():
    vectorizer = sim.Vectorizer(corpus_df(CORPUS), len(CORPUS))
    plain = "Toi ten la Nguyen Van An, so 12 duong Le Loi, phuong Ben Thanh." + CORPUS[0][64:]
    assert math.isclose(sim.cosine(vectorizer.vector(CORPUS[0]), vectorizer.vector(plain)), 1.0)


def test_it_scores_empty_and_disjoint_texts_zero():
    vectorizer = sim.Vectorizer({}, 10)
    assert sim.cosine(vectorizer.vector(""), vectorizer.vector("đất đai")) == 0.0
    assert sim.cosine(vectorizer.vector("ngập nước"), vectorizer.vector("đất đai")) == 0.0


def test_it_suggests_the_original_of_a_resend_and_nothing_for_a_new_matter():
    vectorizer = sim.Vectorizer(corpus_df(CORPUS), len(CORPUS))
    candidates = list(enumerate(CORPUS))
    best = sim.best_matches(RESEND, candidates, vectorizer)[0]
    assert best.key == 0
    assert best.cosine >= sim.COSINE_THRESHOLD
    assert best.is_duplicate
    new = "Tôi là Bùi Thị Yến, phường Chợ Quán. Chó nhà bên thả rông cắn người trong hẻm 9."
    assert not any(m.is_duplicate for m in sim.best_matches(new, candidates, vectorizer))


def test_it_keeps_the_top_matches_best_first():
    vectorizer = sim.Vectorizer(corpus_df(CORPUS), len(CORPUS))
    matches = sim.best_matches(CORPUS[1], enumerate(CORPUS), vectorizer, top=3, rerank=False)
    assert [m.key for m in matches][0] == 1
    assert len(matches) == 3
    assert matches == sorted(matches, key=lambda m: -m.cosine)
    assert all(m.token_set is None for m in matches)


def test_a_high_token_set_ratio_alone_makes_a_duplicate():
    """Notes §2: re-ranking the top 10 by token_set_ratio ≥ 93 added recall."""
    assert sim.Match(1, 0.2, sim.TOKEN_SET_THRESHOLD).is_duplicate
    assert not sim.Match(1, 0.2, sim.TOKEN_SET_THRESHOLD - 1).is_duplicate
    assert sim.Match(1, sim.COSINE_THRESHOLD, 0.0).is_duplicate


def test_without_a_rerank_the_cosine_alone_decides_at_a_lower_bar():
    assert sim.COSINE_ALONE_THRESHOLD < sim.COSINE_THRESHOLD
    assert sim.Match(1, sim.COSINE_ALONE_THRESHOLD).is_duplicate
    assert not sim.Match(1, sim.COSINE_ALONE_THRESHOLD, 80.0).is_duplicate
    assert sim.token_set("Ngập nước hẻm 42", "hẻm 42 ngap nuoc") == 100.0


def test_its_stored_keys_are_the_rarest_ngrams():
    grams = sim.ngrams("karaoke ồn ào")
    df = {"karaoke": 5, "on": 900, "ao": 700}
    keys = sim.candidate_keys(grams, df, limit=2)
    unseen = sorted(g for g in grams if g not in df)
    assert keys == [sim.key_hash(unseen[0]), sim.key_hash(unseen[1])]
    assert sim.candidate_keys(grams, df) == sim.candidate_keys(grams, dict(df))


def test_its_query_keys_skip_ngrams_no_document_has():
    grams = sim.ngrams("karaoke ồn ào")
    keys = sim.query_keys(grams, {"karaoke": 5, "on": 900, "ao": 700})
    assert keys == [sim.key_hash("karaoke"), sim.key_hash("ao"), sim.key_hash("on")]


def test_a_resend_shares_stored_keys_with_its_original():
    df = corpus_df(CORPUS)
    table = [
        (key, doc)
        for doc, text in enumerate(CORPUS)
        for key in sim.candidate_keys(sim.ngrams(text), df - Counter(sim.ngrams(text).keys()))
    ]
    wanted = set(sim.query_keys(sim.ngrams(RESEND), df))
    hits = [(doc, key) for key, doc in table if key in wanted]
    by_key = {sim.key_hash(term): df[term] for term in sim.ngrams(RESEND)}
    assert sim.shortlist(hits, by_key)[0] == 0


def test_it_shortlists_documents_sharing_most_keys():
    hits = [(3, 10), (1, 11), (3, 11), (2, 12), (3, 12), (1, 10)]
    assert sim.shortlist(hits, {10: 4, 11: 4, 12: 4}, limit=2) == [3, 1]


def test_a_rare_shared_key_outweighs_several_common_ones():
    """Document 1 shares one key found in 2 documents; document 2 three keys found in 300."""
    hits = [(1, 10), (2, 20), (2, 21), (2, 22)]
    assert sim.shortlist(hits, {10: 2, 20: 300, 21: 300, 22: 300}) == [1, 2]


@given(st.text(max_size=40))
def test_its_key_hashes_fit_a_bigint_and_are_stable(term):
    key = sim.key_hash(term)
    assert -(2**63) <= key < 2**63
    assert key == sim.key_hash(term)
