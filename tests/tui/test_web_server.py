"""The participants' web server over real websockets (aiohttp's test server, no browser).

A facilitator process is the test's own `LiveMeeting`; pages are websocket clients that send
what the page's script sends. What they did is read back from the store.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from intervisie.core.meeting import commands as cmd
from intervisie.core.method.model import ContributionKind
from intervisie.core.store.database import Store
from intervisie.core.store.joincodes import MAX_ATTEMPTS
from intervisie.tui.web.hub import Hub
from intervisie.tui.web.limits import BURST
from intervisie.tui.web.server import make_app

sys.path.insert(0, str(Path(__file__).parent))
from online_helpers import Meeting


def run(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    @functools.wraps(test)
    def wrapper(*args, **kwargs) -> None:
        asyncio.run(asyncio.wait_for(test(*args, **kwargs), 60))

    return wrapper


@pytest.fixture
def meeting(tmp_path):
    m = Meeting(tmp_path / "data", method="incident")
    m.do(cmd.AddCase(owner="bram", title="Cliënt dreigt met klacht"))
    m.do(cmd.ChooseCase(case_id=m.live.state.cases[-1].id))
    m.do(cmd.StartRound(method=m.method))
    m.to_phase("questions")
    yield m
    m.close()


@contextlib.asynccontextmanager
async def served(data_dir: Path):
    hub = Hub(data_dir, poll_every=0.02)
    app = make_app(hub, delay_factor=0.001)
    async with TestServer(app) as server, TestClient(server) as client:
        yield client, hub


class PageSocket:
    """One page's websocket, as the page's script uses it."""

    def __init__(self, ws):
        self.ws = ws
        self.req = 0
        self.view: dict = {}

    async def receive(self, timeout: float = 5) -> dict:
        message = await self.ws.receive_json(timeout=timeout)
        if message.get("t") == "view":
            self.view = message
        return message

    async def until(self, check: Callable[[dict], bool], timeout: float = 5) -> dict:
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise AssertionError(f"timed out; last view: {self.view}")
            try:
                message = await self.receive(left)
            except TimeoutError:
                raise AssertionError(f"timed out; last view: {self.text()}") from None
            if check(message):
                return message

    def text(self) -> str:
        return "\n".join(self.view.get("regions", {}).values())

    async def add(self, **fields) -> dict:
        self.req += 1
        await self.ws.send_json(
            {"t": "add", "req": self.req, "sig": self.view.get("sig"), "fields": fields}
        )
        return await self.until(lambda m: m.get("req") == self.req)


async def open_page(client, code: str, view: str = "participant") -> tuple[PageSocket, dict]:
    page = PageSocket(await client.ws_connect("/ws"))
    await page.ws.send_json({"t": "hello", "code": code, "view": view})
    first = await page.receive()
    if first["t"] == "admitted":
        await page.until(lambda m: m["t"] == "view")
    return page, first


def stored(m: Meeting, kind=ContributionKind.QUESTION) -> list[tuple[str, str]]:
    with Store.open(data_dir=m.data_dir) as store:
        state = store.replay(m.id)
    return [(c.author, c.text) for c in state.contributions if c.kind is kind]


@run
async def test_the_pages_are_strict_and_fetch_nothing_from_elsewhere(meeting):
    async with served(meeting.data_dir) as (client, _hub):
        for path in ("/", "/room", "/static/page.js", "/static/page.css"):
            response = await client.get(path)
            assert response.status == 200, path
            csp = response.headers["Content-Security-Policy"]
            assert "script-src 'self'" in csp and "default-src 'none'" in csp
            assert "unsafe-inline" not in csp
            body = await response.text()
            assert "http://" not in body and "https://" not in body, path
        page = await (await client.get("/")).text()
        assert '<meta name="viewport"' in page
        assert "<script>" not in page and "<script src=" in page  # no inline script
        assert (await client.get("/static/../../joincodes.sqlite3")).status == 404


@run
async def test_a_question_sent_from_a_page_is_stored_once_in_the_members_name(meeting):
    async with served(meeting.data_dir) as (client, _hub):
        carla, first = await open_page(client, meeting.code["carla"])
        assert first == {"t": "admitted", "room": False}
        assert "Your question" in carla.text()
        answer = await carla.add(text="Wie was erbij?")
        assert answer["t"] == "ack"
        assert stored(meeting) == [("carla", "Wie was erbij?")]
        meeting.live.refresh()  # the facilitator's process sees it
        assert meeting.live.state.contributions[-1].text == "Wie was erbij?"


@run
async def test_the_case_owner_gets_no_question_field_and_cannot_send_one(meeting):
    async with served(meeting.data_dir) as (client, _hub):
        bram, _first = await open_page(client, meeting.code["bram"])
        assert "You answer the questions" in bram.text()
        answer = await bram.add(text="Mag ik ook?")
        assert answer["t"] == "error"
        assert stored(meeting) == []


@run
async def test_wrong_codes_are_answered_slowly_and_then_lock_the_page(meeting):
    async with served(meeting.data_dir) as (client, _hub):
        page = PageSocket(await client.ws_connect("/ws"))
        for attempt in range(1, MAX_ATTEMPTS + 1):
            await page.ws.send_json({"t": "hello", "code": f"WRONG-{attempt:05d}"})
            answer = await page.receive()
            assert answer["t"] == "refused"
        assert answer["locked"] and "Too many wrong codes" in answer["message"]
        await page.ws.send_json({"t": "hello", "code": meeting.code["carla"]})
        closed = await page.ws.receive(timeout=5)
        assert closed.type.name in ("CLOSE", "CLOSED", "CLOSING")


@run
async def test_a_facilitators_or_participants_code_on_the_wrong_page_is_refused(meeting):
    facilitator = meeting.codes.issue_facilitator()
    async with served(meeting.data_dir) as (client, _hub):
        _page, answer = await open_page(client, facilitator)
        assert answer["t"] == "refused" and "facilitator's address" in answer["message"]
        _page, answer = await open_page(client, meeting.code["carla"], view="room")
        assert answer["t"] == "refused" and "participant's code" in answer["message"]


@run
async def test_the_rate_limit_holds_per_person_not_per_page(meeting):
    async with served(meeting.data_dir) as (client, _hub):
        first, _a = await open_page(client, meeting.code["carla"])
        second, _b = await open_page(client, meeting.code["carla"])
        for i in range(BURST):
            page = first if i % 2 else second
            assert (await page.add(text=f"Vraag {i}?"))["t"] == "ack"
        refused = await first.add(text="Nog een?")
        assert refused["t"] == "error" and "Slow down" in refused["message"]
        refused = await second.add(text="Nog een?")
        assert refused["t"] == "error"
        assert len(stored(meeting)) == BURST
        daan, _c = await open_page(client, meeting.code["daan"])
        assert (await daan.add(text="Van Daan?"))["t"] == "ack"  # others are not slowed


@run
async def test_a_second_page_with_one_code_is_shown_and_the_facilitator_can_end_it(meeting):
    async with served(meeting.data_dir) as (client, _hub):
        first, _a = await open_page(client, meeting.code["carla"])
        second, _b = await open_page(client, meeting.code["carla"])
        await first.until(lambda m: m["t"] == "view" and "open on 2 pages" in first.text())
        pages = [p for p in meeting.codes.pages(meeting.id) if p.member_id == "carla"]
        assert len(pages) == 2
        meeting.codes.end_page(pages[-1].id)  # what the facilitator's `e` does
        ended = await second.until(lambda m: m["t"] == "ended")
        assert "ended this page" in ended["message"]
        await first.until(lambda m: m["t"] == "view" and "open on" not in first.text())
        assert (await first.add(text="Nog steeds hier?"))["t"] == "ack"


@run
async def test_a_replaced_code_ends_its_page_and_a_closed_meeting_ends_all(meeting):
    async with served(meeting.data_dir) as (client, _hub):
        carla, _a = await open_page(client, meeting.code["carla"])
        daan, _b = await open_page(client, meeting.code["daan"])
        meeting.codes.issue(meeting.id, "carla")
        ended = await carla.until(lambda m: m["t"] == "ended")
        assert ended["title"] == "Code replaced"
        meeting.do(cmd.FinishRound())
        meeting.do(cmd.FinishMeeting())
        ended = await daan.until(lambda m: m["t"] == "ended")
        assert "over" in ended["title"]


@run
async def test_a_form_for_a_phase_that_has_passed_sends_nothing(meeting):
    async with served(meeting.data_dir) as (client, _hub):
        carla, _a = await open_page(client, meeting.code["carla"])
        old = dict(carla.view)
        meeting.do(cmd.NextPhase())
        await carla.until(lambda m: m["t"] == "view" and m["sig"] != old["sig"])
        carla.view = old
        answer = await carla.add(text="Te laat?")
        assert answer["t"] == "error" and "moved on" in answer["message"]
        assert stored(meeting) == []


HOLD = """
import sys, time
from intervisie.core.meeting.clock import SystemClock
from intervisie.core.store.database import Store
from intervisie.core.store.live import LiveMeeting
store = Store.open(data_dir=sys.argv[1])
live = LiveMeeting.open(store, sys.argv[2], SystemClock())
assert live.lease.held
print("holding", flush=True)
time.sleep(120)
"""


@run
async def test_a_page_says_when_the_facilitators_app_died_and_recovers(meeting):
    meeting.live.close()  # the facilitator's app is another process, killed below
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(HOLD), str(meeting.data_dir), meeting.id],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        async with served(meeting.data_dir) as (client, _hub):
            carla, _a = await open_page(client, meeting.code["carla"])
            assert "not running" not in carla.text()
            os.kill(holder.pid, signal.SIGKILL)
            holder.wait()
            await carla.until(lambda m: "app is not running" in carla.text())
            assert (await carla.add(text="Nog iemand daar?"))["t"] == "ack"  # kept
            meeting.reopen()  # the facilitator starts the app again
            await carla.until(lambda m: m["t"] == "view" and "not running" not in carla.text())
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


@run
async def test_the_room_view_shows_the_phase_and_revealed_text_and_takes_nothing(meeting):
    room_code = meeting.codes.issue_room(meeting.id)
    meeting.to_phase("write")
    meeting.do(cmd.AddContribution(actor="carla", author="carla", kind="writing", text="Ik bel"))
    async with served(meeting.data_dir) as (client, _hub):
        room, first = await open_page(client, room_code, view="room")
        assert first == {"t": "admitted", "room": True}
        assert "1 written by others, hidden" in room.text() and "Ik bel" not in room.text()
        assert room.view["timer"]["running"] is True
        assert "<form" not in room.text()
        meeting.do(cmd.Reveal())
        meeting.do(cmd.NextPhase())
        await room.until(lambda m: m["t"] == "view" and "Ik bel" in room.text())
        assert (await room.add(text="x"))["t"] == "error"


@run
async def test_the_case_owner_marks_a_question_from_the_page_and_carla_sees_it(meeting):
    meeting.do(cmd.AddContribution(actor="carla", author="carla", kind="question", text="Wie?"))
    question = meeting.live.state.contributions[-1].id
    async with served(meeting.data_dir) as (client, _hub):
        bram, _first = await open_page(client, meeting.code["bram"])
        carla, _first = await open_page(client, meeting.code["carla"])
        # Carla is not the case owner: her mark is refused and nothing is stored.
        carla.req += 1
        await carla.ws.send_json({"t": "mark", "req": carla.req, "id": question, "mark": "hot"})
        refused = await carla.until(lambda m: m.get("req") == carla.req)
        assert refused["t"] == "error"
        bram.req += 1
        await bram.ws.send_json({"t": "mark", "req": bram.req, "id": question, "mark": "hot"})
        assert (await bram.until(lambda m: m.get("req") == bram.req))["t"] == "ack"
        with Store.open(data_dir=meeting.data_dir) as store:
            state = store.replay(meeting.id)
        assert state.contribution(question).mark == "hot"
        await carla.until(lambda m: 'class="mark hot"' in carla.text())
