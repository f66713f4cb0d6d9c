"""Home: every method (built-in, plugin, house) with its details, and the recent meetings.

The details pane shows what a facilitator needs to choose: summary, when to use it, group
size, minutes, a timeline of the phases coloured by where the case owner is, and the source.
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING, Any

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input
from textual.widgets.option_list import Option

from intervisie.core.i18n import N_, _, current_language
from intervisie.tui.app.screens.base import BaseScreen
from intervisie.tui.app.widgets.details import TextBlock
from intervisie.tui.app.widgets.keybar import KeyBar
from intervisie.tui.app.widgets.labels import minutes
from intervisie.tui.app.widgets.plain import OptionList
from intervisie.tui.app.widgets.timeline import legend_text, timeline_text

if TYPE_CHECKING:
    from intervisie.tui.app.catalog import Catalog, MethodCard

HOUSE_MARK = "⌂"
NAME_WIDTH = 21


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


class TopBar(Widget):
    """` intervisie                         nl · en   ? help`, drawn for the current width."""

    def render(self) -> RichText:
        lang = current_language()
        right = RichText()
        for i, code in enumerate(("nl", "en")):
            if i:
                right.append(" · ", style="dim")
            right.append(code, style="bold reverse" if code == lang else "dim")
        right.append("   ? " + _("help"), style="dim")
        left = RichText(" intervisie", style="bold")
        width = max(self.size.width, 40)
        pad = max(width - left.cell_len - right.cell_len - 1, 1)
        return left + RichText(" " * pad) + right


class HomeScreen(BaseScreen):
    # Styles: home.tcss, loaded by the app with its own (see IntervisieApp.CSS_PATH).
    AUTO_FOCUS = "#methods"
    BINDINGS = [
        Binding("enter", "start", N_("start"), show=True),
        Binding("slash", "filter", N_("search")),
        Binding("c", "compare", N_("compare")),
        Binding("d", "demo", N_("demo")),
        Binding("a", "advisor", N_("advice")),
        Binding("r", "resume", N_("resume")),
        Binding("l", "app.switch_language", N_("language")),
        Binding("question_mark", "app.help", N_("help")),
        Binding("q", "app.request_quit", N_("quit")),
        Binding("escape", "clear_filter", N_("clear"), show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter_text = ""
        self.recent: list[Any] = []
        self._details_of: tuple[str | None, str] | None = None

    def compose(self) -> ComposeResult:
        yield TopBar(id="topbar")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield Input(id="filter", classes="hidden")
                yield OptionList(id="methods")
            yield TextBlock(id="details")
        yield OptionList(id="recent", classes="hidden")
        yield KeyBar()

    def on_mount(self) -> None:
        self.relabel(recent=False)
        self.call_after_refresh(self.after_first_paint)

    def after_first_paint(self) -> None:
        """The first paint may come from the saved catalog (tui/app/catalog.py): now the methods
        load, and home redraws if they differ. The store is read here too, not before."""
        if self.app.settle_catalog():  # type: ignore[attr-defined]
            self.fill_methods()
        self.load_recent()

    # -- content ----------------------------------------------------------------------

    @property
    def catalog(self) -> Catalog:
        return self.app.home_catalog()  # type: ignore[attr-defined]

    def fill_methods(self) -> None:
        options = self.query_one("#methods", OptionList)
        keep = options.highlighted_option.id if options.highlighted_option else None
        options.clear_options()
        shown = [card for card in self.catalog.cards if card.matches(self.filter_text)]
        options.add_options([Option(self.method_line(card), id=card.id) for card in shown])
        if shown:
            ids = [card.id for card in shown]
            options.highlighted = ids.index(keep) if keep in ids else 0
        self.show_details()

    def method_line(self, card: MethodCard) -> RichText:
        mark = ""
        if card.kind == "house":
            mark = " " + HOUSE_MARK
        elif card.kind == "plugin":
            mark = " ⧉"
        name = card.name
        room = NAME_WIDTH - len(mark)
        if len(name) > room:
            name = name[: room - 1] + "…"
        line = RichText(name)
        line.append(mark, style="bold")
        line.append(" " * (NAME_WIDTH - len(name) - len(mark) + 1))
        line.append(f"{card.minutes:>3.0f} min", style="dim")
        return line

    def selected(self) -> MethodCard | None:
        options = self.query_one("#methods", OptionList)
        option = options.highlighted_option
        if option is None or option.id is None:
            return None
        return self.catalog.get(option.id)

    def _details_key(self) -> tuple[str | None, str]:
        card = self.selected()
        return (card.id if card else None, current_language())

    def show_details(self) -> None:
        self._details_of = self._details_key()
        card = self.selected()
        details = self.query_one("#details", TextBlock)
        if card is None:
            details.border_title = _("No method matches")
            details.show(lambda _width: self.problems_text(details))
            return
        details.border_title = card.name
        details.show(lambda width: self.details_text(card, width, details))

    def details_text(self, card: MethodCard, width: int, pane: TextBlock) -> RichText:
        """Summary; facts and the phase timeline (as wide as the pane); source; when to use
        it; what did not load. A blank line between the blocks."""
        low, high, ideal = card.group
        facts = _("Group {min}-{max} (ideal {ideal}) · {phases} phases · {minutes}").format(
            min=low, max=high, ideal=ideal, phases=len(card.phases), minutes=minutes(card.minutes)
        )
        timeline = RichText()
        timeline.append(facts, style="bold")
        timeline.append("\n")
        timeline.append_text(timeline_text(card.phases, width))
        timeline.append("\n")
        timeline.append_text(legend_text([owner for owner, _m in card.phases], width))
        source = self.source_line(card)
        source.stylize(pane.muted())
        when = RichText()
        if card.when:
            when.append(_("When: "), style="bold")
            when.append(card.when)
        if card.when_not:
            if when:
                when.append("\n")
            when.append(_("Not when: "), style="bold")
            when.append(card.when_not)
        problems = self.problems_text(pane)
        blocks = [RichText(card.summary), timeline, source, when, problems]
        return RichText("\n\n").join(block for block in blocks if block)

    def problems_text(self, pane: TextBlock) -> RichText:
        """Plugins and house methods that did not load, in the details pane for all to see."""
        problems = self.catalog.problems
        if not problems:
            return RichText()
        text = "⚠ " + _("Not loaded:") + "\n" + "\n".join(problems)
        return RichText(text, style=pane.warning())

    def source_line(self, card: MethodCard) -> RichText:
        out = RichText()
        if card.sources:
            out.append(_("Source: "), style="bold")
            out.append("; ".join(card.sources))
        out.append("\n")
        if card.kind == "house":
            out.append(HOUSE_MARK + " " + _("House method: {path}").format(path=card.path))
        elif card.kind == "plugin":
            out.append(
                "⧉ "
                + _("Plugin: {distribution} {version}").format(
                    distribution=card.distribution or "?",
                    version=card.distribution_version or "",
                )
            )
        else:
            out.append(_("Built in, version {version}").format(version=card.version))
        return out

    def load_recent(self) -> None:
        """Meetings from the store, newest first, with a resume action on open ones."""
        loader = getattr(self.app, "recent_meetings", None)
        self.recent = list(loader()) if loader is not None else []
        recent = self.query_one("#recent", OptionList)
        recent.clear_options()
        for item in self.recent[:5]:
            recent.add_option(Option(item.line(), id=item.id))
        if self.recent:
            recent.highlighted = 0
        recent.set_class(not self.recent, "hidden")

    def relabel(self, recent: bool = True) -> None:
        super().relabel()
        self.query_one("#topbar", TopBar).refresh()
        self.query_one("#left", Vertical).border_title = _("Methods")
        self.query_one("#recent", OptionList).border_title = _("Recent meetings")
        self.query_one("#filter", Input).placeholder = _("search methods")
        self.fill_methods()
        if recent:
            self.load_recent()

    # -- events and actions -----------------------------------------------------------

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # fill_methods has shown the first method already; a highlight of it redraws nothing.
        if event.option_list.id == "methods" and self._details_of != self._details_key():
            self.show_details()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "methods" and event.option.id:
            self.app.open_setup(event.option.id)  # type: ignore[attr-defined]
        elif event.option_list.id == "recent" and event.option.id:
            self.app.resume_meeting(event.option.id)  # type: ignore[attr-defined]

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.filter_text = event.value
            self.fill_methods()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.query_one("#methods", OptionList).focus()

    def action_start(self) -> None:
        if self.focused is not None and self.focused.id == "recent":
            self.action_resume()
            return
        card = self.selected()
        if card is not None:
            self.app.open_setup(card.id)  # type: ignore[attr-defined]

    def action_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.remove_class("hidden")
        self.set_focus(field)  # at once: the letters typed next go into the filter

    def action_clear_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.value = ""
        field.add_class("hidden")
        self.query_one("#methods", OptionList).focus()

    def action_resume(self) -> None:
        recent = self.query_one("#recent", OptionList)
        option = recent.highlighted_option
        if option is None and self.recent:
            option = recent.get_option_at_index(0)
        if option is not None and option.id:
            self.app.resume_meeting(option.id)  # type: ignore[attr-defined]

    def action_compare(self) -> None:
        from intervisie.tui.app.screens.compare import CompareScreen

        self.app.push_screen(CompareScreen())

    def action_advisor(self) -> None:
        from intervisie.tui.app.screens.advisor import AdvisorScreen

        self.app.push_screen(AdvisorScreen())

    def action_demo(self) -> None:
        card = self.selected()
        starter = getattr(self.app, "start_demo", None)
        if card is not None and starter is not None:
            starter(card.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "compare":
            return _module_exists("intervisie.tui.app.screens.compare")
        if action == "advisor":
            return _module_exists("intervisie.tui.app.screens.advisor")
        if action == "demo":
            return _module_exists("intervisie.tui.app.screens.demo")
        if action == "resume":
            return bool(self.recent)
        return True
