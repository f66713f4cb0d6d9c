"""Hostile text never steers the reader's terminal, and a Markdown report never runs it.

Found by an adversary: names and titles stored with control sequences (clear screen, OSC 0
window title, OSC 52 clipboard write) passed raw through `sessions show`, `sessions list` and
`report`; a house method named with escape sequences and U+202E through `methods list`,
`show` and `compare`; a contribution `<img onerror=...>` or `[click](...)` became HTML and a
link in the Markdown report. What a terminal would act on is now shown as `\\uXXXX`.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import attrs
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from store_helpers import GROUP, at, opened

from intervisie.core.meeting.events import (
    CaseAdded,
    ContributionAdded,
    MeetingFinished,
    StepStarted,
)
from intervisie.core.meeting.model import Case, Member
from intervisie.core.method.model import ContributionKind, MeetingStep
from intervisie.core.store.database import Store

pytestmark = pytest.mark.fault

CLEAR = "\x1b[2J\x1b[H"
TITLE = "\x1b]0;pwned\x07"
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
C1_CSI = "\x9b31m"
FLIP = "\u202e"
RTL = "مرحبا بالعالم"
RAW = ("\x1b", "\x07", "\x9b", FLIP, "\r")
"""What must never reach the terminal as it is."""


def hostile_meeting(folder: Path) -> str:
    group = attrs.evolve(
        GROUP,
        name=f"Groep{TITLE}Noord",
        members=(Member("anna", f"Anna{FLIP}gpj.exe"), *GROUP.members[1:]),
    )
    events = [
        attrs.evolve(opened(), group=group),
        StepStarted(at(1), step=MeetingStep.INTAKE),
        CaseAdded(
            at(2),
            case=Case(
                id="k1",
                owner="bram",
                title=f"Casus{CLEAR}titel {RTL}",
                description=f"Omschrijving{CLIPBOARD}\rOverschreven",
            ),
        ),
        ContributionAdded(
            at(3),
            contribution_id="c1",
            author="carla",
            kind=ContributionKind.NOTE,
            text=f"notitie{C1_CSI} <img src=x onerror=alert(1)> [klik](https://evil.example)",
            step=MeetingStep.INTAKE,
        ),
        MeetingFinished(at(30)),
    ]
    with Store.open(data_dir=folder) as store:
        meeting_id = store.new_meeting()
        for event in events:
            store.append(meeting_id, event)
    return meeting_id


def safe(result, *, code: int = 0) -> str:
    assert result.returncode == code, result.stderr
    out = result.stdout + result.stderr
    for char in RAW:
        assert char not in out, f"{char!r} reached the terminal: {out!r}"
    assert "Traceback" not in out
    return out


def test_stored_control_sequences_are_shown_not_obeyed(cli, isolated_env: Path) -> None:
    meeting_id = hostile_meeting(isolated_env / "data")
    listed = safe(cli("sessions", "list"))
    assert "Groep\\u001b]0;pwned\\u0007Noord" in listed
    shown = safe(cli("sessions", "show", meeting_id))
    assert RTL in shown  # right-to-left letters stay as they are
    assert "\\u001b]52;c;" in shown and "\\u202e" in shown and "\\u009b31m" in shown
    report = safe(cli("report", meeting_id))
    assert "Groep\\u001b\\]0;pwned\\u0007Noord" in report and "\\u009b31m" in report


def test_json_output_stays_json_and_means_the_same(cli, isolated_env: Path) -> None:
    meeting_id = hostile_meeting(isolated_env / "data")
    doc = json.loads(safe(cli("sessions", "show", meeting_id, "--json")).strip())
    assert doc["cases"][0]["title"] == f"Casus{CLEAR}titel {RTL}"
    assert doc["group"]["name"] == f"Groep{TITLE}Noord"
    listed = json.loads(safe(cli("sessions", "list", "--json")))
    assert listed[0]["group"]["name"] == f"Groep{TITLE}Noord"


def test_the_markdown_report_shows_html_and_links_as_text(cli, isolated_env, tmp_path) -> None:
    meeting_id = hostile_meeting(isolated_env / "data")
    target = tmp_path / "report.md"
    safe(cli("report", meeting_id, "--output", str(target)))
    text = target.read_text(encoding="utf-8")
    for char in RAW:
        assert char not in text
    assert not re.search(r"(?<!\\)[<\[]", text.replace("\\\\", "")), "unescaped < or ["
    assert "\\<img src=x onerror=alert(1)\\>" in text
    assert "\\[klik\\](https://evil.example)" in text


HOUSE = """\
extends = "incident"
id = "evil"
version = "1.0"

[name]
nl = "Kwaad\\u001b]0;pwned\\u0007\\u202egpj.exe"
en = "Evil\\u001b[2J\\u001b]52;c;cm0gLXJmIH4=\\u0007\\u202egpj.exe"

[summary]
nl = "Samenvatting\\u001b[31m rood"
en = "Summary\\u001b[31m red"
"""


@pytest.mark.parametrize(
    "args",
    [
        ("methods", "list"),
        ("methods", "list", "--json"),
        ("methods", "show", "evil"),
        ("methods", "compare", "evil", "incident"),
        ("method", "validate", "FILE"),
    ],
    ids=lambda a: " ".join(a),
)
def test_a_house_method_named_with_escape_sequences_cannot_steer_the_terminal(
    cli, tmp_path: Path, args: tuple[str, ...]
) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    path = folder / "evil.toml"
    path.write_text(HOUSE, encoding="utf-8")
    env = dict(os.environ, INTERVISIE_METHODS_PATH=str(folder))
    args = tuple(str(path) if a == "FILE" else a for a in args)
    out = safe(cli(*args, env=env))
    if args[:2] != ("method", "validate"):
        assert "\\u202e" in out and "\\u001b" in out
    if args[-1] == "--json":
        doc = {m["id"]: m for m in json.loads(out[: out.rindex("]") + 1])}
        assert doc["evil"]["name"]["en"].startswith("Evil\x1b[2J")
