"""A second round's choice starts afresh: the first round's votes do not count for it, and
each case keeps the number it had on the list, so 'Sanne: 3' means the case numbered 3."""

from __future__ import annotations

import sys
from pathlib import Path

from textual.widgets import Input

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.model import Group, Member
from intervisie.tui.app.facilitator import IntervisieApp
from intervisie.tui.app.screens.confirm import ConfirmScreen
from intervisie.tui.app.screens.runner import RunnerScreen
from intervisie.tui.app.screens.steps import ClosingScreen, IntakeScreen

sys.path.insert(0, str(Path(__file__).parent))
from pilots import pilot, terminal_text

GROUP = Group(
    "g1",
    "Sectie familierecht",
    (Member("m1", "Sanne"), Member("m2", "Pieter"), Member("m3", "Daniel"), Member("m4", "Mo")),
)
PRESENT = ("m1", "m2", "m3", "m4")


async def lines(app: IntervisieApp, p, *typed: str) -> None:
    await p.press("a")
    field = app.focused
    assert isinstance(field, Input)
    for line in typed:
        await p.press(*[c if c != " " else "space" for c in line])
        await p.press("enter")
        await p.pause()
    await p.press("escape")
    await p.pause()


def choice_lines(app: IntervisieApp) -> list[str]:
    shown = terminal_text(app)
    return [line for line in shown.splitlines() if "█" in line or "  0  " in line]


@pilot
async def test_round_two_counts_only_its_own_votes_under_the_numbers_of_the_list() -> None:
    app = IntervisieApp(clock=FakeClock(), sound=False)
    async with app.run_test(size=(100, 30)) as p:
        await p.pause()
        app.open_meeting(
            "roddel",
            cmd.OpenMeeting(
                group=GROUP,
                present=PRESENT,
                facilitator="m4",
                confidentiality=PRESENT,
                minutes_available=180,
            ),
            {},
        )
        await p.pause()
        assert isinstance(app.screen, IntakeScreen)
        await lines(
            app,
            p,
            "Sanne: Cliënt dreigt met klacht",
            "Pieter: Stagiair zonder motivatie",
            "Daniel: Zitting uitgesteld",
        )
        await p.press("n")
        await p.pause()
        await lines(app, p, "Sanne: 1", "Pieter: 2", "Daniel: 1", "Mo: 1")
        await p.press("n")
        await p.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await p.press("enter")
        await p.pause()
        assert isinstance(app.screen, RunnerScreen)
        first = app.link.state.round.case_id
        assert app.link.state.case(first).title == "Cliënt dreigt met klacht"
        app.link.do(cmd.FinishRound())
        app.route(app.link)
        await p.pause()
        assert isinstance(app.screen, ClosingScreen)
        await p.press("n")  # another round
        await p.pause()
        assert isinstance(app.screen, IntakeScreen)
        await p.press("n")  # to the choice
        await p.pause()
        shown = terminal_text(app)
        assert "Stagiair zonder motivatie" in shown and "Zitting uitgesteld" in shown
        assert "Cliënt dreigt met klacht" not in shown
        # Pieter's vote of round 1 does not show against his case in round 2.
        stagiair = next(line for line in shown.splitlines() if "Stagiair" in line)
        assert " 2 " in stagiair[:4] and "█" not in stagiair, stagiair
        await lines(app, p, "Sanne: 3", "Pieter: 3", "Daniel: 2")
        state = app.link.state
        tally = state.tally()
        assert dict(tally.points) == {state.cases[2].id: 2, state.cases[1].id: 1}
        await lines(app, p, "Mo: 1")
        assert any(
            "Type the number of a case on the list: 2, 3." in n.message for n in app._notifications
        )
