from django.urls import path

from tiepdan.reception.views import book, public, schedule, session

app_name = "reception"

urlpatterns = [
    # Public
    path("lich/", public.index, name="index"),
    path("lich/<str:code>/", public.schedule, name="schedule"),
    path("lich/<str:code>.ics", public.unit_feed, name="unit_feed"),
    path("lich/<str:code>/lanh-dao/<int:leader_id>.ics", public.leader_feed, name="leader_feed"),
    path("dat-lich/<int:day_id>/", public.book, name="book"),
    path("dat-lich/ma/<str:code>/", public.booking, name="booking"),
    path("huy-dat-lich/", public.cancel, name="cancel"),
    # Staff
    path("", schedule.home, name="home"),
    path("ngay/", schedule.days, name="days"),
    path("ngay/moi/", schedule.day_create, name="day_create"),
    path("ngay/cong-bo/", schedule.days_publish, name="days_publish"),
    path("lich-dinh-ky/moi/", schedule.schedule_create, name="schedule_create"),
    path("ngay/<int:pk>/", schedule.day_detail, name="day"),
    path("ngay/<int:pk>/cong-bo/", schedule.day_publish, name="day_publish"),
    path("ngay/<int:pk>/hoan/", schedule.day_postpone, name="day_postpone"),
    path("ngay/<int:pk>/huy/", schedule.day_cancel, name="day_cancel"),
    path("ngay/<int:pk>/thu-ket-noi/", schedule.day_link_test, name="day_link_test"),
    path("ngay/<int:pk>/ghi-hinh/", schedule.day_recording, name="day_recording"),
    path("ngay/<int:pk>/phien/", session.session, name="session"),
    path(
        "ngay/<int:pk>/thong-bao-ket-luan.docx",
        session.conclusions_docx,
        name="conclusions_docx",
    ),
    path("dat-cho/<int:pk>/diem-danh/", schedule.attendance, name="attendance"),
    path("so/", book.book, name="book_list"),
    path("so/xuat.<str:fmt>", book.export, name="export"),
    path("so/nhap/", book.import_book, name="import"),
    path("so/moi/", book.entry_create, name="entry_create"),
    path("so/<int:pk>/", book.entry_detail, name="entry"),
    path("so/<int:pk>/thong-bao/", book.entry_notified, name="entry_notified"),
    path("so/<int:pk>/tu-choi/", book.entry_refusal, name="entry_refusal"),
    path("so/<int:pk>/ban-scan/", book.entry_scan, name="entry_scan"),
    path("so/<int:pk>/bien-nhan/moi/", book.receipt_create, name="receipt_create"),
    path("so/<int:pk>/<str:kind>.docx", book.entry_document, name="entry_document"),
    path("bien-nhan/<int:pk>.docx", book.receipt_document, name="receipt_document"),
    path("tuan-thu/", session.compliance_table, name="compliance"),
]
