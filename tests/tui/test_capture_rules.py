"""What a facilitator types into the capture field lands with the right person, or is refused
with the reason while the text stays to be corrected: never filed under the facilitator
without a word, never under a name that is not here."""

from __future__ import annotations

import sys
from pathlib import Path

from textual.widgets import Input

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.model import Group, Member
from intervisie.core.method.model import ContributionKind
from intervisie.tui.app.facilitator import IntervisieApp
from intervisie.tui.app.screens.confirm import ConfirmScreen
from intervisie.tui.app.screens.runner import RunnerScreen
from intervisie.tui.app.screens.steps import ClosingScreen

sys.path.insert(0, str(Path(__file__).parent))
from pilots import pilot, terminal_text

GROUP = Group(
    "g1",
    "Sectie familierecht",
    (
        Member("m1", "Sanne"),
        Member("m2", "Pieter"),
        Member("m3", "Daniel"),
        Member("m4", "Mo"),
        Member("m5", "Tom"),
    ),
)
PRESENT = ("m1", "m2", "m3", "m4")  # Tom is not here


def opening() -> cmd.OpenMeeting:
    return cmd.OpenMeeting(
        group=GROUP,
        present=PRESENT,
        facilitator="m4",
        confidentiality=PRESENT,
        minutes_available=120,
    )


async def gossip_round(app: IntervisieApp, p, options: dict | None = None) -> None:
    """A gossip-method round on Sanne's case, at its first phase."""
    await p.pause()
    app.open_meeting("roddel", opening(), options or {})
    await p.pause()
    link = app.link
    link.do(cmd.AddCase(owner="m1", title="Cliënt dreigt met klacht"))
    link.do(cmd.ChooseCase(case_id=link.state.cases[0].id))
    app.start_round(link)
    await p.pause()
    assert isinstance(app.screen, RunnerScreen)


async def to_phase(app: IntervisieApp, p, phase_id: str) -> None:
    for _ in range(10):
        if app.link.state.round.phase.id == phase_id:
            return
        await p.press("n")
        await p.pause()
        if isinstance(app.screen, ConfirmScreen):  # turns still to come: go on all the same
            await p.press("enter")
            await p.pause()
    raise AssertionError(phase_id)


async def enter_line(app: IntervisieApp, p, line: str) -> Input:
    """`a`, type the line key by key, Enter; the field is returned (it keeps the focus)."""
    await p.press("a")
    field = app.focused
    assert isinstance(field, Input)
    await p.press(*[c if c != " " else "space" for c in line])
    await p.press("enter")
    await p.pause()
    return field


def messages(app: IntervisieApp) -> list[str]:
    return [n.message for n in app._notifications]


def made(app: IntervisieApp):
    return app.link.state.contributions


@pilot
async def test_a_question_without_a_name_is_asked_about_and_stays_in_the_field() -> None:
    app = IntervisieApp(clock=FakeClock(), sound=False)
    async with app.run_test(size=(80, 24)) as p:
        await gossip_round(app, p)
        await to_phase(app, p, "questions")
        field = await enter_line(app, p, "Wat zei je toen?")
        assert any("Whose is it?" in m for m in messages(app)), messages(app)
        assert not [c for c in made(app) if c.kind is ContributionKind.QUESTION]
        await p.press("home", "P", "i", "e", "t", "e", "r", ":", "space")
        await p.pause()
        assert field.value == "Pieter: Wat zei je toen?"
        await p.press("enter")
        await p.pause()
        (question,) = [c for c in made(app) if c.kind is ContributionKind.QUESTION]
        assert (question.author, question.text) == ("m2", "Wat zei je toen?")
        assert field.value == ""


@pilot
async def test_a_name_not_present_is_refused_with_the_names_that_are() -> None:
    app = IntervisieApp(clock=FakeClock(), sound=False)
    async with app.run_test(size=(80, 24)) as p:
        await gossip_round(app, p)
        await to_phase(app, p, "questions")
        field = await enter_line(app, p, "Tom: Wie wist ervan?")
        shown = messages(app)
        assert any(
            "Tom is not a member present; present: Sanne, Pieter, Daniel, Mo" in m for m in shown
        ), shown
        assert field.value == "Tom: Wie wist ervan?"
        assert not [c for c in made(app) if c.kind is ContributionKind.QUESTION]


@pilot
async def test_a_name_typed_twice_counts_once_and_a_take_away_label_is_no_name() -> None:
    app = IntervisieApp(clock=FakeClock(), sound=False)
    async with app.run_test(size=(80, 24)) as p:
        await gossip_round(app, p)
        await to_phase(app, p, "questions")
        await enter_line(app, p, "Daniel: Daniel: Wat wil je bereiken?")
        (question,) = [c for c in made(app) if c.kind is ContributionKind.QUESTION]
        assert (question.author, question.text) == ("m3", "Wat wil je bereiken?")
        assert "Daniel: Daniel" not in terminal_text(app)
        await p.press("escape")
        await to_phase(app, p, "reaction")
        await enter_line(app, p, "!Kernprobleem: de klacht gaat over verwachtingen")
        (takeaway,) = [c for c in made(app) if c.kind is ContributionKind.TAKEAWAY]
        assert takeaway.author == "m1"  # the case owner's take-away
        assert takeaway.text == "Kernprobleem: de klacht gaat over verwachtingen"


