"""One loader for built-in and third-party plugins, and for house methods.

Built-ins are entry points in the `intervisie` group exactly like a plugin from PyPI. Each
plugin loads inside its own try/except: one that fails to import, raises in a hook, returns
something that is not a method, or reuses a method id is skipped and reported, and the rest
keeps working (as conda's plugin manager does). `INTERVISIE_PLUGINS=a,b` loads only those
entry points; `INTERVISIE_STRICT_PLUGINS=1` makes the command line fail on any problem.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
import pluggy

from intervisie.core.method.model import Method, MethodError
from intervisie.core.plugins import entrypoints, hookspecs
from intervisie.core.plugins.entrypoints import EntryPoint

GROUP = "intervisie"
SLOW_LOAD_MS = 1000.0
IMPORT_TIMEOUT_S = 5.0
"""How long a plugin may take to import before the program goes on without it (a plugin
that slept 60 s at import made `methods list` take 60 s and blanked the app).
`INTERVISIE_PLUGIN_TIMEOUT` (seconds) changes it, for authors and tests."""
BUILTIN_DISTRIBUTION = "intervisie"
CORE_PLUGINS: tuple[str, ...] = (
    "intervisie.core.reports.profiles",
    "intervisie.core.reports.exporters",
)
"""Core's own hook implementations: registered directly, always loaded, never filtered."""


def strict_mode() -> bool:
    return os.environ.get("INTERVISIE_STRICT_PLUGINS", "").strip().lower() in {"1", "true", "yes"}


def import_timeout() -> float:
    raw = os.environ.get("INTERVISIE_PLUGIN_TIMEOUT", "").strip()
    try:
        value = float(raw) if raw else IMPORT_TIMEOUT_S
    except ValueError:
        return IMPORT_TIMEOUT_S
    return value if value > 0 else IMPORT_TIMEOUT_S


class ImportTimeout(Exception):
    """A plugin did not finish importing in time; its import goes on in the background."""


def _load_in_time(ep: EntryPoint, seconds: float) -> object:
    """`ep.load()` in a daemon thread, waited for `seconds` at most.

    An import cannot be interrupted, but it need not be waited for: the thread finishes (or
    not) on its own, and the process does not wait for it when it ends.
    """
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = ep.load()
        except BaseException as exc:  # handed to the caller, which names it
            outcome["error"] = exc

    thread = threading.Thread(target=run, name=f"intervisie-plugin-{ep.name}", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise ImportTimeout(seconds)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _items_of(value: Any) -> list[Any]:
    """A hook's list as a real list: a list subclass whose iteration raises is the plugin's
    error (caught by the caller), not a traceback where the items are used."""
    return list(value)


def plugin_filter() -> set[str] | None:
    raw = os.environ.get("INTERVISIE_PLUGINS")
    if raw is None:
        return None
    return {name.strip() for name in raw.split(",") if name.strip()}


@attrs.frozen
class Source:
    """Where a method came from: `builtin` or `plugin` (a distribution), or `house` (a file)."""

    kind: str
    plugin: str | None = None
    distribution: str | None = None
    version: str | None = None
    path: str | None = None

    def to_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"kind": self.kind}
        if self.kind == "house":
            doc["path"] = self.path
        else:
            doc.update(plugin=self.plugin, distribution=self.distribution, version=self.version)
        return doc


@attrs.frozen
class LoadedMethod:
    method: Method
    source: Source


@attrs.define
class PluginInfo:
    """What `intervisie plugins` shows for one entry point."""

    name: str
    distribution: str | None
    version: str | None
    methods: list[str] = attrs.field(factory=list)
    load_ms: float = 0.0
    error: str | None = None
    warnings: list[str] = attrs.field(factory=list)

    @property
    def builtin(self) -> bool:
        return self.distribution == BUILTIN_DISTRIBUTION

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "distribution": self.distribution,
            "version": self.version,
            "builtin": self.builtin,
            "methods": list(self.methods),
            "load_ms": round(self.load_ms, 1),
            "error": self.error,
            "warnings": list(self.warnings),
        }


