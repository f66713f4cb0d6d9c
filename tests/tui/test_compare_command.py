"""`intervisie methods compare`: side by side text and JSON, built-ins and house methods."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from intervisie.core.plugins.loading import load_registry
from intervisie.core.trainers.compare import OWNER_SYMBOLS
from intervisie.tui.cli.main import main

BUILTINS = [m.method.id for m in load_registry(house=False).methods.values()]

HOUSE = """
id = "huis"
version = "1.0"
name = { nl = "Huismethode", en = "House method" }
summary = { nl = "Kort overleg.", en = "A short consult." }
level = "experienced"
group_size = { min = 3, ideal = 6, max = 8 }
suits = ["decision"]
safety_needed = "high"
asks_of_group = { nl = "Snel denken.", en = "Quick thinking." }

[[phases]]
id = "vragen"
name = { nl = "Vragen", en = "Questions" }
kind = "questions"
owner = "answering"
minutes = 10

[[phases]]
id = "roddel"
name = { nl = "Achter de rug", en = "Behind the back" }
kind = "round"
owner = "turned_away"
minutes_per_turn = 2
"""


def run(*args: str):
    """Run a command in English unless the test asks for a language (whatever the system)."""
    lang = [] if "--lang" in args else ["--lang", "en"]
    return CliRunner().invoke(main, [*args, *lang])


@pytest.fixture
def house(isolated_env: Path) -> Path:
    folder = isolated_env / "config" / "methods"
    folder.mkdir(parents=True)
    path = folder / "huis.toml"
    path.write_text(HOUSE, encoding="utf-8")
    return path


def test_the_built_in_methods_are_there_to_compare() -> None:
    assert len(BUILTINS) >= 2


@pytest.mark.parametrize("pair", list(itertools.combinations(BUILTINS, 2)), ids="-".join)
def test_every_pair_of_builtins_compares_side_by_side(pair: tuple[str, str]) -> None:
    result = run("methods", "compare", *pair, "--width", "100")
    assert result.exit_code == 0, result.output
    reg = load_registry(house=False)
    first, second = (reg.get(mid) for mid in pair)
    text = result.stdout
    header = text.splitlines()[0]
    assert header.index(first.name.get("en")) < header.index(second.name.get("en"))
    for method in (first, second):
        for phase in method.phases_for():
            assert phase.name.get("en")[:20] in text
            assert OWNER_SYMBOLS[phase.owner] in text
    assert "Case owner:" in text and "Asks of the facilitator" in text
    assert all(len(line) <= 100 for line in text.splitlines())


def test_json_gives_the_same_phases_and_minutes_as_the_listing() -> None:
    pair = BUILTINS[:2]
    result = run("methods", "compare", *pair, "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    listed = {m["id"]: m for m in json.loads(run("methods", "list", "--json").stdout)}
    assert [m["id"] for m in doc["methods"]] == pair
    assert doc["axis_minutes"] == max(m["minutes"] for m in doc["methods"])
    for entry in doc["methods"]:
        shown = json.loads(run("methods", "show", entry["id"], "--json").stdout)
        assert round(entry["minutes"]) == listed[entry["id"]]["minutes"]
        assert entry["group_size"] == listed[entry["id"]]["group_size"]
        assert len(entry["phases"]) == listed[entry["id"]]["phases"]
        assert {p["id"] for p in entry["phases"]} <= {p["id"] for p in shown["phases"]}
        assert entry["phases"][0]["start"] == 0
        for before, after in itertools.pairwise(entry["phases"]):
            assert before["end"] == after["start"]
        for phase in entry["phases"]:
            assert set(phase) >= {"kind", "owner", "symbol", "lens", "start", "end", "name"}
        assert entry["source"]["kind"] == "builtin"


def test_a_house_method_compares_with_a_builtin(house: Path) -> None:
    result = run("methods", "compare", "huis", BUILTINS[0], "--json")
    assert result.exit_code == 0, result.output
    huis = json.loads(result.stdout)["methods"][0]
    assert huis["source"] == {"kind": "house", "path": str(house)}
    assert huis["level"] == "experienced" and huis["safety_needed"] == "high"
    # The ideal size, 6, by default: 5 turns of 2 minutes after 10 minutes.
    assert huis["participants"] == 6 and huis["minutes"] == 20
    assert [p["owner"] for p in huis["phases"]] == ["answering", "turned_away"]

    text = run("methods", "compare", "huis", BUILTINS[0]).stdout
    assert "House method" in text and "Behind the back" in text
    assert "Quick thinking." in text and "░" in text
    lines = text.replace("\u00a0", " ").splitlines()
    owner_row = next(line for line in lines if line.startswith("Case owner (min)"))
    assert "▆ 10  ░ 10" in owner_row, "minutes per owner position, by symbol"


def test_participants_apply_to_every_method(house: Path) -> None:
    doc = json.loads(
        run("methods", "compare", "huis", BUILTINS[0], "--participants", "4", "--json").stdout
    )
    assert {m["participants"] for m in doc["methods"]} == {4}
    assert doc["methods"][0]["minutes"] == 16


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_builtin_at_once_fits_in_eighty_columns(lang: str) -> None:
    assert {"incident", "roddel", "denkhoeden", "krachtenveld"} <= set(BUILTINS)
    result = run("methods", "compare", *BUILTINS, "--width", "80", "--lang", lang)
    assert result.exit_code == 0, result.output
    assert all(len(line) <= 80 for line in result.stdout.splitlines())


def test_dutch_output() -> None:
    result = run("methods", "compare", *BUILTINS[:2], "--lang", "nl")
    assert result.exit_code == 0
    assert "Inbrenger:" in result.stdout and "Vraagt van de gespreksleider" in result.stdout
    reg = load_registry(house=False)
    assert reg.get(BUILTINS[0]).name.get("nl") in result.stdout


def test_unknown_and_too_few_methods_are_clear_errors() -> None:
    unknown = run("methods", "compare", BUILTINS[0], "nope")
    assert unknown.exit_code == 1 and "no method 'nope'" in unknown.stderr
    single = run("methods", "compare", BUILTINS[0])
    assert single.exit_code == 2 and "at least two" in single.stderr
    twice = run("methods", "compare", BUILTINS[0], BUILTINS[0])
    assert twice.exit_code == 2


def test_compare_and_advise_do_not_import_textual() -> None:
    code = (
        "import sys\nfrom intervisie.tui.cli.main import main\n"
        "for args in (['methods', 'compare', 'incident', 'roddel'],"
        " ['methods', 'advise', '--no-interactive', '--json']):\n"
        "    try:\n        main(args, standalone_mode=False)\n"
        "    except SystemExit:\n        pass\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
