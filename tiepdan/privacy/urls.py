from django.urls import path

from tiepdan.privacy.views import public, staff

app_name = "privacy"

urlpatterns = [
    path("", public.notice, name="notice"),
    path("yeu-cau/", public.request_new, name="request_new"),
    path("yeu-cau/da-gui/", public.request_sent, name="request_sent"),
    path("quan-ly/", staff.request_list, name="requests"),
    path("quan-ly/moi/", staff.request_new, name="request_create"),
    path("quan-ly/<int:pk>/", staff.request_detail, name="request"),
    path("quan-ly/<int:pk>/xac-nhan/", staff.acknowledge, name="acknowledge"),
    path("quan-ly/<int:pk>/dong/", staff.close, name="close"),
]
