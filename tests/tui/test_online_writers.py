"""Processes writing to one meeting at the same moment: nothing lost or doubled.

Each process decides on the state it has replayed; unless the decision is made inside the
store's write transaction, after the events others stored (`Store.append_decided`, the one
mechanism), two of them would mint the same contribution id and one contribution would
overwrite the other on replay.
"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

from intervisie.core.method.model import ContributionKind
from intervisie.core.store.database import Store

sys.path.insert(0, str(Path(__file__).parent))
from online_helpers import PARTICIPANTS, Meeting

EACH = 5


def write(data: str, code: str, start, done) -> None:
    from intervisie.core.meeting import commands as cmd
    from intervisie.core.meeting.clock import SystemClock
    from intervisie.core.store.database import Store
    from intervisie.core.store.joincodes import JoinCodes
    from intervisie.core.store.live import LiveMeeting

    with Store.open(data_dir=data) as store, JoinCodes.open(data) as codes:
        admission = codes.check(code)
        me = admission.member_id
        live = LiveMeeting.open(store, admission.meeting_id, SystemClock(), participant=me)
        start.wait(timeout=60)
        for i in range(EACH):
            live.execute(
                cmd.AddContribution(
                    actor=me, author=me, kind=ContributionKind.REMARK, text=f"{me} {i}"
                )
            )
        live.close()
    done.put(me)


def test_processes_writing_at_once_lose_and_double_nothing(tmp_path):
    meeting = Meeting(tmp_path / "data", method="roddel")
    meeting.start_round(case_owner="bram")
    meeting.to_phase("advice")  # a discussion: everyone may add remarks
    data = str(meeting.data_dir)
    meeting.close()
    ctx = multiprocessing.get_context("spawn")
    start, done = ctx.Barrier(len(PARTICIPANTS)), ctx.Queue()
    procs = [
        ctx.Process(target=write, args=(data, meeting.code[m], start, done)) for m in PARTICIPANTS
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=90)
    assert sorted(done.get(timeout=5) for _ in PARTICIPANTS) == sorted(PARTICIPANTS)
    with Store.open(data_dir=data) as store:
        state = store.replay(meeting.id)
    remarks = [c for c in state.contributions if c.kind is ContributionKind.REMARK]
    assert sorted(c.text for c in remarks) == sorted(
        f"{m} {i}" for m in PARTICIPANTS for i in range(EACH)
    )
    assert len({c.id for c in remarks}) == len(remarks)
