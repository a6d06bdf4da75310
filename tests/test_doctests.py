"""The examples in the pure modules' docstrings are run, so they stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest

from tests.test_architecture import PURE_MODULES


@pytest.mark.parametrize("name", PURE_MODULES)
def test_docstring_examples_in_pure_module_hold(name: str) -> None:
    module = importlib.import_module(f"advisor.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in advisor/{name}.py"


def test_the_pure_modules_carry_docstring_examples() -> None:
    attempted = sum(
        doctest.testmod(importlib.import_module(f"advisor.{name}")).attempted
        for name in PURE_MODULES
    )
    assert attempted >= 10
