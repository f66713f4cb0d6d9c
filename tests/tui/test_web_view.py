"""What the participants' web page shows each member, and what its forms send: no browser."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import attrs
import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.method.model import ContributionKind
from intervisie.tui.web.view import BadInput, Capture, command_from, page_for

sys.path.insert(0, str(Path(__file__).parent))
from online_helpers import Meeting

NOW = datetime.now(UTC)


@pytest.fixture
def incident(tmp_path):
    m = Meeting(tmp_path / "data", method="incident")
    m.do(cmd.AddCase(owner="bram", title="Cliënt dreigt met klacht"))
    m.do(cmd.ChooseCase(case_id=m.live.state.cases[-1].id))
    m.do(cmd.StartRound(method=m.method))
    yield m
    m.close()


def page(m: Meeting, viewer: str | None, **kw):
    return page_for(m.live.state, viewer, "en", NOW, **kw)


def shown(p) -> str:
    return "\n".join(p.regions.values())


def test_a_case_title_with_markup_is_text_on_the_page(tmp_path):
    m = Meeting(tmp_path / "data", method="incident")
    m.do(cmd.AddCase(owner="bram", title='<script>alert("x")</script>'))
    p = page(m, "carla")
    assert "<script>" not in shown(p)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in shown(p)
    m.close()


def test_written_approaches_are_a_count_until_the_reveal_then_everyones_text(incident):
    incident.to_phase("write")
    for member in ("carla", "daan"):
        incident.do(
            cmd.AddContribution(
                actor=member, author=member, kind=ContributionKind.WRITING, text=f"{member} did X"
            )
        )
    carla = shown(page(incident, "carla"))
    assert "carla did X" in carla and "daan did X" not in carla
    assert "1 written by others, hidden" in carla
    assert "did X" not in shown(page(incident, None))  # the room view
    incident.do(cmd.Reveal())
    incident.do(cmd.NextPhase())  # the approaches round: read out as written
    assert incident.live.state.round.phase.id == "approaches"
    for viewer in ("carla", "daan", "bram", None):
        text = shown(page(incident, viewer))
        assert "carla did X" in text and "daan did X" in text, viewer
        assert "revealed" in text


def test_votes_stay_secret_until_the_choice_closes(tmp_path):
    m = Meeting(tmp_path / "data", method="incident")
    m.do(cmd.AddCase(owner="bram", title="Case of Bram"))
    m.do(cmd.AddCase(owner="carla", title="Case of Carla"))
    m.do(cmd.Vote(actor="daan", voter="daan", case_id=m.live.state.cases[0].id))
    m.do(cmd.Vote(actor="bram", voter="bram", case_id=m.live.state.cases[0].id))
    daan = shown(page(m, "daan"))
    assert "2 members have voted" in daan
    assert "Your vote: Case of Bram" in daan
    assert "2 votes" not in daan and ": 2" not in daan
    carla = page(m, "carla")
    assert carla.form is not None and carla.form.capture is Capture.VOTE
    assert carla.form.criteria[0][1].startswith("Emotion")
    m.do(cmd.ChooseCase())
    closed = shown(page(m, "carla"))
    assert "Chosen: Case of Bram" in closed and "Case of Bram: 2" in closed
    m.close()


def test_the_owner_back_turned_sees_only_that_and_their_own_notes(tmp_path):
    m = Meeting(tmp_path / "data", method="roddel")
    m.start_round(case_owner="bram")
    m.to_phase("gossip")
    m.do(cmd.AddContribution(actor="carla", author="carla", kind="remark", text="Ze twijfelt"))
    bram = page(m, "bram")
    text = shown(bram)
    assert "You listen, back turned" in text
    assert "Ze twijfelt" not in text
    assert bram.form is not None and bram.form.label == "Your notes"
    assert "Ze twijfelt" in shown(page(m, "carla"))
    m.close()


def test_own_contributions_can_be_edited_and_removed_others_not(incident):
    incident.to_phase("questions")
    incident.do(cmd.AddContribution(actor="carla", author="carla", kind="question", text="Wie?"))
    incident.do(cmd.AddContribution(actor="daan", author="daan", kind="question", text="Wat?"))
    carla = page(incident, "carla").regions["items"]
    assert carla.count("data-edit=") == 1 and carla.count("data-remove=") == 1
    assert 'data-text="Wie?"' in carla


def test_the_case_owner_answers_and_gets_no_question_field(incident):
    incident.to_phase("questions")
    bram = page(incident, "bram")
    assert bram.form is None
    assert "You answer the questions" in shown(bram)
    assert page(incident, "carla").form.kind is ContributionKind.QUESTION


def test_a_form_sends_one_command_in_the_members_own_name(tmp_path):
    m = Meeting(tmp_path / "data", method="krachtenveld")
    m.start_round(case_owner="bram")
    m.to_phase("restraining")
    form = page(m, "carla").form
    assert form.capture is Capture.FORCE
    side = form.choices[0][0]
    command = command_from(form, "carla", {"choice": side, "text": "  Tijdsdruk  "})
    assert command == cmd.AddContribution(
        actor="carla", author="carla", kind=ContributionKind.FORCE, text="Tijdsdruk", side=side
    )
    with pytest.raises(BadInput, match="Pick one"):
        command_from(form, "carla", {"choice": "nonsense", "text": "x"})
    with pytest.raises(BadInput, match="Type something"):
        command_from(form, "carla", {"choice": side, "text": "   "})
    m.do(command)
    m.to_phase("rate")
    form = page(m, "carla").form
    assert form.capture is Capture.RATING
    low, high = form.criteria[0][2], form.criteria[0][3]
    fields = {"target": form.choices[0][0]}
    fields.update({f"score:{cid}": str(high) for cid, *_r in form.criteria})
    assert command_from(form, "carla", fields).ratings
    fields[f"score:{form.criteria[0][0]}"] = str(high + 1)
    with pytest.raises(BadInput, match=f"from {low} to {high}"):
        command_from(form, "carla", fields)
    m.close()


def test_the_case_owner_marks_questions_and_the_others_see_the_mark(incident):
    incident.to_phase("questions")
    incident.do(cmd.AddContribution(actor="carla", author="carla", kind="question", text="Wie?"))
    question = incident.live.state.contributions[-1].id
    bram = page(incident, "bram").regions["items"]
    assert bram.count(f'data-mark="{question}"') == 3  # cold, warm, hot
    assert "data-mark=" not in page(incident, "carla").regions["items"]
    incident.do(cmd.MarkQuestion(actor="bram", contribution_id=question, mark="hot"))
    bram = page(incident, "bram").regions["items"]
    assert 'class="mark hot">hot<' in bram
    assert 'class="mark-button hot" data-mark' in bram and 'aria-pressed="true"' in bram
    assert 'class="mark hot">hot<' in page(incident, "carla").regions["items"]
    assert 'class="mark hot">hot<' in page(incident, None).regions["items"]  # the room


def test_where_the_method_hides_the_marks_the_others_see_only_a_count(tmp_path):
    m = Meeting(tmp_path / "data", method="incident")
    phases = tuple(
        attrs.evolve(p, owner_marks_hidden=True) if p.id == "questions" else p
        for p in m.method.phases
    )
    m.method = attrs.evolve(m.method, phases=phases)
    m.do(cmd.AddCase(owner="bram", title="Klacht"))
    m.do(cmd.ChooseCase(case_id=m.live.state.cases[-1].id))
    m.do(cmd.StartRound(method=m.method))
    m.to_phase("questions")
    m.do(cmd.AddContribution(actor="carla", author="carla", kind="question", text="Wie?"))
    m.do(
        cmd.MarkQuestion(
            actor="bram", contribution_id=m.live.state.contributions[-1].id, mark="warm"
        )
    )
    for viewer in ("carla", None):
        items = page(m, viewer).regions["items"]
        assert "warm" not in items
        assert "The case owner marked 1 question (kept for the report)." in items
    assert 'class="mark warm">warm<' in page(m, "bram").regions["items"]
    m.close()
