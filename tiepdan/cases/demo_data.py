"""Realistic Vietnamese material for the demo cases: streets, subjects per field, names."""

STREETS = {
    "26743": [
        "Lê Lợi",
        "Lê Thánh Tôn",
        "Nguyễn Thị Nghĩa",
        "Phạm Ngũ Lão",
        "Lê Lai",
        "Nguyễn Trãi",
        "Tôn Thất Tùng",
        "Calmette",
        "Ký Con",
        "Bùi Viện",
    ],
    "23231": [
        "Thống Nhất",
        "Nguyễn Huệ",
        "Ngô Quyền",
        "Hoàng Diệu",
        "Trần Hưng Đạo",
        "Lê Lợi",
        "Đinh Bộ Lĩnh",
        "Nguyễn Chí Thanh",
    ],
}
# field code -> (subjects, department code)
TOPICS = {
    "dat-dai": (
        [
            "Tranh chấp ranh giới đất với hộ liền kề tại {place}",
            "Đề nghị cấp giấy chứng nhận quyền sử dụng đất thửa tại {place}",
            "Khiếu nại việc thu hồi đất mở rộng đường {street}",
        ],
        "ktht",
    ),
    "trat-tu-xay-dung": (
        [
            "Công trình xây dựng sai phép tại {place}",
            "Nhà bên cạnh xây lấn sang tường chung tại {place}",
            "Công trình gây nứt nhà liền kề tại {place}",
        ],
        "ktht",
    ),
    "moi-truong": (
        [
            "Rác thải tồn đọng nhiều ngày tại {place}",
            "Quán ăn xả nước thải ra đường {street}",
            "Tiếng ồn karaoke về đêm tại {place}",
            "Khói bụi từ xưởng gỗ gần {place}",
        ],
        "ktht",
    ),
    "trat-tu-do-thi": (
        [
            "Lấn chiếm vỉa hè buôn bán trên đường {street}",
            "Đậu xe trái phép trước {place}",
            "Biển quảng cáo che khuất lối đi tại {place}",
        ],
        "ktht",
    ),
    "giao-thong-ha-tang": (
        [
            "Ngập nước sau mưa tại {place}",
            "Đèn chiếu sáng hỏng trên đường {street}",
            "Mặt đường hư hỏng, ổ gà trên đường {street}",
            "Nắp cống bị vỡ trước {place}",
        ],
        "ktht",
    ),
    "an-ninh-trat-tu": (
        [
            "Tụ tập đua xe về đêm trên đường {street}",
            "Mất trộm xe máy tại {place}, đề nghị tăng cường tuần tra",
        ],
        "ctd",
    ),
    "chinh-sach-xa-hoi": (
        [
            "Đề nghị xem xét trợ cấp hộ cận nghèo cho gia đình tại {place}",
            "Chưa nhận được tiền trợ cấp người cao tuổi",
            "Đề nghị hỗ trợ học phí cho con hộ nghèo",
        ],
        "vhxh",
    ),
    "hanh-chinh": (
        ["Hồ sơ chứng thực bị trả lại nhiều lần", "Chậm giải quyết hồ sơ đăng ký hộ kinh doanh"],
        "vp",
    ),
    "can-bo": (
        [
            "Tố cáo cán bộ địa chính nhận tiền khi giải quyết hồ sơ",
            "Phản ánh thái độ của cán bộ tiếp nhận hồ sơ",
        ],
        "vp",
    ),
}
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Quốc", "Thị Thu", "Đức"]
GIVEN = [
    "An",
    "Bình",
    "Cúc",
    "Dũng",
    "Hà",
    "Hải",
    "Hoa",
    "Hùng",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Phúc",
    "Quang",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Vy",
]
