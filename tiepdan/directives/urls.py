from django.urls import path

from tiepdan.directives import views

app_name = "directives"

urlpatterns = [
    path("", views.board, name="board"),
    path("cua-toi/", views.mine, name="mine"),
    path("giao-moi/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/tien-do/", views.progress, name="progress"),
    path("<int:pk>/hoan-thanh/", views.complete, name="complete"),
    path("<int:pk>/huy/", views.cancel, name="cancel"),
    path("<int:pk>/tai-lieu/<int:update_pk>/", views.evidence, name="evidence"),
]
