"""Reading old three-tier lists: one clear Vietnamese message per bad row."""

import io

from tiepdan.orgunits.history import commune_kind, read_history

HEADER = "province_code,province_name,district_code,district_name,commune_code,commune_name\n"


def read(text):
    return read_history(io.StringIO(text))


def test_it_reads_a_good_row_and_pads_the_codes(db):
    rows, errors = read(HEADER + "1,Thành phố Hà Nội,1,Quận Ba Đình,1,Phường Phúc Xá\n")
    assert errors == []
    assert (rows[0].province_code, rows[0].district_code, rows[0].commune_code) == (
        "01",
        "001",
        "00001",
    )
    assert rows[0].line == 2


def test_it_names_a_missing_column(db):
    _rows, errors = read("province_code,province_name,district_code,commune_code,commune_name\n")
    assert errors == ["Tệp không có cột “tên quận/huyện”."]


def test_it_names_the_line_and_the_field_of_a_missing_value(db):
    _rows, errors = read(HEADER + "79,Thành phố Hồ Chí Minh,760,,26734,Phường Tân Định\n")
    assert errors == ["Dòng 2: thiếu tên quận/huyện."]


def test_it_names_a_code_that_is_not_a_number(db):
    _rows, errors = read(HEADER + "79,Thành phố Hồ Chí Minh,760,Quận 1,2673X,Phường Tân Định\n")
    assert errors == ["Dòng 2: mã xã “2673X” không phải là mã số có tối đa 5 chữ số."]


def test_it_names_a_district_listed_under_two_provinces(db):
    _rows, errors = read(
        HEADER
        + "79,Thành phố Hồ Chí Minh,760,Quận 1,26734,Phường Tân Định\n"
        + "74,Tỉnh Bình Dương,760,Quận 1,26737,Phường Đa Kao\n"
    )
    assert errors == ["Dòng 3: quận/huyện 760 đã được ghi thuộc tỉnh 79 ở dòng 2."]


def test_it_names_a_commune_listed_twice(db):
    _rows, errors = read(
        HEADER
        + "79,Thành phố Hồ Chí Minh,760,Quận 1,26734,Phường Tân Định\n"
        + "79,Thành phố Hồ Chí Minh,760,Quận 1,26734,Phường Tân Định\n"
    )
    assert errors == ["Dòng 3: xã 26734 đã có ở dòng 2."]


def test_an_empty_file_says_so(db):
    assert read("")[1] == ["Tệp trống."]
    assert read(HEADER)[1] == ["Tệp không có dòng dữ liệu nào."]


def test_it_skips_blank_lines(db):
    rows, errors = read(HEADER + "\n79,TP HCM,760,Quận 1,26734,Phường Tân Định\n,,,,,\n")
    assert errors == []
    assert len(rows) == 1


def test_it_tells_the_tier_from_the_name_or_the_declared_tier():
    assert commune_kind("Phường Tân Định") == "phuong"
    assert commune_kind("Thị trấn Dầu Tiếng") == "thi_tran"
    assert commune_kind("Xã Định An") == "xa"
    assert commune_kind("Tân Định", "Phường") == "phuong"


def test_it_reads_the_statistics_office_headings_with_a_byte_order_mark(db):
    rows, errors = read(
        "\ufeffTỉnh / Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n"
        "Tỉnh Bình Dương,74,Huyện Dầu Tiếng,721,Thị trấn Dầu Tiếng,25777,Thị trấn,\n"
    )
    assert errors == []
    assert (rows[0].province_code, rows[0].commune_kind) == ("74", "thi_tran")
