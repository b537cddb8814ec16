from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _


def _before_migrate(using: str = "default", **kwargs: Any) -> None:
    from django.db import connections

    from tiepdan.cases.search.index import drop_sqlite_name_triggers

    drop_sqlite_name_triggers(connections[using])


def _ensure_search_index(using: str = "default", **kwargs: Any) -> None:
    from django.db import connections

    from tiepdan.cases.search.index import ensure_sqlite_index

    ensure_sqlite_index(connections[using])


class CasesConfig(AppConfig):
    name = "tiepdan.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        # SQLite: the search index's triggers get in the way of (and are lost by) the table
        # rebuilds some migrations make; they are set aside before and put back after.
        pre_migrate.connect(_before_migrate, sender=self, dispatch_uid="cases_search_before")
        post_migrate.connect(_ensure_search_index, sender=self, dispatch_uid="cases_search_index")
