"""`intervisie methods show ID`: a method as a readable card, in the chosen language."""

from __future__ import annotations

import pytest

from intervisie.core.plugins.loading import load_registry
from intervisie.tui.cli.render_method import render_method

BUILTINS = ("incident", "roddel", "denkhoeden", "krachtenveld")


@pytest.fixture(scope="module")
def registry():
    return load_registry(house=False)


def show(registry, method_id: str, lang: str, width: int = 80, participants=None) -> str:
    loaded = registry.methods[method_id]
    return render_method(loaded.method, loaded.source, lang, participants, width=width)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("method_id", BUILTINS)
def test_every_builtin_renders_within_the_width_in_both_languages(
    registry, method_id: str, lang: str
) -> None:
    method = registry.methods[method_id].method
    for width in (60, 80, 100):
        text = show(registry, method_id, lang, width)
        assert max(len(line) for line in text.splitlines()) <= width
    text = show(registry, method_id, lang)
    assert text.startswith(method.name.get(lang))
    for phase in method.phases:
        assert phase.name.get(lang) in text
        assert phase.goal.get(lang) in text.replace("\n", " ").replace("        ", "")


def test_the_phase_table_shows_minutes_per_turn_and_the_owner_position(registry) -> None:
    text = show(registry, "incident", "en")
    table = text.split("Phases\n──────\n")[1].split("Options\n")[0]
    assert "Round of approaches" in table
    row = next(line for line in table.splitlines() if "Round of approaches" in line)
    assert "7 × 1.5 = 10.5" in row and "listens" in row
    row = next(line for line in table.splitlines() if "What I did" in line)
    assert row.split()[-2:] == ["▇", "presents"]
    assert "Case owner" in table.splitlines()[0]
    # The total of the table is the method's total at the ideal group size.
    assert table.strip().splitlines()[-2].strip() == "76"


def test_participants_change_the_per_turn_minutes(registry) -> None:
    text = show(registry, "roddel", "en", participants=5)
    row = next(line for line in text.splitlines() if line.lstrip().startswith("3  Gossip"))
    assert "4 × 2 = 8" in row


def test_the_gossip_card_in_dutch_says_where_the_owner_sits_and_the_rules(registry) -> None:
    text = show(registry, "roddel", "nl")
    assert "Roddelmethode" in text
    assert "buiten de kring" in text
    assert "Regels:" in text and "derde persoon" in text
    assert "Gespreksleider:" in text and "Inbrenger:" in text and "Deelnemers:" in text
    assert "Opties" in text and "(standaard)" in text
    # The second gossip round runs only with two rounds: shown, marked, not numbered.
    assert "Tweede roddelronde" in text
    assert "Alleen bij Roddelrondes: Twee rondes" in text


def test_the_hats_card_shows_each_hat_with_symbol_and_question(registry) -> None:
    text = show(registry, "denkhoeden", "en", width=100)
    method = registry.methods["denkhoeden"].method
    for phase in method.phases:
        if phase.lens is not None:
            lens = phase.lens
            assert f"Lens: {lens.symbol} {lens.name.get('en')}: {lens.question.get('en')}" in text


def test_the_force_field_card_shows_sides_and_scales(registry) -> None:
    text = show(registry, "krachtenveld", "nl", width=100)
    assert "Kanten: Remmend" in text and "Kanten: Stuwend" in text
    assert "Scores: Sterkte 1-5" in text
    assert "1 tot 10" in text


def test_the_command_prints_the_card_in_the_chosen_language(cli) -> None:
    result = cli("methods", "show", "incident", "--lang", "nl")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Incidentmethode")
    assert "Ronde van aanpakken" in result.stdout
    assert "De fasen in detail" in result.stdout
