"""The meeting model: who meets, what they bring in, and what a meeting holds so far.

`Member`, `Group` and `Case` are data carried inside events (a meeting replays without the
store's group table). `SessionState` and its parts are what the engine's fold produces: frozen,
comparable snapshots that screens render and reports read. Nothing here knows about time
passing; `intervisie.core.meeting.timing` derives elapsed and remaining time from a state and `now`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

from attrs import field, frozen

from intervisie.core.meeting.timing import Stopwatch
from intervisie.core.method.model import (
    CaseKind,
    ContributionKind,
    MeetingStep,
    Method,
    Phase,
    TurnMode,
)

FACILITATOR = "facilitator"
"""The actor of commands the facilitator's process gives (a member id otherwise)."""


@frozen
class Member:
    """A member of a group; `id` is stable across meetings (the store keeps the group)."""

    id: str
    name: str


@frozen
class Group:
    id: str
    name: str
    members: tuple[Member, ...] = ()

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)

    def name_of(self, member_id: str) -> str:
        member = self.member(member_id)
        return member.name if member is not None else member_id


@frozen
class Case:
    """A problem a member brings in. Title and description are case content (purged)."""

    id: str
    owner: str
    title: str
    description: str = ""
    kind: CaseKind | None = None


class Status(StrEnum):
    NOT_OPENED = "not_opened"
    OPEN = "open"
    FINISHED = "finished"


@frozen
class Contribution:
    """What a phase or meeting step captured.

    Made either in a round's phase (`round_id`, `phase_id`) or at one of the meeting's own
    steps (`step`). `hidden` is true while its phase hides contributions until the reveal.
    `target` points at a case (votes, scores, revisit notes) or at another contribution (a
    rating of a force).
    """

    id: str
    author: str
    kind: ContributionKind
    text: str
    created: datetime
    edited: datetime | None = None
    step: MeetingStep | None = None
    round_id: str | None = None
    phase_id: str | None = None
    side: str | None = None
    ratings: Mapping[str, int] = field(factory=dict, hash=False)
    lens: str | None = None
    target: str | None = None
    hidden: bool = False
    mark: str | None = None
    """A question's mark from the case owner: `cold`, `warm` or `hot`."""


@frozen
class Choice:
    """How a round's case was chosen: by votes, EGT scores, or the facilitator."""

    case_id: str
    owner: str
    by: str
    """`vote`, `score`, `facilitator` or `only` (a single case on the list)."""
    tied: tuple[str, ...] = ()
    """The case ids that tied for first place; the first added of them won."""
    tally: Mapping[str, float] = field(factory=dict, hash=False)


@frozen
class PhaseRun:
    """One phase of a round as it is being run."""

    phase: Phase
    planned_minutes: float
    """Fitted minutes (the method's own when the round was not fitted)."""
    extension_minutes: float = 0
    clock: Stopwatch = field(factory=Stopwatch)
    """Running time in this phase, over every visit."""
    visited: bool = False
    skipped: bool = False
    revealed: bool = False
    speakers: tuple[str, ...] = ()
    """Who may take a turn, in order, as recorded when the round started."""
    owner_skips_turn: bool = False
    """The case owner, when there is one as the phase starts, is left out of `speakers`."""
    turns: tuple[str, ...] = ()
    """Member ids in speaking order (turn mode `each` or `lens`), set when the phase is
    first entered; empty for open talk."""
    turn: int = 0
    """Index into `turns` of whose turn it is; `len(turns)` once all have spoken."""
    turn_clock: Stopwatch = field(factory=Stopwatch)

    @property
    def id(self) -> str:
        return self.phase.id

    @property
    def current_speaker(self) -> str | None:
        return self.turns[self.turn] if self.turn < len(self.turns) else None

    @property
    def turn_minutes(self) -> float | None:
        """Planned minutes of one turn, or None in a phase without turns."""
        if not self.turns or self.phase.turn_mode is TurnMode.NONE:
            return None
        return (self.planned_minutes + self.extension_minutes) / len(self.turns)


