"""House methods: TOML files, data only, that an organisation drops in a folder.

A house method is a method document (the same schema as `methods show --json`). It may say
`extends = "incident"` and then give only what changes: top-level fields, `phases` entries
that patch the base's phases by `id` (a new id adds a phase), and `phase_order` to reorder
or drop phases. Errors name the file and, for an extension, the base it extends.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from intervisie.core.method.model import MAX_PHASES, Method, MethodError, plain_structure

MAX_FILE_BYTES = 1024 * 1024
MAX_OPTIONS = 30
MAX_LIST_ITEMS = 200
MAX_TEXT_CHARS = 20_000
MAX_PROBLEMS_SHOWN = 10
"""Limits checked before a document is built: a file of 45,000 phase stubs fits in a
megabyte, and building it took `methods list` 5 s (and home 17 s) to print a 6.5 MB warning.
No real method comes near them (the built-ins have at most a dozen phases)."""


@attrs.frozen
class HouseProblem:
    """A house-method file that could not be loaded, or loaded with warnings."""

    path: Path
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class HouseMethodError(ValueError):
    def __init__(self, path: Path, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: " + "; ".join(problems))


def read_document(path: Path) -> dict[str, Any]:
    """Read a TOML (or JSON) method document; `HouseMethodError` says what is wrong and where."""
    too_large = f"larger than {MAX_FILE_BYTES // 1024} KiB"
    try:
        info = path.stat()
        # A named pipe or a link to a device (/dev/zero) would block or never end.
        if not stat.S_ISREG(info.st_mode):
            raise HouseMethodError(path, ["not a regular file"])
        if info.st_size > MAX_FILE_BYTES:
            raise HouseMethodError(path, [too_large])
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except HouseMethodError:
        raise
    except OSError as exc:
        raise HouseMethodError(path, [f"cannot read: {exc.strerror or exc}"]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise HouseMethodError(path, [too_large])
    try:
        # utf-8-sig: Windows editors (Notepad) save UTF-8 with a byte-order mark.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise HouseMethodError(
            path, [f"not UTF-8 text (byte {exc.start}); save the file as UTF-8"]
        ) from None
    # Both parsers recurse: a few thousand nested brackets raise RecursionError.
    too_deep = "nested too deeply (arrays or tables inside each other)"
    if path.suffix.lower() == ".json":
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise HouseMethodError(path, [f"invalid JSON: {exc}"]) from None
        except RecursionError:
            raise HouseMethodError(path, [f"invalid JSON: {too_deep}"]) from None
    else:
        import tomllib

        try:
            doc = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise HouseMethodError(path, [f"invalid TOML: {exc}"]) from None
        except RecursionError:
            raise HouseMethodError(path, [f"invalid TOML: {too_deep}"]) from None
    if not isinstance(doc, dict):
        raise HouseMethodError(path, ["the document must be a table of method fields"])
    return doc


def build_method(
    doc: Mapping[str, Any],
    path: Path,
    base_lookup: Callable[[str], Method | None] = lambda _id: None,
) -> Method:
    """Turn a document into a `Method`, applying `extends`; every problem is reported at once."""
    too_big = _over_limits(doc)
    if too_big:
        raise HouseMethodError(path, too_big)
    doc = dict(doc)
    base_id = doc.pop("extends", None)
    if base_id is None and "phase_order" not in doc:
        try:
            # Without the converter (and cattrs) when the document is well-formed: the
            # built-in methods are read at every start. Otherwise the converter below
            # builds it or names each problem.
            return plain_structure(doc, Method)
        except Exception:
            pass
    from intervisie.core.method.converter import DocumentError, method_document, structure

    if base_id is not None:
        if not isinstance(base_id, str):
            raise HouseMethodError(path, ["extends: must be a method id"])
        base = base_lookup(base_id)
        if base is None:
            raise HouseMethodError(path, [f"extends: no method {base_id!r} is loaded"])
        try:
            doc = extend(method_document(base), doc)
        except ValueError as exc:
            raise HouseMethodError(path, [f"extends {base_id!r}: {exc}"]) from None
    elif "phase_order" in doc:
        raise HouseMethodError(path, ["phase_order: only a method that extends another has it"])
    try:
        return structure(doc, Method)
    except MethodError as exc:
        where = f" (extending {base_id!r})" if base_id else ""
        raise HouseMethodError(path, _few([p + where for p in exc.problems])) from None
    except DocumentError as exc:
        raise HouseMethodError(path, _few(exc.problems)) from None


def _few(problems: list[str]) -> list[str]:
    """The first problems and how many more: one message a person can read."""
    if len(problems) <= MAX_PROBLEMS_SHOWN:
        return problems
    rest = len(problems) - MAX_PROBLEMS_SHOWN
    return [*problems[:MAX_PROBLEMS_SHOWN], f"and {rest} more problems"]


def _over_limits(doc: Mapping[str, Any]) -> list[str]:
    """Counts and lengths over the limits, by field path; empty when the document is fine."""
    problems: list[str] = []
    for key, limit in (("phases", MAX_PHASES), ("options", MAX_OPTIONS)):
        value = doc.get(key)
        if isinstance(value, list | dict) and len(value) > limit:
            problems.append(f"{key}: {len(value)} {key}, at most {limit}")
    stack: list[tuple[str, Any]] = [("", doc)]
    while stack and len(problems) < MAX_PROBLEMS_SHOWN:
        where, value = stack.pop()
        if isinstance(value, str):
            if len(value) > MAX_TEXT_CHARS:
                problems.append(f"{where}: {len(value)} characters, at most {MAX_TEXT_CHARS}")
        elif isinstance(value, Mapping):
            if len(value) > MAX_LIST_ITEMS:
                problems.append(
                    f"{where or 'the document'}: {len(value)} keys, at most {MAX_LIST_ITEMS}"
                )
                continue
            stack.extend((f"{where}.{k}" if where else str(k), v) for k, v in value.items())
        elif isinstance(value, list):
            if len(value) > MAX_LIST_ITEMS:
                if where not in ("phases", "options"):
                    problems.append(f"{where}: {len(value)} entries, at most {MAX_LIST_ITEMS}")
                continue
            stack.extend((f"{where}[{i}]", v) for i, v in enumerate(value))
    return problems


def extend(base: Mapping[str, Any], patch: Mapping[str, Any]) -> dict[str, Any]:
    """Apply an extending document to the base method's document."""
    result = dict(base)
    patch = dict(patch)
    phase_patches = patch.pop("phases", None)
    order = patch.pop("phase_order", None)
    for key, value in patch.items():
        result[key] = _merge(result.get(key), value)
    phases = [dict(p) for p in base.get("phases", [])]
    if phase_patches is not None:
        if not isinstance(phase_patches, list):
            raise ValueError("phases: must be a list of phase tables")
        by_id = {p["id"]: i for i, p in enumerate(phases)}
        for i, entry in enumerate(phase_patches):
            if not isinstance(entry, Mapping) or not isinstance(entry.get("id"), str):
                raise ValueError(f"phases[{i}]: each entry needs an id")
            if entry["id"] in by_id:
                index = by_id[entry["id"]]
                phases[index] = _merge(phases[index], entry)
            else:
                phases.append(dict(entry))
                by_id[entry["id"]] = len(phases) - 1
    if order is not None:
        if not isinstance(order, list) or not all(isinstance(o, str) for o in order):
            raise ValueError("phase_order: must be a list of phase ids")
        known = {p["id"]: p for p in phases}
        unknown = [o for o in order if o not in known]
        if unknown:
            raise ValueError(f"phase_order: no phase {', '.join(map(repr, unknown))}")
        phases = [known[o] for o in order]
    result["phases"] = phases
    return result