@attrs.define
class Registry:
    """Everything that loaded, and everything that did not, with reasons."""

    pm: pluggy.PluginManager
    methods: dict[str, LoadedMethod] = attrs.field(factory=dict)
    plugins: list[PluginInfo] = attrs.field(factory=list)
    house_problems: list[Any] = attrs.field(factory=list)
    house_warnings: list[str] = attrs.field(factory=list)

    def get(self, method_id: str) -> Method:
        """The method with that id; `KeyError` with the known ids otherwise."""
        try:
            return self.methods[method_id].method
        except KeyError:
            known = ", ".join(self.methods) or "none"
            raise KeyError(f"no method {method_id!r} (known: {known})") from None

    def errors(self) -> list[str]:
        """One line per plugin or house method that failed to load."""
        lines = [f"plugin {p.name!r}{_origin(p)}: {p.error}" for p in self.plugins if p.error]
        lines += [str(p) for p in self.house_problems]
        return lines

    def warnings(self) -> list[str]:
        lines = [f"plugin {p.name!r}{_origin(p)}: {w}" for p in self.plugins for w in p.warnings]
        return lines + list(self.house_warnings)

    def collect(self, hook_name: str, check: Callable[[Any], bool] | None = None) -> list[Any]:
        """Call one list-returning hook plugin by plugin; a plugin that fails is reported."""
        results: list[Any] = []
        self._ensure_core()
        impls = getattr(self.pm.hook, hook_name).get_hookimpls()
        core = [i for i in impls if i.plugin_name in CORE_PLUGINS]
        others = [i for i in impls if i.plugin_name not in CORE_PLUGINS]
        for impl in reversed(core + others):  # as if core registered first, whatever happened
            try:
                with _plugin_output():
                    items = impl.function()
                    if isinstance(items, list | tuple):
                        items = _items_of(items)
            except (Exception, SystemExit, KeyboardInterrupt) as exc:  # never end the program
                self._note_error(impl.plugin_name, f"{hook_name} raised {_describe(exc)}")
                continue
            if items is None:
                continue
            if not isinstance(items, list | tuple):
                self._note_error(impl.plugin_name, f"{hook_name} must return a list")
                continue
            for item in items:
                try:
                    fits = check is None or bool(check(item))
                except Exception:
                    fits = False
                if not fits:
                    self._note_error(
                        impl.plugin_name, f"{hook_name} returned {type(item).__name__}"
                    )
                    continue
                results.append(item)
        return results

    def _ensure_core(self) -> None:
        """Core's own rule profiles and exporters register on first use: listing methods
        (every start) does not need them."""
        for module_name in CORE_PLUGINS:
            if self.pm.get_plugin(module_name) is None:
                _register_core(self.pm, module_name)

    def _note_error(self, plugin_name: str, message: str) -> None:
        info = next((p for p in self.plugins if p.name == plugin_name), None)
        if info is None:
            info = PluginInfo(plugin_name, None, None)
            self.plugins.append(info)
        info.error = f"{info.error}; {message}" if info.error else message


def _origin(info: PluginInfo) -> str:
    """` (from dist 1.0)`: the distribution to upgrade or uninstall; empty for direct ones."""
    if not info.distribution:
        return ""
    version = f" {info.version}" if info.version else ""
    return f" (from {info.distribution}{version})"


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def new_plugin_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    return pm


def _entry_points() -> list[EntryPoint]:
    eps = entrypoints.entry_points(GROUP)

    def order(ep: EntryPoint) -> tuple[int, str]:
        dist = ep.dist.name if ep.dist else ""
        return (0 if dist == BUILTIN_DISTRIBUTION else 1, ep.name)

    # One entry per name: an editable install can list the same distribution twice.
    unique: dict[tuple[str, str], EntryPoint] = {}
    for ep in sorted(eps, key=order):
        unique.setdefault((ep.name, ep.value), ep)
    return list(unique.values())


def load_registry(
    *,
    house: bool = True,
    only: Iterable[str] | None = None,
    extra_plugins: Sequence[tuple[str, object]] = (),
    entry_points: Iterable[EntryPoint] | None = None,
    house_dirs: Iterable[Path] | None = None,
) -> Registry:
    """Load every plugin (entry points, then `extra_plugins`) and the house methods.

    `extra_plugins` registers objects directly under a name: the test kit and tests use it.
    """
    pm = new_plugin_manager()
    registry = Registry(pm)
    _loading.append(registry)
    try:
        return _load_into(registry, house, only, extra_plugins, entry_points, house_dirs)
    finally:
        _loading.remove(registry)


_loading: list[Registry] = []
"""Registries being loaded: a plugin hook that loads a house file finds its base here."""


def registry_in_progress() -> Registry | None:
    return _loading[-1] if _loading else None


