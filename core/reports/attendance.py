"""Who attended a meeting, when, where and how long: what certificates and the ledger need.

Attendance is what happened: each member's own minutes come from their arrivals,
departures and breaks (events), not from who was ticked when the meeting opened. An
`Attendance` is read from a meeting's replayed state and holds no case content at all
(no case titles, descriptions or contributions), so a certificate built from it cannot leak
a case, and a purged meeting gives the same attendance as before the purge.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from attrs import field, frozen

from intervisie.core.meeting.model import PresenceChange, SessionState, Status
from intervisie.core.method.model import Text


@frozen
class Attendee:
    """A group's member at one meeting (the person behind them: `reports.people`)."""

    id: str
    name: str


Person = Attendee
"""The first name of `Attendee`, kept for callers that import it."""


@frozen
class Attendance:
    """One meeting as proof of attendance: structure and people, never content.

    `minutes` is the time the meeting ran with pauses left out; `started` and `ended` are
    the wall-clock times (UTC) it opened and finished, so breaks are their difference.
    """

    meeting_id: str
    group: str
    """The group's name."""
    group_id: str
    """Member ids are the group's own (`m1`, `m2`, ...): a person is a group id and a member id."""
    started: datetime
    ended: datetime | None
    minutes: float
    place: str
    online: bool
    methods: tuple[Text, ...]
    """The names of the methods run, in order, each once."""
    rounds: int
    facilitator: Person
    facilitator_is_member: bool
    facilitator_participates: bool
    participants: tuple[Person, ...]
    """Members who took part at some time; the facilitator only if they took part too."""
    present: tuple[Person, ...]
    """Everyone who was present at some time."""
    confidentiality: bool
    """Everyone present accepted the confidentiality agreement."""
    rule_profile: str
    demo: bool
    finished: bool
    minutes_of: Mapping[str, float] = field(factory=dict, hash=False)
    """Each member's own minutes present (pauses of the meeting left out)."""
    presence: tuple[PresenceChange, ...] = ()
    """Late arrivals, departures, breaks and returns, in order."""
    provider: str = ""
    what_came_up: str = ""
    attendance_check: str = ""
    case_owners: frozenset[str] = frozenset()
    """Members who brought in a case (not what it was)."""

    def own_minutes(self, member_id: str) -> float:
        return self.minutes_of.get(member_id, self.minutes)

    def changes_of(self, member_id: str) -> tuple[PresenceChange, ...]:
        return tuple(c for c in self.presence if c.member == member_id)

    @property
    def break_minutes(self) -> float:
        if self.ended is None:
            return 0.0
        return max((self.ended - self.started).total_seconds() / 60 - self.minutes, 0.0)


class NotOpened(ValueError):
    """The meeting was never opened: there is nothing to attest."""


def attendance_of(state: SessionState, meeting_id: str = "", *, demo: bool = False) -> Attendance:
    """The attendance record of a meeting from its replayed state.

    `demo`: the store flags the meeting as a demo (a demo stays a demo even if its events
    were to say otherwise).
    """
    if state.status is Status.NOT_OPENED or state.group is None or state.opened is None:
        raise NotOpened(meeting_id)
    group = state.group
    ended = state.finished if state.status is Status.FINISHED else None
    seconds = state.clock.seconds(ended or state.last_at or state.opened)
    methods: list[Text] = []
    seen: set[str] = set()
    for rnd in state.rounds:
        if rnd.method.id not in seen:
            seen.add(rnd.method.id)
            methods.append(rnd.method.name)
    facilitator = Person(state.facilitator, group.name_of(state.facilitator))
    until = ended or state.last_at or state.opened
    return Attendance(
        meeting_id=meeting_id,
        group=group.name,
        group_id=group.id,
        started=state.opened,
        ended=ended,
        minutes=seconds / 60,
        place=state.place,
        online=state.online,
        methods=tuple(methods),
        rounds=len(state.rounds),
        facilitator=facilitator,
        facilitator_is_member=group.member(state.facilitator) is not None,
        facilitator_participates=state.facilitator_participates,
        participants=tuple(Person(m, group.name_of(m)) for m in state.took_part),
        present=tuple(Person(m, group.name_of(m)) for m in state.attended),
        confidentiality=bool(state.attended)
        and all(m in state.confidentiality for m in state.attended),
        rule_profile=state.rule_profile,
        demo=state.demo or demo,
        finished=state.status is Status.FINISHED,
        minutes_of={m: w.seconds(until) / 60 for m, w in state.attendance.items()},
        presence=state.presence,
        provider=state.provider,
        what_came_up=state.what_came_up,
        attendance_check=state.attendance_check,
        case_owners=frozenset(c.owner for c in state.cases),
    )