def _merge(old: Any, new: Any) -> Any:
    """Tables merge key by key (so `name = {nl = "..."}` keeps the English); the rest replaces."""
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        merged = dict(old)
        for key, value in new.items():
            merged[key] = _merge(old.get(key), value)
        return merged
    return new


def method_files(folders: Iterable[Path]) -> tuple[list[Path], list[HouseProblem]]:
    """The `*.toml` files in each folder, sorted; unreadable folders become problems."""
    files: list[Path] = []
    problems: list[HouseProblem] = []
    seen: set[Path] = set()
    for folder in folders:
        try:
            if not folder.exists():
                continue
            if not folder.is_dir():
                problems.append(HouseProblem(folder, "is not a folder"))
                continue
            entries = sorted(folder.iterdir())
        except OSError as exc:
            problems.append(HouseProblem(folder, f"cannot read folder: {exc.strerror or exc}"))
            continue
        for entry in entries:
            if entry.suffix.lower() != ".toml" or entry.name.startswith("."):
                continue
            try:
                real = entry.resolve(strict=True)
            except (OSError, RuntimeError) as exc:
                msg = getattr(exc, "strerror", None) or str(exc)
                problems.append(HouseProblem(entry, f"cannot follow link: {msg}"))
                continue
            if real in seen:
                continue
            seen.add(real)
            files.append(entry)
    return files, problems
