import io

import pytest
from docx import Document

from tiepdan.dialogues import services
from tiepdan.dialogues.documents import minutes_docx
from tiepdan.dialogues.models import Dialogue
from tiepdan.dialogues.tests.conftest import held

pytestmark = pytest.mark.django_db


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_minutes_chaired_by_the_secretary_carry_the_party_heading_and_commitments(
    leader_a, ward_a, dept_a
):
    """A Party committee's minutes: Party heading and "Số 01-BB/ĐU" (Hướng dẫn 36-HD/VPTW)."""
    dialogue = held(leader_a, ward_a)
    services.add_issue(
        dialogue, raised_by="Trần Thị Mai", content="Vỉa hè bị lấn chiếm", answer="Sẽ ra quân"
    )
    services.add_commitment(
        dialogue, title="Ra quân lập lại trật tự vỉa hè", actor=leader_a, owner_department=dept_a
    )
    text = _text(minutes_docx(dialogue))
    for expected in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 01-BB/ĐU",
        "ngày 04 tháng 12 năm 2026",
        "BIÊN BẢN ĐỐI THOẠI",
        "Vỉa hè bị lấn chiếm",
        "Ra quân lập lại trật tự vỉa hè",
        "03 bản",
    ):
        assert expected in text


def test_complaint_minutes_follow_form_14(chairman_a, ward_a):
    """Complaint dialogue minutes on Form 14, at least 3 copies (Decree 155/2026)."""
    dialogue = held(chairman_a, ward_a, kind=Dialogue.Kind.COMPLAINT, copies=4)
    text = _text(minutes_docx(dialogue))
    assert "Người khiếu nại hoặc người đại diện" in text
    assert "III. Kết quả đối thoại" in text
    assert "04 bản" in text
    assert "/BB-UBND" in text
