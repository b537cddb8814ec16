from django.urls import path

from tiepdan.mediation import views

app_name = "mediation"

urlpatterns = [
    path("", views.home, name="home"),
    path("so-theo-doi.xlsx", views.book, name="book"),
    path("to-hoa-giai/moi/", views.team_new, name="team_new"),
    path("to-hoa-giai/<int:pk>/", views.team, name="team"),
    path("to-hoa-giai/<int:pk>/hoa-giai-vien/", views.team_add_mediator, name="team_add_mediator"),
    path(
        "to-hoa-giai/<int:pk>/hoa-giai-vien/<int:mediator_pk>/thoi/",
        views.team_retire,
        name="team_retire",
    ),
    path("to-hoa-giai/<int:pk>/to-truong/", views.team_leader, name="team_leader"),
    path("to-hoa-giai/<int:pk>/bao-cao.docx", views.team_report, name="team_report"),
    path("vu-viec/moi/", views.case_new, name="case_new"),
    path("vu-viec/<int:pk>/", views.case, name="case"),
    path("vu-viec/<int:pk>/phan-cong/", views.case_assign, name="case_assign"),
    path("vu-viec/<int:pk>/buoi-hoa-giai/", views.case_session, name="case_session"),
    path("vu-viec/<int:pk>/ket-qua/", views.case_outcome, name="case_outcome"),
    path("vu-viec/<int:pk>/van-ban-hoa-giai-thanh/", views.case_agreement, name="case_agreement"),
    path(
        "vu-viec/<int:pk>/van-ban-hoa-giai-thanh.docx",
        views.case_agreement_docx,
        name="case_agreement_docx",
    ),
    path("vu-viec/<int:pk>/theo-doi/", views.case_follow_up, name="case_follow_up"),
    path("vu-viec/<int:pk>/chuyen/", views.case_refer, name="case_refer"),
]
