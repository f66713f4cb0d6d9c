"""Who is here, as the facilitator marks it with the keys: Eva arrives late and accepts the
agreement, Pieter takes a break and comes back, Mo leaves early, and the "what came up"
line is typed for the certificate (80x24)."""

from __future__ import annotations

from textual.widgets import Input, OptionList, SelectionList

from intervisie.tui.app.screens.attendance import AttendanceScreen
from intervisie.tui.app.screens.confirm import ConfirmScreen
from intervisie.tui.app.screens.steps import IntakeScreen

from .pilots import pilot, terminal_text
from .test_meeting import SIZE, Meeting, start


@pilot
async def test_arrivals_breaks_and_departures_from_a_running_meeting() -> None:
    app, clock = await start("roddel")
    async with app.run_test(size=SIZE) as p:
        m = Meeting(app, p, clock)
        await m.setup("roddel")
        app.screen.query_one("#present", SelectionList).deselect("m5")  # Eva is late
        await p.pause()
        app.screen.query_one("#confidentiality", SelectionList).select_all()
        await m.keys("ctrl+s")
        assert isinstance(app.screen, IntakeScreen)
        link = app.screen.link
        assert "m5" not in link.state.present

        clock.advance(minutes=25)
        await m.keys("w")
        assert isinstance(app.screen, AttendanceScreen)
        shown = terminal_text(app)
        assert "Who is here" in shown and "not arrived" in shown
        members = app.screen.query_one("#members", OptionList)
        members.highlighted = 4  # Eva
        await m.keys("a")
        assert isinstance(app.screen, ConfirmScreen)  # the agreement is asked first
        assert "Eva arrives" in terminal_text(app)
        await m.keys("y")
        assert isinstance(app.screen, AttendanceScreen)
        assert "m5" in link.state.present and "m5" in link.state.confidentiality

        members.highlighted = 1  # Pieter
        await m.keys("b")
        assert "on a break" in terminal_text(app)
        clock.advance(minutes=10)
        await m.keys("a")  # back from the break: no agreement asked again
        assert isinstance(app.screen, AttendanceScreen)
        assert "m2" in link.state.present

        members.highlighted = 5  # Mo, the facilitator, cannot leave
        await m.keys("x")
        assert "m6" in link.state.present
        members.highlighted = 3  # Joost leaves early
        await m.keys("x")
        assert "m4" not in link.state.present

        field = app.screen.query_one("#what_came_up", Input)
        field.focus()
        field.value = "integriteit, verwachtingenmanagement"
        await m.keys("enter")
        assert link.state.what_came_up == "integriteit, verwachtingenmanagement"
        await m.keys("escape")
        assert isinstance(app.screen, IntakeScreen)
        assert [c.what for c in link.state.presence] == ["arrived", "break", "back", "left"]
