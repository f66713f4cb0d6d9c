"""Force field analysis (krachtenveldanalyse, after Lewin).

A built-in plugin: registered in the `intervisie` entry-point group as `krachtenveld`, exactly
as a third-party method would be.
"""

from __future__ import annotations

from intervisie.core import Method, hookimpl
from intervisie.methods.krachtenveld.method import METHOD

__all__ = ["METHOD", "intervisie_methods"]


@hookimpl
def intervisie_methods() -> list[Method]:
    return [METHOD]
