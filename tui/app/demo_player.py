"""Demo mode's engine room: a sample meeting played on an accelerated clock, by hand or not.

`intervisie.core.trainers.demo.play_demo` writes the whole sample meeting in
advance (every event with
its time, on a fake clock). The player here releases those events into a fresh engine as an
accelerated clock passes their times, so the facilitator's own screens (revisit, intake, the
phase runner, closing, summary) show the meeting as it unfolds, timers included. The trainer
chooses the speed, pauses, and steps to the next phase or the next event by hand.

Nothing here touches a store: a demo is stored only when the trainer saves it (`save`), and
then as a finished demo meeting, exactly as `intervisie demo --headless` stores it.

`DemoLink` is the screens' `MeetingLink` for a demo: the facilitator's keys keep their
places but steer the demo (space pauses, `n` steps to the next phase, `t` to the next event,
`+` and `b` change the speed); anything that would capture or change the meeting is refused
with a message, since the demo's content is fixed. No Textual import: testable on its own.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from intervisie.core.i18n import _
from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.engine import DomainError, Engine
from intervisie.core.meeting.events import (
    Event,
    MeetingFinished,
    PhaseChanged,
    RoundFinished,
    RoundStarted,
    StepStarted,
)
from intervisie.core.method.model import Method
from intervisie.core.trainers.demo import DEMO_START, play_demo
from intervisie.tui.app.screens.link import MeetingLink

SPEEDS: tuple[int, ...] = (1, 5, 10, 30, 60, 120)
"""Demo minutes per real minute the trainer can choose from."""
DEFAULT_SPEED = 30

MILESTONES = (StepStarted, RoundStarted, PhaseChanged, RoundFinished, MeetingFinished)
"""Events `step_phase` stops at: where the screen a group looks at changes."""


class DemoClock:
    """Demo time: a start moment plus real seconds times the speed; it can stand still.

    `real` is a monotonic seconds source (`time.monotonic`; tests pass their own).
    """

    def __init__(
        self,
        start: datetime = DEMO_START,
        speed: float = DEFAULT_SPEED,
        real: Callable[[], float] = time.monotonic,
    ) -> None:
        self._real = real
        self._base = start
        self._since = real()
        self.speed = float(speed)
        self.paused = False

    def now(self) -> datetime:
        if self.paused:
            return self._base
        return self._base + timedelta(seconds=(self._real() - self._since) * self.speed)

    def _rebase(self, when: datetime) -> None:
        self._base = when
        self._since = self._real()

    def set_speed(self, speed: float) -> None:
        self._rebase(self.now())
        self.speed = float(speed)

    def pause(self) -> None:
        self._rebase(self.now())
        self.paused = True

    def resume(self) -> None:
        self._rebase(self._base)
        self.paused = False

    def jump(self, when: datetime) -> None:
        """Move demo time on to `when` (never back)."""
        if when > self.now():
            self._rebase(when)


class DemoPlayer:
    """The prepared events of one demo meeting, released into an engine as time passes."""

    def __init__(self, events: Sequence[Event], clock: DemoClock) -> None:
        self.events = list(events)
        self.clock = clock
        self.engine = Engine(clock)
        self.position = 0
        if self.events:
            clock.jump(self.events[0].at)

    @classmethod
    def for_method(
        cls,
        method: Method,
        *,
        seed: int = 0,
        lang: str = "en",
        speed: float = DEFAULT_SPEED,
        real: Callable[[], float] = time.monotonic,
    ) -> DemoPlayer:
        events = play_demo(method, seed=seed, lang=lang, clock=FakeClock(DEMO_START))
        return cls(events, DemoClock(DEMO_START, speed, real))

    @property
    def finished(self) -> bool:
        return self.position >= len(self.events)

    @property
    def played(self) -> int:
        return self.position

    def advance(self) -> int:
        """Release every event whose time has come; how many were released."""
        now = self.clock.now()
        start = self.position
        while self.position < len(self.events) and self.events[self.position].at <= now:
            self.position += 1
        if self.position > start:
            self.engine.receive(self.events[start : self.position])
        return self.position - start

    def _jump_to(self, index: int) -> int:
        """Move the clock to event `index` and release it with everything at that moment."""
        if index >= len(self.events):
            return 0
        self.clock.jump(self.events[index].at)
        return self.advance()

    def step_event(self) -> int:
        """On to the next event (the next contribution, turn, or phase)."""
        return self._jump_to(self.position)

    def step_phase(self) -> int:
        """On to the next milestone: a phase, a round, a meeting step, or the end."""
        for index in range(self.position, len(self.events)):
            if isinstance(self.events[index], MILESTONES):
                return self._jump_to(index)
        return self._jump_to(len(self.events) - 1)

    def faster(self) -> float:
        return self._set_speed(+1)

    def slower(self) -> float:
        return self._set_speed(-1)

    def _set_speed(self, direction: int) -> float:
        current = min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - self.clock.speed))
        index = max(0, min(len(SPEEDS) - 1, current + direction))
        self.clock.set_speed(SPEEDS[index])
        return self.clock.speed

    def toggle_pause(self) -> bool:
        """Pause or go on; True when now paused."""
        if self.clock.paused:
            self.clock.resume()
        else:
            self.clock.pause()
        return self.clock.paused

    def save(self, store) -> str:
        """Store the whole demo meeting as a demo meeting (flagged `demo`); its id."""
        return store.import_meeting(None, self.events, demo=True)


FORWARD = (
    cmd.NextPhase,
    cmd.SkipPhase,
    cmd.FinishRound,
    cmd.StartStep,
    cmd.ChooseCase,
    cmd.StartRound,
    cmd.FinishMeeting,
)
"""Commands that move a meeting on; in a demo they step to the next milestone instead."""


class DemoLink(MeetingLink):
    """The screens' link to a demo: their keys steer the player; capturing is refused.

    `on_change(message)` is called after the trainer steered, with a line to show.
    """

    def __init__(self, player: DemoPlayer) -> None:
        super().__init__(player.engine)
        self.player = player
        self.on_change: Callable[[str], None] | None = None

    def now(self) -> datetime:
        return self.player.clock.now()

    def do(self, command: cmd.Command) -> list[Event]:
        player = self.player
        if isinstance(command, cmd.Pause | cmd.Resume):
            paused = player.toggle_pause()
            self._say(_("Demo paused: space goes on.") if paused else _("Demo goes on."))
        elif isinstance(command, FORWARD):
            player.step_phase()
            self._say("")
        elif isinstance(command, cmd.NextTurn):
            player.step_event()
            self._say("")
        elif isinstance(command, cmd.Extend):
            self._say(_("Demo speed: {speed}x").format(speed=f"{player.faster():g}"))
        elif isinstance(command, cmd.PreviousPhase):
            self._say(_("Demo speed: {speed}x").format(speed=f"{player.slower():g}"))
        else:
            raise DomainError(
                _(
                    "This is a demo: its contributions are given. Space pauses, n goes to the "
                    "next phase, t to the next step, + and b change the speed."
                )
            )
        return []

    def _say(self, message: str) -> None:
        if self.on_change is not None:
            self.on_change(message)
