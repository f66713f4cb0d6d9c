"""Text from stored meetings, plugins and files, made safe to print on a terminal.

Names, case titles and contributions are typed by people and method names come from files
anyone can write: a stored `ESC ] 52` would write the reader's clipboard, `ESC [ 2 J` clear
the screen, and U+202E turn the rest of a line around. Everything the command line prints
passes through `terminal_safe`: control characters (C0 but line feed and tab, DEL, C1) and
the bidirectional overrides, embeddings and isolates are shown as `\\uXXXX`, visibly, and
everything else (emoji, right-to-left letters) stays as it was. The notation is JSON's own,
so `--json` output stays valid JSON that means the same.

`markdown_text` also escapes what Markdown would read as HTML or a link, for reports.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control characters except tab and line feed, and the bidi formatting characters."""

_MARKDOWN = re.compile(r"([\\`<>\[\]&])")
"""What would start HTML, an entity, a link or an autolink (and the escape character)."""


def _visible(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def terminal_safe(text: str) -> str:
    """`text` with every character that could steer a terminal shown as `\\uXXXX`."""
    return _UNSAFE.sub(_visible, text) if _UNSAFE.search(text) else text


def strip_controls(text: str) -> str:
    """`text` without control and bidi formatting characters (for pasted input)."""
    return _UNSAFE.sub("", text.replace("\t", " "))


def markdown_text(text: str) -> str:
    """User text for a Markdown document: terminal-safe, and never HTML, a link or an entity."""
    return terminal_safe(_MARKDOWN.sub(r"\\\1", text))


class SafeStream:
    """A text stream that passes everything written through `terminal_safe`.

    The command line wraps its standard output and error in one, so every printer (and
    every plugin warning) is covered, not only the ones that remember to call it.
    """

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(terminal_safe(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
