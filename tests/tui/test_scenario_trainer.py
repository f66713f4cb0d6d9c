"""Scenario 4 of the walkthroughs: a trainer's afternoon. The gossip method played as a demo
on a fast clock and saved, then a real meeting set up for a new group: nothing of the demo
shows up there (its sample group is not offered, let alone the default)."""

from __future__ import annotations

import sys
from pathlib import Path

from textual.widgets import Input, Select

from intervisie.core.settings import data_dir
from intervisie.core.store.database import Store
from intervisie.tui.app.facilitator import IntervisieApp
from intervisie.tui.app.screens.demo import DemoSaveScreen, DemoSpeedScreen, start_demo
from intervisie.tui.app.screens.setup import NEW_GROUP, SetupScreen

sys.path.insert(0, str(Path(__file__).parent))
from facilitator_driver import Facilitator
from pilots import pilot
from test_demo_mode import Real, settle


@pilot
async def test_a_saved_demo_leaves_nothing_in_the_next_real_meetings_setup() -> None:
    real = Real()
    app = IntervisieApp()
    started = []
    async with app.run_test(size=(80, 24)) as pilot_:
        f = Facilitator(app, pilot_, None)  # type: ignore[arg-type]
        await pilot_.pause()
        start_demo(app, "roddel", real=real, on_start=started.append)
        await pilot_.pause()
        assert isinstance(app.screen, DemoSpeedScreen)
        await f.keys("down", "enter")
        controller = started[0]
        demo_group = controller.link.state.group.name
        real.t += 24 * 3600
        await settle(pilot_, controller)
        assert isinstance(app.screen, DemoSaveScreen)
        await f.keys("s")
        await f.keys("h")  # home from the summary
        await pilot_.pause()
        screen = await f.setup("incident")
        assert isinstance(screen, SetupScreen)
        offered = [str(prompt) for prompt, _value in screen.query_one("#group", Select)._options]
        assert not any(demo_group in name for name in offered), offered
        assert screen.query_one("#group", Select).value == NEW_GROUP
        assert screen.query_one("#members", Input).value == ""
    with Store.open(data_dir=data_dir(None), readonly=True) as store:
        assert [m.demo for m in store.meetings()] == [True]  # the demo is kept, marked
