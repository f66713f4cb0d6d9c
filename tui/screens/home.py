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
from intervisie.tui.screens.base import BaseScreen
from intervisie.tui.widgets.details import TextBlock
from intervisie.tui.widgets.keybar import KeyBar
from intervisie.tui.widgets.labels import minutes, text
from intervisie.tui.widgets.plain import OptionList
from intervisie.tui.widgets.timeline import legend_text, timeline_text

if TYPE_CHECKING:
    from intervisie.core.plugins import LoadedMethod

HOUSE_MARK = "⌂"
NAME_WIDTH = 21


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def method_matches(loaded: LoadedMethod, needle: str) -> bool:
    """Whether a method matches the filter: id, name or summary in any language."""
    needle = needle.strip().lower()
    if not needle:
        return True
    method = loaded.method
    haystack = [method.id, *method.name.values.values(), *method.summary.values.values()]
    return any(needle in part.lower() for part in haystack)


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
        # The store is read just after the first paint: the methods show at once.
        self.call_after_refresh(self.load_recent)

    # -- content ----------------------------------------------------------------------

    @property
    def methods(self) -> dict[str, LoadedMethod]:
        return self.app.registry.methods  # type: ignore[attr-defined]

    def fill_methods(self) -> None:
        lang = current_language()
        options = self.query_one("#methods", OptionList)
        keep = options.highlighted_option.id if options.highlighted_option else None
        options.clear_options()
        shown = [m for m in self.methods.values() if method_matches(m, self.filter_text)]
        for loaded in shown:
            options.add_option(Option(self.method_line(loaded, lang), id=loaded.method.id))
        if shown:
            ids = [m.method.id for m in shown]
            options.highlighted = ids.index(keep) if keep in ids else 0
        self.show_details()

    def method_line(self, loaded: LoadedMethod, lang: str) -> RichText:
        method = loaded.method
        mark = ""
        if loaded.source.kind == "house":
            mark = " " + HOUSE_MARK
        elif loaded.source.kind == "plugin":
            mark = " ⧉"
        name = text(method.name, lang)
        room = NAME_WIDTH - len(mark)
        if len(name) > room:
            name = name[: room - 1] + "…"
        line = RichText(name)
        line.append(mark, style="bold")
        line.append(" " * (NAME_WIDTH - len(name) - len(mark) + 1))
        line.append(f"{method.total_minutes():>3.0f} min", style="dim")
        return line

    def selected(self) -> LoadedMethod | None:
        options = self.query_one("#methods", OptionList)
        option = options.highlighted_option
        if option is None or option.id is None:
            return None
        return self.methods.get(option.id)

    def _details_key(self) -> tuple[str | None, str]:
        loaded = self.selected()
        return (loaded.method.id if loaded else None, current_language())

    def show_details(self) -> None:
        self._details_of = self._details_key()
        lang = current_language()
        loaded = self.selected()
        details = self.query_one("#details", TextBlock)
        if loaded is None:
            details.border_title = _("No method matches")
            details.show(lambda _width: self.problems_text(details))
            return
        details.border_title = text(loaded.method.name, lang)
        details.show(lambda width: self.details_text(loaded, lang, width, details))

    def details_text(
        self, loaded: LoadedMethod, lang: str, width: int, pane: TextBlock
    ) -> RichText:
        """Summary; facts and the phase timeline (as wide as the pane); source; when to use
        it; what did not load. A blank line between the blocks."""
        method = loaded.method
        size = method.group_size
        phases = method.phases_for()
        facts = _("Group {min}-{max} (ideal {ideal}) · {phases} phases · {minutes}").format(
            min=size.min,
            max=size.max,
            ideal=size.ideal,
            phases=len(phases),
            minutes=minutes(method.total_minutes()),
        )
        planned = [(p, p.planned_minutes(size.ideal)) for p in phases]
        timeline = RichText()
        timeline.append(facts, style="bold")
        timeline.append("\n")
        timeline.append_text(timeline_text(planned, width))
        timeline.append("\n")
        timeline.append_text(legend_text([p.owner for p, _ in planned], width))
        source = self.source_line(loaded)
        source.stylize(pane.muted())
        when = RichText()
        if method.when_to_use:
            when.append(_("When: "), style="bold")
            when.append(text(method.when_to_use, lang))
        if method.when_not_to_use:
            if when:
                when.append("\n")
            when.append(_("Not when: "), style="bold")
            when.append(text(method.when_not_to_use, lang))
        problems = self.problems_text(pane)
        blocks = [RichText(text(method.summary, lang)), timeline, source, when, problems]
        return RichText("\n\n").join(block for block in blocks if block)

    def problems_text(self, pane: TextBlock) -> RichText:
        """Plugins and house methods that did not load, in the details pane for all to see."""
        errors = self.app.registry.errors()  # type: ignore[attr-defined]
        if not errors:
            return RichText()
        return RichText("⚠ " + _("Not loaded:") + "\n" + "\n".join(errors), style=pane.warning())

    def source_line(self, loaded: LoadedMethod) -> RichText:
        method, source = loaded.method, loaded.source
        out = RichText()
        if method.sources:
            out.append(_("Source: "), style="bold")
            out.append("; ".join(method.sources))
        out.append("\n")
        if source.kind == "house":
            out.append(HOUSE_MARK + " " + _("House method: {path}").format(path=source.path))
        elif source.kind == "plugin":
            out.append(
                "⧉ "
                + _("Plugin: {distribution} {version}").format(
                    distribution=source.distribution or source.plugin or "?",
                    version=source.version or "",
                )
            )
        else:
            out.append(_("Built in, version {version}").format(version=method.version))
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
        loaded = self.selected()
        if loaded is not None:
            self.app.open_setup(loaded.method.id)  # type: ignore[attr-defined]

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
        from intervisie.tui.screens.compare import CompareScreen  # type: ignore[import-not-found]

        self.app.push_screen(CompareScreen())

    def action_advisor(self) -> None:
        from intervisie.tui.screens.advisor import AdvisorScreen  # type: ignore[import-not-found]

        self.app.push_screen(AdvisorScreen())

    def action_demo(self) -> None:
        loaded = self.selected()
        starter = getattr(self.app, "start_demo", None)
        if loaded is not None and starter is not None:
            starter(loaded.method.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "compare":
            return _module_exists("intervisie.tui.screens.compare")
        if action == "advisor":
            return _module_exists("intervisie.tui.screens.advisor")
        if action == "demo":
            return _module_exists("intervisie.tui.screens.demo")
        if action == "resume":
            return bool(self.recent)
        return True
