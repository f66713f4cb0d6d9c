"""The facilitator's app as `serve` runs it: codes, links, QR codes, presence, and the
meeting's screen kept up to date while a dialog is open (Textual's pilot)."""

from __future__ import annotations

import asyncio
import functools
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
import zxingcpp

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import SystemClock
from intervisie.core.method.model import ContributionKind
from intervisie.core.store.database import Store
from intervisie.core.store.joincodes import JoinCodes
from intervisie.core.store.live import LiveMeeting
from intervisie.tui.app.screens.code import CodeScreen
from intervisie.tui.app.served import JoinCodesScreen, OnlineFacilitatorApp, join_link
from intervisie.tui.app.widgets.qr import BOTH, LOWER, NONE, UPPER

sys.path.insert(0, str(Path(__file__).parent))
from online_helpers import PARTICIPANTS, Meeting
from pilots import terminal_text

URL = "http://127.0.0.1:8001"


def pilot_test(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    @functools.wraps(test)
    def run(*args, **kwargs) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


@pytest.fixture
def meeting(tmp_path):
    m = Meeting(tmp_path / "data")
    m.do(cmd.AddCase(owner="bram", title="Cliënt dreigt met klacht"))
    m.do(cmd.ChooseCase(case_id=m.live.state.cases[-1].id))
    m.do(cmd.StartRound(method=m.method))
    m.to_phase("questions")
    m.live.close()  # the served app below resumes it
    yield m
    m.close()


async def let_in(app, pilot, code: str) -> None:
    await pilot.press(*code, "enter")
    for _ in range(60):
        await pilot.pause(0.05)
        if not isinstance(app.screen, CodeScreen):
            return
    raise AssertionError("the facilitator's code did not let in")


def app_for(meeting: Meeting) -> OnlineFacilitatorApp:
    return OnlineFacilitatorApp(
        resume_id=meeting.id, data_dir=meeting.data_dir, delay_factor=0.01, participant_url=URL
    )


def decode(lines: list[str]) -> str:
    """Read a QR code drawn in half blocks back to its text, as a phone's camera would."""
    rows: list[list[int]] = []
    for line in lines:
        top, bottom = [], []
        for ch in line:
            top.append(255 if ch in (BOTH, UPPER) else 0)
            bottom.append(255 if ch in (BOTH, LOWER) else 0)
            assert ch in (BOTH, UPPER, LOWER, NONE)
        rows += [top, bottom]
    scale = 6
    pixels = bytes(v for row in rows for _ in range(scale) for v in row for _ in range(scale))
    image = zxingcpp.ImageView(
        pixels, len(rows[0]) * scale, len(rows) * scale, zxingcpp.ImageFormat.Lum
    )
    found = zxingcpp.read_barcodes(image)
    assert found, "no QR code found"
    return found[0].text


@pilot_test
async def test_each_participant_gets_a_link_and_a_qr_code_that_decodes_to_it(meeting):
    code = meeting.codes.issue_facilitator()
    meeting.codes.expire_meeting(meeting.id)  # as if none were handed out yet
    app = app_for(meeting)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("j")  # nothing acts before the facilitator's code: j is typed
        assert isinstance(app.screen, CodeScreen)
        await pilot.press("backspace")
        await let_in(app, pilot, code)
        await pilot.press("j")
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen, JoinCodesScreen)
        handed = {m: c for (mid, m), c in app.handed_out.items() if mid == meeting.id}
        assert set(handed) == {*PARTICIPANTS, "room"}
        text = terminal_text(app)
        assert all(c in text for c in handed.values())
        assert "○ no page" in text
        link = join_link(URL, handed["bram"])
        assert link == f"{URL}/#code={handed['bram']}"
        qr = str(screen.query_one("#join-qr").render()).splitlines()
        assert decode(qr) == link
        assert link in str(screen.query_one("#join-link").render())
        await pilot.press("down", "down", "down")  # the room view
        await pilot.pause(0.1)
        room = decode(str(screen.query_one("#join-qr").render()).splitlines())
        assert room == f"{URL}/room#code={handed['room']}"
        await pilot.press("up", "up", "up", "r")  # Bram gets a new code
        assert app.handed_out[(meeting.id, "bram")] != handed["bram"]
        with JoinCodes.open(meeting.data_dir) as codes:
            assert codes.check(app.handed_out[(meeting.id, "bram")]).member_id == "bram"


@pilot_test
async def test_the_facilitator_sees_who_is_connected_and_ends_a_second_page(meeting):
    code = meeting.codes.issue_facilitator()
    carla = meeting.codes.check(meeting.code["carla"])
    first = meeting.codes.page_opened(carla)  # what the web server records per page
    app = app_for(meeting)
    async with app.run_test(size=(100, 34)) as pilot:
        await let_in(app, pilot, code)
        await pilot.press("j")
        await pilot.pause(0.3)
        assert "● 1 page" in terminal_text(app)
        second = meeting.codes.page_opened(carla)
        await pilot.pause(0.4)
        assert "● 2 pages!" in terminal_text(app)
        assert any("Carla: connected on 2 pages" in n.message for n in app._notifications)
        await pilot.press("down", "e")  # Carla's line
        pages = {p.id: p.ended for p in meeting.codes.pages(meeting.id)}
        assert pages == {first: False, second: True}


@pilot_test
async def test_contributions_that_arrive_while_a_dialog_is_open_show_when_it_closes(meeting):
    code = meeting.codes.issue_facilitator()
    app = app_for(meeting)
    async with app.run_test(size=(100, 34)) as pilot:
        await let_in(app, pilot, code)
        await pilot.pause(0.3)
        await pilot.press("space")  # resumed paused: go on
        await pilot.press("question_mark")  # help, while questions arrive
        await pilot.pause(0.2)
        dialog = app.screen
        with Store.open(data_dir=meeting.data_dir) as store:
            carla = LiveMeeting.open(store, meeting.id, SystemClock(), participant="carla")
            carla.execute(
                cmd.AddContribution(
                    actor="carla", author="carla", kind=ContributionKind.QUESTION, text="Wie belde?"
                )
            )
            carla.close()
        await pilot.pause(0.5)
        assert app.screen is dialog
        await pilot.press("escape")
        await pilot.pause(0.2)
        assert "Wie belde?" in terminal_text(app)
