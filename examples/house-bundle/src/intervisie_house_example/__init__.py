"""intervisie-house-example: an organisation's house methods, shipped as a Python package.

The methods are TOML files in `methods/`, data only, exactly like house methods in a folder;
this module only hands them to intervisie through the `intervisie_methods` hook, so they
install with pip, carry a version, and count as this plugin's methods.
"""

from __future__ import annotations

from importlib.resources import as_file, files

from intervisie.core import Method, hookimpl, load_method_file


def builtin(method_id: str) -> Method | None:
    """The method an `extends` names, looked up among the built-in methods only.

    Looking it up among all plugins would load this plugin again, from inside its own hook.
    """
    from intervisie.core.plugins.loading import load_registry

    found = load_registry(house=False, only=[method_id]).methods.get(method_id)
    return found.method if found is not None and found.source.kind == "builtin" else None


@hookimpl
def intervisie_methods() -> list[Method]:
    folder = files(__package__) / "methods"
    methods = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            with as_file(entry) as path:
                methods.append(load_method_file(path, base_lookup=builtin))
    return methods
