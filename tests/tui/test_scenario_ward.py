"""Scenario 2 of the walkthroughs: the ward team "Ward 4 North" in English, at 120x40 and
80x24. Round 1 six thinking hats on Tom's case, round 2 force field analysis on Aisha's
wish, with long labels, ratings, the strongest forces marked, actions on forces and Aisha's
choice of two; then the closing and the summary. Asserts what the screen shows and what the
store and the report hold.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from intervisie.core.meeting.engine import replay
from intervisie.core.method.model import ContributionKind
from intervisie.core.store.database import Store
from intervisie.tui.app.screens.runner import RunnerScreen
from intervisie.tui.app.screens.steps import ClosingScreen, IntakeScreen
from intervisie.tui.app.screens.summary import SummaryScreen

sys.path.insert(0, str(Path(__file__).parent))
from facilitator_driver import Facilitator, new_app

MEMBERS = "Tom, Maria, Aisha, Daniel, Sophie, Priya, James"
RESTRAINING = [
    "Night shifts are short-staffed and handover is rushed",
    "Patients asleep at the start of the early shift",
    "Some colleagues feel watched when they hand over at the bed",
    "Privacy in four-bed bays",
    "The old habit of the office handover with coffee",
]
DRIVING = [
    "Fewer medication errors after the pilot on ward 2",
    "Patients and families ask to be part of it",
    "The ward manager supports it openly",
    "New graduates learnt it this way",
    "Inspection report recommends bedside handover",
]


def screen_words(f: Facilitator) -> str:
    """The screen's text with box lines and wrapping taken out."""
    return " ".join(f.screen_text.replace("│", " ").split())


async def choose(f: Facilitator, owner_line: str) -> None:
    """The meeting's intake and choice: one case, everyone votes for it, the round starts."""
    assert isinstance(f.app.screen, IntakeScreen), f.app.screen
    await f.type(owner_line)
    await f.keys("n")
    await f.type(*["1"] * 7)
    await f.keys("n")
    await f.confirm()
    assert isinstance(f.app.screen, RunnerScreen)


async def six_hats(f: Facilitator) -> None:
    await choose(f, "Tom: Should I accept the team lead role?")
    await f.next_until("White hat")
    await f.type("Maria: The role is 0.2 FTE on top of the rota")
    await f.next_until("Red hat")
    await f.type("Daniel: I'd feel a bit lost without Tom on the floor")
    await f.next_until("Evaluation")
    await f.type("Aisha: 4 4 clear", "! Tom talks to the manager on Friday")
    await f.keys("n")
    await f.confirm()
    assert isinstance(f.app.screen, ClosingScreen)


async def force_field(f: Facilitator, size: tuple[int, int]) -> None:
    await f.keys("m")
    for _ in range(6):  # the arrows down the method list to the force field
        if f.app.focused.highlighted_option.id == "krachtenveld":
            break
        await f.keys("down")
    await f.keys("enter")
    assert "Force field analysis" in f.screen_text
    await f.keys("n")
    await choose(f, "Aisha: Bedside handover on every shift")
    assert "Case and goal" in f.screen_text
    await f.type("= Every shift hands over at the bedside, with the patient, by June")
    assert "◆ Goal: Every shift hands over at the bedside" in screen_words(f)
    await f.next_until("Restraining forces")
    names = ["Maria", "Daniel", "Sophie", "Priya", "James"]
    await f.type(*[f"{name}: {force}" for name, force in zip(names, RESTRAINING, strict=True)])
    await f.keys("n")
    await f.type(*[f"{name}: {force}" for name, force in zip(names, DRIVING, strict=True)])
    await f.keys("n")
    assert "Rate the forces" in f.screen_text
    ratings = []
    for number in range(1, 11):
        ratings += [f"Tom: {number} {1 + number % 5}", f"Maria: {number} {1 + (number + 2) % 5}"]
    await f.type(*ratings)
    await f.keys("n")
    assert "Select" in f.screen_text
    # The diagram is shown in the selection: the goal in the middle, labels whole.
    words = screen_words(f)
    assert "Every shift" in words and "Bedside handover on every" in words
    assert RESTRAINING[0].split()[0] in words
    await f.type(*[f"Aisha: * {n}" for n in (1, 3, 7, 8, 2, 2)])  # 2 marked, then taken off again
    await f.next_until("Actions")
    await f.type(
        "Sophie: 1 Start with the day shift, when staffing is best",
        "James: 3 Ask two colleagues to model it first",
        "Priya: 8 Invite the ward manager to the first week",
        "+ 1",
        "+ 3",
    )
    words = screen_words(f)
    assert "A1" in words and "chosen" in words
    # Every force of the diagram is reachable from the keyboard, here too.
    await f.keys("escape")
    seen = ""
    for _ in range(30):
        seen += screen_words(f)
        await f.keys("up")
    seen += screen_words(f)
    for number, label in enumerate(RESTRAINING + DRIVING, 1):
        first, *_words, last = label.split()  # a label wraps, and is never cut
        assert f"{number} {first}" in seen and last in seen, (size, label)
    assert "…" not in seen.split("◀")[-1]
    assert "★1" in seen or "★ 1" in seen


async def ward_meeting(size: tuple[int, int]) -> None:
    app, clock = new_app()
    async with app.run_test(size=size) as pilot_:
        f = Facilitator(app, pilot_, clock)
        await f.open("denkhoeden", "Ward 4 North", MEMBERS, facilitator=None)
        await six_hats(f)
        await force_field(f, size)
        await f.next_until("Evaluation")
        await f.type("Aisha: 5 4 I know where to start")
        await f.keys("n")
        await f.confirm()
        await f.keys("c")
        await f.type("Tom: 8 good evening")
        await f.keys("n")
        await f.confirm()
        assert isinstance(app.screen, SummaryScreen)
        await pilot_.pause()
        report = app.screen.report_markdown()
        meeting_id = app.link.meeting_id
    assert "one of the strongest" in report
    assert "✓ chose the action “Start with the day shift, when staffing is best”" in report
    assert "action on “Night shifts are short-staffed and handover is rushed”" in report
    store = Store.open(readonly=True)
    state = replay(store.events(meeting_id))
    kinds = [c.kind for c in state.contributions]
    assert kinds.count(ContributionKind.MARK) == 4
    assert kinds.count(ContributionKind.PICK) == 2
    assert kinds.count(ContributionKind.ACTION) == 3
    assert kinds.count(ContributionKind.GOAL) == 1


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_ward_team_in_english_from_home_to_summary(size: tuple[int, int]) -> None:
    import asyncio

    asyncio.run(ward_meeting(size))
