from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from tiepdan.accounts import views
from tiepdan.accounts.forms import LoginForm

app_name = "accounts"

# The staff home, `accounts:home`, is the inbox's page: config/urls.py puts it first in this
# namespace (accounts may not import the inbox, which sits above it).
urlpatterns = [
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "doi-mat-khau/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path("xac-thuc-hai-buoc/", views.two_factor, name="two_factor"),
    path("nguoi-dung/", views.user_list, name="user_list"),
    path("nguoi-dung/them/", views.user_create, name="user_create"),
    path("nguoi-dung/<int:pk>/", views.user_edit, name="user_edit"),
    path("nguoi-dung/<int:pk>/kich-hoat/", views.user_set_active, name="user_set_active"),
    path("nguoi-dung/<int:pk>/mat-khau/", views.user_password, name="user_password"),
    path(
        "nguoi-dung/<int:pk>/dat-lai-hai-buoc/",
        views.user_reset_two_factor,
        name="user_reset_two_factor",
    ),
    path("nguoi-dung/<int:pk>/mo-khoa/", views.user_unlock, name="user_unlock"),
]
