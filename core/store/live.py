"""A meeting being driven: the engine's state, the store, and the events not saved yet.

This is what the TUI, `demo --headless` and participant processes hold. `execute` runs a
command through the engine and appends its events to the store, one transaction each. When the
store cannot be written (disk full, read-only folder) the events stay in `pending`, in order,
and the meeting goes on in memory: `problem` says what went wrong, and `flush()` (called again
on every command and heartbeat) tries them again. Nothing is silently dropped.

Opening an open meeting as its facilitator appends the engine's `recovered` event as of the
later of its last event and its `last_seen`, so time it was not running never counts. A second
facilitator process gets the meeting read-only and `holder` says who has it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from intervisie.core.i18n import _
from intervisie.core.meeting.clock import Clock
from intervisie.core.meeting.commands import Command
from intervisie.core.meeting.engine import Engine
from intervisie.core.meeting.events import Event
from intervisie.core.meeting.model import FACILITATOR, Case, SessionState, Status
from intervisie.core.store.database import LeaseLost, Store, StoredEvent, StoreError, paused_gc
from intervisie.core.store.lease import Holder, Lease

ANY_PARTICIPANT = "*"
"""`participant` of the participants' web server: one process that acts for every member
present (each command for its own actor, as the engine checks), never as the facilitator."""


class ReadOnlyMeeting(StoreError):
    """This process does not hold the meeting: it may look, not act."""


class LiveMeeting:
    """One meeting in one process: as its facilitator (with the lease) or a participant."""

    def __init__(
        self,
        store: Store,
        meeting_id: str,
        engine: Engine,
        *,
        lease: Lease | None,
        participant: str | None = None,
        seen: int = 0,
    ):
        self.store = store
        self.meeting_id = meeting_id
        self.engine = engine
        self.lease = lease
        self.participant = participant
        self.pending: list[Event] = []
        """Events the engine made that the store has not taken yet, oldest first."""
        self.problem: StoreError | None = None
        """The last write failure, until a flush succeeds."""
        self.recovered: bool = False
        self._seen = seen
        self._ours: set[int] = set()
        self.observers: list[Callable[[str, Event], object]] = []
        """Plugins' session observers (`intervisie_session_observers`): told of each stored
        event; their errors land in `observer_problems`, never in the meeting."""
        self.observer_problems: list[str] = []

    # -- opening ------------------------------------------------------------------------

    @classmethod
    def start(cls, store: Store, clock: Clock, *, demo: bool = False) -> LiveMeeting:
        """A new meeting held by this process; the first command is `OpenMeeting`."""
        meeting_id = store.new_meeting(demo=demo)
        return cls(store, meeting_id, Engine(clock), lease=store.acquire(meeting_id))

    @classmethod
    def open(
        cls, store: Store, meeting_id: str, clock: Clock, *, participant: str | None = None
    ) -> LiveMeeting:
        """Reopen a stored meeting: replayed, leased (or read-only), recovered if it was open.

        `participant`: a participant's process (online meetings): no lease, and the engine
        checks that its commands are that member's own.
        """
        with paused_gc():
            stored = store.stored_events(meeting_id)
            engine = Engine(clock, (s.event for s in stored))
        seen = stored[-1].seq if stored else 0
        lease = None if participant is not None else store.acquire(meeting_id)
        live = cls(store, meeting_id, engine, lease=lease, participant=participant, seen=seen)
        if lease is not None and lease.held and engine.state.status is Status.OPEN:
            live._save(engine.recover(lease.last_seen))
            live.recovered = True
        return live

    # -- state --------------------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        return self.engine.state

    @property
    def readonly(self) -> bool:
        return self.participant is None and not (self.lease is not None and self.lease.held)

    @property
    def holder(self) -> Holder | None:
        """Who holds the meeting, when this process opened it read-only."""
        return self.lease.holder if self.lease is not None else None

    # -- acting -------------------------------------------------------------------------

    def execute(self, command: Command) -> list[Event]:
        """Run a command (the engine's `DomainError` if it cannot be done) and save its events.

        Raises `ReadOnlyMeeting` when another facilitator holds the meeting. A store failure
        does not raise: the events wait in `pending` and `problem` says why.
        """
        if self.readonly:
            raise self._readonly_error()
        if self.participant is not None and not self._may_act_for(command.actor):
            raise ReadOnlyMeeting(
                _("a participant's window can only act for that participant"), self.store.path
            )
        if self.pending:  # the store is failing: keep the order, queue behind
            events = self.engine.execute(command)
            self._save(events)
            return events
        decided: list[Event] | None = None

        def decide(others: list[StoredEvent]) -> list[Event]:
            nonlocal decided
            self._take(others)
            decided = self.engine.execute(command)
            return decided

        try:
            seqs = self.store.append_decided(
                self.meeting_id, self._seen, decide, lease=self._write_lease
            )
        except LeaseLost as exc:
            self.problem = exc
            self.lease = Lease(self.meeting_id, None, holder=None)
            raise self._readonly_error() from None
        except StoreError as exc:
            if decided is None:  # nothing decided yet (the store would not even start)
                decided = self.engine.execute(command)
            self.pending.extend(decided)
            self.problem = exc
            return decided
        self._ours.update(seqs)
        if seqs:
            self._seen = seqs[-1]
        self.problem = None
        self._notify(decided or [])
        return decided or []

    def _may_act_for(self, actor: str) -> bool:
        if self.participant == ANY_PARTICIPANT:
            return actor != FACILITATOR
        return actor == self.participant

    def _notify(self, events: Sequence[Event]) -> None:
        for observer in self.observers:
            for event in events:
                try:
                    observer(self.meeting_id, event)
                except Exception as exc:
                    name = getattr(observer, "__qualname__", type(observer).__name__)
                    self.observer_problems.append(f"{name}: {type(exc).__name__}: {exc}")

    def _take(self, stored: Sequence[StoredEvent]) -> list[Event]:
        """Apply events other processes stored after the ones we have seen."""
        new = [s.event for s in stored if s.seq not in self._ours]
        if stored:
            self._seen = max(self._seen, stored[-1].seq)
        self.engine.receive(new)
        return new

    def _save(self, events: Sequence[Event]) -> None:
        self.pending.extend(events)
        self.flush()

    def flush(self) -> bool:
        """Try to store the pending events, in order; true when none is left."""
        while self.pending:
            try:
                seq = self.store.append(self.meeting_id, self.pending[0], lease=self._write_lease)
            except LeaseLost as exc:
                self.problem = exc
                self.lease = Lease(self.meeting_id, None, holder=None)
                return False
            except StoreError as exc:
                self.problem = exc
                return False
            self._notify([self.pending.pop(0)])
            self._ours.add(seq)
            if seq == self._seen + 1:
                self._seen = seq
        self.problem = None
        return True

    @property
    def _write_lease(self) -> Lease | None:
        return None if self.participant is not None else self.lease

    def heartbeat(self) -> bool:
        """Every 15 s while the app runs: `last_seen` now, and pending events again.

        False when the lease was lost (another facilitator took over): go read-only.
        """
        self.flush()
        if self.lease is None or not self.lease.held:
            return self.participant is not None
        try:
            if self.store.heartbeat(self.lease):
                return True
        except StoreError as exc:
            self.problem = exc
            return True
        self.lease = Lease(self.meeting_id, None, holder=None)
        return False

    def refresh(self) -> list[Event]:
        """Apply events other processes stored since we last looked (participants, viewers).

        Our own events are already in the engine, so they are skipped; events of others
        that were stored between ours are applied after them.
        """
        return self._take(self.store.stored_events(self.meeting_id, after=self._seen))

    def close(self) -> None:
        """Leave the meeting: last try to save, then give the lease back (not if unsaved).

        A meeting that never got an event (setup abandoned) is removed from the store."""
        self.flush()
        if self.lease is not None and self.lease.held and not self.pending:
            try:
                if not self.engine.events:
                    self.store.forget_if_empty(self.meeting_id)
                else:
                    self.store.release(self.lease)
            except StoreError as exc:
                self.problem = exc

    def _readonly_error(self) -> ReadOnlyMeeting:
        holder = self.holder
        if holder is None:
            return ReadOnlyMeeting(
                _("meeting {id} is held by another facilitator process").format(id=self.meeting_id),
                self.store.path,
            )
        return ReadOnlyMeeting(
            _(
                "meeting {id} is held by another facilitator process (pid {pid} on {host}); "
                "it is open read-only here"
            ).format(id=self.meeting_id, pid=holder.pid, host=holder.host),
            self.store.path,
        )


def previous_cases(
    store: Store, group_id: str, before: str | None = None
) -> tuple[tuple[Case, ...], tuple[Case, ...]]:
    """For a new meeting of the group: the cases its previous meeting discussed (to revisit,
    in the order their rounds ran) and those it left over (to offer again, in the order they
    were named), as `OpenMeeting(revisit=..., carried=...)` takes them. A purged previous
    meeting gives its cases with the purge marker as title."""
    previous = store.previous_meeting(group_id, before=before)
    if previous is None:
        return (), ()
    state = store.replay(previous)
    discussed = (state.case(case_id) for case_id in state.discussed_case_ids())
    revisit = tuple(case for case in discussed if case is not None)
    return revisit, state.leftover_cases()
