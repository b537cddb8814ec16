"""Synthetic Vietnamese petitions and planted re-sends, for the duplicate-detection benchmark.

Petitions are built like the ones wards receive: a citizen's name and address, an opening, two
to four sentences about one of 32 problems at a place and time, a closing. Re-sends copy an
original with one to three edits: two word swaps, a dropped sentence, accents removed (half of
them also đ→d), three typos, or the prefix "Tôi xin gửi lại đơn lần 2".
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Trương",
]
MIDDLE = [
    "Văn",
    "Thị",
    "Minh",
    "Ngọc",
    "Hữu",
    "Đức",
    "Thanh",
    "Quang",
    "Thu",
    "Kim",
    "Xuân",
    "Hoài",
    "Công",
    "Bảo",
]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hạnh",
    "Hùng",
    "Lan",
    "Linh",
    "Mai",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Vy",
    "Yến",
    "Đạt",
    "Hiếu",
    "Khánh",
    "Lộc",
    "Nhung",
    "Oanh",
    "Phúc",
    "Quyên",
    "Tài",
    "Uyên",
    "Việt",
    "Hải",
    "Hằng",
    "Giang",
    "Đông",
]
STREETS = [
    "Lê Lợi",
    "Nguyễn Huệ",
    "Hai Bà Trưng",
    "Trần Hưng Đạo",
    "Lý Tự Trọng",
    "Pasteur",
    "Nguyễn Thị Minh Khai",
    "Điện Biên Phủ",
    "Võ Văn Tần",
    "Cách Mạng Tháng Tám",
    "Nguyễn Trãi",
    "Phạm Ngũ Lão",
    "Đề Thám",
    "Cô Giang",
    "Bùi Viện",
    "Trần Phú",
    "Lê Duẩn",
    "Hoàng Diệu",
    "Ngô Quyền",
    "Nguyễn Văn Cừ",
    "Lạc Long Quân",
    "Âu Cơ",
]
WARDS = [
    "Bến Thành",
    "Sài Gòn",
    "Tân Định",
    "Cầu Ông Lãnh",
    "Phước Hội",
    "Bàn Cờ",
    "Xuân Hòa",
    "Nhiêu Lộc",
    "Chợ Quán",
    "An Đông",
    "Chợ Lớn",
    "Bình Tây",
    "Tân Sơn Nhì",
    "Gia Định",
]
ISSUES = [
    ("tranh chấp đất đai", "phần đất giáp ranh bị lấn chiếm"),
    ("xây dựng trái phép", "công trình xây vượt số tầng được cấp phép"),
    ("tiếng ồn", "quán karaoke hoạt động đến khuya"),
    ("ngập nước", "hẻm bị ngập sâu mỗi khi trời mưa"),
    ("ô nhiễm môi trường", "xưởng sản xuất xả khói và nước thải"),
    ("lấn chiếm vỉa hè", "hàng quán bày bán chiếm hết lối đi"),
    ("chính sách xã hội", "hồ sơ trợ cấp chưa được giải quyết"),
    ("cấp giấy chứng nhận quyền sử dụng đất", "hồ sơ nộp đã lâu nhưng chưa được cấp sổ"),
    ("bồi thường giải phóng mặt bằng", "mức bồi thường thấp hơn giá thị trường"),
    ("rác thải", "điểm tập kết rác gây mùi hôi"),
    ("trật tự xây dựng", "nhà bên cạnh đào móng làm nứt tường"),
    ("chiếu sáng công cộng", "đèn đường hư hỏng nhiều tháng"),
    ("an ninh trật tự", "nhóm thanh niên tụ tập gây gối"),
    ("nước sinh hoạt", "nước máy có màu đục và mùi lạ"),
    ("cây xanh", "cây xanh nghiêng có nguy cơ ngã đổ"),
    ("hộ nghèo", "gia đình khó khăn chưa được xét hộ nghèo"),
    ("thái độ cán bộ", "cán bộ tiếp nhận hồ sơ có thái độ không đúng mực"),
    ("thu phí sai quy định", "bị thu thêm khoản phí không có biên lai"),
    ("đăng ký hộ tịch", "giấy khai sinh ghi sai năm sinh"),
    ("bảo hiểm xã hội", "chưa nhận được tiền chế độ thai sản"),
    ("kinh doanh trái phép", "cơ sở kinh doanh không có giấy phép"),
    ("giao thông", "ổ gà lớn trên mặt đường gây tai nạn"),
    ("cấp thoát nước", "cống thoát nước bị tắc nghẽn"),
    ("chó thả rông", "chó nhà hàng xóm thả rông cắn người"),
    ("đậu xe", "xe tải đậu chắn trước cửa nhà"),
    ("tranh chấp thừa kế", "anh em trong gia đình tranh chấp nhà thừa kế"),
    ("bạo lực gia đình", "người con thường xuyên bị đánh đập"),
    ("khiếu nại quyết định hành chính", "quyết định xử phạt không đúng người"),
    ("tố cáo cán bộ", "cán bộ địa chính nhận tiền của người dân"),
    ("điện sinh hoạt", "mất điện thường xuyên không báo trước"),
    ("phòng cháy chữa cháy", "kho chứa hàng dễ cháy trong khu dân cư"),
    ("tàu thuyền neo đậu", "tàu thuyền neo đậu chắn lối ra vào bến"),
]
OPENINGS = [
    "Tôi tên là {name}, cư trú tại {address}.",
    "Tôi là {name}, hiện ở {address}, xin trình bày sự việc như sau.",
    "Kính gửi Ủy ban nhân dân phường {ward}. Tôi tên {name}, địa chỉ {address}.",
    "Tôi ký tên dưới đây là {name}, thường trú tại {address}.",
]
BODIES = [
    "Từ ngày {day}/{month}/{year} đến nay, {detail} tại {place}.",
    "Gia đình tôi đã nhiều lần phản ánh về việc {issue} nhưng chưa được giải quyết.",
    "Sự việc liên quan đến ông {other}, {place}, đã kéo dài khoảng {months} tháng.",
    "Ngày {day}/{month}/{year} tổ dân phố số {tdp} đã lập biên bản về việc {issue} nhưng "
    "đến nay tình trạng vẫn tiếp diễn.",
    "Việc {detail} ảnh hưởng nghiêm trọng đến sinh hoạt của {households} hộ dân xung quanh.",
    "Tôi đã gửi đơn lần đầu vào tháng {month} năm {year} về {issue} tại {place}.",
]
CLOSINGS = [
    "Kính đề nghị cơ quan có thẩm quyền xem xét, giải quyết.",
    "Rất mong Ủy ban sớm kiểm tra và xử lý dứt điểm. Xin chân thành cảm ơn.",
    "Đề nghị chính quyền địa phương có biện pháp xử lý, trả lời bằng văn bản cho tôi.",
]
PREFIX = "Tôi xin gửi lại đơn lần 2. "
EDITS = ("swap", "drop_sentence", "no_accents", "typos", "prefix")


@dataclass
class Petition:
    text: str
    sentences: list[str]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _address(rng: random.Random, ward: str) -> str:
    return (
        f"số {rng.randint(1, 400)} đường {rng.choice(STREETS)}, tổ {rng.randint(1, 30)}, "
        f"khu phố {rng.randint(1, 12)}, phường {ward}"
    )


def petition(rng: random.Random) -> Petition:
    """One petition about one problem, 2–4 body sentences between an opening and a closing."""
    ward = rng.choice(WARDS)
    issue, detail = rng.choice(ISSUES)
    fields = {
        "name": _name(rng),
        "other": _name(rng),
        "address": _address(rng, ward),
        "ward": ward,
        "issue": issue,
        "detail": detail,
        "place": f"khu vực số {rng.randint(1, 300)} đường {rng.choice(STREETS)}",
        "day": rng.randint(1, 28),
        "month": rng.randint(1, 12),
        "year": rng.randint(2022, 2026),
        "months": rng.randint(2, 30),
        "tdp": rng.randint(1, 40),
        "households": rng.randint(3, 60),
    }
    body = rng.sample(BODIES, rng.randint(2, 4))
    sentences = [rng.choice(OPENINGS), *body, rng.choice(CLOSINGS)]
    sentences = [s.format(**fields) for s in sentences]
    return Petition(" ".join(sentences), sentences)


def strip_accents(text: str, *, d_too: bool) -> str:
    if d_too:
        text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", kept)


def _swap(rng: random.Random, text: str) -> str:
    words = text.split()
    for _ in range(2):
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def _typos(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(3):
        i = rng.randrange(len(chars))
        op = rng.choice(("delete", "replace", "double"))
        if op == "delete":
            del chars[i]
        elif op == "replace":
            chars[i] = rng.choice("aeinotuhcg")
        else:
            chars.insert(i, chars[i])
    return "".join(chars)


def resend(rng: random.Random, original: Petition) -> tuple[str, list[str]]:
    """A re-send of `original` with 1–3 edits; returns the text and the edits applied."""
    edits = rng.sample(EDITS, rng.randint(1, 3))
    sentences = list(original.sentences)
    if "drop_sentence" in edits:
        del sentences[rng.randrange(1, len(sentences) - 1)]
    text = " ".join(sentences)
    if "swap" in edits:
        text = _swap(rng, text)
    if "no_accents" in edits:
        text = strip_accents(text, d_too=rng.random() < 0.5)
    if "typos" in edits:
        text = _typos(rng, text)
    if "prefix" in edits:
        text = PREFIX + text
    return text, edits
