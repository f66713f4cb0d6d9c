"""Snapshots of what a facilitator sees: home, help, and the phase runner of each built-in
method at 80x24 and 120x40 (fake clock, no cursor blinking, no toasts).

Review every changed SVG by eye before committing it (`pytest --snapshot-update`, then look).
"""

from __future__ import annotations

import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.model import Group, Member
from intervisie.core.method.model import ContributionKind, MeetingStep
from intervisie.tui.app.facilitator import IntervisieApp

K = ContributionKind
GROUP = Group(
    "g1",
    "Sectie familierecht",
    tuple(
        Member(f"m{i}", name)
        for i, name in enumerate(["Sanne", "Pieter", "Aylin", "Joost", "Eva", "Mo"], 1)
    ),
)
SIZES = [(80, 24), (120, 40)]


def app() -> IntervisieApp:
    return IntervisieApp(clock=FakeClock(), sound=False)


def open_command() -> cmd.OpenMeeting:
    present = tuple(m.id for m in GROUP.members)
    return cmd.OpenMeeting(
        group=GROUP,
        present=present,
        facilitator="m6",
        confidentiality=present,
        minutes_available=90,
        place="Den Haag",
    )


def add(author: str, kind: K, text: str = "", **fields) -> cmd.AddContribution:
    return cmd.AddContribution(author=author, kind=kind, text=text, **fields)


async def _meeting(pilot, method_id: str) -> None:
    """Open a meeting of `method_id` with a chosen case, as the screens would."""
    app = pilot.app
    app.open_meeting(method_id, open_command(), {})
    await pilot.pause()
    link = app.link
    if link.state.round is None:
        link.do(cmd.AddCase(owner="m1", title="Cliënt dreigt met klacht"))
        link.do(cmd.AddCase(owner="m2", title="Stagiair zonder motivatie"))
        link.do(cmd.StartStep(step=MeetingStep.CHOICE))
        for voter in ("m1", "m2", "m3"):
            link.do(cmd.Vote(voter=voter, case_id="c1"))
        link.do(cmd.ChooseCase())
        app.start_round(link)
        await pilot.pause()


async def _to(pilot, phase_id: str, minutes: float = 0) -> None:
    app = pilot.app
    link = app.link
    while link.state.round.phase.id != phase_id:
        link.do(cmd.NextPhase())
    app.clock.advance(minutes=minutes)
    app.screen.render_state()
    app.clear_notifications()
    await pilot.pause()


def _runner(method_id: str):
    async def run_before(pilot) -> None:
        await _meeting(pilot, method_id)
        link = pilot.app.link
        if method_id == "incident":
            link.do(cmd.AddCase(owner="m1", title="Cliënt belde vlak voor de zitting"))
            link.do(cmd.NextTurn())
            link.do(cmd.AddCase(owner="m2", title="Collega viel uit in overleg"))
            link.do(cmd.NextPhase())
            link.do(cmd.Vote(voter="m3", case_id="c1"))
            await _to(pilot, "questions", 3)
            link.do(add("m3", K.QUESTION, "Wanneer kwam de cliënt voor het eerst bij je?"))
            link.do(add("m4", K.QUESTION, "Heb je al overwogen om de deken te bellen?"))
            link.do(add("m2", K.QUESTION, "Wie waren er bij het gesprek aanwezig?"))
            await _to(pilot, "questions", 2.3)
        elif method_id == "roddel":
            await _to(pilot, "gossip", 1)
            link.do(add("m2", K.REMARK, "Ik denk dat zij de klacht persoonlijk opvat."))
            link.do(cmd.NextTurn())
            await _to(pilot, "gossip", 0.5)
        elif method_id == "denkhoeden":
            await _to(pilot, "red", 2)
            link.do(add("m2", K.REMARK, "Onrust, en ook wat boosheid."))
            await _to(pilot, "red", 0)
        elif method_id == "krachtenveld":
            await _to(pilot, "restraining")
            for text in ("Tijdsdruk", "Angst voor conflict", "Agenda vol"):
                link.do(add("m2", K.FORCE, text, side="restraining"))
            await _to(pilot, "driving")
            for text in ("Steun teamleider", "Eigen motivatie"):
                link.do(add("m3", K.FORCE, text, side="driving"))
            await _to(pilot, "rate")
            forces = [c.id for c in link.state.contributions if c.kind is K.FORCE]
            for author, scores in (("m2", (4, 3, 2, 3, 5)), ("m3", (5, 3, 2, 3, 4))):
                for force, score in zip(forces, scores, strict=True):
                    link.do(add(author, K.RATING, ratings={"intensity": score}, target=force))
            await _to(pilot, "rate", 9)
        pilot.app.set_focus(None)
        await pilot.pause()

    return run_before


async def _paused_and_over(pilot) -> None:
    await _meeting(pilot, "roddel")
    link = pilot.app.link
    await _to(pilot, "questions", 13.2)
    link.do(cmd.Pause())
    pilot.app.screen.render_state()
    await pilot.pause()


def test_home(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=(80, 24))


def test_help(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=(80, 24), press=["question_mark"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("method_id", ["incident", "roddel", "denkhoeden", "krachtenveld"])
def test_runner(snap_compare, method_id: str, size: tuple[int, int]) -> None:
    assert snap_compare(app(), terminal_size=size, run_before=_runner(method_id))


def test_runner_paused_past_zero(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=(80, 24), run_before=_paused_and_over)
