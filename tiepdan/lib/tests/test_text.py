"""Vietnamese folding for search keys: NFC, lower case, accents stripped, đ→d."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiepdan.lib.text import fold, nfc, syllables


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đất đai", "dat dai"),
        ("Nguyễn Văn A", "nguyen van a"),
        ("ĐƯỜNG ĐỒNG KHỞI", "duong dong khoi"),
        ("  Tiếp   công\tdân \n", "tiep cong dan"),
        ("Trật tự xây dựng", "trat tu xay dung"),
        ("", ""),
    ],
)
def test_it_folds_vietnamese_text(text, expected):
    assert fold(text) == expected


def test_it_folds_decomposed_input_like_composed_input():
    """Text typed on some keyboards arrives in NFD; it must give the same key."""
    decomposed = unicodedata.normalize("NFD", "Đất đai Nguyễn Văn Ánh")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    assert fold(decomposed) == "dat dai nguyen van anh"


def test_it_treats_none_as_empty():
    assert fold(None) == ""  # type: ignore[arg-type]


def test_it_splits_folded_syllables_without_punctuation():
    assert syllables("Đất đai, Tổ 5 – Phường Bến Thành!") == [
        "dat",
        "dai",
        "to",
        "5",
        "phuong",
        "ben",
        "thanh",
    ]


def test_nfc_composes_decomposed_text():
    assert nfc(unicodedata.normalize("NFD", "Hòa giải")) == "Hòa giải"


@given(st.text())
def test_folding_is_idempotent_and_leaves_no_marks_or_d_bar(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert "đ" not in folded and "Đ" not in folded
    assert not any(unicodedata.category(ch) == "Mn" for ch in folded)


VIETNAMESE_LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)


@given(st.text(alphabet=VIETNAMESE_LETTERS))
def test_case_and_normal_form_do_not_change_the_key(text):
    assert fold(text.upper()) == fold(text) == fold(unicodedata.normalize("NFD", text))


def _fold_reference(text: str) -> str:
    """The definition `fold` implements (whole-text NFD, marks dropped), for comparison."""
    import re
    import unicodedata

    text = unicodedata.normalize("NFC", text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return re.sub(r"\s+", " ", stripped.lower()).strip()


@given(st.text())
def test_it_folds_like_the_reference_definition(text):
    assert fold(text) == _fold_reference(text)
