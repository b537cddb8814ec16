from django.urls import path

from tiepdan.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("tong-quan/", views.dashboard_view, name="dashboard"),
    path("thiet-lap/", views.report_settings, name="settings"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/trang-thai/", views.report_status, name="status"),
    path("<int:pk>/tai-ve/", views.report_download, name="download"),
    path("cong-khai/<str:code>/", views.public_statistics, name="public"),
]
