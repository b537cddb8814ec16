from django.urls import path

from tiepdan.privacy import public_views, views

app_name = "privacy"

urlpatterns = [
    path("", public_views.notice, name="notice"),
    path("yeu-cau/", public_views.request_new, name="request_new"),
    path("yeu-cau/da-gui/", public_views.request_sent, name="request_sent"),
    path("quan-ly/", views.request_list, name="requests"),
    path("quan-ly/moi/", views.request_new, name="request_create"),
    path("quan-ly/<int:pk>/", views.request_detail, name="request"),
    path("quan-ly/<int:pk>/xac-nhan/", views.acknowledge, name="acknowledge"),
    path("quan-ly/<int:pk>/dong/", views.close, name="close"),
]
