"""The Textual app. Until the full interface lands it lists the methods that loaded."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList, Static


class IntervisieApp(App[None]):
    TITLE = "intervisie"
    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, method_id: str | None = None, **kwargs: object) -> None:
        super().__init__()
        self.method_id = method_id

    def compose(self) -> ComposeResult:
        from intervisie.core.i18n import current_language
        from intervisie.core.plugins import load_registry

        lang = current_language()
        reg = load_registry()
        yield Header()
        yield OptionList(
            *[
                f"{m.method.name.get(lang)}  {m.method.total_minutes():.0f} min"
                for m in reg.methods.values()
            ]
        )
        yield Static("\n".join(reg.errors()))
        yield Footer()
