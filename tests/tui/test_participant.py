"""The participant's app under Textual's pilot: a facilitator and three participants online."""

from __future__ import annotations

import asyncio
import functools
import sys
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from pathlib import Path

import pytest
from textual.widgets import Static

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.engine import DomainError
from intervisie.core.method.model import ContributionKind
from intervisie.core.store.joincodes import MAX_ATTEMPTS
from intervisie.tui.app.served import JoinCodesScreen, OnlineFacilitatorApp
from intervisie.tui.participant.app import ParticipantApp
from intervisie.tui.participant.codes import CodeScreen, LockedScreen, MessageScreen
from intervisie.tui.participant.meeting import MeetingScreen
from intervisie.tui.participant.writer import MAX_TEXT, LimitExceeded

sys.path.insert(0, str(Path(__file__).parent))
from online_helpers import PARTICIPANTS, Meeting

SIZE = (80, 24)


def pilot_test(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an async pilot test in its own event loop (fixtures pass through)."""

    @functools.wraps(test)
    def run(*args, **kwargs) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


@pytest.fixture
def meeting(tmp_path):
    m = Meeting(tmp_path / "data")
    yield m
    m.close()


def screen_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


def participant(meeting: Meeting) -> ParticipantApp:
    return ParticipantApp(meeting.data_dir, delay_factor=0.01, poll_every=0.05)


async def join(app, pilot, code: str) -> None:
    """Type a code; return once the tab has let the person in, or said no."""
    await pilot.press(*code, "enter")
    for _ in range(40):
        await pilot.pause(0.05)
        screen = app.screen
        if not isinstance(screen, CodeScreen):
            return
        if not screen.busy and screen.query_one("#code").value == "":
            return


async def settle(*pilots) -> None:
    for _ in range(3):
        for pilot in pilots:
            await pilot.pause(0.1)


@pilot_test
async def test_a_wrong_code_is_refused_and_repeated_ones_lock_the_tab(meeting):
    app = participant(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await join(app, pilot, "WRONG-CODE0")
        assert isinstance(app.screen, CodeScreen)
        assert "not valid" in screen_text(app)
        for _ in range(MAX_ATTEMPTS - 1):
            await join(app, pilot, "WRONG-CODE0")
        await settle(pilot)
        assert isinstance(app.screen, LockedScreen)
        assert "locked" in screen_text(app)
        await join(app, pilot, meeting.code["bram"])  # even the right code no longer helps
        assert isinstance(app.screen, LockedScreen)


@pilot_test
async def test_an_expired_code_is_refused(meeting):
    meeting.do(cmd.FinishMeeting())
    app = participant(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await join(app, pilot, meeting.code["bram"])
        assert isinstance(app.screen, CodeScreen)
        assert "expired" in screen_text(app)


@pilot_test
async def test_a_tab_ends_when_its_meeting_closes(meeting):
    app = participant(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await join(app, pilot, meeting.code["carla"])
        assert isinstance(app.screen, MeetingScreen)
        meeting.do(cmd.FinishMeeting())
        await settle(pilot)
        assert isinstance(app.screen, MessageScreen)
        assert "over" in screen_text(app)


@pilot_test
async def test_three_participants_contribute_at_once_and_the_facilitator_sees_them(meeting):
    meeting.start_round(case_owner="bram")  # the incident method's own steps come first
    meeting.live.close()
    code = meeting.codes.issue_facilitator()
    facilitator = OnlineFacilitatorApp(resume_id=meeting.id, data_dir=meeting.data_dir)
    apps = {m: participant(meeting) for m in PARTICIPANTS}
    async with AsyncExitStack() as stack:
        fp = await stack.enter_async_context(facilitator.run_test(size=(100, 30)))
        await join(facilitator, fp, code)
        assert facilitator.link is not None and facilitator.link.state.round is not None
        pilots = {}
        for member, app in apps.items():
            pilots[member] = await stack.enter_async_context(app.run_test(size=SIZE))
            await join(app, pilots[member], meeting.code[member])
            assert isinstance(app.screen, MeetingScreen)
        # collect: everyone names an incident; typed into three tabs, sent all at once
        for member, pilot in pilots.items():
            await pilot.press(*f"Incident of {member}")
        for pilot in pilots.values():
            await pilot.press("enter")
        await settle(fp, *pilots.values())
        state = facilitator.link.state
        titles = sorted(c.title for c in state.cases)
        assert titles == sorted(["Cliënt dreigt met klacht"] + [f"Incident of {m}" for m in apps])
        shown = screen_text(facilitator)
        assert all(f"Incident of {m}" in shown for m in apps)


@pilot_test
async def test_written_approaches_stay_hidden_until_the_reveal(meeting):
    meeting.start_round(case_owner="bram")
    meeting.to_phase("choose")
    meeting.do(cmd.Vote(voter="carla", case_id=meeting.live.state.cases[-1].id))
    meeting.to_phase("write")
    carla, daan = participant(meeting), participant(meeting)
    async with carla.run_test(size=SIZE) as cp, daan.run_test(size=SIZE) as dp:
        await join(carla, cp, meeting.code["carla"])
        await join(daan, dp, meeting.code["daan"])
        await cp.press(*"Bel de deken morgen", "enter")
        await settle(cp, dp)
        assert "Bel de deken morgen" in screen_text(carla)  # authors see their own
        assert "Bel de deken morgen" not in screen_text(daan)
        assert "1 written by others, hidden" in screen_text(daan)
        meeting.do(cmd.Reveal())
        await settle(cp, dp)
        assert "Bel de deken morgen" in screen_text(daan)


@pilot_test
async def test_the_case_owner_outside_the_circle_sees_only_that(tmp_path):
    meeting = Meeting(tmp_path / "data", method="roddel")
    try:
        meeting.start_round(case_owner="bram")
        meeting.to_phase("gossip")
        meeting.do(cmd.AddContribution(author="carla", kind=ContributionKind.REMARK, text="Zij"))
        bram, carla = participant(meeting), participant(meeting)
        async with bram.run_test(size=SIZE) as bp, carla.run_test(size=SIZE) as cp:
            await join(bram, bp, meeting.code["bram"])
            await join(carla, cp, meeting.code["carla"])
            owner = screen_text(bram)
            assert "outside the circle" in owner
            assert "Zij" not in owner and "Rule" not in owner
            assert "Your notes" in owner
            assert "Bram sits outside the circle" in screen_text(carla)
            assert "carla" not in owner.lower().replace("· carla", "")
    finally:
        meeting.close()


@pilot_test
async def test_a_participant_cannot_act_as_another_or_as_the_facilitator(meeting):
    app = participant(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await join(app, pilot, meeting.code["carla"])
        session = app.session
        assert session is not None and session.member == "carla"
        with pytest.raises(DomainError):
            session.act(cmd.AddCase(actor="daan", owner="daan", title="not mine"))
        with pytest.raises(DomainError):
            session.act(cmd.AddCase(actor="carla", owner="daan", title="not mine"))
        with pytest.raises(DomainError):
            session.act(cmd.FinishMeeting(actor="carla"))
        with pytest.raises(DomainError):
            session.act(cmd.FinishMeeting())
        assert meeting.live.refresh() == []


@pilot_test
async def test_contributions_have_a_size_and_a_rate_limit(meeting):
    app = participant(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await join(app, pilot, meeting.code["carla"])
        session = app.session
        with pytest.raises(LimitExceeded):
            session.act(cmd.AddCase(actor="carla", owner="carla", title="x" * (MAX_TEXT + 1)))
        with pytest.raises(LimitExceeded, match="Slow down"):
            for i in range(50):
                session.act(cmd.AddCase(actor="carla", owner="carla", title=f"case {i}"))
        assert len(meeting.live.refresh()) < 10


@pilot_test
async def test_the_facilitator_hands_out_one_code_per_participant(meeting):
    meeting.live.close()
    code = meeting.codes.issue_facilitator()
    meeting.codes.expire_meeting(meeting.id)  # as if none were handed out yet
    app = OnlineFacilitatorApp(resume_id=meeting.id, data_dir=meeting.data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")  # nothing acts before the facilitator's code: j is typed
        assert isinstance(app.screen, CodeScreen)
        assert app.screen.query_one("#code").value == "j"
        await pilot.press("backspace")
        await join(app, pilot, code)
        await pilot.press("j")
        await pilot.pause(0.1)
        assert isinstance(app.screen, JoinCodesScreen)
        handed = {m: c for (mid, m), c in app.handed_out.items() if mid == meeting.id}
        assert set(handed) == set(PARTICIPANTS)
        text = "\n".join(str(o.prompt) for o in app.screen.query_one("#join-codes").options)
        assert all(c in text for c in handed.values())
        old = handed["bram"]
        await pilot.press("r")  # the first line: Bram gets a new code
        assert app.handed_out[(meeting.id, "bram")] != old
    other = participant(meeting)
    async with other.run_test(size=SIZE) as pilot:
        await join(other, pilot, old)
        assert "not valid" in screen_text(other)
        await join(other, pilot, handed["carla"])
        assert isinstance(other.screen, MeetingScreen)
