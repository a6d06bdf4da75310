"""Domain logic stays in pure modules that import nothing from Django."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import OTHER_PURE, PURE_MODULES, PURE_PATHS, imported_modules


@pytest.mark.parametrize("name", PURE_MODULES)
def test_pure_domain_module_imports_nothing_from_django(name: str) -> None:
    path = PURE_PATHS[name]
    imports = imported_modules(path)
    offending = sorted(mod for mod in imports if mod == "django" or mod.startswith("django."))
    assert offending == [], f"advisor/{name}.py imports {offending}"
    # A pure module may import other advisor modules only if they are pure too.
    advisor_imports = {
        mod.removeprefix("advisor.") for mod in imports if mod.startswith("advisor.")
    }
    # ("rules" itself is the package: `from advisor.rules import letter`.)
    allowed = {*PURE_MODULES, "rules"}
    assert advisor_imports <= allowed, f"{path} imports {advisor_imports - allowed}"


def test_the_rules_package_holds_the_pure_modules() -> None:
    assert len(PURE_PATHS) > len(OTHER_PURE) + 10, "advisor/rules/ lost its modules"


def test_the_architecture_check_catches_a_django_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from django.conf import settings\nimport decimal\n")
    assert "django.conf" in imported_modules(bad)
