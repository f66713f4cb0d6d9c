"""intervisie-balint: the Balint group as a plugin for intervisie.

The package registers this module in the `intervisie` entry-point group (see pyproject.toml),
and intervisie calls `intervisie_methods()` when it loads its plugins.
"""

from __future__ import annotations

from intervisie.core import Method, hookimpl
from intervisie_balint.method import METHOD

__all__ = ["METHOD", "intervisie_methods"]


@hookimpl
def intervisie_methods() -> list[Method]:
    return [METHOD]
