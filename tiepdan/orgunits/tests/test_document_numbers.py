"""Document numbers restart at 1 each year, per unit and series (Decree 30/2020)."""

from tiepdan.orgunits.services import next_document_number


def test_it_numbers_documents_from_one_in_each_series(ward_a):
    assert [next_document_number(ward_a, 2026, "TB") for _ in range(3)] == [1, 2, 3]
    assert next_document_number(ward_a, 2026, "BC") == 1


def test_it_restarts_numbering_each_year(ward_a):
    next_document_number(ward_a, 2026, "TB")
    assert next_document_number(ward_a, 2027, "TB") == 1


def test_it_keeps_separate_registers_per_unit(ward_a, ward_b):
    next_document_number(ward_a, 2026, "TB")
    assert next_document_number(ward_b, 2026, "TB") == 1
