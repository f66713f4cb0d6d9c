"""Six thinking hats (de Bono 1985), for intervision.

A built-in plugin: registered in the `intervisie` entry-point group as `denkhoeden`, exactly
as a third-party method would be.
"""

from __future__ import annotations

from intervisie.core import Method, hookimpl
from intervisie.methods.denkhoeden.method import METHOD

__all__ = ["METHOD", "intervisie_methods"]


@hookimpl
def intervisie_methods() -> list[Method]:
    return [METHOD]
