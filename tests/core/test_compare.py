"""The comparison data: one time axis, the owner's seat per phase, bars that line up."""

from __future__ import annotations

import pytest

from intervisie.core import (
    GroupSize,
    Lens,
    Level,
    Method,
    OwnerPosition,
    Phase,
    PhaseKind,
    Safety,
    Text,
)
from intervisie.core.plugins.loading import load_registry
from intervisie.core.trainers.compare import (
    OWNER_SYMBOLS,
    bar_cells,
    bar_segments,
    compare,
    format_minutes,
    legend,
    phase_labels,
    profile,
    ruler,
)

P = OwnerPosition
K = PhaseKind


def t(text: str) -> Text:
    return Text.of(nl=f"{text} (nl)", en=text)


def phase(pid: str, kind: K, owner: P, minutes=None, per_turn=None, lens=None) -> Phase:
    return Phase(
        id=pid,
        name=t(pid.capitalize()),
        kind=kind,
        owner=owner,
        minutes=minutes,
        minutes_per_turn=per_turn,
        lens=lens,
    )


def method(mid: str, *phases: Phase, ideal: int = 6) -> Method:
    return Method(
        id=mid,
        version="1",
        name=t(mid.capitalize()),
        summary=t("A method."),
        level=Level.BEGINNING,
        group_size=GroupSize(3, ideal, 10),
        phases=phases,
        asks_of_group=t("Patience."),
        asks_of_facilitator=t("A firm hand."),
        safety_needed=Safety.MEDIUM,
    )


RED = Lens(id="red", name=Text.of(nl="Rode hoed", en="Red hat"), colour="red", symbol="R")

SHORT = method(
    "short",
    phase("tell", K.PRESENTATION, P.PRESENTING, minutes=10),
    phase("ask", K.QUESTIONS, P.ANSWERING, minutes=10),
    phase("gossip", K.ROUND, P.TURNED_AWAY, per_turn=2),
)
LONG = method(
    "long",
    phase("collect", K.INTAKE, P.NONE, minutes=10),
    phase("hat", K.ROUND, P.LISTENING, minutes=20, lens=RED),
    phase("lessons", K.DISCUSSION, P.PARTICIPATING, minutes=30),
)


def test_phases_sit_end_to_end_from_minute_zero() -> None:
    prof = profile(SHORT)
    assert [(s.start, s.end) for s in prof.phases] == [(0, 10), (10, 20), (20, 30)]
    assert prof.participants == 6
    assert prof.minutes == SHORT.total_minutes()
    assert [s.number for s in prof.phases] == [1, 2, 3]


def test_per_turn_phases_follow_the_participants_given() -> None:
    # 8 present: 7 turns of 2 minutes (the owner does not take a turn).
    assert profile(SHORT, participants=8).phases[-1].minutes == 14
    assert profile(SHORT, participants=4).minutes == 26


def test_the_owner_minutes_add_up_to_the_whole_method() -> None:
    prof = profile(LONG)
    spent = prof.owner_minutes()
    assert spent == {P.NONE: 10, P.LISTENING: 20, P.PARTICIPATING: 30}
    assert sum(spent.values()) == prof.minutes


def test_the_axis_is_the_longest_method_and_boundaries_cover_every_phase_start() -> None:
    comparison = compare([SHORT, LONG])
    assert comparison.axis_minutes == 60
    assert comparison.boundaries() == [0, 10, 20, 30, 60]


def test_bars_share_one_scale_so_equal_minutes_get_equal_cells() -> None:
    comparison = compare([SHORT, LONG])
    short, long = comparison.methods
    long_bar = bar_cells(long, 60, comparison.axis_minutes)
    short_bar = bar_cells(short, 60, comparison.axis_minutes)
    assert len(long_bar) == 60
    assert len(short_bar) == 30, "half as long on the same axis"
    # The phase changing at minute 10 changes at the same cell in both bars.
    assert short_bar[9] != short_bar[10] and long_bar[9] != long_bar[10]
    assert short_bar == "▇" * 10 + "▆" * 10 + "░" * 10
    assert set(long_bar) == {OWNER_SYMBOLS[P.NONE], "▒", "▂"}


@pytest.mark.parametrize("width", [7, 13, 40, 79, 120])
def test_segments_never_overlap_or_leave_gaps(width: int) -> None:
    prof = profile(LONG)
    segments = bar_segments(prof, width)
    position = 0
    for _span, first, count in segments:
        assert first == position and count >= 0
        position += count
    assert position == width


def test_every_owner_position_has_its_own_symbol_and_a_legend_entry() -> None:
    assert len(set(OWNER_SYMBOLS.values())) == len(OwnerPosition)
    assert [symbol for symbol, _ in legend("en")] == [OWNER_SYMBOLS[p] for p in OwnerPosition]
    assert all(label for _, label in legend("nl"))


def test_ruler_and_phase_labels_line_up_with_the_bar() -> None:
    prof = profile(LONG)
    line = ruler(60, 60, step=10)
    assert line.startswith("0") and line[10:12] == "10" and line[30:32] == "30"
    labels = phase_labels(prof, 60, 60, "en")
    assert labels.startswith("Collect") and labels[10:13] == "Hat" and labels[30:37] == "Lessons"
    assert phase_labels(prof, 60, 60, "en", numbers=True).split() == ["1", "2", "3"]


def test_a_label_too_long_for_its_phase_is_cut_with_an_ellipsis() -> None:
    labels = phase_labels(profile(LONG), 12, 60, "nl")
    assert "…" in labels and len(labels) <= 12


def test_json_carries_kind_owner_lens_and_minutes_per_phase() -> None:
    doc = compare([SHORT, LONG], sources={"long": {"kind": "house", "path": "/x.toml"}}).to_json()
    assert doc["axis_minutes"] == 60
    assert [p["id"] for p in doc["owner_positions"]] == [p.value for p in OwnerPosition]
    short, long = doc["methods"]
    assert short["source"] is None and long["source"]["kind"] == "house"
    hat = long["phases"][1]
    assert hat["kind"] == "round" and hat["owner"] == "listening" and hat["symbol"] == "▒"
    assert hat["lens"]["name"] == {"nl": "Rode hoed", "en": "Red hat"}
    assert (hat["start"], hat["end"], hat["minutes"]) == (10, 30, 20)
    assert long["group_size"] == {"min": 3, "ideal": 6, "max": 10}
    assert long["level"] == "beginning" and long["safety_needed"] == "medium"
    assert long["asks_of_facilitator"]["en"] == "A firm hand."
    assert long["owner_minutes"] == {"none": 10, "listening": 20, "participating": 30}


def test_minutes_print_without_a_needless_decimal() -> None:
    assert [format_minutes(m) for m in (10, 10.0, 10.5, 10.04)] == ["10", "10", "10.5", "10"]


def test_every_builtin_lays_out_to_its_own_total() -> None:
    reg = load_registry(house=False)
    assert reg.methods, "the built-in methods load"
    for loaded in reg.methods.values():
        prof = profile(loaded.method)
        assert prof.minutes == pytest.approx(loaded.method.total_minutes())
        assert len(prof.phases) == len(loaded.method.phases_for())
