"""The participant's app: a join code first, then the meeting as that member sees it.

`intervisie serve` runs it once per browser tab (`python -m intervisie.tui.participant`).
The tab can reach nothing but the meeting its code names: there is no home screen, no list
of meetings, no command palette, and the store is opened only to follow that one meeting
and add that member's own contributions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App

from intervisie.core.i18n import _
from intervisie.core.settings import data_dir as resolve_data_dir
from intervisie.core.store.database import Store, StoreError
from intervisie.core.store.joincodes import Admission, JoinCodes
from intervisie.tui.participant.codes import CodeScreen, MessageScreen
from intervisie.tui.participant.meeting import MeetingScreen
from intervisie.tui.participant.session import Gate, ParticipantSession


class ParticipantApp(App[None]):
    TITLE = "intervisie"
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self,
        data_dir: Path | str | None = None,
        *,
        clock: Any = None,
        poll_every: float = 0.25,
        delay_factor: float = 1.0,
    ) -> None:
        super().__init__()
        self.data_dir = resolve_data_dir(data_dir)
        self.clock = clock
        self.poll_every = poll_every
        self.delay_factor = delay_factor
        self.store: Store | None = None
        self.codes: JoinCodes | None = None
        self.session: ParticipantSession | None = None

    def on_mount(self) -> None:
        try:
            self.store = Store.open(data_dir=self.data_dir, create=False)
            self.codes = JoinCodes.open(self.data_dir)
        except (StoreError, OSError) as exc:
            self.push_screen(MessageScreen(_("Cannot open the meeting"), str(exc)))
            return
        self.ask_code()

    def ask_code(self, gate: Gate | None = None) -> None:
        assert self.codes is not None
        gate = gate or Gate(self.codes, self.store)
        screen = CodeScreen(
            gate,
            _("intervisie · join a meeting"),
            _("Type the join code the facilitator gave you."),
            delay_factor=self.delay_factor,
        )
        self.push_screen(screen, lambda admission: self.admitted(gate, admission))

    def admitted(self, gate: Gate, admission: Admission | None) -> None:
        assert self.store is not None and self.codes is not None
        if admission is None:
            return
        if admission.is_facilitator:
            self.notify(
                _("That is the facilitator's code: open the facilitator's address with it."),
                severity="warning",
                timeout=10,
            )
            self.ask_code(gate)
            return
        try:
            self.session = ParticipantSession(
                self.data_dir, self.store, self.codes, admission, self.clock
            )
        except StoreError as exc:
            self.push_screen(MessageScreen(_("Cannot open the meeting"), str(exc)))
            return
        self.push_screen(MeetingScreen(self.session, poll_every=self.poll_every))

    def on_unmount(self) -> None:
        if self.session is not None:
            self.session.close()
        if self.codes is not None:
            self.codes.close()
        if self.store is not None:
            self.store.close()