def _load_into(
    registry: Registry,
    house: bool,
    only: Iterable[str] | None,
    extra_plugins: Sequence[tuple[str, object]],
    entry_points: Iterable[EntryPoint] | None,
    house_dirs: Iterable[Path] | None,
) -> Registry:
    wanted = set(only) if only is not None else plugin_filter()
    eps = list(entry_points) if entry_points is not None else _entry_points()
    timeout = import_timeout()
    for ep in eps:
        if wanted is not None and ep.name not in wanted:
            continue
        dist = ep.dist.name if ep.dist else None
        version = ep.dist.version if ep.dist else None
        info = PluginInfo(ep.name, dist, version)
        registry.plugins.append(info)
        start = time.perf_counter()
        try:
            with _plugin_output():
                plugin = _load_in_time(ep, timeout)
        except ImportTimeout:
            info.error = (
                f"did not finish importing {ep.value} within {timeout:g} s; skipped "
                "(INTERVISIE_PLUGIN_TIMEOUT sets the limit)"
            )
            info.load_ms = (time.perf_counter() - start) * 1000
            continue
        except BaseException as exc:  # a plugin may even call sys.exit on import
            info.error = f"cannot import {ep.value}: {_describe(exc)}"
            info.load_ms = (time.perf_counter() - start) * 1000
            continue
        _register(registry, info, plugin, start)
    if only is None and wanted is not None:
        _name_unknown_filter_entries(registry, wanted, eps)
    for name, plugin in extra_plugins:
        info = PluginInfo(name, None, None)
        registry.plugins.append(info)
        _register(registry, info, plugin, time.perf_counter())
    if house:
        from intervisie.core.settings import house_method_dirs

        dirs = list(house_dirs) if house_dirs is not None else house_method_dirs()
        if any(_exists(d) for d in dirs):
            _load_house_methods(registry, dirs)
    return registry


def _name_unknown_filter_entries(
    registry: Registry, wanted: set[str], eps: list[EntryPoint]
) -> None:
    """A name in INTERVISIE_PLUGINS that no installed plugin has (a typo) is an error, so
    a misspelt filter does not look like a program without methods."""
    installed = sorted({ep.name for ep in eps})
    for name in sorted(wanted - set(installed)):
        info = PluginInfo(name, None, None)
        info.error = (
            "INTERVISIE_PLUGINS names it, but no installed plugin has that name "
            f"(installed: {', '.join(installed) or 'none'})"
        )
        registry.plugins.append(info)


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return True  # let the loader report what is wrong with it


def _register_core(pm: pluggy.PluginManager, module_name: str) -> None:
    import importlib

    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return  # not built yet
        raise
    pm.register(module, name=module_name)


def _plugin_output() -> contextlib.AbstractContextManager[Any]:
    """While plugin code runs, what it prints goes to stderr: `--json` output stays JSON."""
    return contextlib.redirect_stdout(sys.stderr)


def _register(registry: Registry, info: PluginInfo, plugin: object, start: float) -> None:
    with _plugin_output():
        _register_plugin(registry, info, plugin, start)


def _register_plugin(registry: Registry, info: PluginInfo, plugin: object, start: float) -> None:
    if registry.pm.has_plugin(info.name):  # pluggy's own message dumps every plugin
        other = next((p for p in registry.plugins if p.name == info.name and p is not info), None)
        owner = (
            f"{other.distribution} {other.version}"
            if other and other.distribution
            else "another plugin"
        )
        info.error = f"the entry-point name {info.name!r} is already used by {owner}; skipped"
        info.load_ms = (time.perf_counter() - start) * 1000
        return
    try:
        registry.pm.register(plugin, name=info.name)
    except Exception as exc:
        info.error = f"cannot register: {_describe(exc)}"
        info.load_ms = (time.perf_counter() - start) * 1000
        return
    try:
        registry.pm.check_pending()
    except pluggy.PluginValidationError as exc:
        info.error = f"unknown hook: {exc}"
        registry.pm.unregister(name=info.name)
        info.load_ms = (time.perf_counter() - start) * 1000
        return
    hook_impls = [
        impl
        for impl in registry.pm.hook.intervisie_methods.get_hookimpls()
        if impl.plugin_name == info.name
    ]
    for impl in hook_impls:
        try:
            methods = impl.function()
            if isinstance(methods, list | tuple):
                methods = _items_of(methods)
        except MethodError as exc:
            info.error = f"invalid method {exc.method_id!r}: " + "; ".join(exc.problems)
            continue
        except (Exception, SystemExit, KeyboardInterrupt) as exc:  # never end the program
            info.error = f"intervisie_methods raised {_describe(exc)}"
            continue
        _add_methods(registry, info, methods)
    _check_other_hooks(registry, info)
    info.load_ms = (time.perf_counter() - start) * 1000
    if info.load_ms > SLOW_LOAD_MS:
        info.warnings.append(f"slow to load: {info.load_ms:.0f} ms (over {SLOW_LOAD_MS:.0f} ms)")


