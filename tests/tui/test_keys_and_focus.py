"""Keys, focus and what is visible, as facilitators met them in real meetings (issue 27).

Each test presses the keys a person pressed and reads the terminal as they read it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.widgets import Input

from intervisie.core.i18n import current_language
from intervisie.tui.app.screens.confirm import ConfirmScreen
from intervisie.tui.app.screens.runner import RunnerScreen
from intervisie.tui.app.screens.setup import SetupScreen

sys.path.insert(0, str(Path(__file__).parent))
from facilitator_driver import Facilitator, new_app
from pilots import pilot

SIZE = (80, 24)
MEMBERS = "Sanne, Pieter, Aylin, Joost, Eva"


async def incident_to_writing(f: Facilitator) -> None:
    """An incident round up to the private writing of approaches, two of them written."""
    await f.open("incident", "Sectie familierecht", MEMBERS)
    await f.type("Cliënt belde vlak voor de zitting")
    await f.keys("n")
    await f.type("1", "1", "2")
    await f.next_until("Write your own approach")
    await f.type("Aylin: Ik zou eerst terugbellen", "Joost: Ik zou de deken bellen")


@pilot
async def test_enter_confirms_what_the_dialog_names_and_the_keys_behind_are_covered() -> None:
    app, clock = new_app()
    async with app.run_test(size=SIZE) as pilot:
        f = Facilitator(app, pilot, clock)
        await incident_to_writing(f)
        await f.keys("n")
        assert isinstance(app.screen, ConfirmScreen)
        shown = f.screen_text
        assert "⏎ Reveal" in shown and "esc Cancel" in shown
        # The runner's bar (n next, b back ...) does not show through: n means "no" here.
        assert "n next" not in f.key_bar and "⏎ Reveal" in f.key_bar
        await f.keys("enter")
        assert isinstance(app.screen, RunnerScreen)
        # Revealed, and listed where they are used: the round of approaches.
        assert "Round of approaches" in f.screen_text
        assert "Ik zou eerst terugbellen" in f.screen_text
        assert "Nothing captured yet" not in f.screen_text


@pilot
async def test_escape_cancels_a_dialog() -> None:
    app, clock = new_app()
    async with app.run_test(size=SIZE) as pilot:
        f = Facilitator(app, pilot, clock)
        await incident_to_writing(f)
        await f.keys("b")
        assert isinstance(app.screen, ConfirmScreen)
        await f.keys("escape")
        assert isinstance(app.screen, RunnerScreen)
        assert "Write your own approach" in f.screen_text


@pilot
async def test_letters_type_into_the_setup_form_and_l_never_switches_the_language() -> None:
    app, clock = new_app()
    async with app.run_test(size=SIZE) as pilot:
        f = Facilitator(app, pilot, clock)
        screen = await f.setup("incident")
        place = screen.query_one("#place", Input)
        place.focus()
        await f.write("Kantoor Lange Elisabethstraat")
        assert place.value == "Kantoor Lange Elisabethstraat"
        await f.keys("tab")  # on to the "online" box
        assert app.focused is screen.query_one("#online")
        await f.write("l")
        assert current_language() == "en" and isinstance(app.screen, SetupScreen)
        assert screen.query_one("#online").value is False  # only space ticks it


@pilot
async def test_focusing_a_field_keeps_its_text() -> None:
    app, clock = new_app()
    async with app.run_test(size=SIZE) as pilot:
        f = Facilitator(app, pilot, clock)
        screen = await f.setup("incident")
        minutes = screen.query_one("#minutes", Input)
        before = minutes.value
        minutes.focus()
        await pilot.pause()
        await f.write("0")
        assert minutes.value == before + "0"  # typed after the text, not over it


@pilot
async def test_an_unticked_box_looks_unticked() -> None:
    app, clock = new_app()
    async with app.run_test(size=SIZE) as pilot:
        f = Facilitator(app, pilot, clock)
        screen = await f.setup("incident")
        online = screen.query_one("#online")
        online.focus()  # scrolls it into view
        await pilot.pause()
        line = next(ln for ln in f.screen_text.splitlines() if "online" in ln)
        assert "X" not in line and "✓" not in line
        await f.keys("space")
        line = next(ln for ln in f.screen_text.splitlines() if "online" in ln)
        assert "✓" in line


@pilot
async def test_the_runners_texts_below_the_fold_scroll_into_view_with_a_shown_key() -> None:
    app, clock = new_app()
    async with app.run_test(size=SIZE) as pilot:
        f = Facilitator(app, pilot, clock)
        await f.open("incident", "Sectie familierecht", MEMBERS)
        await f.type("Cliënt belde vlak voor de zitting")
        await f.keys("n")
        await f.type("1", "1", "2")
        await f.next_until("Informative questions")
        rnd = app.link.state.round
        from intervisie.tui.app.widgets.labels import text

        last_prompt = text(rnd.phase.phase.prompts[-1], "en")
        assert last_prompt not in f.screen_text  # below the fold at 80x24
        assert "⇟ more" in f.key_bar
        for _ in range(4):
            await f.keys("pagedown")
            if last_prompt in f.screen_text:
                break
        assert last_prompt in f.screen_text


@pilot
async def test_after_m_the_method_list_has_the_focus() -> None:
    app, clock = new_app()
    async with app.run_test(size=SIZE) as pilot:
        f = Facilitator(app, pilot, clock)
        await f.open("roddel", "Sectie familierecht", MEMBERS)
        await f.type("Sanne: Cliënt dreigt met klacht")
        await f.keys("m")
        assert type(app.focused).__name__ == "OptionList", app.focused
        await f.keys("down", "enter")
        assert "Method:" in f.screen_text


@pilot
async def test_the_vote_list_shows_whole_names_and_titles() -> None:
    app, clock = new_app()
    title = "Een collega die steeds mijn dossiers overneemt zonder te overleggen"
    async with app.run_test(size=SIZE) as pilot:
        f = Facilitator(app, pilot, clock)
        await f.open("roddel", "Advocatuur Utrecht", "Sanne de Vries, Mark [HR] Smit, Aylin")
        await f.type(f"Mark [HR] Smit: {title}", "Sanne de Vries: Druk van declarabele uren")
        await f.keys("n")
        assert "Choice: votes" in f.screen_text
        # A long title wraps onto the next line, inside the box.
        shown = " ".join(f.screen_text.replace("│", " ").split())
        assert "Mark [HR] Smit" in shown and title in shown
        assert "Sanne de Vries" in shown and "…" not in shown


@pilot
async def test_the_current_phase_is_named_in_full_in_the_stepper() -> None:
    app, clock = new_app()
    async with app.run_test(size=SIZE) as pilot:
        f = Facilitator(app, pilot, clock)
        await f.open("denkhoeden", "Ward 4 North", "Tom, Maria, Aisha, Daniel")
        await f.type("Tom: Should I accept the team lead role?")
        await f.keys("n")
        await f.type("1", "1", "1", "1")
        await f.keys("n")
        await f.confirm()
        await f.next_until("Phase 5/")
        stepper = f.screen_text.splitlines()
        line = next(ln for ln in stepper if "●" in ln)
        assert "●Red hat: feelings" in line


@pilot
async def test_a_start_blocked_by_the_agreement_takes_the_focus_to_it() -> None:
    app, clock = new_app()
    async with app.run_test(size=SIZE) as pilot:
        f = Facilitator(app, pilot, clock)
        screen = await f.setup("roddel")
        screen.query_one("#group-name", Input).value = "Advocatuur Utrecht"
        screen.query_one("#members", Input).value = MEMBERS
        await pilot.pause()
        screen.fill_members()
        screen.query_one("#place", Input).focus()
        await pilot.pause()
        await f.keys("ctrl+s")
        assert isinstance(app.screen, SetupScreen)  # not opened: nobody agreed yet
        assert app.focused is screen.query_one("#all-accept")
        assert "Everyone present accepts" in f.screen_text  # on screen, not below the fold
        await f.keys("space", "ctrl+s")
        assert not isinstance(app.screen, SetupScreen)  # the meeting opened
