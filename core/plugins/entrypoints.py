"""Find the `intervisie` entry points of installed distributions, quickly.

`importlib.metadata` finds them too, but importing it pulls in `email`, `zipfile` and `csv`
and it parses every distribution's METADATA: about 25 ms on each start, a fifth of what the
whole home screen may cost (docs/architecture.md, Benchmarks). The layout pip writes is
simple, so this
module reads it directly: every `*.dist-info` / `*.egg-info` folder in a `sys.path` folder,
its `entry_points.txt`, and the `Name` and `Version` lines of its METADATA only for the few
distributions that have an entry point in our group.

It follows `importlib.metadata`'s rules: `sys.path` order, the first distribution of a
(normalized) name wins, the same `module:attr` syntax. Where `sys.path` holds something this
reader does not handle (a zip file or an egg), it asks `importlib.metadata` instead, so what
is found never depends on the shortcut.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import sys
from collections.abc import Iterable, Iterator

import attrs

_ENTRY = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


@attrs.frozen
class Distribution:
    """The installed distribution an entry point belongs to."""

    name: str
    version: str | None


@attrs.frozen
class EntryPoint:
    """One `name = module:attr` line of a distribution's `entry_points.txt`."""

    name: str
    value: str
    group: str
    dist: Distribution | None = None

    def load(self) -> object:
        """Import the module and return the attribute, as `importlib.metadata` does."""
        match = _ENTRY.match(self.value)
        if match is None:
            raise ValueError(f"{self.value!r} is not a 'module:attribute' reference")
        module = importlib.import_module(match.group("module"))
        attrs_path = filter(None, (match.group("attr") or "").split("."))
        return functools.reduce(getattr, attrs_path, module)


def entry_points(group: str, path: Iterable[str] | None = None) -> list[EntryPoint]:
    """Every entry point in `group`, in `sys.path` order, one distribution per name."""
    folders = list(sys.path if path is None else path)
    if not all(_plain_folder(entry) for entry in folders):
        return _from_importlib(group)
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for info in _info_folders(folders):
        name = _normalize(os.path.splitext(info.name)[0].partition("-")[0])
        if name in seen:
            continue
        seen.add(name)
        found.extend(_read(info.path, group))
    return found


def _plain_folder(entry: str) -> bool:
    """A folder (or a path that does not exist, which holds nothing); not a zip or an egg."""
    target = entry or "."
    if target.endswith(".egg"):
        return False
    try:
        return not os.path.isfile(target)
    except (OSError, ValueError):
        return True


def _info_folders(folders: list[str]) -> Iterator[os.DirEntry[str]]:
    for folder in folders:
        try:
            with os.scandir(folder or ".") as entries:
                infos = sorted(
                    (e for e in entries if e.name.lower().endswith((".dist-info", ".egg-info"))),
                    key=lambda e: e.name,
                )
        except OSError:
            continue  # unreadable or absent: importlib.metadata skips it as well
        yield from infos


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _read(info: str, group: str) -> list[EntryPoint]:
    try:
        with open(os.path.join(info, "entry_points.txt"), encoding="utf-8") as file:
            text = file.read()
    except (OSError, UnicodeDecodeError):
        return []
    pairs = list(_section(text, group))
    if not pairs:
        return []
    dist = _distribution(info)
    return [EntryPoint(name, value, group, dist) for name, value in pairs]


def _section(text: str, group: str) -> Iterator[tuple[str, str]]:
    """The `name = value` lines of one `[group]` section of an ini-style file."""
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
        elif current == group and "=" in line:
            name, _, value = line.partition("=")
            yield name.strip(), value.strip()


def _distribution(info: str) -> Distribution:
    """Name and version from the metadata headers (the folder name is normalized)."""
    headers: dict[str, str] = {}
    for file_name in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(info, file_name), encoding="utf-8") as file:
                for line in file:
                    if not line.strip():
                        break
                    key, sep, value = line.partition(":")
                    if sep and key in ("Name", "Version"):
                        headers.setdefault(key, value.strip())
        except (OSError, UnicodeDecodeError):
            continue
        break
    name, _, version = os.path.splitext(os.path.basename(info))[0].partition("-")
    return Distribution(headers.get("Name", name), headers.get("Version", version or None))


def _from_importlib(group: str) -> list[EntryPoint]:
    from importlib import metadata

    return [
        EntryPoint(
            ep.name,
            ep.value,
            group,
            Distribution(ep.dist.name, ep.dist.version) if ep.dist else None,
        )
        for ep in metadata.entry_points(group=group)
    ]
