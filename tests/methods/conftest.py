"""Fixtures for the built-in method tests.

Every built-in is loaded the way a user's installation loads it: through the `intervisie`
entry points of the installed distribution, never by importing its module directly.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from importlib import metadata

import pytest

from intervisie.core import Method

BUILTINS = ("incident", "roddel", "denkhoeden", "krachtenveld")


def load_builtin(name: str) -> Method:
    """Load the entry point `name` of the installed `intervisie` distribution, call its hook."""
    eps = [
        ep
        for ep in metadata.entry_points(group="intervisie", name=name)
        if ep.dist is not None and ep.dist.name == "intervisie"
    ]
    assert eps, f"no entry point {name!r} of the intervisie distribution"
    methods = eps[0].load().intervisie_methods()
    assert isinstance(methods, list) and len(methods) == 1
    return methods[0]


def option_combinations(method: Method) -> Iterator[dict[str, str]]:
    """Every combination of the method's option choices, defaults first."""
    ids = [option.id for option in method.options]
    choices = [
        sorted((c.id for c in option.choices), key=lambda c, o=option: c != o.default)
        for option in method.options
    ]
    for combo in itertools.product(*choices):
        yield dict(zip(ids, combo, strict=True))


class _Builtins(dict):
    def __missing__(self, name: str) -> Method:
        self[name] = load_builtin(name)
        return self[name]


@pytest.fixture(scope="session")
def builtin() -> dict[str, Method]:
    """`builtin[name]`: the method of that built-in entry point, loaded once."""
    return _Builtins()


@pytest.fixture(scope="session")
def combinations():
    """`combinations(method)`: every option combination of a method, defaults first."""
    return option_combinations
