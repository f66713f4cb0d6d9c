"""The advisor ranks methods from their own metadata: plugins and house methods take part."""

from __future__ import annotations

from pathlib import Path

from intervisie.core import (
    CaseKind,
    GroupSize,
    Level,
    Method,
    OwnerPosition,
    Phase,
    PhaseKind,
    Safety,
    Text,
    hookimpl,
)
from intervisie.core.plugins.loading import load_registry
from intervisie.core.trainers.advisor import Answers, advise, assess

ADVISOR = Path(__file__).resolve().parents[2] / "core" / "trainers" / "advisor.py"


def make(
    mid: str,
    *,
    suits: tuple[CaseKind, ...] = (),
    level: Level = Level.BEGINNING,
    safety: Safety = Safety.MEDIUM,
    size: tuple[int, int, int] = (3, 6, 10),
    minutes: float = 60,
) -> Method:
    return Method(
        id=mid,
        version="1",
        name=Text.of(nl=f"{mid} nl", en=f"{mid} en"),
        summary=Text.of(nl="s", en="s"),
        level=level,
        group_size=GroupSize(*size),
        phases=(
            Phase(
                id="talk",
                name=Text.of(nl="Praten", en="Talk"),
                kind=PhaseKind.DISCUSSION,
                owner=OwnerPosition.PARTICIPATING,
                minutes=minutes,
            ),
        ),
        suits=suits,
        safety_needed=safety,
    )


def balint() -> Method:
    """A Balint group as a third party would publish it: relationships, experienced, 6-12."""
    return make(
        "balint",
        suits=(CaseKind.RELATIONSHIP,),
        level=Level.EXPERIENCED,
        safety=Safety.HIGH,
        size=(6, 10, 12),
        minutes=60,
    )


class BalintPlugin:
    @hookimpl
    def intervisie_methods(self) -> list[Method]:
        return [balint()]


def test_a_plugin_method_wins_when_its_metadata_fits_best() -> None:
    reg = load_registry(extra_plugins=[("balint", BalintPlugin())], house=False)
    assert reg.methods["balint"].source.kind == "plugin"
    assert len(reg.methods) > 1, "the built-ins take part too"
    answers = Answers(
        case_kind=CaseKind.RELATIONSHIP,
        level=Level.EXPERIENCED,
        safety=Safety.HIGH,
        minutes=60,
        group_size=12,
    )
    ranked = advise([m.method for m in reg.methods.values()], answers)
    assert ranked[0].method.id == "balint"
    assert ranked[0].fits
    assert "suits a relationship" in ranked[0].reason("en")
    assert all(r.score < ranked[0].score for r in ranked[1:])


def test_a_house_method_takes_part_with_the_metadata_in_its_file(tmp_path: Path) -> None:
    (tmp_path / "besluit.toml").write_text(
        """
id = "besluit"
version = "1.0"
name = { nl = "Besluitronde", en = "Decision round" }
summary = { nl = "Kort.", en = "Short." }
level = "beginning"
group_size = { min = 3, ideal = 5, max = 8 }
suits = ["decision"]
safety_needed = "low"

[[phases]]
id = "ronde"
name = { nl = "Ronde", en = "Round" }
kind = "round"
owner = "listening"
minutes = 30
""",
        encoding="utf-8",
    )
    reg = load_registry(house_dirs=[tmp_path])
    assert reg.methods["besluit"].source.kind == "house"
    answers = Answers(
        case_kind=CaseKind.DECISION, level=Level.BEGINNING, safety=Safety.LOW, group_size=5
    )
    ranked = advise([m.method for m in reg.methods.values()], answers)
    assert ranked[0].method.id == "besluit"


def test_the_advisor_holds_no_table_of_method_ids() -> None:
    source = ADVISOR.read_text(encoding="utf-8")
    for method_id in ("incident", "roddel", "denkhoeden", "krachtenveld", "balint"):
        assert f'"{method_id}"' not in source and f"'{method_id}'" not in source