@frozen
class Round:
    """One method applied to one case."""

    id: str
    method: Method
    method_document: Mapping[str, Any] = field(hash=False, eq=False)
    """As stored in `round_started`: replays and reports without the plugin."""
    options: Mapping[str, str] = field(factory=dict, hash=False)
    phases: tuple[PhaseRun, ...] = ()
    current: int = 0
    case_id: str | None = None
    owner: str | None = None
    participants: tuple[str, ...] = ()
    lenses: Mapping[str, tuple[str, ...]] = field(factory=dict, hash=False)
    """Lens id to the member ids holding it (assigned-lens mode)."""
    fit_minutes: float | None = None
    started: datetime | None = None
    finished: datetime | None = None
    clock: Stopwatch = field(factory=Stopwatch)
    choice: Choice | None = None

    @property
    def is_open(self) -> bool:
        return self.finished is None

    @property
    def phase(self) -> PhaseRun:
        return self.phases[self.current]

    def phase_run(self, phase_id: str) -> PhaseRun:
        for run in self.phases:
            if run.id == phase_id:
                return run
        raise KeyError(phase_id)

    def phase_index(self, phase_id: str) -> int:
        for i, run in enumerate(self.phases):
            if run.id == phase_id:
                return i
        raise KeyError(phase_id)

    @property
    def planned_minutes(self) -> float:
        return sum(r.planned_minutes + r.extension_minutes for r in self.phases if not r.skipped)


@frozen
class PresenceChange:
    """A member's arrival or departure while the meeting ran."""

    member: str
    what: str
    """`arrived`, `left`, `break` or `back`."""
    at: datetime


