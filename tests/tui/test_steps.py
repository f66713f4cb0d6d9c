"""The meeting's own steps: revisiting the previous meeting's cases, EGT scoring, and the
choice between another round and closing."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from textual.widgets import Input, Static

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.model import Group, Member
from intervisie.core.method.model import ContributionKind, MeetingStep
from intervisie.tui.app.facilitator import IntervisieApp
from intervisie.tui.app.screens.runner import RunnerScreen
from intervisie.tui.app.screens.steps import ClosingScreen, IntakeScreen, RevisitScreen

GROUP = Group(
    "g1",
    "Sectie familierecht",
    (Member("m1", "Sanne"), Member("m2", "Pieter"), Member("m3", "Aylin"), Member("m4", "Mo")),
)


def pilot_test(test: Callable[[], Awaitable[None]]) -> Callable[[], None]:
    def run() -> None:
        asyncio.run(test())

    run.__name__ = test.__name__
    return run


def opening() -> cmd.OpenMeeting:
    present = tuple(m.id for m in GROUP.members)
    return cmd.OpenMeeting(
        group=GROUP,
        present=present,
        facilitator="m4",
        confidentiality=present,
        minutes_available=120,
    )


def text(app: IntervisieApp) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static) if w.display)


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
async def test_the_next_meeting_revisits_the_case_and_scores_egt() -> None:
    clock = FakeClock()
    first = IntervisieApp(clock=clock, sound=False)
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first.open_meeting("roddel", opening(), {})
        await pilot.pause()
        link = first.link
        link.do(cmd.AddCase(owner="m1", title="Cliënt dreigt met klacht"))
        link.do(cmd.AddCase(owner="m2", title="Stagiair zonder motivatie"))
        link.do(cmd.ChooseCase(case_id="c1"))
        first.start_round(link)
        await pilot.pause()
        assert isinstance(first.screen, RunnerScreen)
        link.do(cmd.FinishRound())
        first.route(link)
        await pilot.pause()
        assert isinstance(first.screen, ClosingScreen)
        assert "1 case still on the list." in text(first)
        await pilot.press("c")
        await type_lines(first, pilot, "Aylin: 8 good")
        await pilot.press("n", "y")
        await pilot.pause()
    clock.advance(minutes=60 * 24 * 30)
    second = IntervisieApp(clock=clock, sound=False)
    async with second.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        second.open_meeting("roddel", opening(), {})
        await pilot.pause()
        assert isinstance(second.screen, RevisitScreen)
        assert "Cliënt dreigt met klacht" in text(second)
        await type_lines(second, pilot, "1 She withdrew the complaint")
        assert "› She withdrew the complaint" in text(second)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(second.screen, IntakeScreen)
        # The case left over from last time is on the list again.
        assert "Stagiair zonder motivatie" in text(second)
        await pilot.press("n")
        await pilot.pause()
        assert second.focused is None
        await pilot.press("e")
        await pilot.pause()
        assert "Choice: EGT scores" in str(second.screen.capture.border_title)
        await type_lines(second, pilot, "1 5 4 3", "1 4 4 4")
        assert "24" in text(second)
        notes = second.link.state.contributions_in(step=MeetingStep.CHOICE)
        assert [c.kind for c in notes] == [ContributionKind.SCORE] * 2


@pilot_test
async def test_the_runner_on_a_small_terminal_says_so_instead_of_breaking() -> None:
    app = IntervisieApp(clock=FakeClock(), sound=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_meeting("incident", opening(), {})
        await pilot.pause()
        assert isinstance(app.screen, RunnerScreen)
        await pilot.resize_terminal(70, 20)
        message = app.screen.query_one(".too-small", Static)
        assert message.display and "70x20" in str(message.render())
        await pilot.resize_terminal(80, 24)
        assert not message.display
        assert app.screen.query_one("#timer").display


@pilot_test
async def test_setup_relabels_when_the_language_switches() -> None:
    from intervisie.core import i18n

    app = IntervisieApp(method_id="roddel", clock=FakeClock(), sound=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#group-name", Input).value = "Sectie familierecht"
        try:
            app.action_switch_language()
            await pilot.pause()
            shown = text(app)
            assert "Nieuwe bijeenkomst" in shown and "Beschikbare minuten" in shown
        finally:
            i18n.set_language("en")
        assert app.screen.query_one("#group-name", Input).value == "Sectie familierecht"


@pilot_test
async def test_a_second_round_takes_the_next_case_with_fresh_votes() -> None:
    app = IntervisieApp(clock=FakeClock(), sound=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_meeting("roddel", opening(), {})
        await pilot.pause()
        link = app.link
        link.do(cmd.AddCase(owner="m1", title="Cliënt dreigt met klacht"))
        link.do(cmd.AddCase(owner="m2", title="Stagiair zonder motivatie"))
        link.do(cmd.StartStep(step=MeetingStep.CHOICE))
        link.do(cmd.Vote(voter="m1", case_id="c1"))
        link.do(cmd.ChooseCase())
        app.start_round(link)
        await pilot.pause()
        link.do(cmd.FinishRound())
        app.route(link)
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        await pilot.press("n")
        await pilot.pause()
        assert "Sanne: case number" in text(app)  # everyone votes again
        await type_lines(app, pilot, "1")
        await pilot.press("n")
        await pilot.pause()
        assert "Chosen: Stagiair zonder motivatie" in text(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, RunnerScreen)
        assert "Round 2" in text(app) and "Pieter tells the case" in text(app)


@pilot_test
async def test_assigned_hats_stand_beside_each_name_and_only_the_wearer_speaks() -> None:
    group = Group(
        "g2",
        "Hoeden",
        tuple(
            Member(f"m{i}", n) for i, n in enumerate(["Sanne", "Pieter", "Aylin", "Joost", "Mo"], 1)
        ),
    )
    present = tuple(m.id for m in group.members)
    app = IntervisieApp(clock=FakeClock(), sound=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        opening_command = cmd.OpenMeeting(
            group=group,
            present=present,
            facilitator="m5",
            confidentiality=present,
            minutes_available=120,
        )
        app.open_meeting("denkhoeden", opening_command, {"hat_mode": "assigned"})
        await pilot.pause()
        link = app.link
        link.do(cmd.AddCase(owner="m1", title="Cliënt dreigt met klacht"))
        link.do(cmd.ChooseCase(case_id="c1"))
        app.start_round(link)
        await pilot.pause()
        while link.state.round.phase.id != "red":
            link.do(cmd.NextPhase())
        app.screen.render_state()
        await pilot.pause()
        lens = str(app.screen.query_one("#lens", Static).render())
        assert "Red hat" in lens and "Wearing it:" in lens
        wearer = link.state.round.lenses["red"][0]
        assert f"{link.name(wearer)} ♥" in lens
        assert "(1 of 1)" in text(app)
