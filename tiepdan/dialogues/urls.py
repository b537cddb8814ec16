from django.urls import path

from tiepdan.dialogues import views

app_name = "dialogues"

urlpatterns = [
    path("", views.dialogue_list, name="list"),
    path("len-ke-hoach/", views.plan, name="plan"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/moi/", views.invite, name="invite"),
    path("<int:pk>/da-gui-giay-moi/", views.invitations_sent, name="invitations_sent"),
    path("<int:pk>/ket-qua/", views.held, name="held"),
    path("<int:pk>/y-kien/", views.add_issue, name="add_issue"),
    path("<int:pk>/cam-ket/", views.add_commitment, name="add_commitment"),
    path("<int:pk>/cong-bo/", views.publish, name="publish"),
    path("<int:pk>/huy/", views.cancel, name="cancel"),
    path("<int:pk>/bien-ban.docx", views.minutes, name="minutes"),
    path("cong-khai/", views.public_list, name="public_list"),
    path("cong-khai/<int:pk>/", views.public_detail, name="public_detail"),
]
