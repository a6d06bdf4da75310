"""Domain logic stays in pure modules that import nothing from Django."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ADVISOR = Path(__file__).resolve().parent.parent / "advisor"
PURE_MODULES = [
    "money",
    "vault",
    "hant",
    "estimate",
    "plan",
    "letter",
    "schedule",
    "budget",
    "door",
    "docx",
    "deadlines",
    "phrases",
    "claims",
]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("name", PURE_MODULES)
def test_pure_domain_module_imports_nothing_from_django(name: str) -> None:
    path = ADVISOR / f"{name}.py"
    assert path.exists(), f"advisor/{name}.py is listed as a pure module but is missing"
    imports = imported_modules(path)
    offending = sorted(mod for mod in imports if mod == "django" or mod.startswith("django."))
    assert offending == [], f"advisor/{name}.py imports {offending}"
    # A pure module may import other advisor modules only if they are pure too.
    advisor_imports = {mod.split(".")[1] for mod in imports if mod.startswith("advisor.")}
    assert advisor_imports <= set(PURE_MODULES), f"advisor/{name}.py imports {advisor_imports}"


def test_the_architecture_check_catches_a_django_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from django.conf import settings\nimport decimal\n")
    assert "django.conf" in imported_modules(bad)
