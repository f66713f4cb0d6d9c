"""What every screen shares: bindings described in the current language, single keys that
stand aside while a text field has focus, and a clear message on a terminal that is too small.

Binding descriptions are English strings marked with `N_`; `active_bindings` translates them
each time the footer, the help screen or the command palette asks, so `l` relabels at once.
"""

from __future__ import annotations

import dataclasses
import sys
from typing import Generic, TypeVar

from textual import events
from textual.binding import ActiveBinding, Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import Input

from intervisie.core.i18n import _
from intervisie.tui.app.widgets.plain import Static

MIN_WIDTH = 80
MIN_HEIGHT = 24

SINGLE_KEYS_ALWAYS = {"ctrl+p", "escape", "enter", "tab", "shift+tab", "ctrl+q", "ctrl+c"}
"""Keys that act even while a text field has focus (everything else is a single letter)."""


def typing(screen: Screen) -> bool:
    """True while a text field has focus: letters then type instead of acting.

    TextArea is looked up only once some screen has imported it (importing it costs the
    home screen a tenth of its start-up); until then no focused widget can be one.
    """
    focused = screen.focused
    if isinstance(focused, Input):
        return True
    text_area = sys.modules.get("textual.widgets._text_area")
    return text_area is not None and isinstance(focused, text_area.TextArea)


class TranslatedBindings:
    """Mixin: translate binding descriptions; hide single keys while typing."""

    def active_bindings_translated(
        self, active: dict[str, ActiveBinding]
    ) -> dict[str, ActiveBinding]:
        out: dict[str, ActiveBinding] = {}
        is_typing = typing(self)  # type: ignore[arg-type]
        for key, item in active.items():
            binding = item.binding
            if is_typing and binding.show and key not in SINGLE_KEYS_ALWAYS and len(key) == 1:
                continue
            if is_typing and key in {"space", "plus", "question_mark", "slash"}:
                continue
            description = self.describe_binding(key, binding.description)
            if description != binding.description:
                binding = dataclasses.replace(binding, description=description)
            out[key] = ActiveBinding(item.node, binding, item.enabled, item.tooltip)
        # A focused list's own Enter (select) hides the screen's Enter from the footer; show
        # the screen's description, since selecting there does what the screen says.
        own = {b.key: b for b in getattr(self, "BINDINGS", []) if isinstance(b, Binding)}
        shown = out.get("enter")
        if (
            shown is not None
            and not shown.binding.show
            and "enter" in own
            and own["enter"].show
            and not is_typing
        ):
            binding = dataclasses.replace(
                own["enter"], description=self.describe_binding("enter", own["enter"].description)
            )
            out["enter"] = ActiveBinding(shown.node, binding, shown.enabled, shown.tooltip)
        return out

    def own_bindings(self) -> list[ActiveBinding]:
        """The keys this screen and the app define (not Textual's own, not the focused
        widget's), translated: what the help screen lists."""
        app = self.app  # type: ignore[attr-defined]
        declared: set[str] = set()
        for owner in (type(self), type(app)):
            for binding in getattr(owner, "BINDINGS", []):
                if isinstance(binding, Binding):
                    declared.update(k.strip() for k in binding.key.split(","))
        return [
            item
            for key, item in self.active_bindings.items()  # type: ignore[attr-defined]
            if key in declared and item.binding.description
        ]

    def describe_binding(self, key: str, description: str) -> str:
        """The description shown for a key; screens override it for keys that change role.

        The command palette's key shows as `^p` alone: the footer needs the room."""
        if key == "ctrl+p":
            return ""
        return _(description) if description else description


class BaseScreen(TranslatedBindings, Screen):
    """A full screen of the app."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return self.active_bindings_translated(super().active_bindings)

    def on_mount(self) -> None:
        self._check_size(self.app.size.width, self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        self.set_class(small, "-too-small")
        if small:
            message = _(
                "This terminal is {width}x{height}. intervisie needs at least "
                "{min_width}x{min_height}: make the window larger or the font smaller."
            ).format(width=width, height=height, min_width=MIN_WIDTH, min_height=MIN_HEIGHT)
            shown = list(self.query(".too-small").results(Static))
            for widget in shown:
                widget.update(message)
            if not shown:  # made when first needed, not on every screen
                self.mount(Static(message, classes="too-small"))

    def relabel(self) -> None:
        """Redraw every interface string after a language switch (screens override)."""
        self.refresh_bindings()


ResultT = TypeVar("ResultT")


class BaseModal(TranslatedBindings, ModalScreen[ResultT], Generic[ResultT]):
    """A dialog over a screen."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return self.active_bindings_translated(super().active_bindings)

    def relabel(self) -> None:
        self.refresh_bindings()
