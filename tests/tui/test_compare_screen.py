"""The compare screen as a trainer meets it: pick methods, read the bars, at 80x24 and large.

Snapshots use methods defined here (a plugin registered directly), so they change only when
the screen does, not when a built-in method's minutes are tuned.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable, SelectionList

from intervisie.core import (
    GroupSize,
    Lens,
    Level,
    Method,
    OwnerPosition,
    Phase,
    PhaseKind,
    Safety,
    Text,
    hookimpl,
)
from intervisie.core.plugins.loading import load_registry
from intervisie.core.trainers.compare import OWNER_SYMBOLS
from intervisie.tui.app.facilitator import IntervisieApp
from intervisie.tui.app.screens.compare import CompareScreen
from intervisie.tui.app.widgets.method_bar import MethodBar, MinuteRuler, OwnerLegend

sys.path.insert(0, str(Path(__file__).parent))
from pilots import pilot

P, K = OwnerPosition, PhaseKind


def t(nl: str, en: str) -> Text:
    return Text.of(nl=nl, en=en)


def phase(pid: str, name: Text, kind: K, owner: P, minutes: float, lens=None) -> Phase:
    return Phase(id=pid, name=name, kind=kind, owner=owner, minutes=minutes, lens=lens)


def method(mid: str, name: Text, *phases: Phase, level=Level.BEGINNING) -> Method:
    return Method(
        id=mid,
        version="1",
        name=name,
        summary=t("Samenvatting.", "Summary."),
        level=level,
        group_size=GroupSize(3, 6, 10),
        phases=phases,
        safety_needed=Safety.MEDIUM,
    )


RED = Lens(id="red", name=t("Rode hoed", "Red hat"), colour="red", symbol="♥")
METHODS = [
    method(
        "kiezen",
        t("Kiesmethode", "Choosing method"),
        phase("collect", t("Verzamelen", "Collect"), K.INTAKE, P.NONE, 5),
        phase("choose", t("Kiezen", "Choose"), K.CHOICE, P.NONE, 5),
        phase("tell", t("Vertellen", "Tell"), K.PRESENTATION, P.PRESENTING, 10),
        phase("ask", t("Vragen", "Ask"), K.QUESTIONS, P.ANSWERING, 15),
        phase("round", t("Ronde", "Round"), K.ROUND, P.LISTENING, 15),
        phase("eval", t("Evaluatie", "Evaluation"), K.EVALUATION, P.PARTICIPATING, 10),
    ),
    method(
        "roddelen",
        t("Achter de rug", "Behind the back"),
        phase("tell", t("Vertellen", "Tell"), K.PRESENTATION, P.PRESENTING, 10),
        phase("gossip", t("Roddelen", "Gossip"), K.ROUND, P.TURNED_AWAY, 20),
        phase("react", t("Reageren", "React"), K.DISCUSSION, P.PRESENTING, 10),
        level=Level.EXPERIENCED,
    ),
    method(
        "hoeden",
        t("Hoedenronde", "Hat round"),
        phase("tell", t("Vertellen", "Tell"), K.PRESENTATION, P.PRESENTING, 10),
        phase("red", t("Rode hoed", "Red hat"), K.ROUND, P.PARTICIPATING, 20, lens=RED),
        phase("eval", t("Evaluatie", "Evaluation"), K.EVALUATION, P.PARTICIPATING, 30),
    ),
]


class Trainer:
    @hookimpl
    def intervisie_methods(self) -> list[Method]:
        return list(METHODS)


def app() -> IntervisieApp:
    reg = load_registry(entry_points=[], extra_plugins=[("trainer", Trainer())], house=False)
    return IntervisieApp(registry=reg)


def legend_of(screen: CompareScreen) -> str:
    return str(screen.query_one("#legend", OwnerLegend).render())


def bars(screen: CompareScreen) -> dict[str, str]:
    return {bar.profile.id: str(bar.render()) for bar in screen.query(MethodBar) if bar.display}


@pilot
async def test_opening_compares_the_first_two_methods_on_one_axis() -> None:
    application = app()
    async with application.run_test(size=(80, 24)) as pilot:
        await application.push_screen(CompareScreen())
        await pilot.pause()
        screen = application.screen
        assert isinstance(screen, CompareScreen)
        assert screen.selected_ids() == ["kiezen", "roddelen"]
        shown = bars(screen)
        assert list(shown) == ["kiezen", "roddelen"]
        kiezen, roddelen = (shown[k].splitlines()[1] for k in ("kiezen", "roddelen"))
        # One axis: the 60-minute method fills the width, the 40-minute one two thirds.
        assert kiezen.startswith("·") and "░" in roddelen
        assert kiezen.rstrip().endswith("60") and roddelen.rstrip().endswith("40")
        assert abs(len(roddelen.split()[0]) - 2 / 3 * len(kiezen.split()[0])) <= 1
        assert "60 min" in str(screen.query_one(MinuteRuler).render())
        legend = legend_of(screen)
        for symbol in OWNER_SYMBOLS.values():
            assert symbol in legend
        assert "outside the circle" in legend


@pilot
async def test_picking_a_third_method_adds_its_bar_and_phases() -> None:
    application = app()
    async with application.run_test(size=(80, 24)) as pilot:
        await application.push_screen(CompareScreen())
        await pilot.pause()
        picker = application.screen.query_one("#picker", SelectionList)
        assert application.focused is picker
        await pilot.press("down", "down", "space")
        await pilot.pause()
        screen = application.screen
        assert screen.selected_ids() == ["kiezen", "roddelen", "hoeden"]
        assert list(bars(screen)) == ["kiezen", "roddelen", "hoeden"]
        table = screen.query_one("#phases", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert ["", "", "", "Hat round"] in rows
        red = next(row for row in rows if row[3] == "2. Red hat")
        assert red[0] == "10–30" and red[1] == "▂ takes part" and red[2] == "round · ♥ Red hat"
        # Unpicking down to one method asks for a second.
        await pilot.press("up", "space", "up", "space")
        await pilot.pause()
        assert screen.selected_ids() == ["hoeden"]
        assert "at least two" in str(screen.query_one("#view").border_subtitle)


@pilot
async def test_a_large_terminal_gets_taller_bars_with_phase_names() -> None:
    application = app()
    async with application.run_test(size=(160, 48)) as pilot:
        await application.push_screen(CompareScreen(selected=["kiezen", "hoeden"]))
        await pilot.pause()
        screen = application.screen
        assert screen.has_class("-large")
        lines = bars(screen)["hoeden"].splitlines()
        assert len(lines) == 4 and lines[1].startswith("▇") and lines[2].startswith("▇")
        assert lines[3].startswith("Tell") and "Red hat" in lines[3]
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not screen.has_class("-large")
        assert len(bars(screen)["hoeden"].splitlines()) == 2


@pilot
async def test_home_opens_it_with_c_and_escape_goes_back() -> None:
    application = app()
    async with application.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = application.screen
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(application.screen, CompareScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert application.screen is home


@pilot
async def test_the_language_switch_relabels_the_screen() -> None:
    application = app()
    async with application.run_test(size=(80, 24)) as pilot:
        await application.push_screen(CompareScreen())
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        screen = application.screen
        assert "Kiesmethode" in bars(screen)["kiezen"]
        assert "buiten de kring" in legend_of(screen)
        await pilot.press("l")


def _open(selected: list[str]) -> Callable:
    async def run_before(pilot) -> None:
        await pilot.app.push_screen(CompareScreen(selected=selected))
        await pilot.pause()

    return run_before


def test_snapshot_80x24(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=(80, 24), run_before=_open(["kiezen", "roddelen"]))


def test_snapshot_three_methods_80x24(snap_compare) -> None:
    assert snap_compare(
        app(), terminal_size=(80, 24), run_before=_open(["kiezen", "roddelen", "hoeden"])
    )


def test_snapshot_projector_160x48(snap_compare) -> None:
    assert snap_compare(
        app(), terminal_size=(160, 48), run_before=_open(["kiezen", "roddelen", "hoeden"])
    )
