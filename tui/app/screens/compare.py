"""Compare methods (for trainers): pick two or more, see where the case owner sits over time.

The numbers come from `intervisie.core.trainers.compare`, the same data `methods compare` prints;
this
screen only draws them: one bar per method on a shared minute axis, coloured and shaped by the
owner's position, and a table of the phases with their kind and lens. At 80x24 it is compact;
from 120x36 on (a projector) bars are taller and name their phases.

Home opens it with `CompareScreen()`; `CompareScreen(registry, lang, selected=[...])` works too
(the advisor screen opens it with its top methods).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text as RichText
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, SelectionList
from textual.widgets.selection_list import Selection

from intervisie.core.i18n import N_, _, current_language, tr
from intervisie.core.trainers.compare import (
    KIND_LABELS,
    OWNER_LABELS,
    Comparison,
    compare,
    format_minutes,
    lens_label,
    profile,
)
from intervisie.tui.app.screens.base import BaseScreen
from intervisie.tui.app.widgets.keybar import KeyBar
from intervisie.tui.app.widgets.labels import OWNER_COLOUR
from intervisie.tui.app.widgets.method_bar import MethodBar, MinuteRuler, OwnerLegend
from intervisie.tui.app.widgets.plain import Static

if TYPE_CHECKING:
    from intervisie.core.plugins.loading import Registry

LARGE_WIDTH = 120
LARGE_HEIGHT = 36


class CompareScreen(BaseScreen):
    CSS_PATH = "compare.tcss"
    BINDINGS = [
        Binding("escape", "back", N_("close")),
        Binding("space", "toggle", N_("pick"), show=True),
        Binding("p", "focus_picker", N_("methods")),
        Binding("t", "focus_table", N_("phases")),
        Binding("question_mark", "app.help", N_("help")),
    ]

    def __init__(
        self,
        registry: Registry | None = None,
        lang: str | None = None,
        selected: Iterable[str] | None = None,
    ) -> None:
        super().__init__()
        self._registry = registry
        self._lang = lang
        self._initial = list(selected) if selected is not None else None
        self._table_shows: tuple[tuple[str, ...], str] | None = None

    # -- what the screen shows ----------------------------------------------------------

    @property
    def registry(self) -> Registry:
        return self._registry if self._registry is not None else self.app.registry  # type: ignore[attr-defined]

    @property
    def lang(self) -> str:
        """The language passed in, else the app's current one (so `l` switches it)."""
        return self._lang or current_language()

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        with Horizontal(id="main"):
            yield SelectionList[str](id="picker")
            with Vertical(id="view"):
                yield MinuteRuler(id="ruler")
                with Vertical(id="bars"):
                    for method_id, loaded in self.registry.methods.items():
                        bar = MethodBar(profile(loaded.method), self.lang, id=f"bar-{method_id}")
                        bar.display = False
                        yield bar
                yield OwnerLegend(id="legend")
        yield DataTable(id="phases", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        picker = self.query_one("#picker", SelectionList)
        ids = list(self.registry.methods)
        wanted = self._initial if self._initial is not None else ids[:2]
        picker.add_options([Selection(self._pick_label(mid), mid, mid in wanted) for mid in ids])
        picker.highlighted = 0 if ids else None
        self._apply_size(self.app.size.width, self.app.size.height)
        self.relabel()
        picker.focus()

    def _pick_label(self, method_id: str) -> RichText:
        """The method's name (its minutes stand beside its bar)."""
        return RichText(self.registry.methods[method_id].method.name.get(self.lang))

    def selected_ids(self) -> list[str]:
        """Picked methods in the registry's order (the order of the list)."""
        picked = set(self.query_one("#picker", SelectionList).selected)
        return [mid for mid in self.registry.methods if mid in picked]

    def comparison(self) -> Comparison:
        ids = self.selected_ids()
        return compare([self.registry.get(mid) for mid in ids])

    def show_comparison(self) -> None:
        """Show the picked methods' bars (one bar per method exists; others are hidden)."""
        comparison = self.comparison()
        profiles = {prof.id: prof for prof in comparison.methods}
        large = self.has_class("-large")
        for bar in self.query(MethodBar):
            prof = profiles.get(bar.profile.id)
            bar.display = prof is not None
            if prof is not None:
                bar.show(prof, self.lang, comparison.axis_minutes, large)
        self.query_one("#ruler", MinuteRuler).axis = comparison.axis_minutes
        self._fill_legend(comparison)
        self._fill_table(comparison)
        view = self.query_one("#view", Vertical)
        if len(comparison.methods) < 2:
            view.border_subtitle = _("pick at least two methods (space)")
        else:
            view.border_subtitle = ""

    def _fill_legend(self, comparison: Comparison) -> None:
        used = {span.owner for prof in comparison.methods for span in prof.phases}
        self.query_one("#legend", OwnerLegend).show(used, self.lang)

    def _fill_table(self, comparison: Comparison) -> None:
        """Refill the phase table when the picked methods or the language changed."""
        shown = (tuple(prof.id for prof in comparison.methods), self.lang)
        if shown == self._table_shows:
            return
        self._table_shows = shown
        table = self.query_one("#phases", DataTable)
        table.clear(columns=True)
        table.add_columns(_("Minutes"), _("Case owner"), _("Kind · lens"), _("Phase"))
        lang = self.lang
        for prof in comparison.methods:
            heading = RichText(prof.name.get(lang), style="bold")
            table.add_row("", "", "", heading, key=prof.id)
            for span in prof.phases:
                owner = RichText(span.symbol + " ", style=OWNER_COLOUR[span.owner])
                owner.append(tr(OWNER_LABELS[span.owner], lang))
                kind = tr(KIND_LABELS[span.kind], lang)
                lens = lens_label(span.lens, lang)
                table.add_row(
                    f"{format_minutes(span.start)}–{format_minutes(span.end)}",
                    owner,
                    f"{kind} · {lens}" if lens else kind,
                    f"{span.number}. {span.name.get(lang)}",
                )

    def relabel(self) -> None:
        super().relabel()
        self.query_one("#title", Static).update(
            RichText(" " + _("Compare methods: where is the case owner?"), style="bold")
        )
        self.query_one("#picker", SelectionList).border_title = _("Methods")
        self.query_one("#view", Vertical).border_title = _("Time axis")
        self.query_one("#phases", DataTable).border_title = _("Phases")
        picker = self.query_one("#picker", SelectionList)
        for index in range(picker.option_count):
            option = picker.get_option_at_index(index)
            picker.replace_option_prompt_at_index(index, self._pick_label(str(option.value)))
        self.show_comparison()

    # -- size -----------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        super().on_resize(event)
        if self._apply_size(event.size.width, event.size.height):
            self.show_comparison()

    def _apply_size(self, width: int, height: int) -> bool:
        """Switch to the large (projector) layout on a big terminal; True when it changed."""
        large = width >= LARGE_WIDTH and height >= LARGE_HEIGHT
        changed = large != self.has_class("-large")
        self.set_class(large, "-large")
        return changed

    # -- events and actions -----------------------------------------------------------------

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        self.show_comparison()

    def action_back(self) -> None:
        self.dismiss()

    def action_toggle(self) -> None:  # type: ignore[override]  # the screen's own key, not DOMNode's
        """Space picks in the list (its own key); elsewhere it brings the list into focus."""
        self.query_one("#picker", SelectionList).focus()

    def action_focus_picker(self) -> None:
        self.query_one("#picker", SelectionList).focus()

    def action_focus_table(self) -> None:
        self.query_one("#phases", DataTable).focus()