@frozen
class SessionState:
    """A meeting as the fold of its events; `SessionState()` is the state before any."""

    status: Status = Status.NOT_OPENED
    group: Group | None = None
    present: tuple[str, ...] = ()
    facilitator: str = ""
    facilitator_participates: bool = False
    timekeeper: str | None = None
    note_taker: str | None = None
    observer: str | None = None
    confidentiality: tuple[str, ...] = ()
    """Members who accepted the confidentiality agreement (at the opening or on arrival)."""
    agreement: str = ""
    """The agreement's wording as last accepted ("" in meetings stored before it was kept)."""
    agreed: Mapping[str, datetime] = field(factory=dict, hash=False)
    """When each member accepted the agreement (only meetings that record acceptances)."""
    minutes_available: float = 0
    place: str = ""
    online: bool = False
    rule_profile: str = ""
    demo: bool = False
    step: MeetingStep | None = None
    """The meeting's own step; None while a round runs."""
    revisit: tuple[Case, ...] = ()
    cases: tuple[Case, ...] = ()
    contributions: tuple[Contribution, ...] = ()
    rounds: tuple[Round, ...] = ()
    chosen: Choice | None = None
    named_in: Mapping[str, tuple[str, str]] = field(factory=dict, hash=False)
    """Cases named in a method's own intake phase: case id to (round id, phase id)."""
    closed_choices: frozenset[str] = field(factory=frozenset, hash=False)
    """Votes and scores of the meeting's choice steps that a started round settled: the next
    choice starts afresh (a vote of round 1 never counts for round 2)."""
    """The case chosen at the meeting's choice step for the next round."""
    paused: bool = False
    recovered: tuple[datetime, ...] = ()
    """When the meeting was found not closed and paused (crash recovery)."""
    clock: Stopwatch = field(factory=Stopwatch)
    opened: datetime | None = None
    finished: datetime | None = None
    last_at: datetime | None = None
    """The latest event time seen; a clock that went back never moves time back past it."""
    event_count: int = 0
    next_ids: Mapping[str, int] = field(factory=dict, hash=False)
    attendance: Mapping[str, Stopwatch] = field(factory=dict, hash=False)
    """Each member ever present: their own running time (absences and pauses left out)."""
    on_break: tuple[str, ...] = ()
    presence: tuple[PresenceChange, ...] = ()
    provider: str = ""
    what_came_up: str = ""
    attendance_check: str = ""

    # -- lookups ----------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.status is Status.OPEN

    @property
    def participants(self) -> tuple[str, ...]:
        """Members present who take part (the facilitator only if they participate)."""
        if self.facilitator_participates:
            return self.present
        return tuple(m for m in self.present if m != self.facilitator)

    @property
    def attended(self) -> tuple[str, ...]:
        """Every member who was present at some time, in order of arrival."""
        return tuple(self.attendance)

    @property
    def took_part(self) -> tuple[str, ...]:
        """Members who took part at some time (the facilitator only if they participate)."""
        if self.facilitator_participates:
            return self.attended
        return tuple(m for m in self.attended if m != self.facilitator)

    @property
    def round(self) -> Round | None:
        """The open round, if one runs."""
        if self.rounds and self.rounds[-1].is_open:
            return self.rounds[-1]
        return None

    def case(self, case_id: str) -> Case | None:
        return next((c for c in self.cases if c.id == case_id), None)

    def revisit_case(self, case_id: str) -> Case | None:
        return next((c for c in self.revisit if c.id == case_id), None)

    def contribution(self, contribution_id: str) -> Contribution | None:
        return next((c for c in self.contributions if c.id == contribution_id), None)

    def round_by_id(self, round_id: str) -> Round | None:
        return next((r for r in self.rounds if r.id == round_id), None)

    def contributions_in(
        self,
        round_id: str | None = None,
        phase_id: str | None = None,
        step: MeetingStep | None = None,
    ) -> tuple[Contribution, ...]:
        """Every contribution made in a round (optionally one phase of it) or a meeting step."""
        if step is not None:
            return tuple(c for c in self.contributions if c.step is step)
        return tuple(
            c
            for c in self.contributions
            if c.round_id == round_id and (phase_id is None or c.phase_id == phase_id)
        )

    def discussed_case_ids(self) -> tuple[str, ...]:
        """Cases that had a round: the next meeting revisits these."""
        return tuple(r.case_id for r in self.rounds if r.case_id is not None)

    def average_ratings(self, target: str) -> dict[str, Average]:
        """The group's ratings of one contribution (a force), averaged per criterion, in the
        order the criteria were first rated. The force field and the reports show these."""
        return average_scores(
            c
            for c in self.contributions
            if c.kind is ContributionKind.RATING and c.target == target
        )

    def eligible_cases(self) -> tuple[Case, ...]:
        """The cases that can still be chosen, in the order they were named: on the list,
        no finished round yet, and their owner present to bring them in."""
        done = {r.case_id for r in self.rounds if r.case_id is not None and not r.is_open}
        return tuple(c for c in self.cases if c.id not in done and c.owner in self.present)

    def choice_contributions(
        self, round_id: str | None = None, phase_id: str | None = None
    ) -> tuple[Contribution, ...]:
        """The votes and scores of the choice open now: a round's choice phase, or the
        meeting's choice step since the last round started."""
        if round_id is not None:
            return self.contributions_in(round_id, phase_id)
        closed = self.closed_choices
        return tuple(
            c for c in self.contributions_in(step=MeetingStep.CHOICE) if c.id not in closed
        )

    def tally(self, round_id: str | None = None, phase_id: str | None = None) -> Tally:
        """The choice as counted so far: at a round's choice phase (`round_id`, `phase_id`),
        or at the meeting's own choice step (no round)."""
        cases = self.eligible_cases()
        ids = [case.id for case in cases]
        made = tuple(m for m in self.choice_contributions(round_id, phase_id) if m.target in ids)
        votes = {m.author: m.target for m in made if m.kind is ContributionKind.VOTE}
        scores = [m for m in made if m.kind is ContributionKind.SCORE]
        points: dict[str, float] = {}
        by = ""
        if votes:
            by = "vote"
            for vote in made:
                if vote.kind is ContributionKind.VOTE and vote.target is not None:
                    points[vote.target] = points.get(vote.target, 0) + 1
        elif scores:
            by = "score"
            for score in scores:
                if score.target is not None:
                    points[score.target] = points.get(score.target, 0) + sum(score.ratings.values())
        elif len(cases) == 1:
            by = "only"
        if by == "only":
            tied: tuple[str, ...] = (cases[0].id,)
        elif points:
            best = max(points.values())
            tied = tuple(cid for cid in ids if points.get(cid) == best)
        else:
            tied = ()
        chose = {m.author for m in made}
        return Tally(
            cases=cases,
            by=by,
            points=points,
            tied=tied,
            votes={k: v for k, v in votes.items() if v is not None},
            waiting=tuple(member for member in self.present if member not in chose),
        )

    def leftover_cases(self) -> tuple[Case, ...]:
        """Cases on the list that had no round: the next meeting offers them again."""
        done = set(self.discussed_case_ids())
        return tuple(c for c in self.cases if c.id not in done)


@frozen
class Average:
    """The mean of several ratings on one criterion, and how many it holds."""

    value: float
    count: int


