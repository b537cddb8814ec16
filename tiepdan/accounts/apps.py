from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles(sender: AppConfig, **kwargs: object) -> None:
    from tiepdan.accounts.services import sync_roles

    sync_roles()


class AccountsConfig(AppConfig):
    name = "tiepdan.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # Permissions are created after migrate, so the role groups follow them there.
        post_migrate.connect(_sync_roles, dispatch_uid="tiepdan.accounts.sync_roles")
