"""A block of text that scrolls as a whole: home's details pane.

Home used to show a method's summary, facts, timeline, source and notes as six widgets in a
scrolling container. Each widget is styled, laid out and painted on its own, and the
container paints its own lines under them: a third of home's first paint
(benchmarks/tui_startup.py). This widget lays the same text out once for its width and
paints only the lines in view, the way Textual's Log does.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text as RichText
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

Build = Callable[[int], RichText]
"""The text for a given width (a timeline bar is as wide as the pane)."""


class TextBlock(ScrollView, can_focus=True):
    """Rich text, wrapped to the widget's width, scrolled with the keys of any scroll view.

    The text is never markup: it is built as `rich.text.Text` by the screen.
    """

    COMPONENT_CLASSES = {"text-block--muted", "text-block--warning"}
    DEFAULT_CSS = """
    TextBlock {
        height: 1fr;
        overflow-x: hidden;
    }
    TextBlock > .text-block--muted {
        color: $text-muted;
    }
    TextBlock > .text-block--warning {
        color: $text-warning;
    }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._build: Build | None = None
        self._lines: list[Strip] = []
        self._laid_out_for = -1
        self._style: Style | None = None

    def show(self, build: Build) -> None:
        """Show new text, from its top."""
        self._build = build
        self._laid_out_for = -1
        self.scroll_to(0, 0, animate=False, immediate=True)
        if self.size:
            self.virtual_size = self._lay_out(self.size)
        self.refresh()

    def muted(self) -> Style:
        return self._colour("text-block--muted")

    def warning(self) -> Style:
        return self._colour("text-block--warning")

    def _colour(self, component: str) -> Style:
        """A component's colour as blended over the background (a partial style would lose
        the transparency of `$text-muted`)."""
        return Style(color=self.get_component_rich_style(component).color)

    @property
    def plain(self) -> str:
        """The text as laid out, line by line (what a reader sees when scrolling through)."""
        return "\n".join(strip.text.rstrip() for strip in self._lines)

    def _text_width(self, size: Size) -> int:
        """The width the text is wrapped to: inside the padding and border, and left of the
        scrollbar's place, which is kept whether the scrollbar shows or not (one layout)."""
        styles = self.styles
        return max(size.width - styles.gutter.width - styles.scrollbar_size_vertical, 1)

    def _lay_out(self, size: Size) -> Size:
        """Wrap the text for `size`; returns the virtual size it needs."""
        width = self._text_width(size)
        if width != self._laid_out_for:
            self._laid_out_for = width
            self._lines = []
            if self._build is not None:
                console = self.app.console
                options = console.options.update(width=width, height=None, highlight=False)
                rendered = console.render_lines(self._build(width), options, pad=False)
                self._lines = [Strip(line) for line in rendered]
        return Size(width, len(self._lines))

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # The compositor calls this before it paints: laid out here, the text and the
        # scrollbar are right in that same paint (setting virtual_size later asks for a
        # second layout and paint).
        laid_out = self._lay_out(size)
        self.set_reactive(TextBlock.virtual_size, laid_out)
        return super()._size_updated(size, laid_out, container_size, layout)

    def notify_style_update(self) -> None:
        self._style = None
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        if self._style is None:
            self._style = self.rich_style
        style = self._style
        index = scroll_y + y
        if index >= len(self._lines):
            return Strip.blank(width, style)
        line = self._lines[index].crop_extend(scroll_x, scroll_x + width, style)
        return line.apply_style(style)
