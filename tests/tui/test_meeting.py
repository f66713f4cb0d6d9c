"""Whole meetings of each built-in method, from home to the summary, on a fake clock.

The tests press the keys a facilitator presses and read what the screen shows at the moments
that matter: the owner's position in the gossip phase, whose turn it is, the hats, the force
bars, the timer after a pause and an extension.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.widgets import Digits, Input, OptionList, Select, SelectionList, Static

from intervisie.core.meeting.clock import FakeClock
from intervisie.tui.app.facilitator import IntervisieApp
from intervisie.tui.app.screens.confirm import ConfirmScreen
from intervisie.tui.app.screens.home import HomeScreen
from intervisie.tui.app.screens.runner import RunnerScreen
from intervisie.tui.app.screens.setup import SetupScreen
from intervisie.tui.app.screens.steps import ClosingScreen, IntakeScreen
from intervisie.tui.app.screens.summary import SummaryScreen

MEMBERS = "Sanne, Pieter, Aylin, Joost, Eva, Mo"
SIZE = (80, 24)


def pilot_test(test: Callable[[], Awaitable[None]]) -> Callable[[], None]:
    def run() -> None:
        asyncio.run(test())

    run.__name__ = test.__name__
    return run


def screen_text(app: IntervisieApp) -> str:
    """Everything the current screen shows in its text widgets, one string."""
    parts = []
    for widget in app.screen.query(Static):
        if widget.display:
            parts.append(str(widget.render()))
    for digits in app.screen.query(Digits):
        parts.append(digits.value)
    for title in app.screen.query("*"):
        if title.border_title:
            parts.append(str(title.border_title))
    return "\n".join(parts)


class Meeting:
    """Drives the app like a facilitator at the keyboard."""

    def __init__(self, app: IntervisieApp, pilot, clock: FakeClock) -> None:
        self.app, self.pilot, self.clock = app, pilot, clock

    @property
    def text(self) -> str:
        return screen_text(self.app)

    async def keys(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.pilot.pause()

    async def type(self, *lines: str) -> None:
        """`a`, each line + Enter (the field keeps focus), then Escape."""
        await self.keys("a")
        field = self.app.focused
        assert isinstance(field, Input)
        for line in lines:
            field.value = line  # typing it key by key works too, only slower
            await self.keys("enter")
            assert self.app.focused is field  # Enter adds and keeps the field
        await self.keys("escape")

    async def yes(self) -> None:
        assert isinstance(self.app.screen, ConfirmScreen), type(self.app.screen)
        await self.keys("y")

    async def setup(self, method_id: str, minutes: int | None = None, **options: str) -> None:
        """From home to the method's setup, filled in (the method's `options` chosen)."""
        assert isinstance(self.app.screen, HomeScreen)
        methods = self.app.screen.query_one("#methods", OptionList)
        methods.highlighted = methods.get_option_index(method_id)
        await self.keys("enter")
        screen = self.app.screen
        assert isinstance(screen, SetupScreen)
        screen.query_one("#group-name", Input).value = "Sectie familierecht"
        screen.query_one("#members", Input).value = MEMBERS
        await self.pilot.pause()
        screen.query_one("#facilitator", Select).value = "m6"
        screen.query_one("#confidentiality", SelectionList).select_all()
        for option, choice in options.items():
            screen.query_one(f"#option-{option}", Select).value = choice
        if minutes is not None:
            screen.query_one("#minutes", Input).value = str(minutes)
        await self.pilot.pause()

    async def open(self, method_id: str, minutes: int | None = None, **options: str) -> None:
        await self.setup(method_id, minutes, **options)
        await self.keys("ctrl+s")

    async def next(self) -> None:
        await self.keys("n")

    async def to_phase(self, name: str) -> None:
        """`n` until the phase `name` is current."""
        for _ in range(12):
            if name in str(self.app.screen.query_one("#phase-name", Static).render()):
                return
            await self.next()
        raise AssertionError(f"no phase {name}")


async def start(method_id: str) -> tuple[IntervisieApp, FakeClock]:
    clock = FakeClock()
    return IntervisieApp(clock=clock, sound=True), clock


async def choose_at_meeting_step(m: Meeting) -> None:
    """Intake then choice as the meeting's own steps, before a method without its own."""
    assert isinstance(m.app.screen, IntakeScreen)
    await m.type("Sanne: Cliënt dreigt met klacht", "Pieter: Stagiair zonder motivatie")
    assert "Cliënt dreigt met klacht" in m.text
    await m.next()
    assert "Choice: votes" in m.text
    await m.type("1", "1", "2", "1")
    await m.next()
    assert "Chosen: Cliënt dreigt met klacht" in m.text
    await m.yes()
    assert isinstance(m.app.screen, RunnerScreen)


