"""Demo mode: a sample meeting on an accelerated clock, steered by hand, stored only on save."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import pytest
from textual.app import App

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.engine import DomainError, replay
from intervisie.core.meeting.events import PhaseChanged
from intervisie.core.meeting.model import Status
from intervisie.core.method.model import ContributionKind
from intervisie.core.plugins.loading import load_registry
from intervisie.core.store.database import Store
from intervisie.core.trainers.demo import DEMO_START
from intervisie.tui.app.demo_player import DemoClock, DemoLink, DemoPlayer
from intervisie.tui.app.facilitator import IntervisieApp
from intervisie.tui.app.screens.demo import DemoBanner, DemoSaveScreen, DemoSpeedScreen, start_demo

sys.path.insert(0, str(Path(__file__).parent))
from pilots import pilot


class Real:
    """A stand-in for time.monotonic that moves only when told."""

    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


BUILTINS = list(load_registry(house=False).methods)


def player(method_id: str = "incident", speed: float = 60) -> tuple[DemoPlayer, Real]:
    real = Real()
    method = load_registry(house=False).get(method_id)
    return DemoPlayer.for_method(method, lang="en", speed=speed, real=real), real


def test_the_demo_clock_runs_at_its_speed_and_stands_still_when_paused() -> None:
    real = Real()
    clock = DemoClock(DEMO_START, speed=60, real=real)
    real.t += 10  # ten real seconds at 60x: ten demo minutes
    assert clock.now() == DEMO_START + timedelta(minutes=10)
    clock.pause()
    real.t += 100
    assert clock.now() == DEMO_START + timedelta(minutes=10)
    clock.resume()
    clock.set_speed(6)
    real.t += 10
    assert clock.now() == DEMO_START + timedelta(minutes=11)
    clock.jump(DEMO_START)  # never back
    assert clock.now() == DEMO_START + timedelta(minutes=11)


@pytest.mark.parametrize("method_id", BUILTINS)
def test_events_come_out_in_time_and_the_whole_meeting_plays(method_id: str) -> None:
    play, real = player(method_id)
    play.advance()
    assert play.engine.state.status is Status.OPEN
    assert not play.finished
    before = play.played
    real.t += 1  # one demo minute
    play.advance()
    assert play.played >= before
    real.t += 24 * 3600
    play.advance()
    assert play.finished
    assert play.engine.events == tuple(play.events)
    assert replay(play.events).status is Status.FINISHED


def test_stepping_stops_at_each_phase_of_the_round() -> None:
    play, _real = player("incident")
    play.advance()
    phases_seen = []
    while not play.finished:
        play.step_phase()
        rnd = play.engine.state.round
        if rnd is not None:
            phases_seen.append(rnd.current)
    assert phases_seen[: len(set(phases_seen))] == sorted(set(phases_seen))
    method = load_registry(house=False).get("incident")
    assert max(phases_seen) == len(method.phases_for()) - 1, "the last phase is reached"


def test_one_step_is_one_event_or_one_moment() -> None:
    play, _real = player()
    play.advance()
    position = play.played
    released = play.step_event()
    assert released >= 1 and play.played == position + released


def test_speed_moves_through_the_trainer_s_choices() -> None:
    play, _real = player(speed=30)
    assert play.faster() == 60 and play.faster() == 120 and play.faster() == 120
    assert play.slower() == 60


def test_the_facilitator_s_keys_steer_the_demo_and_capturing_is_refused() -> None:
    play, real = player()
    link = DemoLink(play)
    messages: list[str] = []
    link.on_change = messages.append
    play.advance()
    link.do(cmd.Pause())
    assert play.clock.paused and messages[-1].startswith("Demo paused")
    before = link.now()
    real.t += 60
    assert link.now() == before
    link.do(cmd.Resume())
    assert not play.clock.paused
    phases = sum(isinstance(e, PhaseChanged) for e in play.engine.events)
    link.do(cmd.StartRound(method=load_registry(house=False).get("incident")))
    link.do(cmd.NextPhase())
    assert sum(isinstance(e, PhaseChanged) for e in play.engine.events) >= phases
    with pytest.raises(DomainError, match="demo"):
        link.do(cmd.AddContribution(author="anna", kind=ContributionKind.NOTE, text="x"))
    link.do(cmd.Extend(minutes=1))
    assert messages[-1] == "Demo speed: 120x"


async def settle(pilot, controller) -> None:
    """Run the demo's tick now (not waiting for its timer), then let the screens catch up."""
    controller.tick()
    await pilot.pause()
    await pilot.pause()


