"""Resuming in the app: a meeting left mid-phase reopens in that phase, with what was
captured, and paused; the time it was away does not count."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from textual.widgets import Input, OptionList, Select, SelectionList

from intervisie.core.meeting.clock import FakeClock
from intervisie.tui.app.facilitator import IntervisieApp
from intervisie.tui.app.screens.home import HomeScreen
from intervisie.tui.app.screens.runner import RunnerScreen


def pilot_test(test: Callable[[], Awaitable[None]]) -> Callable[[], None]:
    def run() -> None:
        asyncio.run(test())

    run.__name__ = test.__name__
    return run


async def type_lines(app, pilot, *lines: str) -> None:
    await pilot.press("a")
    field = app.focused
    assert isinstance(field, Input)
    for line in lines:
        field.value = line
        await pilot.press("enter")
    await pilot.press("escape")
    await pilot.pause()


@pilot_test
async def test_a_meeting_left_mid_phase_resumes_there_paused() -> None:
    clock = FakeClock()
    app = IntervisieApp(method_id="roddel", clock=clock, sound=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        setup = app.screen
        setup.query_one("#group-name", Input).value = "Sectie familierecht"
        setup.query_one("#members", Input).value = "Sanne, Pieter, Aylin, Joost"
        await pilot.pause()
        setup.query_one("#facilitator", Select).value = "m4"
        setup.query_one("#confidentiality", SelectionList).select_all()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await type_lines(app, pilot, "Sanne: Cliënt dreigt met klacht")
        await pilot.press("n")
        await type_lines(app, pilot, "1")
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("y", "n")
        await pilot.pause()
        await type_lines(app, pilot, "Aylin: Wie waren er bij?")
        clock.advance(minutes=3)
        app.link.heartbeat()  # the app's 15-second heartbeat: the meeting was alive then
        await pilot.pause()
    # The process is gone without a word (the app never paused it); an hour passes.
    clock.advance(minutes=60)
    again = IntervisieApp(clock=clock, sound=False, resume=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, RunnerScreen)
        text = "\n".join(str(w.render()) for w in screen.query("Static"))
        assert "Phase 2/" in text and "Questions" in text
        assert "Wie waren er bij?" in text
        assert "PAUSED" in text
        assert again.screen.query_one("#clock").value == "09:00"  # 12 minutes, 3 used
        await pilot.press("escape")


@pilot_test
async def test_home_lists_an_open_meeting_and_enter_resumes_it() -> None:
    clock = FakeClock()
    app = IntervisieApp(method_id="roddel", clock=clock, sound=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        setup = app.screen
        setup.query_one("#group-name", Input).value = "Sectie familierecht"
        setup.query_one("#members", Input).value = "Sanne, Pieter, Aylin"
        await pilot.pause()
        setup.query_one("#confidentiality", SelectionList).select_all()
        await pilot.press("ctrl+s")
        await pilot.pause()
    home = IntervisieApp(clock=clock, sound=False)
    async with home.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(home.screen, HomeScreen)
        recent = home.screen.query_one("#recent", OptionList)
        assert recent.display and recent.option_count == 1
        assert "Sectie familierecht" in str(recent.get_option_at_index(0).prompt)
        recent.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "Intake" in str(home.screen.query_one("#step-title").render())
