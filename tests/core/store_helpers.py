"""Small meetings written as events by hand, so the store's tests need no engine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from intervisie.core.events import (
    CaseAdded,
    ContributionAdded,
    Event,
    MeetingFinished,
    MeetingOpened,
    StepStarted,
)
from intervisie.core.meeting import Case, Group, Member
from intervisie.core.model import ContributionKind, MeetingStep

START = datetime(2026, 3, 5, 14, 0, tzinfo=UTC)
SECRET = "Zeer-Geheime-Casus-Tekst"
GROUP = Group(
    id="g1",
    name="Advocaten Noord",
    members=(Member("anna", "Anna"), Member("bram", "Bram"), Member("carla", "Carla")),
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
