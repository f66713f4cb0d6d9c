"""The one cattrs converter for every document (methods, meetings, exports).

`forbid_extra_keys` catches typos in house methods; `transform_error` turns cattrs'
exception groups into lines that name the field path, e.g. `$.phases[2].minutes`.
Unstructuring omits defaults, so `methods show --json` prints a document that reads like a
hand-written house method (a per-turn phase has `minutes_per_turn` and no `minutes`).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any, TypeVar

import attrs
from cattrs import Converter
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_unstructure_fn
from cattrs.v import transform_error

from intervisie.core.method.model import Choice, Method, MethodError, Phase, Text

T = TypeVar("T")


class DocumentError(ValueError):
    """A document that does not fit its schema; `problems` name each field path."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def _structure_text(value: Any, _: type) -> Text:
    if isinstance(value, Text):
        return value
    if not isinstance(value, Mapping):
        raise ValueError(
            f'expected a table of languages like {{nl = "...", en = "..."}}, got '
            f"{type(value).__name__}"
        )
    bad = {k: v for k, v in value.items() if not isinstance(k, str) or not isinstance(v, str)}
    if bad:
        raise ValueError(f"language texts must be strings: {', '.join(map(str, bad))}")
    return Text(dict(value))


def _structure_patches(value: Any, _: type) -> dict[str, dict[str, Any]]:
    if not isinstance(value, Mapping) or not all(isinstance(v, Mapping) for v in value.values()):
        raise ValueError("expected a table of phase ids, each a table of phase fields")
    return {str(k): dict(v) for k, v in value.items()}


def _structure_when(value: Any, _: type) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise ValueError("expected a table of option ids")
    result = {}
    for key, allowed in value.items():
        if isinstance(allowed, str):
            allowed = [allowed]
        if not isinstance(allowed, list | tuple) or not all(isinstance(a, str) for a in allowed):
            raise ValueError(f"when.{key}: expected a choice id or a list of them")
        result[str(key)] = tuple(allowed)
    return result


def _strict_float(value: Any, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number, got {type(value).__name__}")
    return float(value)


def _strict_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number, got {type(value).__name__}")
    return value


def _structure_str(value: Any, type_: type) -> Any:
    if type_ is not str and issubclass(type_, Enum):
        return _structure_enum(value, type_)
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {type(value).__name__}")
    return value


def _strict_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {type(value).__name__}")
    return value


def _structure_enum(value: Any, type_: type[Enum]) -> Enum:
    try:
        return type_(value)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in type_)
        raise ValueError(f"{value!r} is not one of: {allowed}") from None


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def make_converter() -> Converter:
    conv = Converter(forbid_extra_keys=True)
    for exact, hook in ((int, _strict_int), (float, _strict_float), (bool, _strict_bool)):
        conv.register_structure_hook(exact, hook)
    # A StrEnum is a str: the str hook hands enums to their own structuring.
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(Text, _structure_text)
    conv.register_unstructure_hook(Text, lambda t: dict(t.values))
    conv.register_unstructure_hook(float, _number)
    conv.register_unstructure_hook(tuple, lambda t: [conv.unstructure(v) for v in t])

    conv.register_unstructure_hook_factory(
        attrs.has,
        lambda cls: make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True),
    )
    # Free-form mappings inside the model.
    fields: tuple[tuple[type, str, Any], ...] = (
        (Choice, "phases", _structure_patches),
        (Phase, "when", _structure_when),
    )
    for cls, name, hook in fields:
        _override_field(conv, cls, name, hook)
    return conv


def _override_field(conv: Converter, cls: type, name: str, hook: Any) -> None:
    from cattrs.gen import make_dict_structure_fn, override

    overrides: dict[str, Any] = {name: override(struct_hook=hook)}
    conv.register_structure_hook(
        cls, make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, **overrides)
    )


converter = make_converter()


def structure(doc: Any, cls: type[T]) -> T:
    """Structure `doc` into `cls`, raising `DocumentError` (or `MethodError`) with all problems."""
    try:
        return converter.structure(doc, cls)
    except MethodError:
        raise
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as exc:
        nested = _method_errors(exc)
        if nested:
            raise nested[0] from None
        raise DocumentError(_describe(exc)) from None
    except (ValueError, TypeError, KeyError) as exc:
        raise DocumentError([f"$: {exc}"]) from None


def _method_errors(exc: BaseException) -> list[MethodError]:
    found: list[MethodError] = []
    if isinstance(exc, MethodError):
        return [exc]
    for sub in getattr(exc, "exceptions", ()):
        found.extend(_method_errors(sub))
    return found


def _describe(exc: Exception) -> list[str]:
    lines = []
    for line in transform_error(exc, format_exception=_format_exception):
        lines.append(line)
    return lines or [str(exc)]


def _format_exception(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown key(s) {', '.join(sorted(exc.extra_fields))}"
    if isinstance(exc, KeyError):
        return "required key is missing"
    if isinstance(exc, ValueError | TypeError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def unstructure(value: Any) -> Any:
    return converter.unstructure(value)


def method_document(method: Method) -> dict[str, Any]:
    """The method as a house-method document: loadable again with `structure(doc, Method)`."""
    return converter.unstructure(method)
