"""Driving the facilitator's app the way a person does, for the fault tests.

Shared by pilots in the test process and by scripts that run the app in a child process
(they put this folder on `sys.path`).
"""

from __future__ import annotations

from typing import Any


async def open_incident_meeting(
    app: Any,
    pilot: Any,
    *,
    group: str = "Sectie familierecht",
    members: str = "Sanne, Pieter, Aylin, Joost, Eva, Mo",
    facilitator: str = "m6",
) -> None:
    """From home to the incident method's runner: pick it, fill in setup, open the meeting."""
    from textual.widgets import Input, OptionList, Select, SelectionList

    methods = app.screen.query_one("#methods", OptionList)
    methods.highlighted = methods.get_option_index("incident")
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    screen.query_one("#group-name", Input).value = group
    screen.query_one("#members", Input).value = members
    await pilot.pause()
    screen.query_one("#facilitator", Select).value = facilitator
    screen.query_one("#confidentiality", SelectionList).select_all()
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
