"""Small meetings written as events by hand, so the store's tests need no engine."""

from __future__ import annotations

import importlib.util
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.events import (
    CaseAdded,
    ContributionAdded,
    Event,
    MeetingFinished,
    MeetingOpened,
    StepStarted,
)
from intervisie.core.meeting.model import Case, Group, Member
from intervisie.core.method.model import ContributionKind, MeetingStep, Method

START = datetime(2026, 3, 5, 14, 0, tzinfo=UTC)
SECRET = "Zeer-Geheime-Casus-Tekst"
DRIVE_SECRET = "Vertrouwelijk-Dossier-Xq7"
GROUP = Group(
    id="g1",
    name="Advocaten Noord",
    members=(
        Member("anna", "Anna"),
        Member("bram", "Bram"),
        Member("carla", "Carla"),
        Member("daan", "Daan"),
    ),
)


def at(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)


def opened(minutes: float = 0, *, demo: bool = False) -> MeetingOpened:
    return MeetingOpened(
        at(minutes),
        group=GROUP,
        present=("anna", "bram", "carla"),
        facilitator="anna",
        confidentiality=("anna", "bram", "carla"),
        minutes_available=120,
        demo=demo,
    )


def note(i: int, text: str = "a remark") -> ContributionAdded:
    return ContributionAdded(
        at(1 + i / 60),
        contribution_id=f"c{i}",
        author="bram",
        kind=ContributionKind.NOTE,
        text=text,
        step=MeetingStep.INTAKE,
    )


def small_meeting(*, finished: bool = True, secret: str = SECRET) -> list[Event]:
    events: list[Event] = [
        opened(),
        StepStarted(at(1), step=MeetingStep.INTAKE),
        CaseAdded(
            at(2), case=Case(id="k1", owner="bram", title=f"Title {secret}", description=secret)
        ),
        note(5, f"note {secret}"),
    ]
    if finished:
        events.append(MeetingFinished(at(30)))
    return events


def case_method() -> Method:
    """The engine tests' force-field method (tests/core/conftest.py), for tests elsewhere."""
    spec = importlib.util.spec_from_file_location(
        "engine_fixtures", Path(__file__).with_name("conftest.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_case_method()


def drive(live: Any, clock: FakeClock, group: Group, method: Method, *, finish=True):
    """A whole meeting: intake, choice, one round of `method` with contributions, closing."""
    present = tuple(m.id for m in group.members)
    live.execute(
        cmd.OpenMeeting(
            group=group,
            present=present,
            facilitator="anna",
            confidentiality=present,
            minutes_available=120,
        )
    )
    live.execute(cmd.AddCase(owner="bram", title=f"Case {DRIVE_SECRET}", description=DRIVE_SECRET))
    live.execute(cmd.AddCase(owner="carla", title="Deadline", description="Late again"))
    live.execute(cmd.Vote(voter="daan", case_id="c1"))
    clock.advance(minutes=5)
    live.execute(cmd.ChooseCase())
    live.execute(cmd.StartRound(method=method))
    clock.advance(minutes=3)
    live.execute(cmd.NextPhase())
    live.execute(
        cmd.AddContribution(
            author="carla",
            kind=ContributionKind.FORCE,
            text=f"force {DRIVE_SECRET}",
            side="driving",
        )
    )
    clock.advance(minutes=4)
    if not finish:
        return
    for _ in range(len(method.phases) - 2):
        live.execute(cmd.NextPhase())
        clock.advance(minutes=2)
    live.execute(cmd.FinishRound())
    live.execute(cmd.StartStep(step=MeetingStep.CLOSING))
    clock.advance(minutes=5)
    live.execute(cmd.FinishMeeting())


def import_export(store: Any, path: Path) -> str:
    """Add the meeting in an exported file to `store`, as `sessions import` does."""
    from intervisie.core.store.transfer import read_export

    meeting_id, demo, events = read_export(path)
    store.import_meeting(meeting_id, events, demo=demo)
    return meeting_id
