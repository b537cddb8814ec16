from django.urls import path

from tiepdan.targets import views

app_name = "targets"

urlpatterns = [
    path("", views.programme_list, name="list"),
    path("<int:pk>/", views.programme_detail, name="programme"),
    path("<int:pk>/chi-tieu/moi/", views.target_form, name="target_new"),
    path("<int:pk>/chi-tieu/<int:target_pk>/", views.target_form, name="target_edit"),
    path("<int:pk>/xuat.xlsx", views.export_xlsx, name="export"),
    path("<int:pk>/nhap/", views.import_xlsx, name="import"),
    path("<int:pk>/xep-loai/", views.record_rating, name="rating"),
    path("ket-qua/<int:pk>/", views.enter_result, name="enter_result"),
]
