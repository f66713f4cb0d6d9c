"""Property tests: whatever a facilitator does, in any order, the engine keeps its promises.

Time is never negative, an open round has exactly one current phase, going back or skipping
loses no contribution, hidden contributions stay hidden until revealed, and replaying the
events (also after a trip through JSON) gives the same state. Refused commands change nothing.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.engine import DomainError, Engine, replay
from intervisie.core.meeting.events import event_from_dict, event_to_dict, redact
from intervisie.core.meeting.model import Case, Group, Member, view_contributions
from intervisie.core.meeting.timing import meeting_timer, phase_timer, turn_timer
from intervisie.core.method.model import ContributionKind, MeetingStep

from .conftest import make_case_method, make_choosing_method, make_lens_method

MEMBERS = ("anna", "bram", "carla", "daan", "eva")
METHODS = (make_choosing_method(), make_case_method(), make_lens_method())
member = st.sampled_from(MEMBERS)
author = st.sampled_from((*MEMBERS, "facilitator"))
texts = st.sampled_from(("", "Wat gebeurde er?", "I would call", "Angst", "x" * 3))
case_ids = st.sampled_from(("c1", "c2", "c3", "c9"))
sides = st.sampled_from((None, "restraining", "driving", "up"))
ratings = st.dictionaries(
    st.sampled_from(("intensity", "process", "emotion", "shared", "time", "mood")),
    st.integers(-1, 11),
    max_size=3,
)


class Meeting(RuleBasedStateMachine):
    @initialize(
        present=st.lists(member, min_size=1, unique=True),
        revisit=st.booleans(),
    )
    def open(self, present, revisit):
        self.clock = FakeClock(datetime(2026, 3, 5, 14, 0, tzinfo=UTC))
        self.engine = Engine(self.clock)
        self.engine.execute(
            cmd.OpenMeeting(
                group=Group("g", "G", tuple(Member(m, m.title()) for m in MEMBERS)),
                present=tuple(present),
                confidentiality=tuple(present),
                facilitator="Fenna",
                minutes_available=90,
                revisit=(Case("old", present[0], "Last time"),) if revisit else (),
                carried=(Case("left", present[-1], "Left over"),),
            )
        )
        self.alive: set[str] = set()

    def run(self, command: cmd.Command) -> None:
        before, events = self.engine.state, self.engine.events
        try:
            new = self.engine.execute(command)
        except DomainError as exc:
            assert str(exc)
            assert self.engine.state == before and self.engine.events == events
            return
        for event in new:
            if event.type == "contribution_added":
                self.alive.add(event.contribution_id)
            elif event.type == "contribution_removed":
                self.alive.discard(event.contribution_id)

    # -- time ---------------------------------------------------------------------------

    @rule(minutes=st.floats(-20, 30, allow_nan=False))
    def time_passes(self, minutes):
        self.clock.advance(minutes=minutes)

    @rule()
    def pause(self):
        self.run(cmd.Pause())

    @rule()
    def resume(self):
        self.run(cmd.Resume())

    @rule(minutes=st.sampled_from((-1, 0, 2, 5, 500)))
    def extend(self, minutes):
        self.run(cmd.Extend(minutes=minutes))

    @rule(back=st.integers(0, 120), dice=st.integers(0, 4))
    def recover(self, back, dice):
        last = self.engine.state.last_at
        if last is not None and dice == 0:
            from datetime import timedelta

            self.run(cmd.Recover(last_seen=last + timedelta(seconds=back)))

    # -- cases --------------------------------------------------------------------------

    @rule(owner=member, title=texts)
    def add_case(self, owner, title):
        self.run(cmd.AddCase(owner=owner, title=title))

    @rule(voter=member, case_id=case_ids)
    def vote(self, voter, case_id):
        self.run(cmd.Vote(voter=voter, case_id=case_id))

    @rule(scorer=member, case_id=case_ids, scores=ratings)
    def score(self, scorer, case_id, scores):
        self.run(cmd.Score(scorer=scorer, case_id=case_id, ratings=scores))

    @rule(case_id=st.one_of(st.none(), case_ids))
    def choose(self, case_id):
        self.run(cmd.ChooseCase(case_id=case_id))

    @rule(step=st.sampled_from(MeetingStep))
    def start_step(self, step):
        self.run(cmd.StartStep(step=step))

    # -- rounds -------------------------------------------------------------------------

    @rule(
        method=st.sampled_from(METHODS),
        case_id=st.one_of(st.none(), case_ids),
        fit=st.sampled_from((None, 10, 45, 200)),
    )
    def start_round(self, method, case_id, fit):
        self.run(cmd.StartRound(method=method, case_id=case_id, fit_minutes=fit))

    @rule(move=st.sampled_from((cmd.NextPhase, cmd.PreviousPhase, cmd.SkipPhase, cmd.NextTurn)))
    def navigate(self, move):
        self.run(move())

    @rule(method=st.sampled_from(METHODS[1:]))
    def start_round_on_a_listed_case(self, method):
        cases = self.engine.state.cases
        if cases:
            self.run(cmd.StartRound(method=method, case_id=cases[-1].id))

    @rule(steps=st.integers(1, 5))
    def walk_forward(self, steps):
        for _ in range(steps):
            self.run(cmd.NextPhase())

    @rule()
    def next_turn(self):
        self.run(cmd.NextTurn())

    @rule(phase_id=st.sampled_from((None, "write", "case")))
    def reveal(self, phase_id):
        self.run(cmd.Reveal(phase_id=phase_id))

    @rule()
    def finish_round(self):
        self.run(cmd.FinishRound())

    @rule(dice=st.integers(0, 9))
    def finish_meeting(self, dice):
        if dice == 0:  # rarely: most of what is worth testing happens before the end
            self.run(cmd.FinishMeeting())

    # -- contributions ------------------------------------------------------------------

    @rule(
        who=author,
        kind=st.sampled_from(ContributionKind),
        text=texts,
        side=sides,
        scores=ratings,
        step=st.sampled_from((None, None, *MeetingStep)),
    )
    def contribute(self, who, kind, text, side, scores, step):
        self.run(
            cmd.AddContribution(
                author=who, kind=kind, text=text, side=side, ratings=scores, step=step
            )
        )

    @rule(data=st.data(), who=author)
    def contribute_what_fits(self, data, who):
        """Mostly valid captures, so hidden phases and edits get exercised too."""
        rnd = self.engine.state.round
        if rnd is None:
            return
        phase = rnd.phase.phase
        kind = data.draw(st.sampled_from(sorted(phase.accepts())))
        side = data.draw(st.sampled_from([s.id for s in phase.sides])) if phase.sides else None
        scores = {c.id: data.draw(st.integers(c.min, c.max)) for c in phase.criteria}
        self.run(
            cmd.AddContribution(
                author=who,
                kind=kind,
                text="Something said",
                side=side,
                ratings=scores
                if kind in (ContributionKind.RATING, ContributionKind.EVALUATION)
                else {},
            )
        )

    @rule(data=st.data(), text=texts)
    def edit(self, data, text):
        ids = sorted(self.alive) or ["k1"]
        self.run(cmd.EditContribution(contribution_id=data.draw(st.sampled_from(ids)), text=text))

    @rule(data=st.data())
    def remove(self, data):
        ids = sorted(self.alive) or ["k1"]
        self.run(cmd.RemoveContribution(contribution_id=data.draw(st.sampled_from(ids))))

    @rule(data=st.data(), who=member)
    def participant_acts(self, data, who):
        ids = sorted(self.alive) or ["k1"]
        self.run(cmd.RemoveContribution(actor=who, contribution_id=data.draw(st.sampled_from(ids))))

    # -- invariants ---------------------------------------------------------------------

    @invariant()
    def time_is_never_negative(self):
        state, now = self.engine.state, self.clock.now()
        timers = [
            meeting_timer(state, now),
            phase_timer(state, now),
            turn_timer(state, now),
        ]
        for timer in timers:
            if timer is not None:
                assert timer.elapsed >= 0
        for rnd in state.rounds:
            assert rnd.clock.seconds(now) >= 0
            for run in rnd.phases:
                assert run.clock.banked >= 0 and run.turn_clock.banked >= 0

    @invariant()
    def an_open_round_has_exactly_one_current_phase(self):
        state = self.engine.state
        rnd = state.round
        open_rounds = [r for r in state.rounds if r.is_open]
        assert len(open_rounds) <= 1
        running = [run for r in state.rounds for run in r.phases if run.clock.running]
        if rnd is None:
            assert running == []
            return
        assert 0 <= rnd.current < len(rnd.phases)
        assert rnd.phase.visited
        if state.paused:
            assert running == []
        else:
            assert running == [rnd.phase]

    @invariant()
    def no_contribution_is_lost(self):
        assert {c.id for c in self.engine.state.contributions} == self.alive

    @invariant()
    def hidden_stay_hidden_until_revealed(self):
        state = self.engine.state
        for rnd in state.rounds:
            for run in rnd.phases:
                made = state.contributions_in(rnd.id, run.id)
                if run.phase.hidden_until_reveal and not run.revealed:
                    assert all(c.hidden for c in made)
                    view = view_contributions(state, rnd.id, run.id)
                    assert view.visible == () and view.hidden_count == len(made)
                    for c in made:
                        assert c in view_contributions(state, rnd.id, run.id, c.author).visible
                else:
                    assert not any(c.hidden for c in made)

    @invariant()
    def replay_gives_the_same_state(self):
        events = self.engine.events
        assert replay(events) == self.engine.state
        again = [event_from_dict(json.loads(json.dumps(event_to_dict(e)))) for e in events]
        assert replay(again) == self.engine.state

    @invariant()
    def a_purged_meeting_still_replays(self):
        state = replay([redact(e) for e in self.engine.events])
        assert len(state.contributions) == len(self.engine.state.contributions)
        assert [r.phases for r in state.rounds] == [r.phases for r in self.engine.state.rounds]


Meeting.TestCase.settings = settings(
    max_examples=min(settings.default.max_examples, 150),
    deadline=None,
    stateful_step_count=50,
    suppress_health_check=[HealthCheck.too_slow],
)
TestMeeting = Meeting.TestCase