OTHER_HOOKS: dict[str, Callable[[Any], bool] | None] = {
    "intervisie_rule_profiles": None,
    "intervisie_exporters": None,
    "intervisie_session_observers": callable,
}
"""The list-returning hooks besides `intervisie_methods`, and what each item must be."""


def _check_other_hooks(registry: Registry, info: PluginInfo) -> None:
    """Call this plugin's other hooks once, so `plugins` reports one that raises or returns
    something that is not a list, at load time and naming the hook, not later mid-meeting."""
    for hook_name, check in OTHER_HOOKS.items():
        for impl in getattr(registry.pm.hook, hook_name).get_hookimpls():
            if impl.plugin_name != info.name:
                continue
            try:
                items = impl.function()
                if isinstance(items, list | tuple):
                    items = _items_of(items)
                    bad = [type(i).__name__ for i in items if check is not None and not check(i)]
            except (Exception, SystemExit, KeyboardInterrupt) as exc:
                problem = f"{hook_name} raised {_describe(exc)}"
            else:
                if items is None:
                    continue
                if not isinstance(items, list | tuple):
                    problem = f"{hook_name} must return a list, got {type(items).__name__}"
                else:
                    if not bad:
                        continue
                    problem = f"{hook_name} returned {', '.join(bad)}, not a callable"
            info.error = f"{info.error}; {problem}" if info.error else problem


def _add_methods(registry: Registry, info: PluginInfo, methods: object) -> None:
    if not isinstance(methods, list | tuple):
        info.error = (
            f"intervisie_methods must return a list of Method, got {type(methods).__name__}"
        )
        return
    kind = "builtin" if info.builtin else "plugin"
    source = Source(kind, info.name, info.distribution, info.version)
    problems = []
    for item in methods:
        if not isinstance(item, Method):
            problems.append(f"returned {type(item).__name__}, not a Method")
            continue
        if item.id in registry.methods:
            other = registry.methods[item.id].source
            where = describe_source(other)
            problems.append(f"method id {item.id!r} is already used by {where}; skipped")
            continue
        registry.methods[item.id] = LoadedMethod(item, source)
        info.methods.append(item.id)
        info.warnings.extend(item.language_warnings())
    if problems:
        info.error = "; ".join(problems)


def describe_source(source: Source) -> str:
    """Where a method came from, in one phrase for messages."""
    if source.kind == "house":
        return f"house method {source.path}"
    return f"plugin {source.plugin!r} ({source.distribution or 'no distribution'})"


def _load_house_methods(registry: Registry, dirs: list[Path]) -> None:
    from intervisie.core.method.house import (
        HouseMethodError,
        HouseProblem,
        build_method,
        method_files,
        read_document,
    )

    files, problems = method_files(dirs)
    registry.house_problems.extend(problems)
    pending: list[tuple[Path, dict[str, Any]]] = []
    for path in files:
        try:
            pending.append((path, read_document(path)))
        except HouseMethodError as exc:
            registry.house_problems.append(HouseProblem(path, "; ".join(exc.problems)))

    def lookup(method_id: str) -> Method | None:
        found = registry.methods.get(method_id)
        return found.method if found else None

    # Build in dependency order: a house method may extend another house method.
    progress = True
    while pending and progress:
        progress = False
        waiting = []
        pending_ids = {doc.get("id") for _, doc in pending}
        for path, doc in pending:
            base = doc.get("extends")
            if isinstance(base, str) and base not in registry.methods and base in pending_ids:
                waiting.append((path, doc))
                continue
            progress = True
            _add_house_method(registry, path, doc, lookup, build_method, HouseMethodError)
        pending = waiting
    for path, doc in pending:
        registry.house_problems.append(
            HouseProblem(path, f"extends: {doc.get('extends')!r} extends itself in a cycle")
        )


def _add_house_method(registry, path, doc, lookup, build_method, error_type) -> None:
    from intervisie.core.method.house import HouseProblem

    try:
        method = build_method(doc, path, lookup)
    except error_type as exc:
        message = "; ".join(exc.problems)
        base = registry.methods.get(doc.get("extends"))
        if base is not None and base.source.kind == "house":
            message += f" (base: {base.source.path})"
        registry.house_problems.append(HouseProblem(path, message))
        return
    if method.id in registry.methods:
        other = registry.methods[method.id].source
        registry.house_problems.append(
            HouseProblem(
                path, f"method id {method.id!r} is already used by {describe_source(other)}"
            )
        )
        return
    registry.methods[method.id] = LoadedMethod(method, Source("house", path=str(path)))
    registry.house_warnings.extend(f"{path}: {w}" for w in method.language_warnings())
