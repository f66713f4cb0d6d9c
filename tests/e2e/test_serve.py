"""`intervisie serve` with real browser pages: the hybrid meeting of the scenarios.

Incident method, six members: the facilitator and two members in the room (the facilitator
types for them: here the test's own facilitator process, which holds the meeting), three
online: Bram and Carla on phones (390x844), Daan on a laptop. Each online member joins by
the link the facilitator's app hands out (its QR code decodes to that link: see
tests/tui/test_served.py); Daan closes his page halfway and comes back; `serve` restarts and
every page finds its place again by itself; the approaches are written hidden and revealed;
the room view is on the projector throughout. Screenshots go to `INTERVISIE_SCREENSHOTS` (or
the test's folder) for a person to look at.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.model import Group, Member
from intervisie.core.method.model import ContributionKind
from intervisie.core.store.database import Store
from intervisie.tui.app.served import join_link

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "tui"))
from browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LAPTOP,
    PHONE,
    Serve,
    free_port_pair,
    needs_chromium,
    new_page,
    screenshots,
)
from online_helpers import Meeting

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
pytestmark = needs_chromium

HYBRID = Group(
    id="g-hybrid",
    name="Intervisiegroep hybride",
    members=(
        Member("anna", "Anna"),  # facilitates, in the room
        Member("eva", "Eva"),  # in the room
        Member("femke", "Femke"),  # in the room
        Member("bram", "Bram"),  # phone
        Member("carla", "Carla"),  # phone
        Member("daan", "Daan"),  # laptop
    ),
)
ONLINE = ("bram", "carla", "daan")
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[PX^_].*?\x1b\\|\x1b\][^\x07]*\x07|\x1b.")
XSS = '<script>alert("x")</script> Cliënt dreigt met een klacht'


HEARTBEATS: list = []
"""The facilitator's process of the running test: it beats while the test waits, as the app
does every 15 s (a silent holder counts as gone after 30 s)."""


def wait_for(page, check, what: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for live in HEARTBEATS:
            live.heartbeat()
        if check():
            return
        page.wait_for_timeout(100)
    raise AssertionError(
        f"timed out waiting for {what}; the page shows:\n{page.inner_text('body')}"
    )


def shows(page, text: str, timeout: float = 15.0) -> None:
    wait_for(page, lambda: text in page.inner_text("body"), repr(text), timeout)


def send(page, text: str) -> None:
    page.fill("#capture [name=text]", text)
    page.press("#capture [name=text]", "Enter")


def stored(data: Path, meeting_id: str, kind: ContributionKind) -> list[tuple[str, str]]:
    with Store.open(data_dir=data) as store:
        state = store.replay(meeting_id)
    return sorted((c.author, c.text) for c in state.contributions if c.kind is kind)


@pytest.fixture
def hybrid(tmp_path):
    data = tmp_path / "data"
    meeting = Meeting(data, method="incident", group=HYBRID, online=ONLINE)
    meeting.do(cmd.StartRound(method=meeting.method))  # the method's own intake and choice
    HEARTBEATS[:] = [meeting.live]
    serve = Serve(data, free_port_pair(), tmp_path / "serve.log").start()
    try:
        yield meeting, serve
    finally:
        serve.stop()
        if (tmp_path / "serve.log").exists():  # shown by pytest when the test failed
            print((tmp_path / "serve.log").read_text(errors="replace")[-4000:])
        meeting.close()


def test_a_hybrid_meeting_on_phones_a_laptop_and_the_projector(hybrid, tmp_path):
    meeting, serve = hybrid
    data, shots = meeting.data_dir, screenshots(tmp_path)
    room_code = meeting.codes.issue_room(meeting.id)
    links = {m: join_link(serve.participant_url, meeting.code[m]) for m in ONLINE}
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            room = new_page(browser, LAPTOP)
            room.goto(join_link(serve.participant_url, room_code, room=True))
            pages = {"bram": new_page(browser, PHONE), "carla": new_page(browser, PHONE)}
            pages["daan"] = new_page(browser, LAPTOP)
            for member, page in pages.items():
                page.goto(links[member])  # joining by the link: no code typed
            for page in pages.values():
                shows(page, "Your case")
            shows(room, "Phase 1/")

            # Intake: the facilitator types for the room, the online members for themselves.
            meeting.do(cmd.AddCase(owner="eva", title="Een collega die niet terugbelt"))
            send(pages["bram"], XSS)
            shows(pages["carla"], "Cliënt dreigt met een klacht")
            for page in (*pages.values(), room):
                assert '<script>alert("x")</script>' in page.inner_text("body")  # as text
                assert not page.dialogs

            # The choice: votes stay secret until it closes.
            meeting.do(cmd.NextPhase())
            carla = pages["carla"]
            shows(carla, "Your vote")
            carla.check(f"#capture input[value='{meeting.live.state.cases[-1].id}']")
            carla.click("#capture button.send")
            shows(carla, "Your vote: <script>")
            pages["daan"].check(f"#capture input[value='{meeting.live.state.cases[-1].id}']")
            pages["daan"].click("#capture button.send")
            shows(carla, "2 members have voted")
            assert "2 votes" not in carla.inner_text("body")
            carla.screenshot(path=str(shots / "phone-vote.png"), full_page=True)
            meeting.do(cmd.NextPhase())  # settles the choice by the votes: Bram's case
            shows(pages["bram"], "You tell your case")
            shows(room, "Bram tells the case")

            # Questions: arrive from phone and laptop, typed as fast as keys go.
            meeting.do(cmd.NextPhase())
            shows(carla, "Your question")
            shows(pages["daan"], "Your question")
            field = "#capture [name=text]"
            carla.click(field)
            carla.keyboard.type("Wie belde eerst?")
            carla.keyboard.press("Enter")
            carla.keyboard.type("Wat zei de cliënt?")
            carla.keyboard.press("Enter")
            send(pages["daan"], "Hoe laat was het?")
            expected = [
                ("carla", "Wat zei de cliënt?"),
                ("carla", "Wie belde eerst?"),
                ("daan", "Hoe laat was het?"),
            ]
            wait_for(
                carla,
                lambda: stored(data, meeting.id, ContributionKind.QUESTION) == expected,
                "each question stored once, exactly as typed",
            )
            shows(pages["bram"], "Wie belde eerst?")
            assert pages["bram"].locator("#capture").count() == 0  # the owner answers only
            shows(carla, "Hoe laat was het?")
            carla.screenshot(path=str(shots / "phone-questions.png"), full_page=True)

            # Daan closes his page halfway and comes back by his link.
            pages["daan"].context.close()
            pages["daan"] = new_page(browser, LAPTOP)
            pages["daan"].goto(links["daan"])
            shows(pages["daan"], "Hoe laat was het?")

            # Carla sends too fast: the refused text stays apart from what she types next.
            for i in range(10):
                send(carla, f"Vraag {i}?")
                wait_for(
                    carla,
                    lambda: carla.inner_text("#message") not in ("", "Sending…"),
                    "the server's answer",
                )
                if "Slow down" in carla.inner_text("#message"):
                    break
            else:
                raise AssertionError("the rate limit never refused a question")
            assert carla.input_value(field) == f"Vraag {i}?"  # kept, and selected:
            carla.keyboard.type("Nieuwe vraag")  # typing replaces it, nothing is glued
            assert carla.input_value(field) == "Nieuwe vraag"

            # `serve` restarts: every page reconnects and keeps its place, no code typed.
            serve.restart()
            meeting.do(cmd.NextPhase())  # the core question
            for page in (*pages.values(), room):
                shows(page, "Phase 5/", timeout=30)
            assert carla.input_value(field) == ""  # a new phase starts with an empty field

            # The approaches: written hidden, then revealed and read out.
            meeting.do(cmd.NextPhase())
            for page in (carla, pages["daan"]):
                shows(page, "Write privately")  # a person types once the field is there
            send(carla, "Ik zou de cliënt meteen terugbellen.")
            send(pages["daan"], "Ik zou eerst de dossierstukken lezen.")
            shows(pages["daan"], "1 written by others, hidden")
            shows(room, "2 written by others, hidden")
            assert "terugbellen" not in pages["daan"].inner_text("body")
            assert "terugbellen" not in room.inner_text("body")
            meeting.do(cmd.Reveal())
            meeting.do(cmd.NextPhase())
            for page in (*pages.values(), room):
                shows(page, "Ik zou de cliënt meteen terugbellen.")
                shows(page, "Ik zou eerst de dossierstukken lezen.")
            carla.screenshot(path=str(shots / "phone-approaches-revealed.png"), full_page=True)
            room.screenshot(path=str(shots / "room-approaches-revealed.png"))
            timer = room.inner_text("#timer")
            assert ":" in timer and room.is_visible("#timer")
            pages["daan"].screenshot(path=str(shots / "laptop-approaches-revealed.png"))
        finally:
            browser.close()


def test_the_facilitators_tab_lets_in_only_with_its_code(hybrid):
    _meeting, serve = hybrid
    facilitator_url = serve.urls[0]
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tab = new_page(browser, {"viewport": {"width": 1000, "height": 640}})
            frames: list[str] = []
            tab.on(
                "websocket",
                lambda ws: ws.on(
                    "framereceived",
                    lambda p: frames.append(
                        p if isinstance(p, str) else p.decode("utf-8", "ignore")
                    ),
                ),
            )
            tab.goto(facilitator_url)

            def shown() -> str:
                return ANSI.sub("", "".join(frames))

            wait_for(tab, lambda: "ABCDE-FGHJK" in shown(), "the code screen", 40)
            tab.focus(".xterm-helper-textarea")
            tab.keyboard.type(serve.code, delay=5)
            tab.keyboard.press("Enter")
            wait_for(tab, lambda: "Recent" in shown(), "home", 40)
        finally:
            browser.close()


def test_typing_the_code_still_works_and_a_reload_keeps_the_place(hybrid):
    meeting, serve = hybrid
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = new_page(browser, PHONE)
            page.goto(serve.participant_url)  # the address alone, no link
            page.fill("#code", "WRONG-CODE0")
            page.press("#code", "Enter")
            shows(page, "That code is not valid")
            page.fill("#code", meeting.code["carla"].lower().replace("-", " "))  # as typed
            page.press("#code", "Enter")
            shows(page, "You: Carla")
            assert "#code=" in page.url  # kept in the fragment, never sent to the server
            page.reload()
            shows(page, "You: Carla")
        finally:
            browser.close()


def test_the_case_owner_marks_a_question_on_a_phone_and_carla_sees_it(hybrid, tmp_path):
    meeting, serve = hybrid
    shots = screenshots(tmp_path)
    meeting.do(cmd.AddCase(owner="bram", title="Cliënt dreigt met een klacht"))
    meeting.do(cmd.NextPhase())
    meeting.do(cmd.ChooseCase(case_id=meeting.live.state.cases[-1].id))
    meeting.to_phase("questions")
    meeting.do(cmd.AddContribution(actor="carla", author="carla", kind="question", text="Wie?"))
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            bram, carla = new_page(browser, PHONE), new_page(browser, PHONE)
            bram.goto(join_link(serve.participant_url, meeting.code["bram"]))
            carla.goto(join_link(serve.participant_url, meeting.code["carla"]))
            shows(bram, "Wie?")
            bram.click("button.mark-button.hot")
            wait_for(
                carla, lambda: carla.locator(".mark.hot").count() == 1, "the mark on Carla's page"
            )
            wait_for(
                bram, lambda: bram.locator("button.hot[aria-pressed=true]").count() == 1, "pressed"
            )
            bram.screenshot(path=str(shots / "phone-owner-marks.png"), full_page=True)
        finally:
            browser.close()
