"""The app never runs a real meeting without a store it can write.

Found by an adversary: with a corrupt store, a store from a newer version or a read-only
data folder, the app showed a toast for 15 s and ran the meeting in memory only; quitting
said "Everything so far is saved", exit 0, and nothing was stored. Now the problem is shown
before setup, with what a person can do (another data folder, browse read-only, a demo that
is plainly not saved), and the quit dialog says "saved" only when it is true.

Root ignores file modes, so the read-only folder is injected at the store's connection.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from app_driving import open_incident_meeting
from test_store_faults import FailingConnection, a_store, corrupt, newer

from intervisie.core.store import file as storefile
from intervisie.core.store.database import Store

pytestmark = pytest.mark.fault


def read_only_folder(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = storefile.connect
    folder = path.parent

    def refuse(p, *, readonly=False, immutable=False):
        if not readonly and Path(p).parent == folder:
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return real_connect(p, readonly=readonly, immutable=immutable)

    monkeypatch.setattr(storefile, "connect", refuse)


FAULTS = {
    "corrupt": (lambda path, mp: corrupt(path), "corrupt"),
    "newer version": (lambda path, mp: newer(path), "newer intervisie"),
    "read-only folder": (read_only_folder, "read-only"),
}


def screen_text(app) -> str:
    from textual.widgets import Static

    return " ".join(" ".join(str(w.render()) for w in app.screen.query(Static)).split())


async def to_setup(app, pilot) -> None:
    from textual.widgets import OptionList

    methods = app.screen.query_one("#methods", OptionList)
    methods.highlighted = methods.get_option_index("incident")
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_store_that_cannot_be_used_is_named_before_setup_and_another_folder_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    from intervisie.tui.app.facilitator import IntervisieApp
    from intervisie.tui.app.screens.setup import SetupScreen
    from intervisie.tui.app.screens.store_problem import StoreProblemScreen

    bad = tmp_path / "bad"
    path = a_store(bad)
    damage, words = FAULTS[fault]
    damage(path, monkeypatch)
    before = path.read_bytes()
    good = tmp_path / "good"

    async def run() -> None:
        app = IntervisieApp(data_dir=bad)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await to_setup(app, pilot)
            assert isinstance(app.screen, StoreProblemScreen), type(app.screen)
            shown = screen_text(app)
            assert words in shown and "cannot be used" in shown and str(path.parent) in shown
            choices = app.screen.query_one("#choices")
            assert "NOT SAVED" in str(choices.get_option("demo").prompt)
            app.save_screenshot(str(tmp_path / "problem.svg"))
            print("screenshot", tmp_path / "problem.svg")
            await pilot.press("enter")  # "Use another data folder"
            await pilot.pause()
            await pilot.press(*str(good), "enter")
            await pilot.pause()
            assert isinstance(app.screen, SetupScreen), type(app.screen)
            await pilot.press("escape")
            await pilot.pause()
            await open_incident_meeting(app, pilot)
            assert app.link is not None and app.link.live is not None
            assert not app.link.live.pending
            meeting_id = app.link.meeting_id
            app.leave_meeting()
        with Store.open(data_dir=good, readonly=True) as store:
            assert [m.id for m in store.meetings()] == [meeting_id]

    asyncio.run(run())
    assert path.read_bytes() == before, "the bad store was never written"


@pytest.mark.parametrize("choice", ["browse", "demo"])
def test_browsing_or_a_demo_starts_no_meeting_that_claims_to_be_saved(
    tmp_path: Path, choice: str
) -> None:
    from intervisie.tui.app.facilitator import IntervisieApp
    from intervisie.tui.app.screens.home import HomeScreen
    from intervisie.tui.app.screens.store_problem import StoreProblemScreen

    bad = tmp_path / "bad"
    corrupt(a_store(bad))

    async def run() -> None:
        app = IntervisieApp(data_dir=bad)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await to_setup(app, pilot)
            assert isinstance(app.screen, StoreProblemScreen)
            await pilot.press("down", *(["down"] if choice == "demo" else []), "enter")
            await pilot.pause()
            if choice == "browse":
                assert isinstance(app.screen, HomeScreen)
            else:
                assert "Nothing is stored unless you save it" in screen_text(app)
            assert app.link is None

    asyncio.run(run())


def test_quitting_says_saved_only_when_it_is(tmp_path: Path) -> None:
    """A meeting whose writes start failing: the quit dialog says what is not saved."""
    from intervisie.tui.app.facilitator import IntervisieApp
    from intervisie.tui.app.screens.confirm import ConfirmScreen

    async def run() -> None:
        app = IntervisieApp(data_dir=tmp_path / "data")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await open_incident_meeting(app, pilot)
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            assert "Everything so far is saved" in screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
            store = app.store()
            store._conn = FailingConnection(store._conn, OSError(28, "No space left on device"))
            await pilot.press("a")
            await pilot.pause()
            app.focused.value = "een incident"
            await pilot.press("enter")
            await pilot.pause()
            assert app.link.live.pending
            await pilot.press("escape", "ctrl+q")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            shown = screen_text(app)
            assert "Everything so far is saved" not in shown
            assert "NOT saved" in shown and "disk is full" in shown
            store._conn = store._conn.real

    asyncio.run(run())
