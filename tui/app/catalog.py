"""The home catalog: what home shows of each method, and a saved copy for the next start.

Loading the methods imports attrs, pluggy, the model and every plugin, and validates each
method: about a third of home's start-up (benchmarks/tui_startup.py). So home paints from the
catalog an earlier start saved, when it is still current, and loads the methods right after
that first paint; if they differ from what it showed, it redraws at once and saves them.
The saved copy only ever decides the first frame.

Whether the copy is current is judged from what can change the methods: the distributions
installed in each `sys.path` folder (their `*.dist-info` names carry their versions, so an
install, upgrade or removal shows), the built-in methods' files, the house method folders and
their files, the settings file, and `INTERVISIE_PLUGINS` / `INTERVISIE_STRICT_PLUGINS`. What
is not seen (a plugin reinstalled at the same version, or installed in editable mode and
edited in place) shows its old text for that one frame.

The file is `<cache>/home-catalog.json` (the platformdirs user cache folder, or
`INTERVISIE_CACHE_DIR`), 0600 in a 0700 folder, and holds method texts only, never case
content. One that cannot be read, is damaged or cannot be written is passed over: it is a
speed-up, nothing depends on it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from intervisie.core.i18n import SUPPORTED
from intervisie.tui.app.widgets.labels import text

if TYPE_CHECKING:
    from intervisie.core.plugins.loading import LoadedMethod, Registry

FORMAT = 1
FILE_NAME = "home-catalog.json"


class MethodCard(NamedTuple):
    """One method as home lists and details it, in one language.

    A named tuple, not attrs or a dataclass: home's first paint builds these, and a named
    tuple costs a tenth of a frozen dataclass to define.
    """

    id: str
    kind: str  # builtin | plugin | house
    name: str  # texts in the card's language, with the marker of a fallback language
    summary: str
    when: str
    when_not: str
    group: tuple[int, int, int]  # min, max, ideal
    minutes: float  # planned at the ideal group size
    phases: tuple[tuple[str, float], ...]  # the case owner's position, planned minutes
    sources: tuple[str, ...]
    version: str  # the method's version
    path: str | None = None  # house: its file
    distribution: str | None = None  # plugin: its distribution (or entry point) and version
    distribution_version: str | None = None
    search: str = ""  # id, names and summaries in every language, lower case

    def matches(self, needle: str) -> bool:
        """Whether the filter finds it: id, name or summary in any language."""
        needle = needle.strip().lower()
        return not needle or needle in self.search


class Catalog(NamedTuple):
    """Every method home shows, in order, and what did not load."""

    cards: tuple[MethodCard, ...]
    problems: tuple[str, ...] = ()

    def get(self, method_id: str | None) -> MethodCard | None:
        return next((card for card in self.cards if card.id == method_id), None)


def card_of(loaded: LoadedMethod, lang: str) -> MethodCard:
    method, source = loaded.method, loaded.source
    size = method.group_size
    # What Method.total_minutes() adds up, from the one phases_for() the timeline needs.
    phases = tuple((str(p.owner), p.planned_minutes(size.ideal)) for p in method.phases_for())
    words = [method.id, *method.name.values.values(), *method.summary.values.values()]
    return MethodCard(
        id=method.id,
        kind=source.kind,
        name=text(method.name, lang),
        summary=text(method.summary, lang),
        when=text(method.when_to_use, lang),
        when_not=text(method.when_not_to_use, lang),
        group=(size.min, size.max, size.ideal),
        minutes=sum(minutes for _owner, minutes in phases),
        phases=phases,
        sources=tuple(method.sources),
        version=method.version,
        path=str(source.path) if source.kind == "house" and source.path else None,
        distribution=(source.distribution or source.plugin) if source.kind == "plugin" else None,
        distribution_version=source.version if source.kind == "plugin" else None,
        search="\n".join(words).lower(),
    )


def catalog_of(registry: Registry, lang: str) -> Catalog:
    cards = tuple(card_of(loaded, lang) for loaded in registry.methods.values())
    return Catalog(cards, tuple(registry.errors()))


# -- the saved copy ----------------------------------------------------------------------


def catalog_path() -> Path:
    """`<cache>/home-catalog.json`: a cache, so the user cache folder (settings.cache_dir)."""
    from intervisie.core.settings import cache_dir

    return cache_dir() / FILE_NAME


def environment_key() -> list[Any]:
    """What the methods depend on, as comparable values (see the module's docstring)."""
    from intervisie.core.settings import house_method_dirs, settings_path

    key: list[Any] = [FORMAT, sys.version, sys.executable]
    key.append([(entry, _distributions(entry or ".")) for entry in sys.path])
    # The built-in methods' files, for a development install (an installed one changes its
    # dist-info name when upgraded). Located, not imported: tui reaches methods only
    # through the plugin manager.
    spec = importlib.util.find_spec("intervisie.methods")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        key.append(_folder(Path(folder), recurse=True))
    key.extend(_folder(folder) for folder in house_method_dirs())
    key.append(_stamp(settings_path()))
    key.append([os.environ.get(var) for var in ("INTERVISIE_PLUGINS", "INTERVISIE_STRICT_PLUGINS")])
    return key


def _distributions(entry: str) -> list[str] | list[int] | None:
    """The distributions installed in a `sys.path` folder (a zip file: its stamp).

    Not the folder's own time: the folder of a script or the working folder changes all the
    time without changing any method."""
    try:
        with os.scandir(entry) as found:
            names = [e.name for e in found if e.name.endswith((".dist-info", ".egg-info"))]
    except NotADirectoryError:
        return _stamp(entry)
    except OSError:
        return None
    return sorted(names)


def _stamp(path: str | os.PathLike[str]) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_size]


