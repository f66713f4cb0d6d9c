"""An online meeting made by hand: a facilitator process's `LiveMeeting` and join codes."""

from __future__ import annotations

from pathlib import Path

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import SystemClock
from intervisie.core.meeting.model import Group, Member
from intervisie.core.plugins.loading import load_registry
from intervisie.core.store.database import Store
from intervisie.core.store.joincodes import JoinCodes
from intervisie.core.store.live import LiveMeeting

GROUP = Group(
    id="g-online",
    name="Sectie familierecht",
    members=(
        Member("anna", "Anna"),
        Member("bram", "Bram"),
        Member("carla", "Carla"),
        Member("daan", "Daan"),
    ),
)
PARTICIPANTS = ("bram", "carla", "daan")


class Meeting:
    """The facilitator's side of a test meeting, with a code per participant."""

    def __init__(
        self,
        data_dir: Path,
        method: str = "incident",
        group: Group = GROUP,
        online: tuple[str, ...] = PARTICIPANTS,
    ):
        """`online`: the members who get a code; everyone in the group is present, and
        the group's first member facilitates."""
        self.data_dir = data_dir
        self.store = Store.open(data_dir=data_dir)
        self.live = LiveMeeting.start(self.store, SystemClock())
        present = tuple(m.id for m in group.members)
        self.live.execute(
            cmd.OpenMeeting(
                group=group,
                present=present,
                facilitator=present[0],
                confidentiality=present,
                minutes_available=120,
                online=True,
            )
        )
        self.method = load_registry().get(method)
        self.codes = JoinCodes.open(data_dir)
        self.code = {m: self.codes.issue(self.live.meeting_id, m) for m in online}

    @property
    def id(self) -> str:
        return self.live.meeting_id

    def do(self, command: cmd.Command) -> None:
        self.live.refresh()
        self.live.execute(command)

    def start_round(self, case_owner: str = "bram") -> None:
        """Intake and choice at the meeting's own steps, then a round of the method."""
        self.do(cmd.AddCase(owner=case_owner, title="Cliënt dreigt met klacht"))
        self.do(cmd.ChooseCase(case_id=self.live.state.cases[-1].id))
        self.do(cmd.StartRound(method=self.method))

    def to_phase(self, phase_id: str) -> None:
        while self.live.state.round.phase.id != phase_id:
            self.do(cmd.NextPhase())

    def reopen(self) -> None:
        """The facilitator's app starts again on the meeting (after a crash or a close)."""
        self.live = LiveMeeting.open(self.store, self.id, SystemClock())

    def close(self) -> None:
        self.live.close()
        self.codes.close()
        self.store.close()
