"""Snapshots of the rest of a meeting at 80x24 and 120x40: setup, the force field's
selection (goal in the middle, wrapped labels, the strongest marked) and the summary.

Review every changed SVG by eye before committing it (`pytest --snapshot-update`, then look).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from intervisie.core.meeting import commands as cmd

sys.path.insert(0, str(Path(__file__).parent))
from test_snapshots import SIZES, K, _meeting, _to, add, app

FORCES = {
    "restraining": ["Night shifts are short-staffed and handover is rushed", "Privacy in bays"],
    "driving": ["Fewer medication errors after the pilot on ward 2", "The manager supports it"],
}


async def _select(pilot) -> None:
    await _meeting(pilot, "krachtenveld")
    link = pilot.app.link
    link.do(add("m1", K.GOAL, "Every shift hands over at the bedside by June"))
    for side, labels in FORCES.items():
        await _to(pilot, side)
        for label in labels:
            link.do(add("m2", K.FORCE, label, side=side))
    await _to(pilot, "rate")
    forces = [c.id for c in link.state.contributions if c.kind is K.FORCE]
    for author, scores in (("m2", (4, 2, 5, 3)), ("m3", (5, 2, 4, 2))):
        for force, score in zip(forces, scores, strict=True):
            link.do(add(author, K.RATING, ratings={"intensity": score}, target=force))
    await _to(pilot, "select", 1)
    link.do(add("m1", K.MARK, target=forces[0]))
    link.do(add("m1", K.MARK, target=forces[2]))
    pilot.app.screen.render_state()
    pilot.app.set_focus(None)
    await pilot.pause()


async def _summary(pilot) -> None:
    await _meeting(pilot, "roddel")
    link = pilot.app.link
    await _to(pilot, "gossip")
    link.do(add("m2", K.REMARK, "Ik denk dat zij de klacht persoonlijk opvat."))
    link.do(cmd.FinishRound())
    link.do(cmd.FinishMeeting())
    pilot.app.route(link)
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_setup(snap_compare, size: tuple[int, int]) -> None:
    async def run_before(pilot) -> None:
        pilot.app.open_setup("incident")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_force_field_select(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(app(), terminal_size=size, run_before=_select)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_summary(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(app(), terminal_size=size, run_before=_summary)
