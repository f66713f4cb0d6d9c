"""The command line as a user meets it: help, version, listing, validation, languages."""

from __future__ import annotations

import json
from pathlib import Path

HOUSE = Path(__file__).resolve().parents[2] / "examples" / "house-methods"


def test_version_and_help(cli) -> None:
    version = cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("intervisie ")
    helptext = cli("--help")
    assert helptext.returncode == 0
    for command in ("methods", "method", "plugins"):
        assert command in helptext.stdout


def test_methods_list_json_keys_for_a_house_method(cli, tmp_path: Path, isolated_env) -> None:
    folder = isolated_env / "config" / "methods"
    folder.mkdir(parents=True)
    (folder / "huis.toml").write_text(
        (Path(__file__).parents[1] / "core" / "test_house.py")
        .read_text(encoding="utf-8")
        .split('VALID = """')[1]
        .split('"""')[0],
        encoding="utf-8",
    )
    result = cli("methods", "list", "--json")
    assert result.returncode == 0, result.stderr
    entry = next(m for m in json.loads(result.stdout) if m["id"] == "huis")
    assert entry["name"] == {"nl": "Huismethode", "en": "House method"}
    assert entry["minutes"] == 25
    assert entry["group_size"] == {"min": 3, "ideal": 6, "max": 8}
    assert entry["source"] == {"kind": "house", "path": str(folder / "huis.toml")}

    shown = cli("methods", "show", "huis", "--json")
    doc = json.loads(shown.stdout)
    assert [p["id"] for p in doc["phases"]] == ["vragen", "advies"]
    # The document loads again as a house method.
    again = tmp_path / "again.json"
    again.write_text(shown.stdout.replace('"huis"', '"huis2"', 1), encoding="utf-8")
    assert cli("method", "validate", str(again)).returncode == 0


def test_validate_reports_every_problem_with_file_and_phase(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'id = "bad"\nversion = "1"\nname = {nl = "B", en = "B"}\nsummary = {nl = "s", en = "s"}\n'
        'level = "beginning"\ngroup_size = {min = 3, ideal = 6, max = 8}\n'
        '[[phases]]\nid = "a"\nname = {nl = "A", en = "A"}\nkind = "questions"\n'
        'owner = "answering"\nminutes = 0\n'
        '[[phases]]\nid = "a"\nname = {nl = "A", en = "A"}\nkind = "round"\n'
        'owner = "listening"\nminutes = 5\n',
        encoding="utf-8",
    )
    result = cli("method", "validate", str(bad))
    assert result.returncode == 1
    assert f"{bad}: phase 'a', minutes: 0" in result.stderr
    assert f"{bad}: phase 'a', id: appears twice" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_in_dutch(cli, tmp_path: Path) -> None:
    missing = tmp_path / "weg.toml"
    result = cli("method", "validate", str(missing), "--lang", "nl")
    assert result.returncode == 1
    assert "ongeldige methode" in result.stderr


def test_show_an_unknown_method_is_a_clear_error(cli) -> None:
    result = cli("methods", "show", "nope")
    assert result.returncode == 1
    assert "no method 'nope'" in result.stderr
    assert "Traceback" not in result.stderr


def test_example_house_methods_validate(cli) -> None:
    files = sorted(HOUSE.glob("*.toml"))
    for path in files:
        result = cli("method", "validate", str(path))
        assert result.returncode == 0, result.stderr
        assert "valid" in result.stdout