@pilot
async def test_a_gossip_remark_without_a_name_goes_to_whose_turn_it_is() -> None:
    app = IntervisieApp(clock=FakeClock(), sound=False)
    async with app.run_test(size=(80, 24)) as p:
        await gossip_round(app, p)
        await to_phase(app, p, "gossip")
        speaker = app.link.state.round.phase.current_speaker
        assert speaker == "m2"
        await enter_line(app, p, "Ze lijkt bang voor de klacht")
        remarks = [c for c in made(app) if c.kind is ContributionKind.REMARK]
        assert [(c.author, c.text) for c in remarks] == [("m2", "Ze lijkt bang voor de klacht")]


@pilot
async def test_the_closing_field_shows_the_one_score_it_takes() -> None:
    app = IntervisieApp(clock=FakeClock(), sound=False)
    async with app.run_test(size=(80, 24)) as p:
        await gossip_round(app, p)
        app.link.do(cmd.FinishRound())
        app.route(app.link)
        await p.pause()
        await p.press("c")
        await p.pause()
        assert isinstance(app.screen, ClosingScreen)
        field = app.screen.query_one("#closing-eval .capture-input", Input)
        assert field.placeholder == "> Name: 9 remark"
        field = await enter_line(app, p, "8 fijne sfeer")
        assert any("Whose is it?" in m for m in messages(app))
        assert field.value == "8 fijne sfeer"


@pilot
async def test_the_facilitator_corrects_removes_and_marks_questions_in_the_runner() -> None:
    from intervisie.core.reports.markdown import item_line
    from intervisie.core.reports.report import build_report
    from intervisie.core.reports.wording import Words
    from intervisie.tui.app.screens.correct import CorrectScreen

    app = IntervisieApp(clock=FakeClock(), sound=False)
    async with app.run_test(size=(80, 24)) as p:
        await gossip_round(app, p)
        await to_phase(app, p, "questions")
        typed = (
            "Pieter: Wat wil je bereikne?",
            "Daniel: Wie wist ervan?",
            "Daniel: Wie wist ervan?",
        )
        for line in typed:  # Daniel's question went in twice by mistake
            await enter_line(app, p, line)
            await p.press("escape")
        assert len([c for c in made(app) if c.kind is ContributionKind.QUESTION]) == 3
        await p.press("c")
        await p.pause()
        assert isinstance(app.screen, CorrectScreen)
        assert "h hot" in terminal_text(app)
        await p.press("h")  # Pieter's question touched the case
        await p.press("enter")  # and its typo is corrected
        await p.pause()
        field = app.focused
        assert isinstance(field, Input) and field.value == "Wat wil je bereikne?"
        await p.press("backspace", "backspace", "backspace", "backspace")
        await p.press("k", "e", "n", "?", "enter")
        await p.pause()
        await p.press("down", "down", "x")
        await p.pause()
        await p.press("enter")  # the dialog asks; Enter removes
        await p.pause()
        assert isinstance(app.screen, CorrectScreen)
        await p.press("escape")
        await p.pause()
        assert isinstance(app.screen, RunnerScreen)
        questions = [c for c in made(app) if c.kind is ContributionKind.QUESTION]
        assert [(c.author, c.text, c.mark) for c in questions] == [
            ("m2", "Wat wil je bereiken?", "hot"),
            ("m3", "Wie wist ervan?", None),
        ]
        shown = terminal_text(app)
        assert "Wat wil je bereiken?" in shown and "● hot" in shown
        report = build_report(app.link.state, "m1", "en")
        lines = [item_line(Words("en"), i) for i in report.rounds[0].items()]
        assert any("the case owner: hot" in line for line in lines), lines


@pilot
async def test_text_left_in_the_field_stays_with_its_phase() -> None:
    app = IntervisieApp(clock=FakeClock(), sound=False)
    async with app.run_test(size=(80, 24)) as p:
        await gossip_round(app, p, options={"gossip_rounds": "2"})
        await to_phase(app, p, "gossip")
        await p.press("a")
        await p.press(*"Ze is boos")
        await p.press("escape")  # not added: the facilitator moves on
        await to_phase(app, p, "gossip2")
        field = app.screen.capture.query_one(".capture-input", Input)
        assert field.value == ""
        assert any("kept for its phase: Ze is boos" in m for m in messages(app))
        await p.press("a")
        await p.press(*"Hij twijfelt", "enter")
        await p.pause()
        remarks = [(c.phase_id, c.text) for c in made(app) if c.kind is ContributionKind.REMARK]
        assert remarks == [("gossip2", "Hij twijfelt")]
        await p.press("escape", "b")
        await p.pause()
        await p.press("enter")  # yes, back
        await p.pause()
        assert app.link.state.round.phase.id == "gossip"
        assert app.screen.capture.query_one(".capture-input", Input).value == "Ze is boos"
