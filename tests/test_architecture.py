"""Domain logic stays in pure modules that import nothing from Django."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import (
    OTHER_PURE,
    PURE_MODULES,
    PURE_PATHS,
    TESTS,
    imported_modules,
    imported_test_modules,
)


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


# Test modules share helpers through tests/helpers.py, tests/servers.py and the conftest files,
# never by importing each other (a test module imported elsewhere runs its tests twice over
# and cannot be changed on its own).


@pytest.mark.parametrize(
    "path", sorted(TESTS.rglob("*.py")), ids=lambda path: str(path.relative_to(TESTS))
)
def test_no_test_module_imports_another_test_module(path: Path) -> None:
    assert imported_test_modules(path) == set()


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("from tests.test_admin import change_url\n", "tests.test_admin"),
        ("import tests.test_admin\n", "tests.test_admin"),
        ("from .test_core_journeys import switch_language\n", "tests.browser.test_core_journeys"),
        ("from . import test_core_journeys\n", "tests.browser.test_core_journeys"),
        ("from ..test_plan_pages import planned\n", "tests.test_plan_pages"),
    ],
)
def test_the_check_catches_each_way_of_importing_a_test_module(
    tmp_path: Path, source: str, found: str
) -> None:
    folder = tmp_path / "tests" / "browser"
    folder.mkdir(parents=True)
    module = folder / "test_example.py"
    module.write_text(source)
    assert found in imported_test_modules(module, root=tmp_path)