@frozen
class Tally:
    """A choice counted so far: the cases it is between and the points each has.

    Votes count when there are any, else the EGT scores summed; with a single case on the
    list and nothing cast, that case is the `only` one. The screens, the participants' page
    and the engine (which settles the choice with it) all count with this one rule.
    """

    cases: tuple[Case, ...]
    """The eligible cases, in the order they were named (`SessionState.eligible_cases`)."""
    by: str
    """`vote`, `score`, `only`, or "" while nothing decides yet."""
    points: Mapping[str, float] = field(factory=dict, hash=False)
    """Case id to points, for the cases that got any (as `CaseChosen.tally` records them)."""
    tied: tuple[str, ...] = ()
    """The cases with the most points, in the order named; the first of them wins."""
    votes: Mapping[str, str] = field(factory=dict, hash=False)
    """Member id to the case their vote is for."""
    waiting: tuple[str, ...] = ()
    """Present members who have neither voted nor scored yet, in the order present."""

    def points_of(self, case_id: str) -> float:
        return self.points.get(case_id, 0)

    @property
    def winner(self) -> str | None:
        return self.tied[0] if self.tied else None


def one_per_author(contributions: Iterable[Contribution]) -> tuple[Contribution, ...]:
    """Each author's latest of `contributions` (scores of one thing): an average of them
    counts every person once, however often they entered or corrected a score."""
    latest: dict[str, Contribution] = {}
    for c in contributions:
        latest.pop(c.author, None)
        latest[c.author] = c
    return tuple(latest.values())


def average_scores(contributions: Iterable[Contribution]) -> dict[str, Average]:
    """The scores of `contributions` averaged per criterion, each author's latest counted
    once, in the order the criteria were first scored: a force's ratings, a phase's or the
    closing's evaluations. Screens and reports show these; they do not count themselves."""
    values: dict[str, list[int]] = {}
    for c in one_per_author(contributions):
        for criterion, value in c.ratings.items():
            values.setdefault(criterion, []).append(value)
    return {k: Average(sum(v) / len(v), len(v)) for k, v in values.items()}


@frozen
class View:
    """What one viewer may see of a phase: visible contributions and how many are hidden."""

    visible: tuple[Contribution, ...]
    hidden_count: int


def view_contributions(
    state: SessionState, round_id: str, phase_id: str, viewer: str | None = None
) -> View:
    """Contributions of a phase as `viewer` sees them (None: the shared screen).

    Until the facilitator reveals a hidden phase, others see only the count; authors always
    see their own.
    """
    visible, hidden = [], 0
    for c in state.contributions_in(round_id, phase_id):
        if c.hidden and c.author != viewer:
            hidden += 1
        else:
            visible.append(c)
    return View(tuple(visible), hidden)


def revealed_before(state: SessionState, round_id: str, phase_id: str) -> tuple[Contribution, ...]:
    """What was written in the hidden phase right before `phase_id`, once it is revealed.

    The round after a private writing phase (the incident method's approaches) is where the
    written texts are read out and used, so it shows them; before the reveal it shows none.
    """
    rnd = state.round_by_id(round_id)
    if rnd is None:
        return ()
    index = rnd.phase_index(phase_id)
    if index == 0:
        return ()
    before = rnd.phases[index - 1]
    if not before.phase.hidden_until_reveal or not before.revealed:
        return ()
    return state.contributions_in(round_id, before.id)


@frozen
class ForceFieldFacts:
    """What a round's force field holds besides the forces and their ratings."""

    goal: str
    """The desired situation (the last goal named), or '' before it is named."""
    marks: Mapping[str, str]
    """Force id -> the id of the mark that makes it one of the strongest."""
    actions: tuple[Contribution, ...]
    """Actions in the order named, each pointing at its force."""
    picks: Mapping[str, str]
    """Action id -> the id of the owner's pick of it."""


def force_field_facts(state: SessionState, round_id: str) -> ForceFieldFacts:
    """The goal, the strongest forces, the actions and the owner's picks of one round."""
    goal = ""
    marks: dict[str, str] = {}
    actions: list[Contribution] = []
    picks: dict[str, str] = {}
    for c in state.contributions_in(round_id):
        if c.kind is ContributionKind.GOAL:
            goal = c.text
        elif c.kind is ContributionKind.MARK and c.target is not None:
            marks.setdefault(c.target, c.id)
        elif c.kind is ContributionKind.ACTION:
            actions.append(c)
        elif c.kind is ContributionKind.PICK and c.target is not None:
            picks.setdefault(c.target, c.id)
    return ForceFieldFacts(goal, marks, tuple(actions), picks)
