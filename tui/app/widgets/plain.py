"""Text widgets that show text exactly as written: no Textual markup.

Textual reads `[...]` in a str as markup. Names, case titles, contributions and method texts
may hold square brackets ("Jan [HR]", the fallback-language marker "[nl]", even "[/]"): as
markup they were swallowed, or stopped the app with a MarkupError, and a participant's
"[@click=...]" would have become an action. The screens import `Static`, `Label` and
`OptionList` from here instead of from Textual (same names, so the CSS and queries are
unchanged), and wrap other widgets' labels with `plain()`. Skipping the markup parser also
makes drawing text cheaper.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widgets import Label as _Label
from textual.widgets import OptionList as _OptionList
from textual.widgets import Static as _Static


def plain(text: str) -> Content:
    """`text` as content that is never read as markup (for Select, Checkbox, Selection...)."""
    return Content(text)


class Static(_Static):
    """Textual's Static, with markup off unless asked for."""

    def __init__(self, content: Any = "", *, markup: bool = False, **kwargs: Any) -> None:
        super().__init__(content, markup=markup, **kwargs)


class Label(_Label):
    """Textual's Label, with markup off unless asked for."""

    def __init__(self, content: Any = "", *, markup: bool = False, **kwargs: Any) -> None:
        super().__init__(content, markup=markup, **kwargs)


class OptionList(_OptionList):
    """Textual's OptionList, with markup off unless asked for."""

    def __init__(self, *content: Any, markup: bool = False, **kwargs: Any) -> None:
        super().__init__(*content, markup=markup, **kwargs)
