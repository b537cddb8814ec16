from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from tiepdan.accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "last_name", "first_name", "unit", "department", "is_active")
    list_filter = ("is_active", "is_staff", "is_superuser", "groups", "post")
    list_select_related = ("unit", "department")
    search_fields = ("username", "last_name", "first_name", "email", "unit__name")
    autocomplete_fields = ("unit", "department")
    ordering = ("unit__path", "last_name", "first_name")
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (
            _("Unit and post"),
            {"fields": ("unit", "department", "post", "position", "phone")},
        ),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Unit and post"), {"fields": ("unit", "department", "post", "position")}),
    )
