from django.urls import path

from tiepdan.workcalendar import views

app_name = "workcalendar"

urlpatterns = [
    path("", views.year, name="year"),
    path("<int:year>/", views.year, name="year"),
    path("ngay/<int:pk>/sua/", views.edit, name="edit"),
    path("ngay/<int:pk>/xoa/", views.delete, name="delete"),
]
