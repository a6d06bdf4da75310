"""The examples in the pure modules' docstrings are run, so they stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest

from tests.helpers import PURE_MODULES

# Modules with docstring examples: the pure ones, and the check's step declarations.
WITH_EXAMPLES = [*PURE_MODULES, "check_steps"]


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_examples_hold(name: str) -> None:
    module = importlib.import_module(f"advisor.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in advisor.{name}"


def test_the_pure_modules_carry_docstring_examples() -> None:
    attempted = sum(
        doctest.testmod(importlib.import_module(f"advisor.{name}")).attempted
        for name in PURE_MODULES
    )
    assert attempted >= 10


def test_the_step_declarations_carry_docstring_examples() -> None:
    assert doctest.testmod(importlib.import_module("advisor.check_steps")).attempted >= 3
