"""The advisor screen: answer a few questions, watch the ranking follow, pick a method."""

from __future__ import annotations

import sys
from pathlib import Path

from textual.widgets import Input, OptionList, Select

from intervisie.core import (
    CaseKind,
    GroupSize,
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
from intervisie.tui.app.facilitator import IntervisieApp
from intervisie.tui.app.screens.advisor import AdvisorScreen
from intervisie.tui.app.screens.compare import CompareScreen

sys.path.insert(0, str(Path(__file__).parent))
from pilots import pilot

BALINT = Text.of(nl="Balintgroep", en="Balint group")
BALINT_SIZE = GroupSize(6, 10, 12)


def balint(
    mid: str = "balint",
    name: Text = BALINT,
    level: Level = Level.EXPERIENCED,
    size: GroupSize = BALINT_SIZE,
    suits: tuple[CaseKind, ...] = (CaseKind.RELATIONSHIP,),
    safety: Safety = Safety.HIGH,
) -> Method:
    return Method(
        id=mid,
        version="1",
        name=name,
        summary=Text.of(nl="Over de relatie.", en="About the relationship."),
        level=level,
        group_size=size,
        phases=(
            Phase(
                id="tell",
                name=Text.of(nl="Vertellen", en="Tell"),
                kind=PhaseKind.PRESENTATION,
                owner=OwnerPosition.PRESENTING,
                minutes=60,
            ),
        ),
        suits=suits,
        safety_needed=safety,
    )


QUICK = balint(
    "quick",
    Text.of(nl="Snelle ronde", en="Quick round"),
    Level.BEGINNING,
    GroupSize(3, 6, 8),
    (CaseKind.INCIDENT, CaseKind.DECISION),
    Safety.LOW,
)


class Balint:
    @hookimpl
    def intervisie_methods(self) -> list[Method]:
        return [balint()]


def app() -> IntervisieApp:
    reg = load_registry(extra_plugins=[("balint", Balint())], house=False)
    return IntervisieApp(registry=reg)


def ranking(screen: AdvisorScreen) -> list[str]:
    options = screen.query_one("#ranking", OptionList)
    return [
        options.get_option_at_index(i).id or ""
        for i in range(options.option_count)
        if options.get_option_at_index(i).id
    ]


@pilot
async def test_answers_rank_the_plugin_first_when_it_fits_best() -> None:
    application = app()
    async with application.run_test(size=(80, 24)) as pilot:
        await application.push_screen(AdvisorScreen())
        await pilot.pause()
        screen = application.screen
        assert isinstance(screen, AdvisorScreen)
        assert len(ranking(screen)) == len(application.registry.methods)
        screen.query_one("#case-kind", Select).value = "relationship"
        screen.query_one("#level", Select).value = "experienced"
        screen.query_one("#safety", Select).value = "high"
        await pilot.pause()
        screen.query_one("#group-size", Input).focus()
        await pilot.press("1", "2")
        await pilot.pause()
        assert screen.answers().group_size == 12
        assert ranking(screen)[0] == "balint"
        assert "suits a relationship" in screen.ranked[0].reason("en")
        # A group of 12 is too big for the built-ins: they are listed under "Does not fit".
        assert not all(r.fits for r in screen.ranked)


@pilot
async def test_enter_on_a_method_closes_the_advisor_with_its_id() -> None:
    application = app()
    results: list[object] = []
    async with application.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        application.open_setup = lambda method_id: results.append(("setup", method_id))
        await application.push_screen(AdvisorScreen(), callback=results.append)
        await pilot.pause()
        screen = application.screen
        screen.query_one("#case-kind", Select).value = "incident"
        await pilot.pause()
        await pilot.press("r", "enter")
        await pilot.pause()
        assert not isinstance(application.screen, AdvisorScreen)
        assert sorted(results, key=str) == [("setup", "incident"), "incident"]


@pilot
async def test_c_compares_the_top_methods() -> None:
    application = app()
    async with application.run_test(size=(80, 24)) as pilot:
        await application.push_screen(AdvisorScreen())
        await pilot.pause()
        screen = application.screen
        screen.query_one("#case-kind", Select).value = "relationship"
        await pilot.pause()
        await pilot.press("r", "c")
        await pilot.pause()
        compare = application.screen
        assert isinstance(compare, CompareScreen)
        top = [r.method.id for r in screen.ranked if r.fits][:3]
        assert compare.selected_ids() == [m for m in application.registry.methods if m in top]


@pilot
async def test_home_opens_it_with_a_and_the_language_switch_relabels_it() -> None:
    application = app()
    async with application.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        screen = application.screen
        assert isinstance(screen, AdvisorScreen)
        screen.query_one("#safety", Select).value = "low"
        await pilot.pause()
        screen.action_focus_ranking()
        await pilot.press("l")
        await pilot.pause()
        assert "Wat voor casus is het?" in str(screen.query_one("#q-case-kind").render())
        assert screen.query_one("#safety", Select).value == "low", "answers survive"
        await pilot.press("l")


def test_snapshot_80x24(snap_compare) -> None:
    async def run_before(pilot) -> None:
        screen = AdvisorScreen()
        await pilot.app.push_screen(screen)
        await pilot.pause()
        screen.query_one("#case-kind", Select).value = "relationship"
        screen.query_one("#level", Select).value = "experienced"
        screen.query_one("#minutes", Input).value = "60"
        screen.query_one("#group-size", Input).value = "10"
        await pilot.pause()

    class Both:
        @hookimpl
        def intervisie_methods(self) -> list[Method]:
            return [QUICK, balint()]

    reg = load_registry(entry_points=[], extra_plugins=[("both", Both())], house=False)
    assert snap_compare(IntervisieApp(registry=reg), terminal_size=(80, 24), run_before=run_before)
