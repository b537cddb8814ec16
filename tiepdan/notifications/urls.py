from django.urls import path

from tiepdan.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:pk>/", views.notification_open, name="open"),
    path("<int:pk>/da-doc/", views.notification_mark_read, name="mark_read"),
    path("da-doc-tat-ca/", views.notification_mark_all_read, name="mark_all_read"),
    path("cai-dat/", views.preferences, name="preferences"),
    path("hop-thu-di/", views.outbox, name="outbox"),
]