async def finish(m: Meeting) -> None:
    """From the round's evaluation phase to the summary."""
    await m.type("Aylin: 4 5 helpful", "! Call the client back on Monday")
    assert "helpful" in m.text
    await m.next()
    await m.yes()
    assert isinstance(m.app.screen, ClosingScreen)
    assert "Round 1" in m.text
    await m.keys("c")
    await m.type("Pieter: 8 a good evening")
    await m.next()
    await m.yes()
    assert isinstance(m.app.screen, SummaryScreen)
    await m.pilot.pause()


@pilot_test
async def test_gossip_method_owner_turned_away_and_timer_after_pause_and_extension() -> None:
    app, clock = await start("roddel")
    rings: list[int] = []
    app.bell = lambda: rings.append(1)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        m = Meeting(app, pilot, clock)
        await m.open("roddel")
        await choose_at_meeting_step(m)
        assert "Phase 1/" in m.text and "Sanne tells the case" in m.text
        await m.next()
        # Questions: 12 minutes. Two pass, then a pause that lasts five.
        assert "12:00" in m.text
        clock.advance(minutes=2)
        await pilot.pause(0.6)
        assert "10:00" in m.text
        await m.keys("space")
        clock.advance(minutes=5)
        await pilot.pause(0.6)
        assert "10:00" in m.text and "PAUSED" in m.text
        assert "resume" in {b.binding.description for b in app.screen.active_bindings.values()}
        await m.keys("space")
        await m.keys("plus")
        assert "11:00" in m.text and "of 13:00" in m.text
        timer = app.screen.query_one("#timer")
        clock.advance(minutes=11)
        await pilot.pause(0.6)
        assert timer.has_class("-over") and "over time" in m.text
        clock.advance(minutes=1, seconds=12)
        await pilot.pause(0.6)
        assert "+01:12" in m.text and "over time" in m.text
        assert rings == [1]  # once at zero, not again
        await m.type(
            "Aylin: Wie waren er bij aanwezig?", "Joost: Heb je al overwogen om de deken te bellen?"
        )
        assert "⚠ suggestive" in m.text
        await m.next()
        # The gossip round: the owner sits outside the circle.
        assert "Sanne sits outside the circle · silent · takes notes" in m.text
        assert "Turn: Pieter (1 of 4)" in m.text
        await m.type("Zij lijkt de klacht persoonlijk op te vatten")
        await m.keys("t")
        assert "Turn: Aylin (2 of 4)" in m.text
        await m.to_phase("Evaluation")
        await finish(m)
        assert (
            "Zij lijkt de klacht persoonlijk op te vatten"
            in app.screen.query_one("#summary-text")._markdown
        )
        await m.keys("e")
        exports = Path(os.environ["INTERVISIE_DATA_DIR"]) / "exports"
        exported = list(exports.glob("report-*.md"))
        assert len(exported) == 1
        assert exported[0].stat().st_mode & 0o777 == 0o600
        assert "Zij lijkt de klacht persoonlijk op te vatten" in exported[0].read_text("utf-8")


