"""A method file a plugin ships (TOML or JSON), loaded with `extends` found among the plugins.

This is `intervisie.core.load_method_file`, the authors' way to bundle house methods in a
package. It lives with the plugins, not with house methods, because its default lookup of an
`extends` base is the plugin registry: core/method/ stays below core/plugins/.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from intervisie.core.method.house import build_method, read_document
from intervisie.core.method.model import Method


def load_method_file(
    path: str | os.PathLike[str],
    base_lookup: Callable[[str], Method | None] | None = None,
) -> Method:
    """Load one method file (TOML or JSON). Plugins use this to ship house methods in a package.

    Without `base_lookup`, `extends` finds the method among the loaded plugins.
    """
    path = Path(path)
    return build_method(read_document(path), path, base_lookup or _plugin_method)


def _plugin_method(method_id: str) -> Method | None:
    from intervisie.core.plugins.loading import load_registry, registry_in_progress

    # Called from a plugin's hook while plugins load: look in what loaded so far, rather
    # than loading every plugin (the caller included) once more.
    registry = registry_in_progress() or load_registry(house=False)
    found = registry.methods.get(method_id)
    return found.method if found else None
