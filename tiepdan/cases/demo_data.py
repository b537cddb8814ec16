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
# field code -> a published answer, as a leader would write it for the public pages.
PUBLIC_ANSWERS = {
    "giao-thong-ha-tang": (
        "Ngay sau khi tiếp nhận phản ánh, Ủy ban nhân dân phường đã chỉ đạo bộ phận Kinh tế – "
        "Hạ tầng phối hợp với đơn vị quản lý hạ tầng kiểm tra hiện trường. Đơn vị đã nạo vét "
        "hố ga, thay nắp cống và sửa chữa mặt đường trong thời hạn 7 ngày. Phường tiếp tục theo "
        "dõi sau các đợt mưa lớn; người dân phát hiện hư hỏng mới xin báo qua cổng tiếp nhận "
        "phản ánh của phường."
    ),
    "moi-truong": (
        "Qua kiểm tra, tổ công tác của phường đã lập biên bản và yêu cầu cơ sở khắc phục, "
        "chấm dứt hành vi gây ô nhiễm. Đơn vị thu gom rác đã điều chỉnh giờ thu gom trên tuyến "
        "đường. Phường sẽ kiểm tra đột xuất và xử lý vi phạm hành chính nếu tái diễn."
    ),
    "trat-tu-do-thi": (
        "Đội trật tự đô thị phường đã ra quân nhắc nhở, lập biên bản các trường hợp lấn chiếm "
        "vỉa hè và tổ chức kiểm tra định kỳ trên tuyến đường. Phường đề nghị các hộ kinh doanh "
        "chấp hành quy định về sử dụng vỉa hè và phối hợp giữ gìn trật tự đô thị."
    ),
    "chinh-sach-xa-hoi": (
        "Bộ phận Văn hóa – Xã hội đã rà soát hồ sơ theo quy định. Trường hợp đủ điều kiện được "
        "đưa vào danh sách đề nghị hưởng chính sách trong kỳ xét duyệt gần nhất; khoản trợ cấp "
        "chậm chi trả đã được chi bổ sung. Phường niêm yết danh sách tại trụ sở để người dân "
        "theo dõi."
    ),
    "hanh-chinh": (
        "Phường đã rà soát quy trình tiếp nhận hồ sơ, nhắc nhở bộ phận một cửa hướng dẫn đầy đủ "
        "thành phần hồ sơ ngay từ lần đầu và công khai danh mục giấy tờ tại quầy. Hồ sơ chậm "
        "giải quyết đã được xử lý xong và trả kết quả."
    ),
    "an-ninh-trat-tu": (
        "Công an phường đã tăng cường tuần tra vào khung giờ đêm trên tuyến đường được phản ánh "
        "và phối hợp với tổ dân phố vận động người dân lắp camera an ninh. Người dân phát hiện "
        "vụ việc xin báo ngay cho Công an phường."
    ),
}
