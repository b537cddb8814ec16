"""Staff accounts. Citizens need no account; every user belongs to one organisation unit."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser, Group, UserManager
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from tiepdan.accounts.roles import TWO_FACTOR_ROLES
from tiepdan.orgunits.models import Department, OrgUnit, OrgUnitQuerySet


class UserQuerySet(models.QuerySet["User"]):
    def people(self) -> UserQuerySet:
        """Real people: without the service accounts that API keys act through."""
        return self.filter(is_service_account=False)

    def without_second_factor(self) -> UserQuerySet:
        """Active people whose role signs in with two factors but who have not enrolled an
        authenticator app yet (they are asked to at their next login when 2FA is required)."""
        enrolled = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        needs_it = Group.objects.filter(user=OuterRef("pk"), name__in=TWO_FACTOR_ROLES)
        return self.people().filter(Exists(needs_it), ~Exists(enrolled), is_active=True)


class PeopleManager(UserManager.from_queryset(UserQuerySet)):  # type: ignore[misc]
    pass


class User(AbstractUser):
    class Post(models.TextChoices):
        """Leadership posts the legal rules name (Regulation 11; Citizen Reception Law Art. 15)."""

        SECRETARY = "secretary", _("Party Committee Secretary")
        DEPUTY_SECRETARY = "deputy_secretary", _("Deputy Secretary")
        CHAIRMAN = "chairman", _("People's Committee Chairman")
        VICE_CHAIRMAN = "vice_chairman", _("People's Committee Vice-Chairman")
        OTHER = "", _("—")

    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    post = models.CharField(_("leadership post"), max_length=20, choices=Post.choices, blank=True)
    position = models.CharField(_("job title"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    is_service_account = models.BooleanField(
        _("service account"),
        default=False,
        editable=False,
        help_text=_("The account an API key acts through; never a person who can log in."),
    )

    objects = PeopleManager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        permissions = [
            ("view_staff_pages", _("Can use the staff pages")),
            ("manage_unit_users", _("Can manage the users of their unit")),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def get_full_name(self) -> str:
        # Vietnamese names are written family name first: Nguyễn Văn Minh.
        return f"{self.last_name} {self.first_name}".strip()

    def visible_units(self) -> OrgUnitQuerySet:
        """The units whose records this user may see: their own unit's subtree."""
        if self.is_superuser:
            return OrgUnit.objects.all()
        if self.unit is None:
            return OrgUnit.objects.none()
        return OrgUnit.objects.subtree_of(self.unit)

    def can_see_unit(self, unit: OrgUnit | None) -> bool:
        if self.is_superuser:
            return True
        return bool(unit and self.unit and self.unit.contains(unit))

    def role_names(self) -> list[str]:
        return list(self.groups.values_list("name", flat=True))
