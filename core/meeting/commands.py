"""What a facilitator (or a participant's process) asks the engine to do.

Commands are plain data, so the TUI, online participants, the demo player and the property
tests all drive the engine the same way: `Engine.execute(command)` or
`decide(state, command, now)`. `actor` is `"facilitator"` or the member id of a participant's
process; participants may only give the commands in `PARTICIPANT_COMMANDS`, for themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from attrs import field, frozen

from intervisie.core.i18n import N_
from intervisie.core.meeting.model import FACILITATOR, Case, Group
from intervisie.core.method.model import CaseKind, ContributionKind, MeetingStep, Method

EGT_CRITERIA: tuple[str, ...] = ("emotion", "shared", "time")
"""EGT: most Emotion, most Gezamenlijk (shared), most bound to a Time limit."""
EGT_RANGE = (1, 5)


def _optional_step(value: str | None) -> MeetingStep | None:
    return None if value is None else MeetingStep(value)


@frozen(kw_only=True)
class Command:
    actor: str = FACILITATOR


@frozen(kw_only=True)
class OpenMeeting(Command):
    """Meeting setup. `revisit`: the cases discussed at the group's previous meeting;
    `carried`: cases left over from then, put on this meeting's list again."""

    group: Group
    present: tuple[str, ...]
    facilitator: str
    confidentiality: tuple[str, ...]
    minutes_available: float
    facilitator_participates: bool = False
    timekeeper: str | None = None
    note_taker: str | None = None
    observer: str | None = None
    place: str = ""
    online: bool = False
    rule_profile: str = ""
    demo: bool = False
    revisit: tuple[Case, ...] = ()
    carried: tuple[Case, ...] = ()
    agreement: str = ""
    """The confidentiality agreement's wording, as shown to the members present."""


@frozen(kw_only=True)
class AcceptConfidentiality(Command):
    """A member present accepts the confidentiality agreement (one who arrived later).

    `text` None: the wording the meeting opened with."""

    member: str
    text: str | None = None


@frozen(kw_only=True)
class Arrive(Command):
    """A member arrives late, or comes back from a break. A late arrival accepts the
    confidentiality agreement on arrival (`accepts_confidentiality`)."""

    member: str
    accepts_confidentiality: bool = False


@frozen(kw_only=True)
class Leave(Command):
    """A member leaves before the end, or for a break (`on_break`: back later)."""

    member: str
    on_break: bool = False


@frozen(kw_only=True)
class RecordDetails(Command):
    """The provider, the "what came up" line, or how attendance was checked online."""

    provider: str | None = None
    what_came_up: str | None = None
    attendance_check: str | None = None


@frozen(kw_only=True)
class StartStep(Command):
    step: MeetingStep = field(converter=MeetingStep)


@frozen(kw_only=True)
class RevisitNote(Command):
    """How it went since: a note on a case from the previous meeting."""

    case_id: str
    text: str
    author: str = FACILITATOR


@frozen(kw_only=True)
class AddCase(Command):
    """A case for the list: at the meeting's intake, or in a method's own intake phase."""

    owner: str
    title: str
    description: str = ""
    kind: CaseKind | None = None


@frozen(kw_only=True)
class EditCase(Command):
    case_id: str
    title: str
    description: str = ""
    kind: CaseKind | None = None


@frozen(kw_only=True)
class Vote(Command):
    """One vote per member per choice; voting again moves the vote."""

    voter: str
    case_id: str


@frozen(kw_only=True)
class Score(Command):
    """EGT scores of one case by one member (`EGT_CRITERIA`, or the phase's criteria)."""

    scorer: str
    case_id: str
    ratings: Mapping[str, int] = field(hash=False)


@frozen(kw_only=True)
class ChooseCase(Command):
    """Settle the choice: by the tally (`case_id` None) or the facilitator's own pick."""

    case_id: str | None = None


@frozen(kw_only=True)
class StartRound(Command):
    """Apply `method` to a case. `case_id` None: the case chosen at the meeting's choice
    step, or none yet when the method has its own intake and choice phases.
    `fit_minutes`: fit the phases into these minutes."""

    method: Method
    case_id: str | None = None
    options: Mapping[str, str] | None = field(default=None, hash=False)
    order: tuple[str, ...] | None = None
    fit_minutes: float | None = None


@frozen(kw_only=True)
class NextPhase(Command):
    pass


@frozen(kw_only=True)
class PreviousPhase(Command):
    pass


@frozen(kw_only=True)
class SkipPhase(Command):
    pass


@frozen(kw_only=True)
class Pause(Command):
    pass


@frozen(kw_only=True)
class Resume(Command):
    pass


@frozen(kw_only=True)
class Extend(Command):
    minutes: float


@frozen(kw_only=True)
class NextTurn(Command):
    pass


@frozen(kw_only=True)
class AddContribution(Command):
    """Capture something in the current phase, or at a meeting `step` (when no round runs)."""

    author: str
    kind: ContributionKind = field(converter=ContributionKind)
    text: str = ""
    side: str | None = None
    ratings: Mapping[str, int] = field(factory=dict, hash=False)
    target: str | None = None
    step: MeetingStep | None = field(default=None, converter=_optional_step)


@frozen(kw_only=True)
class EditContribution(Command):
    """Change a contribution; fields left None stay as they are."""

    contribution_id: str
    text: str | None = None
    side: str | None = None
    ratings: Mapping[str, int] | None = field(default=None, hash=False)
    target: str | None = None


QUESTION_MARKS: tuple[str, ...] = ("cold", "warm", "hot")
"""The case owner's word on a question: how much it touched the case (online practice)."""
QUESTION_MARK_NAMES: Mapping[str, str] = {"cold": N_("cold"), "warm": N_("warm"), "hot": N_("hot")}
"""Each mark's name (translate with `_`)."""


@frozen(kw_only=True)
class MarkQuestion(Command):
    """The case owner marks a question cold, warm or hot (`mark` None: unmarked again)."""

    contribution_id: str
    mark: str | None = None


@frozen(kw_only=True)
class RemoveContribution(Command):
    contribution_id: str


@frozen(kw_only=True)
class Reveal(Command):
    """Show a hidden phase's contributions (default: the current phase if it hides, else
    the latest hidden phase before it)."""

    phase_id: str | None = None


@frozen(kw_only=True)
class FinishRound(Command):
    pass


@frozen(kw_only=True)
class FinishMeeting(Command):
    pass


@frozen(kw_only=True)
class Recover(Command):
    """Appended by the app on reopening a meeting that was not closed; `last_seen` is the
    meeting's last heartbeat (None if unknown)."""

    last_seen: datetime | None = None


PARTICIPANT_COMMANDS: tuple[type[Command], ...] = (
    MarkQuestion,
    AcceptConfidentiality,
    RevisitNote,
    AddCase,
    Vote,
    Score,
    AddContribution,
    EditContribution,
    RemoveContribution,
)
