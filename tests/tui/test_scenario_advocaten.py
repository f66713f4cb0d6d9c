"""Scenario 1 of the walkthroughs, in Dutch at 80x24: "Intervisie Advocatuur Utrecht", an
incident round with EGT scoring, closed, suggestive and why-questions and hidden approaches,
then a gossip round, the closing and the summary.

Every screen on the way is read, and the test fails on any interface string of the
catalogue shown in English (an English msgid appearing in the Dutch interface).
"""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path

from textual.widgets import Select

from intervisie.core import i18n
from intervisie.core.meeting.engine import replay
from intervisie.core.store.database import Store
from intervisie.tui.app.screens.runner import RunnerScreen
from intervisie.tui.app.screens.steps import ClosingScreen, IntakeScreen
from intervisie.tui.app.screens.summary import SummaryScreen

sys.path.insert(0, str(Path(__file__).parent))
from facilitator_driver import Facilitator, new_app

MEMBERS = (
    "Sanne de Vries, Pieter Bakker, Aylin Yıldız, Joost Jansen, Eva Visser, Mark [HR] Smit, "
    "Ingrid Mulder"
)
CATALOGUE = Path(i18n.__file__).parent / "locale" / "nl" / "LC_MESSAGES" / "intervisie.po"


def english_fragments() -> set[str]:
    """Stretches of the catalogue's English that Dutch never shows: each msgid cut at its
    placeholders, the pieces of three words or more that its translation does not hold."""
    text = CATALOGUE.read_text("utf-8")
    pieces: set[str] = set()
    entry = re.compile(r'^msgid ((?:"(?:[^"\\]|\\.)*"\n)+)msgstr ((?:"(?:[^"\\]|\\.)*"\n)+)', re.M)
    for match in entry.finditer(text):
        english = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(1)))
        dutch = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(2)))
        for piece in re.split(r"\{[^}]*\}|\\n|`[^`]*`", english):
            piece = piece.strip(" .,:;·()!?'\"-")
            if len(piece.split()) >= 3 and piece not in dutch:
                pieces.add(piece)
    return pieces


class Reader(Facilitator):
    """A facilitator who keeps everything the screen showed."""

    seen: list[str]

    async def keys(self, *keys: str) -> None:
        await super().keys(*keys)
        self.seen.append(self.screen_text)


async def advocaten() -> tuple[list[str], str, str]:
    app, clock = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        f = Reader(app, pilot, clock)
        f.seen = []
        screen = await f.setup("incident")
        from textual.widgets import Input

        screen.query_one("#group-name", Input).value = "Intervisie Advocatuur Utrecht"
        screen.query_one("#members", Input).value = MEMBERS
        await pilot.pause()
        screen.fill_members()
        await pilot.pause()
        ingrid = next(m.id for m in screen.members() if m.name == "Ingrid Mulder")
        screen.query_one("#facilitator", Select).value = ingrid
        screen.query_one("#place", Input).value = "Kantoor Utrecht"
        screen.query_one("#confidentiality").select_all()
        await pilot.pause()
        f.seen.append(f.screen_text)
        await f.keys("ctrl+s")
        assert isinstance(app.screen, RunnerScreen), app.screen
        await f.type(
            "Sanne: Een cliënt die me pusht om de gedragsregels op te rekken",
            "Pieter: Druk van declarabele uren",
            "Aylin: Een collega die steeds mijn dossiers overneemt",
        )
        await f.keys("n")
        await f.keys("e")  # EGT: the criteria are named on the choice screen itself
        assert "Emotie, Gezamenlijk, Tijdsdruk" in " ".join(f.screen_text.split())
        await f.type("Pieter: 1 5 4 3", "Aylin: 1 4 4 4", "Joost: 3 3 2 2", "Eva: 1 5 5 2")
        await f.keys("n")
        await f.next_until("Informatieve vragen")
        await f.type(
            "Pieter: Heb je de cliënt gebeld?",
            "Aylin: Zou het niet beter zijn om de deken te bellen?",
            "Joost: Waarom heb je niet meteen nee gezegd?",
        )
        text = " ".join(f.screen_text.split())
        assert "gesloten" in text and "suggestief" in text
        await f.next_until("Eigen aanpak")
        await f.type("Aylin: Ik zou de cliënt schriftelijk de grens uitleggen")
        await f.keys("n")
        await f.confirm()  # onthullen
        await f.next_until("Evaluatie")
        await f.type("Eva: 4 5 helder", "! Sanne belt de deken maandag")
        await f.keys("n")
        await f.confirm()
        assert isinstance(app.screen, ClosingScreen)
        await f.keys("m")
        for _ in range(6):
            if f.app.focused.highlighted_option.id == "roddel":
                break
            await f.keys("down")
        await f.keys("enter")
        await f.keys("n")
        assert isinstance(app.screen, IntakeScreen), app.screen
        assert "Druk van declarabele uren" in f.screen_text  # still on the list
        await f.keys("n")
        await f.type("1", "1", "1", "2", "1")
        await f.keys("n")
        await f.confirm()
        await f.next_until("Roddelen")
        await f.type("Zij lijkt bang om de cliënt kwijt te raken")
        await f.next_until("Evaluatie")
        await f.type("Joost: 4 4 confronterend maar goed")
        await f.keys("n")
        await f.confirm()
        await f.keys("c")
        await f.type("Mark: 8 goede avond")
        await f.keys("n")
        await f.confirm()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.pause()
        for _ in range(40):  # the whole summary, page by page
            await f.keys("pagedown")
        report = app.screen.report_markdown()
        return f.seen, report, app.link.meeting_id


def test_advocaten_in_dutch_show_no_english_interface_string() -> None:
    i18n.set_language("nl")
    try:
        seen, report, meeting_id = asyncio.run(advocaten())
    finally:
        i18n.set_language("en")
    shown = [" ".join(screen.split()) for screen in seen] + [" ".join(report.split())]
    english = sorted(
        piece for piece in english_fragments() if any(piece in screen for screen in shown)
    )
    assert english == []
    assert "Sanne belt de deken maandag" in report
    state = replay(Store.open(readonly=True).events(meeting_id))
    assert len(state.rounds) == 2 and state.place == "Kantoor Utrecht"
