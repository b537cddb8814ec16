from django.urls import path

from tiepdan.reception import views, views_book, views_public, views_session

app_name = "reception"

urlpatterns = [
    # Public
    path("lich/", views_public.index, name="index"),
    path("lich/<str:code>/", views_public.schedule, name="schedule"),
    path("lich/<str:code>.ics", views_public.unit_feed, name="unit_feed"),
    path(
        "lich/<str:code>/lanh-dao/<int:leader_id>.ics", views_public.leader_feed, name="leader_feed"
    ),
    path("dat-lich/<int:day_id>/", views_public.book, name="book"),
    path("dat-lich/ma/<str:code>/", views_public.booking, name="booking"),
    path("huy-dat-lich/", views_public.cancel, name="cancel"),
    # Staff
    path("", views.home, name="home"),
    path("ngay/", views.days, name="days"),
    path("ngay/moi/", views.day_create, name="day_create"),
    path("ngay/cong-bo/", views.days_publish, name="days_publish"),
    path("lich-dinh-ky/moi/", views.schedule_create, name="schedule_create"),
    path("ngay/<int:pk>/", views.day_detail, name="day"),
    path("ngay/<int:pk>/cong-bo/", views.day_publish, name="day_publish"),
    path("ngay/<int:pk>/hoan/", views.day_postpone, name="day_postpone"),
    path("ngay/<int:pk>/huy/", views.day_cancel, name="day_cancel"),
    path("ngay/<int:pk>/thu-ket-noi/", views.day_link_test, name="day_link_test"),
    path("ngay/<int:pk>/ghi-hinh/", views.day_recording, name="day_recording"),
    path("ngay/<int:pk>/phien/", views_session.session, name="session"),
    path(
        "ngay/<int:pk>/thong-bao-ket-luan.docx",
        views_session.conclusions_docx,
        name="conclusions_docx",
    ),
    path("dat-cho/<int:pk>/diem-danh/", views.attendance, name="attendance"),
    path("so/", views_book.book, name="book_list"),
    path("so/xuat.<str:fmt>", views_book.export, name="export"),
    path("so/nhap/", views_book.import_book, name="import"),
    path("so/moi/", views_book.entry_create, name="entry_create"),
    path("so/<int:pk>/", views_book.entry_detail, name="entry"),
    path("so/<int:pk>/thong-bao/", views_book.entry_notified, name="entry_notified"),
    path("so/<int:pk>/tu-choi/", views_book.entry_refusal, name="entry_refusal"),
    path("so/<int:pk>/ban-scan/", views_book.entry_scan, name="entry_scan"),
    path("so/<int:pk>/bien-nhan/moi/", views_book.receipt_create, name="receipt_create"),
    path("so/<int:pk>/<str:kind>.docx", views_book.entry_document, name="entry_document"),
    path("bien-nhan/<int:pk>.docx", views_book.receipt_document, name="receipt_document"),
    path("tuan-thu/", views_session.compliance_table, name="compliance"),
]
