"""What a participant's line means in each kind of phase, and what they may add there."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.method.model import ContributionKind, MeetingStep
from intervisie.tui.participant.view import BadInput, Capture, command_for, participant_view

sys.path.insert(0, str(Path(__file__).parent))
from online_helpers import Meeting

K = ContributionKind


@pytest.fixture
def forces(tmp_path):
    meeting = Meeting(tmp_path / "data", method="krachtenveld")
    meeting.start_round(case_owner="bram")
    yield meeting
    meeting.close()


def act(meeting: Meeting, member: str, line: str) -> None:
    view = participant_view(meeting.live.state, member, "en")
    assert view.capture is not None, view.why_not
    meeting.do(command_for(view.capture, member, line))


def test_forces_then_ratings_as_the_phase_asks(forces):
    forces.to_phase("restraining")
    view = participant_view(forces.live.state, "carla", "en")
    assert view.capture.capture is Capture.FORCE
    act(forces, "carla", "1 Tijdsdruk")
    act(forces, "bram", "1 Angst voor conflict")  # the owner joins in here
    forces.to_phase("rate")
    view = participant_view(forces.live.state, "daan", "en")
    assert view.capture.capture is Capture.RATING
    assert [name for _id, name in view.capture.choices] == ["Tijdsdruk", "Angst voor conflict"]
    act(forces, "daan", "2 4")
    (rating,) = [c for c in forces.live.state.contributions if c.kind is K.RATING]
    assert (rating.author, dict(rating.ratings)) == ("daan", {"intensity": 4})
    with pytest.raises(BadInput):
        command_for(view.capture, "daan", "9 4")


def test_evaluation_scores_then_a_remark(forces):
    forces.to_phase("evaluation")
    act(forces, "carla", "4 5 goed tempo")
    (made,) = [c for c in forces.live.state.contributions if c.kind is K.EVALUATION]
    assert dict(made.ratings) == {"process": 4, "result": 5} and made.text == "goed tempo"


def test_the_owner_answers_questions_and_does_not_ask_them(forces):
    forces.to_phase("questions")
    owner = participant_view(forces.live.state, "bram", "en")
    assert owner.capture is None and "You answer the questions" in owner.banner
    other = participant_view(forces.live.state, "carla", "en")
    assert other.capture.kind is K.QUESTION and "Bram answers questions" in other.banner


def test_intake_and_vote_at_the_meetings_own_steps(tmp_path):
    meeting = Meeting(tmp_path / "data")
    try:
        view = participant_view(meeting.live.state, "carla", "en")
        assert view.capture.capture is Capture.CASE
        act(meeting, "carla", "Een lastige cliënt")
        act(meeting, "daan", "Conflict met de rechter")
        meeting.do(cmd.StartStep(step=MeetingStep.CHOICE))
        act(meeting, "bram", "2")
        view = participant_view(meeting.live.state, "bram", "en")
        assert "your vote" in view.lines[1] and "1 vote" in view.lines[1]
        with pytest.raises(BadInput):
            command_for(view.capture, "bram", "vote for Carla")
        vote = command_for(view.capture, "bram", "1")
        assert (vote.actor, vote.voter) == ("bram", "bram")
        act(meeting, "daan", "1 5 4 3")  # EGT: emotion, shared, time
        (score,) = [c for c in meeting.live.state.contributions if c.kind is K.SCORE]
        assert dict(score.ratings) == {"emotion": 5, "shared": 4, "time": 3}
    finally:
        meeting.close()


def test_every_command_is_in_the_participants_own_name(forces):
    forces.to_phase("restraining")
    view = participant_view(forces.live.state, "carla", "en")
    command = command_for(view.capture, "carla", "1 Bram: iets")
    assert command.actor == command.author == "carla"
