"""Home as a facilitator meets it: the methods, their details, the filter, language, help."""

from __future__ import annotations

import sys
from pathlib import Path

from textual.widgets import Input, OptionList, Static

from intervisie.core import i18n
from intervisie.tui.app.facilitator import IntervisieApp
from intervisie.tui.app.screens.help import HelpScreen
from intervisie.tui.app.screens.home import HomeScreen
from intervisie.tui.app.widgets.details import TextBlock
from intervisie.tui.app.widgets.keybar import KeyBar

sys.path.insert(0, str(Path(__file__).parent))
from pilots import pilot, terminal_text


def shown(app: IntervisieApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def details(app: IntervisieApp) -> str:
    """The details pane's text, as a reader scrolling through it sees it (lines joined)."""
    return " ".join(app.screen.query_one("#details", TextBlock).plain.split())


def highlight(app: IntervisieApp, method_id: str) -> None:
    options = app.screen.query_one("#methods", OptionList)
    options.highlighted = options.get_option_index(method_id)


def method_names(app: IntervisieApp) -> list[str]:
    options = app.screen.query_one("#methods", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


@pilot
async def test_home_lists_methods_with_details() -> None:
    app = IntervisieApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        names = method_names(app)
        assert any(name.startswith("Incident method") for name in names)
        assert any("min" in name for name in names)
        highlight(app, "incident")
        await pilot.pause()
        incident = app.registry.get("incident")
        size = incident.group_size
        shown_text = details(app)
        assert incident.summary.get("en").split()[0] == shown_text.split()[0]
        assert f"Group {size.min}-{size.max} (ideal {size.ideal})" in shown_text
        assert "Pigors" in shown_text
        assert "no owner yet" in shown_text and "tells" in shown_text and "answers" in shown_text
        assert "When: For a concrete" in shown_text
        highlight(app, "roddel")
        await pilot.pause()
        assert "Gossip" in str(app.screen.query_one("#details").border_title)
        assert "outside the circle" in details(app)


@pilot
async def test_filter_narrows_the_list_and_escape_clears_it() -> None:
    app = IntervisieApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"gossip")
        await pilot.pause()
        assert [n.split()[0] for n in method_names(app)] == ["Gossip"]
        # While typing, single keys type instead of acting.
        assert i18n.current_language() == "en"
        await pilot.press("escape")
        await pilot.pause()
        assert len(method_names(app)) >= 2
        assert isinstance(app.focused, OptionList)


@pilot
async def test_language_switch_relabels_at_once() -> None:
    app = IntervisieApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        try:
            assert i18n.current_language() == "nl"
            assert any(n.startswith("Incidentmethode") for n in method_names(app))
            assert "Groep " in details(app)
            assert app.screen.query_one("#left").border_title == "Methoden"
            footer = {b.binding.description for b in app.screen.active_bindings.values()}
            assert "zoek" in footer
        finally:
            i18n.set_language("en")


@pilot
async def test_help_lists_the_keys_of_the_screen_below() -> None:
    app = IntervisieApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = shown(app, "#help-keys")
        assert "search" in keys and "language" in keys and "quit" in keys
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


@pilot
async def test_the_key_bar_shows_the_keys_and_a_click_presses_one() -> None:
    app = IntervisieApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        line = str(bar.render())
        assert line.startswith("⏎ start / search c compare")
        assert line.rstrip().endswith("▏^p")
        await pilot.click(KeyBar, offset=(line.index("? help") + 2, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("l")  # the language switch relabels the bar at once
        await pilot.pause()
        assert "q stoppen" in str(app.screen.query_one(KeyBar).render())
        i18n.set_language("en")


@pilot
async def test_a_small_terminal_gets_a_clear_message() -> None:
    app = IntervisieApp()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        message = app.screen.query_one(".too-small", Static)
        assert message.display
        assert "60x20" in str(message.render()) and "80x24" in str(message.render())
        assert not app.screen.query_one("#main").display


@pilot
async def test_quit_from_home_needs_no_confirmation() -> None:
    app = IntervisieApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@pilot
async def test_every_key_of_the_screen_is_also_in_the_command_palette() -> None:
    app = IntervisieApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Start", "Search", "Language", "Help", "Quit"} <= titles


@pilot
async def test_long_details_scroll_to_their_last_line_from_the_keyboard() -> None:
    app = IntervisieApp()
    async with app.run_test(size=(80, 24)) as pilot:
        highlight(app, "incident")
        await pilot.pause()
        pane = app.screen.query_one("#details", TextBlock)
        last = pane.plain.splitlines()[-1].strip()
        assert pane.max_scroll_y > 0, "the incident method's details are longer than 80x24"
        assert last not in terminal_text(app)
        await pilot.press("tab")
        assert app.focused is pane
        await pilot.press("end")
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y
        assert last in terminal_text(app)
