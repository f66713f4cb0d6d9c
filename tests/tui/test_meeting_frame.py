"""The frame of a meeting as a facilitator sets it up: the rule profile picked from a list and
its group-size warning, the agreement's wording on screen and each member's acceptance, and a
group that remembers its profile, place, minutes and facilitator for the next meeting."""

from __future__ import annotations

import sys
from pathlib import Path

from textual.widgets import Input, OptionList, Select, SelectionList, Static, TextArea

from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.events import ConfidentialityAccepted
from intervisie.tui.app.facilitator import IntervisieApp
from intervisie.tui.app.screens.home import HomeScreen
from intervisie.tui.app.screens.setup import SetupScreen
from intervisie.tui.app.screens.steps import IntakeScreen

sys.path.insert(0, str(Path(__file__).parent))
from pilots import pilot, terminal_text

SIZE = (100, 60)


def form_text(app: IntervisieApp) -> str:
    """Every text the form shows, scrolled into view or not (it scrolls at small sizes)."""
    parts = [str(w.render()) for w in app.screen.query(Static) if w.display]
    parts += [area.text for area in app.screen.query(TextArea)]
    return "\n".join(parts)


async def to_setup(app: IntervisieApp, p, method_id: str = "roddel") -> SetupScreen:
    await p.pause()
    assert isinstance(app.screen, HomeScreen)
    methods = app.screen.query_one("#methods", OptionList)
    methods.highlighted = methods.get_option_index(method_id)
    await p.press("enter")
    await p.pause()
    assert isinstance(app.screen, SetupScreen)
    return app.screen


async def type_into(p, screen, selector: str, value: str) -> None:
    """Focus a field, clear it and type `value` key by key, as a person does."""
    field = screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    await p.pause()
    await p.press(*[c if c != " " else "space" for c in value])
    await p.pause()


async def pick(p, screen, selector: str, label: str) -> None:
    """Open a Select with Enter and go down until the option `label` is highlighted."""
    select = screen.query_one(selector, Select)
    select.focus()
    await p.press("enter")
    await p.pause()
    for _ in range(12):
        overlay = select.query_one("SelectOverlay", OptionList)
        option = overlay.get_option_at_index(overlay.highlighted or 0)
        if label in str(option.prompt):
            await p.press("enter")
            await p.pause()
            return
        await p.press("down")
    raise AssertionError(f"no option {label!r}")


@pilot
async def test_two_present_under_the_nova_profile_are_warned_at_setup_and_opening() -> None:
    app = IntervisieApp(clock=FakeClock(), sound=False)
    async with app.run_test(size=SIZE) as p:
        screen = await to_setup(app, p)
        await type_into(p, screen, "#group-name", "Duo")
        await type_into(p, screen, "#members", "Sanne, Pieter, Mo")
        await p.press("tab")
        await pick(p, screen, "#facilitator", "Mo")
        await pick(p, screen, "#profile", "NOvA")
        shown = form_text(app)
        assert "allows" not in shown
        assert "asks for at least 3 participants" in shown
        screen.query_one("#confidentiality", SelectionList).select_all()
        await p.pause()
        await p.press("ctrl+s")
        await p.pause()
        assert isinstance(app.screen, IntakeScreen)
        warned = [n.message for n in app._notifications]
        assert any("at least 3 participants; 2 take part" in m for m in warned), warned


@pilot
async def test_the_agreement_is_shown_and_each_members_acceptance_recorded() -> None:
    app = IntervisieApp(clock=FakeClock(), sound=False)
    async with app.run_test(size=SIZE) as p:
        screen = await to_setup(app, p)
        shown = terminal_text(app)
        assert "what is said about it stays within" in shown  # the default wording, on screen
        await type_into(p, screen, "#group-name", "Oost")
        await type_into(p, screen, "#members", "Sanne, Pieter, Aylin, Mo")
        await p.press("tab")
        area = screen.query_one("#agreement", TextArea)
        area.text = "Alles blijft in deze kamer."
        screen.query_one("#confidentiality", SelectionList).select_all()
        await p.pause()
        await p.press("ctrl+s")
        await p.pause()
        assert isinstance(app.screen, IntakeScreen)
        events = app.store().events(app.link.meeting_id)
    accepted = [e for e in events if isinstance(e, ConfidentialityAccepted)]
    assert sorted(e.member for e in accepted) == ["m1", "m2", "m3", "m4"]
    assert {e.text for e in accepted} == {"Alles blijft in deze kamer."}


@pilot
async def test_the_group_remembers_profile_place_minutes_facilitator_and_wording() -> None:
    clock = FakeClock()
    app = IntervisieApp(clock=clock, sound=False)
    async with app.run_test(size=SIZE) as p:
        screen = await to_setup(app, p)
        await type_into(p, screen, "#group-name", "Sectie familierecht")
        await type_into(p, screen, "#members", "Sanne, Pieter, Aylin, Joost, Mo")
        await p.press("tab")
        await pick(p, screen, "#facilitator", "Pieter")
        await pick(p, screen, "#profile", "NOvA")
        await type_into(p, screen, "#minutes", "150")
        await type_into(p, screen, "#place", "Zaal 3")
        screen.query_one("#agreement", TextArea).text = "Wat hier gezegd wordt, blijft hier."
        screen.query_one("#confidentiality", SelectionList).select_all()
        await p.pause()
        await p.press("ctrl+s")
        await p.pause()
        assert isinstance(app.screen, IntakeScreen)
        app.go_home()
        await p.pause()
        screen = await to_setup(app, p, "incident")
        await p.pause()
        assert screen.query_one("#group-name", Input).value == "Sectie familierecht"
        assert screen.query_one("#profile", Select).value == "nova"
        assert screen.query_one("#place", Input).value == "Zaal 3"
        assert screen.query_one("#minutes", Input).value == "150"
        assert screen.query_one("#facilitator", Select).value == "m2"
        assert screen.query_one("#agreement", TextArea).text == (
            "Wat hier gezegd wordt, blijft hier."
        )