@pilot_test
async def test_incident_method_collects_votes_hides_writing_and_goes_round() -> None:
    app, clock = await start("incident")
    async with app.run_test(size=SIZE) as pilot:
        m = Meeting(app, pilot, clock)
        await m.open("incident")
        assert isinstance(app.screen, RunnerScreen)
        assert "No case owner yet" in m.text
        # Collect: Enter adds the current speaker's incident; t passes the turn.
        assert "Turn: Sanne (1 of 5)" in m.text
        await m.type("Cliënt belde vlak voor de zitting")
        await m.keys("t")
        await m.type("Collega viel uit in overleg")
        assert "Cliënt belde vlak voor de zitting" in m.text
        await m.next()
        await m.type("1", "1", "2")
        await m.next()
        assert "Sanne tells the case" in m.text
        await m.next()
        await m.type("Joost: Was de cliënt boos?")
        assert "⚠ closed" in m.text
        await m.next()
        await m.next()
        # Writing: hidden until the facilitator reveals it.
        await m.type("Aylin: Ik zou eerst terugbellen", "Joost: Ik zou de deken bellen")
        assert "2 written, hidden until you reveal them" in m.text
        assert "Ik zou eerst terugbellen" not in m.text
        await m.next()
        assert "Reveal what was written?" in m.text
        await m.yes()
        # The round of approaches: turns go round.
        assert "Turn: Pieter (1 of 4)" in m.text
        await m.keys("t")
        assert "Turn: Aylin (2 of 4)" in m.text
        await m.keys("b")
        assert "Back to" in m.text
        await m.yes()
        assert "Ik zou eerst terugbellen" in m.text  # revealed, and nothing lost going back
        await m.next()
        assert "Turn: Aylin (2 of 4)" in m.text
        await m.to_phase("Evaluation")
        await finish(m)


@pilot_test
async def test_six_hats_show_each_hat_with_its_question() -> None:
    app, clock = await start("denkhoeden")
    async with app.run_test(size=SIZE) as pilot:
        m = Meeting(app, pilot, clock)
        await m.open("denkhoeden")
        await choose_at_meeting_step(m)
        await m.next()
        await m.next()
        assert "Blue hat" in m.text
        await m.next()
        assert "White hat" in m.text
        await m.next()
        assert "Red hat" in m.text and "without" in m.text
        await m.type("Ik voel onrust")
        assert "Ik voel onrust" in m.text
        await m.to_phase("Evaluation")
        await finish(m)


@pilot_test
async def test_force_field_draws_mean_ratings_as_bars() -> None:
    app, clock = await start("krachtenveld")
    async with app.run_test(size=SIZE) as pilot:
        m = Meeting(app, pilot, clock)
        await m.open("krachtenveld")
        await choose_at_meeting_step(m)
        await m.next()
        await m.next()
        await m.type("Sanne: Tijdsdruk", "Pieter: Angst voor conflict")
        await m.next()
        await m.type("Aylin: Steun teamleider")
        await m.next()
        await m.type("Aylin: 1 4", "Joost: 1 5", "Eva: 3 3", "Pieter: 2 2")
        field = str(app.screen.capture.query_one("#capture-field").render())
        assert "Tijdsdruk" in field and "4.5" in field and "█" in field
        assert "Steun teamleider" in field and "3.0" in field
        tijd = next(line for line in field.splitlines() if "Tijdsdruk" in line)
        angst = next(line for line in field.splitlines() if "Angst" in line)
        assert tijd.count("█") > angst.count("█")
        await m.to_phase("Evaluation")
        await finish(m)


