from django.urls import path

from tiepdan.integrations import views

app_name = "integrations"

urlpatterns = [
    path("khoa-api/", views.key_list, name="key_list"),
    path("khoa-api/<int:pk>/thu-hoi/", views.key_revoke, name="key_revoke"),
]
