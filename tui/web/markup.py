"""HTML made from Python values, escaped unless said otherwise.

Why not a template engine: the pages are a handful of small fragments, and a builder where
every string is text unless wrapped in `Markup` makes escaping the default that cannot be
forgotten (a case title `<script>` is shown as text). Attribute values are escaped too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape


class Markup(str):
    """HTML that is already safe (made by `tag` or `join`); never wrap user text in it."""


Child = "str | Markup | Iterable[str | Markup] | None"


def _flatten(children: Iterable[object]) -> Iterable[str | Markup]:
    for child in children:
        if child is None or child is False:
            continue
        if isinstance(child, str):
            yield child
        elif isinstance(child, Iterable):
            yield from _flatten(child)
        else:
            yield str(child)


def join(*children: object) -> Markup:
    """Children side by side: plain strings escaped, `Markup` kept."""
    return Markup(
        "".join(c if isinstance(c, Markup) else escape(c, quote=True) for c in _flatten(children))
    )


def tag(name: str, attrs: Mapping[str, object] | None = None, *children: object) -> Markup:
    """`<name attrs>children</name>`; attributes that are None or False are left out."""
    parts = [name]
    for key, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        key = key.rstrip("_").replace("_", "-")
        if value is True:
            parts.append(key)
        else:
            parts.append(f'{key}="{escape(str(value), quote=True)}"')
    opening = "<" + " ".join(parts) + ">"
    if name in ("input", "br", "meta", "link"):
        return Markup(opening)
    return Markup(opening + join(*children) + f"</{name}>")