@pilot_test
async def test_force_bars_on_the_1_to_10_scale_are_drawn_to_that_scale() -> None:
    """Rated 5 of 10, a force's bar is half as long as one rated 10 (the bars were drawn to
    the evaluation's scale of 5, so a 5 filled the bar and a 10 ran past it)."""
    app, clock = await start("krachtenveld")
    async with app.run_test(size=SIZE) as pilot:
        m = Meeting(app, pilot, clock)
        await m.open("krachtenveld", scale="1-10")
        await choose_at_meeting_step(m)
        await m.to_phase("Restraining forces")
        await m.type("Sanne: Tijdsdruk", "Pieter: Angst voor conflict")
        await m.to_phase("Rate the forces")
        await m.type("Aylin: 1 5", "Joost: 2 10")
        field = str(app.screen.capture.query_one("#capture-field").render())
        half = next(line for line in field.splitlines() if "Tijdsdruk" in line)
        full = next(line for line in field.splitlines() if "Angst" in line)
        assert "5.0" in half and "10.0" in full
        assert 0 < 2 * half.count("█") <= full.count("█") + 1
        assert full.count("█") <= len(field.splitlines()[0]) // 2


@pilot_test
async def test_setup_shows_the_plan_the_round_starts_with_six_hats_one_each() -> None:
    """Six hats, one hat each, in less time than planned: the minutes setup promises are the
    minutes the round gets (setup fitted the phases itself, without the lens holders' turns
    the engine plans with)."""
    from intervisie.tui.app.widgets.labels import minutes

    app, clock = await start("denkhoeden")
    async with app.run_test(size=SIZE) as pilot:
        m = Meeting(app, pilot, clock)
        await m.setup("denkhoeden", minutes=50, hat_mode="assigned")
        shortened = str(app.screen.query_one("#fit", Static).render())
        app.screen.query_one("#minutes", Input).value = "20"
        await pilot.pause()
        too_short = str(app.screen.query_one("#fit", Static).render())
        await m.keys("ctrl+s")
        await choose_at_meeting_step(m)
        rnd = app.link.state.round
        assert rnd.options == {"hat_mode": "assigned"}
        assert rnd.fit_minutes == 20
        # What setup said at 20 minutes is what the round got: every phase at its floor.
        assert f"at least {minutes(rnd.planned_minutes)} needed" in too_short
        names = [run.phase.name.get("en") for run in rnd.phases]
        assert too_short.split("At their minimum: ")[1].split(", ") == names
        assert "Shortened from" in shortened


@pilot_test
async def test_quit_mid_meeting_asks_then_leaves_it_paused_and_language_switches_live() -> None:
    from intervisie.core import i18n
    from intervisie.core.meeting.engine import replay
    from intervisie.core.store.database import Store

    app, clock = await start("roddel")
    async with app.run_test(size=SIZE) as pilot:
        m = Meeting(app, pilot, clock)
        await m.open("roddel")
        await choose_at_meeting_step(m)
        try:
            await m.keys("l")
            assert "Fase 1/" in m.text and "Sanne vertelt" in m.text
            assert "volgende" in {
                b.binding.description for b in app.screen.active_bindings.values()
            }
            await m.keys("l")
        finally:
            i18n.set_language("en")
        assert "Phase 1/" in m.text
        meeting_id = app.link.meeting_id
        await m.keys("q")
        assert "Quit in the middle of the meeting?" in m.text
        await m.keys("n")  # stay
        assert isinstance(app.screen, RunnerScreen)
        await m.keys("q")
        await m.yes()
    store = Store.open(readonly=True)
    state = replay(store.events(meeting_id))
    assert state.paused and state.round is not None


def test_a_text_missing_in_this_language_is_marked() -> None:
    from intervisie.core.method.model import Text
    from intervisie.tui.app.widgets.labels import text

    assert text(Text.of(nl="Alleen Nederlands"), "en") == "Alleen Nederlands [nl]"
    assert text(Text.of(nl="Beide", en="Both"), "en") == "Both"


def test_sound_off_in_the_app_is_kept_in_the_settings() -> None:
    from intervisie.core.settings import load_settings

    async def go() -> None:
        app = IntervisieApp(clock=FakeClock(), sound=True)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.action_toggle_sound()
            await pilot.pause()

    asyncio.run(go())
    assert load_settings().sound is False