def _folder(folder: Path, recurse: bool = False) -> list[Any]:
    """A folder's own stamp and each entry's (a file edited in place leaves the folder's)."""
    out: list[Any] = [str(folder), _stamp(folder)]
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return out
    for entry in entries:
        if entry.name.startswith((".", "__pycache__")):
            continue
        if recurse and entry.is_dir():
            out.append(_folder(Path(entry.path), recurse=True))
        else:
            out.append([entry.name, _stamp(entry.path)])
    return out


def read_catalog(path: Path, key: list[Any]) -> dict[str, Catalog] | None:
    """The saved catalogs by language, when the file is there, whole and still current."""
    try:
        doc = json.loads(path.read_bytes())
        if doc.get("format") != FORMAT or doc.get("key") != json.loads(json.dumps(key)):
            return None
        return {lang: _catalog(doc["languages"][lang]) for lang in SUPPORTED}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_catalog(path: Path, key: list[Any], catalogs: dict[str, Catalog]) -> bool:
    """Save the catalogs; False when that could not be done (a read-only or full disk)."""
    from intervisie.core.settings import ensure_private_dir, write_private

    doc = {
        "format": FORMAT,
        "key": key,
        "languages": {
            lang: {
                "cards": [card._asdict() for card in catalog.cards],
                "problems": catalog.problems,
            }
            for lang, catalog in catalogs.items()
        },
    }
    with contextlib.suppress(OSError):
        ensure_private_dir(path.parent)
        write_private(path, json.dumps(doc, ensure_ascii=False))
        return True
    return False


def _catalog(doc: dict[str, Any]) -> Catalog:
    """A catalog from its JSON, checked field by field: a damaged file must not reach home."""
    cards = tuple(_card(item) for item in doc["cards"])
    problems = tuple(_checked(p, str) for p in doc["problems"])
    return Catalog(cards, problems)


def _card(doc: dict[str, Any]) -> MethodCard:
    values: dict[str, Any] = {}
    for name in MethodCard._fields:
        value = doc[name]
        if name == "group":
            value = tuple(_checked(v, int) for v in value)
            if len(value) != 3:
                raise ValueError("group")
        elif name == "phases":
            value = tuple((_checked(o, str), float(_checked(m, (int, float)))) for o, m in value)
        elif name == "sources":
            value = tuple(_checked(v, str) for v in value)
        elif name == "minutes":
            value = float(_checked(value, (int, float)))
        elif name in ("path", "distribution", "distribution_version"):
            value = None if value is None else _checked(value, str)
        else:
            value = _checked(value, str)
        values[name] = value
    return MethodCard(**values)


def _checked(value: Any, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(value, kind) or isinstance(value, bool):
        raise TypeError(f"expected {kind}, got {type(value).__name__}")
    return value
