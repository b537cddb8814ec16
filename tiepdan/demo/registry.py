"""Demo data: each app may ship `tiepdan/<app>/demo.py` with `seed(demo: Demo) -> None`.

`seed_demo` calls them in INSTALLED_APPS order (lower apps first), so a later app finds the units
and users the earlier ones made. Every seeder is idempotent: running it twice changes nothing.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.apps import apps

if TYPE_CHECKING:
    from tiepdan.accounts.models import User
    from tiepdan.orgunits.models import OrgUnit

DEMO_PASSWORD = "Tiepdan@2026"


@dataclass
class Demo:
    """What the seeders share: the demo wards (by official code) and users (by user name)."""

    wards: dict[str, OrgUnit] = field(default_factory=dict)
    provinces: dict[str, OrgUnit] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)

    def say(self, line: str) -> None:
        self.log.append(line)


def seeders() -> list[str]:
    names = []
    for config in apps.get_app_configs():
        module = f"{config.name}.demo"
        if config.name.startswith("tiepdan.") and importlib.util.find_spec(module):
            names.append(module)
    return names


def count_rows() -> dict[str, int]:
    """Rows per model of the project's apps, by the model's plural name (to report a seeding)."""
    counts = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("tiepdan."):
            continue
        for model in config.get_models():
            label = f"{config.verbose_name} · {model._meta.verbose_name_plural}"
            counts[label] = model._default_manager.count()
    return counts


def seed_all() -> Demo:
    """Run every app's demo seeder, lower apps first."""
    demo = Demo()
    for module in seeders():
        importlib.import_module(module).seed(demo)
    return demo
