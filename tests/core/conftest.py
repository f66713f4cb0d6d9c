"""Fixtures for the engine tests: small methods built here, a fake clock, an opened meeting.

The methods mirror the built-ins' shapes (a method with its own intake and choice and a
hidden writing phase; assigned lenses) without depending on the plugins.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.engine import Engine
from intervisie.core.meeting.model import Group, Member
from intervisie.core.method.model import (
    Criterion,
    GroupSize,
    Lens,
    Level,
    Method,
    OwnerPosition,
    Phase,
    PhaseKind,
    Side,
    Text,
    TurnMode,
)

START = datetime(2026, 3, 5, 14, 0, tzinfo=UTC)
MEMBERS = ("anna", "bram", "carla", "daan", "eva", "femke")


def t(s: str) -> Text:
    return Text.of(nl=s, en=s)


def _phase(pid: str, kind: PhaseKind, owner: OwnerPosition, **kw) -> Phase:
    kw.setdefault("minutes", 10)
    return Phase(id=pid, name=t(pid.title()), kind=kind, owner=owner, **kw)


def make_choosing_method() -> Method:
    """Like the incident method: collect, choose, sketch, questions, write (hidden), round."""
    Own, K = OwnerPosition, PhaseKind
    return Method(
        id="choosing",
        version="1",
        name=t("Choosing"),
        summary=t("Chooses its own case."),
        level=Level.BEGINNING,
        group_size=GroupSize(3, 6, 10),
        phases=(
            _phase("collect", K.INTAKE, Own.NONE, minutes=5),
            _phase("choose", K.CHOICE, Own.NONE, minutes=5),
            _phase("sketch", K.PRESENTATION, Own.PRESENTING),
            _phase("questions", K.QUESTIONS, Own.ANSWERING),
            _phase("write", K.WRITING, Own.LISTENING, minutes=5, hidden_until_reveal=True),
            _phase(
                "approaches",
                K.ROUND,
                Own.LISTENING,
                minutes=None,
                minutes_per_turn=2,
                min_minutes=1,
            ),
            _phase(
                "evaluation",
                K.EVALUATION,
                Own.PARTICIPATING,
                minutes=5,
                criteria=(Criterion("process", t("Process"), 1, 5),),
            ),
        ),
    )


def make_case_method() -> Method:
    """A method that needs its case chosen before it starts (forces, ratings)."""
    Own, K = OwnerPosition, PhaseKind
    return Method(
        id="forces",
        version="1",
        name=t("Forces"),
        summary=t("Force field."),
        level=Level.EXPERIENCED,
        group_size=GroupSize(3, 6, 10),
        phases=(
            _phase("case", K.PRESENTATION, Own.PRESENTING),
            _phase(
                "forces",
                K.FORCES,
                Own.PARTICIPATING,
                sides=(Side("restraining", t("Against")), Side("driving", t("For"))),
            ),
            _phase(
                "rate",
                K.RATING,
                Own.PARTICIPATING,
                criteria=(Criterion("intensity", t("Intensity"), 1, 5),),
            ),
            _phase("evaluation", K.EVALUATION, Own.PARTICIPATING, minutes=5),
        ),
    )


def make_lens_method() -> Method:
    """Six-hats-like, assigned mode: each lens phase's turns go to that lens's holders."""
    Own, K = OwnerPosition, PhaseKind
    hats = [("white", "#ffffff"), ("red", "#ff0000"), ("black", "#000000")]
    return Method(
        id="lenses",
        version="1",
        name=t("Lenses"),
        summary=t("Hats."),
        level=Level.EXPERIENCED,
        group_size=GroupSize(3, 6, 10),
        phases=(
            _phase("case", K.PRESENTATION, Own.PRESENTING, minutes=5),
            *(
                _phase(
                    hat,
                    K.ROUND,
                    Own.LISTENING,
                    minutes=None,
                    minutes_per_turn=2,
                    turns=TurnMode.LENS,
                    lens=Lens(hat, t(hat), colour),
                )
                for hat, colour in hats
            ),
            _phase("evaluation", K.EVALUATION, Own.PARTICIPATING, minutes=5),
        ),
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def group() -> Group:
    return Group("g1", "Intervisiegroep Oost", tuple(Member(m, m.title()) for m in MEMBERS))


def open_engine(clock: FakeClock, group: Group, present=MEMBERS, **kw) -> Engine:
    engine = Engine(clock)
    kw.setdefault("facilitator", "Facilitator Fenna")
    kw.setdefault("minutes_available", 120)
    engine.execute(
        cmd.OpenMeeting(group=group, present=tuple(present), confidentiality=tuple(present), **kw)
    )
    return engine


@pytest.fixture
def engine(clock: FakeClock, group: Group) -> Engine:
    return open_engine(clock, group)


@pytest.fixture
def choosing() -> Method:
    return make_choosing_method()


@pytest.fixture
def case_method() -> Method:
    return make_case_method()


@pytest.fixture
def lens_method() -> Method:
    return make_lens_method()


@pytest.fixture
def open_meeting(clock: FakeClock, group: Group):
    """`open_meeting(present=..., **setup)`: an engine with a freshly opened meeting."""

    def _open(present=MEMBERS, **kw) -> Engine:
        return open_engine(clock, group, present, **kw)

    return _open
