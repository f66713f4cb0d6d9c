"""The incident method (Pigors & Pigors 1961; Dutch form in Hendriksen's ten steps).

A built-in plugin: registered in the `intervisie` entry-point group as `incident`, exactly as a
third-party method would be. The method itself is data, `method.toml` beside this module.
"""

from __future__ import annotations

from intervisie.core import Method, hookimpl
from intervisie.methods import builtin_method

__all__ = ["intervisie_methods"]


@hookimpl
def intervisie_methods() -> list[Method]:
    return [builtin_method(__file__)]