def test_without_answers_every_method_fits_equally_in_a_stable_order() -> None:
    methods = [make("b"), make("a"), make("c")]
    ranked = advise(methods, Answers())
    assert [r.method.id for r in ranked] == ["a", "b", "c"]
    assert all(r.fits and r.score == 0 for r in ranked)
    assert ranked[0].reason("en") == "no answers to weigh yet"


def test_the_main_case_kind_counts_more_than_a_side_one() -> None:
    main = make("main", suits=(CaseKind.DILEMMA, CaseKind.DECISION))
    side = make("side", suits=(CaseKind.DECISION, CaseKind.DILEMMA))
    other = make("other", suits=(CaseKind.INCIDENT,))
    ranked = advise([other, side, main], Answers(case_kind=CaseKind.DILEMMA))
    assert [r.method.id for r in ranked] == ["main", "side", "other"]
    assert "not made for a dilemma" in ranked[-1].reason("en")


def test_a_beginning_group_is_kept_from_a_method_for_experienced_groups() -> None:
    rec = assess(make("hard", level=Level.EXPERIENCED), Answers(level=Level.BEGINNING))
    assert not rec.fits
    assert rec.reason("en") == "asks for an experienced group"


def test_safety_below_what_the_method_needs_counts_against_it() -> None:
    method = make("safe", safety=Safety.HIGH)
    assert assess(method, Answers(safety=Safety.HIGH)).score > 0
    one_short = assess(method, Answers(safety=Safety.MEDIUM))
    assert one_short.fits and one_short.score < 0
    assert one_short.reason("en") == "needs high safety (yours: medium)"
    assert not assess(method, Answers(safety=Safety.LOW)).fits


def test_a_group_outside_the_method_s_range_does_not_fit() -> None:
    method = make("m", size=(4, 6, 8))
    assert not assess(method, Answers(group_size=3)).fits
    assert not assess(method, Answers(group_size=9)).fits
    assert assess(method, Answers(group_size=6)).score > assess(method, Answers(group_size=7)).score
    assert assess(method, Answers(group_size=3)).reason("en") == "for groups of 4 to 8"


def test_time_that_allows_shortening_is_a_small_minus_too_little_blocks() -> None:
    method = make("m", minutes=60)  # the floor is half: 30 minutes
    assert assess(method, Answers(minutes=60)).reason("en") == "takes 60 min, fits your time"
    shortened = assess(method, Answers(minutes=45))
    assert shortened.fits and shortened.score == -1
    assert "can be shortened" in shortened.reason("en")
    too_short = assess(method, Answers(minutes=20))
    assert not too_short.fits and too_short.reason("en") == "needs at least 30 min"


def test_blocked_methods_come_last_whatever_their_score() -> None:
    fits = make("fits", suits=(CaseKind.INCIDENT,))
    blocked = make("blocked", suits=(CaseKind.DILEMMA,), size=(3, 4, 4))
    ranked = advise([blocked, fits], Answers(case_kind=CaseKind.DILEMMA, group_size=8))
    assert [r.method.id for r in ranked] == ["fits", "blocked"]
    assert ranked[1].score > ranked[0].score


def test_reasons_read_in_dutch_and_english() -> None:
    rec = assess(
        make("m", suits=(CaseKind.DILEMMA,)),
        Answers(case_kind=CaseKind.DILEMMA, safety=Safety.LOW),
    )
    english, dutch = rec.reason("en"), rec.reason("nl")
    assert "suits a dilemma" in english
    assert english != dutch and "dilemma" in dutch


def test_json_names_the_answers_behind_each_factor() -> None:
    rec = assess(make("m"), Answers(level=Level.BEGINNING, minutes=90))
    doc = rec.to_json("en")
    assert doc["id"] == "m" and doc["fits"] is True and doc["score"] == rec.score
    assert [f["answer"] for f in doc["factors"]] == ["level", "minutes"]
    assert Answers(minutes=90).to_json()["minutes"] == 90
