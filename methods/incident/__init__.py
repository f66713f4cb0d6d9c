"""The incident method (Pigors & Pigors 1961; Dutch form in Hendriksen's ten steps).

A built-in plugin: registered in the `intervisie` entry-point group as `incident`, exactly
as a third-party method would be.
"""

from __future__ import annotations

from intervisie.core import Method, hookimpl
from intervisie.methods.incident.method import METHOD

__all__ = ["METHOD", "intervisie_methods"]


@hookimpl
def intervisie_methods() -> list[Method]:
    return [METHOD]
