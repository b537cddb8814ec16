"""The layer rule of docs/architecture.md, checked over every import in `tiepdan/`.

Apps depend downward in one order; inside an app, domain modules (models, rules, services,
access, queries…) import only their own app, lower apps and `lib`; interface modules (views,
forms, API, admin, documents and exports, commands, demo data) may also import any app's domain
code, the interface modules of their own or a lower app, and the `web` and `api` toolkits;
`lib`, `web` and `api` import no domain app. Imports under `if TYPE_CHECKING:` are for types
only and create no dependency, so they are not counted.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: The order of the packages under tiepdan/, lowest first; a package may sit beside others.
ORDER: list[set[str]] = [
    {"lib"},
    {"web"},
    {"api"},
    {"orgunits"},
    {"accounts"},
    {"citizens", "workcalendar", "integrations", "notifications"},
    {"directives"},
    {"reception"},
    {"cases"},
    {"dialogues", "mediation", "targets"},
    {"privacy", "reports"},
    {"open311", "public", "demo", "inbox"},
]
LEVEL = {package: level for level, tier in enumerate(ORDER) for package in tier}
TOOLKITS = {"lib", "web", "api"}
#: Module (or package) names that translate between people or machines and the domain.
INTERFACE = {
    "admin",
    "api",
    "apps",
    "context_processors",
    "demo",
    "documents",
    "exports",
    "feeds",
    "forms",
    "imports",
    "management",
    "middleware",
    "schemas",
    "templatetags",
    "urls",
    "views",
}


@dataclass(frozen=True)
class Module:
    package: str  # the package under tiepdan/ (an app or a toolkit)
    interface: bool


def module_of(dotted: str) -> Module | None:
    parts = dotted.split(".")
    if len(parts) < 2 or parts[0] != "tiepdan" or parts[1] not in LEVEL:
        return None
    names = {p.removesuffix(".py") for p in parts[2:]}
    return Module(parts[1], bool(names & INTERFACE))


def imported(source: str) -> Iterator[tuple[int, str]]:
    """(line, module) of every absolute import outside `if TYPE_CHECKING:` blocks."""
    tree = ast.parse(source)
    typing_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            test = node.test
            name = getattr(test, "id", None) or getattr(test, "attr", None)
            if name == "TYPE_CHECKING":
                typing_only.update(id(child) for child in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name


def allowed(importer: Module, target: Module) -> bool:
    """Whether code in `importer` may import `target` (see the module docstring)."""
    if importer.package == target.package:
        return True
    if importer.package in TOOLKITS or target.package in TOOLKITS:
        if target.package == "lib":
            return True
        if importer.package in TOOLKITS:
            return target.package in TOOLKITS and LEVEL[target.package] < LEVEL[importer.package]
        return importer.interface  # web/ and api/ serve the interface modules only
    if not importer.interface:
        return not target.interface and LEVEL[target.package] < LEVEL[importer.package]
    return not target.interface or LEVEL[target.package] < LEVEL[importer.package]


def violations(path: str, source: str) -> list[str]:
    dotted = path.removesuffix(".py").replace("/", ".")
    importer = module_of(dotted)
    if importer is None:
        return []
    found = []
    for line, name in imported(source):
        target = module_of(name)
        if target is not None and not allowed(importer, target):
            kind = "interface" if importer.interface else "domain"
            found.append(f"{path}:{line}: {kind} code of '{importer.package}' imports {name}")
    return found


def project_modules() -> list[Path]:
    return sorted(
        path
        for path in (ROOT / "tiepdan").rglob("*.py")
        if not {"tests", "migrations"} & set(path.relative_to(ROOT).parts)
    )


def test_every_package_under_tiepdan_has_a_place_in_the_order():
    packages = {p.name for p in (ROOT / "tiepdan").iterdir() if (p / "__init__.py").exists()}
    assert packages == set(LEVEL), "add the package to ORDER here and in docs/architecture.md"


def test_the_code_keeps_the_layer_rule():
    found = [
        problem
        for path in project_modules()
        for problem in violations(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"))
    ]
    assert not found, "imports against the layer rule:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("path", "source", "module"),
    [
        ("tiepdan/lib/text.py", "from tiepdan.cases.models import Case", "tiepdan.cases.models"),
        ("tiepdan/web/forms.py", "import tiepdan.accounts.models", "tiepdan.accounts.models"),
        (
            "tiepdan/api/routing.py",
            "from tiepdan.orgunits.models import OrgUnit",
            "tiepdan.orgunits.models",
        ),
        (
            "tiepdan/cases/services/intake.py",
            "from tiepdan.dialogues.models import Dialogue",
            "tiepdan.dialogues.models",
        ),
        (
            "tiepdan/cases/services/intake.py",
            "from tiepdan.web.ratelimit import allow",
            "tiepdan.web.ratelimit",
        ),
        (
            "tiepdan/cases/rules.py",
            "from tiepdan.reception.views import book",
            "tiepdan.reception.views",
        ),
        (
            "tiepdan/reception/services/book.py",
            "def f():\n    from tiepdan.cases import models",
            "tiepdan.cases",
        ),
        (
            "tiepdan/reception/views/book.py",
            "from tiepdan.cases.views import staff",
            "tiepdan.cases.views",
        ),
    ],
)
def test_a_forbidden_import_is_named(path, source, module):
    """Each of these imports breaks the rule, and the failure names the file, line and module."""
    found = violations(path, source)
    assert len(found) == 1
    assert found[0].startswith(f"{path}:")
    assert found[0].endswith(f" imports {module}")


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("tiepdan/cases/services/intake.py", "from tiepdan.reception.models import ReceptionEntry"),
        ("tiepdan/cases/services/intake.py", "from tiepdan.lib.uploads import CleanFile"),
        ("tiepdan/reception/views/book.py", "from tiepdan.cases.identity import redact_entries"),
        ("tiepdan/dialogues/forms.py", "from tiepdan.directives.forms import DirectiveForm"),
        ("tiepdan/cases/views/staff.py", "from tiepdan.web.actions import submit"),
        ("tiepdan/api/auth.py", "from tiepdan.web.ratelimit import hit"),
        (
            "tiepdan/cases/models/case.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from tiepdan.reports.models import Report",
        ),
    ],
)
def test_an_import_the_rule_allows_passes(path, source):
    assert violations(path, source) == []