def stored_meetings(home) -> list:
    data = home / "data"
    if not (data / "intervisie.sqlite3").exists():  # (home's catalog may be there)
        return []
    with Store.open(data_dir=data, readonly=True) as store:
        return store.meetings()


@pilot
async def test_a_demo_plays_through_the_runner_to_the_last_phase_and_is_saved_on_request() -> None:
    from intervisie.core.settings import data_dir

    home = data_dir(None).parent
    real = Real()
    app = IntervisieApp()
    started = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        start_demo(app, "incident", real=real, on_start=started.append)
        await pilot.pause()
        assert isinstance(app.screen, DemoSpeedScreen)
        await pilot.press("down", "enter")  # one step faster than the default: 60x
        await pilot.pause()
        controller = started[0]
        assert controller.player.clock.speed == 60
        assert type(app.screen).__name__ == "RevisitScreen"
        await pilot.pause()
        assert app.screen.query(DemoBanner), "every demo screen says it is a demo"
        last = len(app.registry.get("incident").phases_for()) - 1
        for _ in range(3 * last):
            await pilot.press("n")
            await pilot.pause()
            rnd = app.link.state.round
            if rnd is not None and rnd.current == last:
                break
        assert type(app.screen).__name__ == "RunnerScreen"
        assert app.link.state.round.current == last, "the demo reaches the last phase"
        assert "10/10" in str(app.screen.query_one("#phase-name").render())
        assert stored_meetings(home) == [], "nothing is stored while the demo plays"
        real.t += 24 * 3600
        await settle(pilot, controller)
        assert controller.player.finished
        assert isinstance(app.screen, DemoSaveScreen)
        await pilot.press("s")
        await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"
    meetings = stored_meetings(home)
    assert len(meetings) == 1 and meetings[0].demo and meetings[0].finished
    assert meetings[0].id == controller.saved_as


@pilot
async def test_a_demo_not_saved_leaves_the_store_alone() -> None:
    from intervisie.core.settings import data_dir

    home = data_dir(None).parent
    real = Real()
    app = IntervisieApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        started = []
        start_demo(app, BUILTINS[-1], speed=120, real=real, on_start=started.append)
        await pilot.pause()
        assert app.link.method_id == BUILTINS[-1], "the screens name the demo's method"
        real.t += 24 * 3600
        await settle(pilot, started[0])
        assert isinstance(app.screen, DemoSaveScreen)
        await pilot.press("escape")
        await pilot.pause()
    assert stored_meetings(home) == []


class SpeedApp(App[None]):
    """Only the speed dialog, so the snapshot changes only when the dialog does."""

    def on_mount(self) -> None:
        self.push_screen(DemoSpeedScreen("Incident method", 75.5))


def test_snapshot_speed_dialog_80x24(snap_compare) -> None:
    assert snap_compare(SpeedApp(), terminal_size=(80, 24))


@pilot
async def test_home_d_starts_the_demo_of_the_highlighted_method() -> None:
    app = IntervisieApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DemoSpeedScreen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query(DemoBanner)
        assert app.link is not None and app.link.state.demo


@pilot
async def test_the_single_keys_steer_even_where_a_screen_focuses_its_text_field() -> None:
    from textual.widgets import Input

    real = Real()
    app = IntervisieApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        started = []
        start_demo(app, "roddel", speed=60, real=real, on_start=started.append)
        await pilot.pause()
        await pilot.press("n")  # revisit -> intake, whose case field takes the focus
        await settle(pilot, started[0])
        assert type(app.screen).__name__ == "IntakeScreen"
        assert not isinstance(app.focused, Input)
        await pilot.press("n")
        await settle(pilot, started[0])
        assert app.link.state.step.value == "choice" or app.link.state.round is not None
