"""A facilitator at the keyboard, for pilot tests that run meetings from home to summary.

Keys are pressed as a person presses them; what is read is what the terminal shows
(`terminal_text`, the screenshot as text), so a cut, hidden or untranslated word fails.
"""

from __future__ import annotations

from typing import Any

from pilots import terminal_text
from textual.widgets import Input, OptionList, Select

from intervisie.core.meeting.clock import FakeClock
from intervisie.tui.app.facilitator import IntervisieApp
from intervisie.tui.app.screens.confirm import ConfirmScreen
from intervisie.tui.app.screens.home import HomeScreen
from intervisie.tui.app.screens.setup import SetupScreen


def new_app() -> tuple[IntervisieApp, FakeClock]:
    clock = FakeClock()
    return IntervisieApp(clock=clock, sound=False), clock


class Facilitator:
    """Drives the app: keys, typed lines, dialogs; reads the screen."""

    def __init__(self, app: IntervisieApp, pilot: Any, clock: FakeClock) -> None:
        self.app, self.pilot, self.clock = app, pilot, clock

    @property
    def screen_text(self) -> str:
        return terminal_text(self.app)

    @property
    def key_bar(self) -> str:
        """The bottom line of the terminal: the keys that act now."""
        lines = [line for line in self.screen_text.splitlines() if line.strip()]
        return lines[-1]

    @property
    def phase_name(self) -> str:
        """The runner's "Phase 4/10  Informative questions" line."""
        found = self.app.screen.query("#phase-name")
        return str(found.first().render()) if found else ""

    async def keys(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.pilot.pause()

    async def write(self, text: str) -> None:
        """Type `text` key by key into whatever has the focus."""
        await self.pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])
        await self.pilot.pause()

    async def type(self, *lines: str) -> None:
        """`a`, each line and Enter (the field keeps the focus), then Escape."""
        await self.keys("a")
        field = self.app.focused
        assert isinstance(field, Input), field
        for line in lines:
            field.value = line
            await self.keys("enter")
        await self.keys("escape")

    async def confirm(self) -> None:
        assert isinstance(self.app.screen, ConfirmScreen), type(self.app.screen)
        await self.keys("enter")

    async def setup(self, method_id: str) -> SetupScreen:
        """From home: highlight the method and press Enter."""
        assert isinstance(self.app.screen, HomeScreen)
        methods = self.app.screen.query_one("#methods", OptionList)
        methods.highlighted = methods.get_option_index(method_id)
        await self.keys("enter")
        screen = self.app.screen
        assert isinstance(screen, SetupScreen), screen
        return screen

    async def open(
        self, method_id: str, group: str, members: str, facilitator: str | None = None
    ) -> None:
        """Setup filled in for a new group, everyone present and agreeing; ctrl+s opens."""
        screen = await self.setup(method_id)
        screen.query_one("#group-name", Input).value = group
        screen.query_one("#members", Input).value = members
        await self.pilot.pause()
        screen.fill_members()
        await self.pilot.pause()
        if facilitator is not None:
            screen.query_one("#facilitator", Select).value = facilitator
        screen.query_one("#confidentiality").select_all()
        await self.pilot.pause()
        await self.keys("ctrl+s")

    async def next_until(self, phase_name: str, limit: int = 14) -> None:
        """`n` until the runner shows the phase `phase_name`."""
        for _ in range(limit):
            if phase_name in self.phase_name:
                return
            await self.keys("n")
        raise AssertionError(f"no phase {phase_name!r} on screen:\n{self.screen_text}")
