"""The gossip method (roddelmethode).

A built-in plugin: registered in the `intervisie` entry-point group as `roddel`, exactly
as a third-party method would be.
"""

from __future__ import annotations

from intervisie.core import Method, hookimpl
from intervisie.methods.roddel.method import METHOD

__all__ = ["METHOD", "intervisie_methods"]


@hookimpl
def intervisie_methods() -> list[Method]:
    return [METHOD]
