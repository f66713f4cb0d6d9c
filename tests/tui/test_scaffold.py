"""`intervisie method new`: a plugin package whose own tests pass as generated, or a TOML file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from intervisie.core.plugins.method_files import load_method_file
from intervisie.core.testing import method_problems
from intervisie.tui.cli.main import main

RUFF = Path(sys.executable).parent / "ruff"
FILES = {
    "pyproject.toml",
    "README.md",
    "LICENSE",
    "src/intervisie_peer_review/__init__.py",
    "src/intervisie_peer_review/method.py",
    "tests/test_method.py",
}


def new(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["method", "new", *args])
    return result.exit_code, result.output


def files_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_new_writes_a_complete_plugin_package(tmp_path: Path) -> None:
    code, output = new("peer-review", "--dir", str(tmp_path))
    assert code == 0, output
    root = tmp_path / "intervisie-peer-review"
    assert files_under(root) == FILES
    assert "python -m pytest" in output
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert 'name = "intervisie-peer-review"' in pyproject
    assert '[project.entry-points.intervisie]\npeer-review = "intervisie_peer_review"' in pyproject
    assert "-p intervisie.core.testing" in pyproject
    method = (root / "src/intervisie_peer_review/method.py").read_text(encoding="utf-8")
    assert method.count("Phase(") == 2
    assert "Choose a licence" in (root / "LICENSE").read_text(encoding="utf-8")


def test_the_generated_code_is_clean_for_a_linter_with_default_settings(tmp_path: Path) -> None:
    new("peer-review", "--dir", str(tmp_path))
    root = tmp_path / "intervisie-peer-review"
    rules = "E,F,W,I,UP,B,SIM,RUF"
    check = subprocess.run(
        [str(RUFF), "check", "--isolated", "--select", rules, str(root)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout
    fmt = subprocess.run(
        [str(RUFF), "format", "--isolated", "--check", str(root)], capture_output=True, text=True
    )
    assert fmt.returncode == 0, fmt.stdout


@pytest.mark.slow
def test_the_generated_package_installs_and_its_own_tests_pass(tmp_path: Path) -> None:
    new("peer-review", "--dir", str(tmp_path / "work"))
    root = tmp_path / "work" / "intervisie-peer-review"
    site = tmp_path / "site"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(site),
            str(root),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    env = dict(os.environ, PYTHONPATH=str(site), PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "2 passed" in tests.stdout

    cli = [sys.executable, "-m", "intervisie.tui"]
    plugins = subprocess.run(
        [*cli, "plugins", "--json"], capture_output=True, text=True, env=env, timeout=120
    )
    assert plugins.returncode == 0, plugins.stderr
    entry = next(p for p in json.loads(plugins.stdout) if p["name"] == "peer-review")
    assert entry["distribution"] == "intervisie-peer-review"
    assert (entry["error"], entry["warnings"]) == (None, [])
    show = subprocess.run(
        [*cli, "methods", "show", "peer-review", "--lang", "nl"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert show.returncode == 0, show.stderr
    assert "Adviesronde" in show.stdout
    demo = subprocess.run(
        [*cli, "demo", "peer-review", "--headless", "--no-save"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert demo.returncode == 0, demo.stdout + demo.stderr


def test_new_never_overwrites_and_writes_nothing_when_a_file_exists(tmp_path: Path) -> None:
    root = tmp_path / "intervisie-peer-review"
    (root / "tests").mkdir(parents=True)
    (root / "README.md").write_text("my own readme", encoding="utf-8")
    code, output = new("peer-review", "--dir", str(tmp_path))
    assert code == 1
    assert "README.md" in output
    assert "nothing was written" in output
    assert (root / "README.md").read_text(encoding="utf-8") == "my own readme"
    assert files_under(root) == {"README.md"}


def test_a_second_run_refuses_and_keeps_the_author_s_changes(tmp_path: Path) -> None:
    new("peer-review", "--dir", str(tmp_path))
    method = tmp_path / "intervisie-peer-review/src/intervisie_peer_review/method.py"
    method.write_text("# my method\n", encoding="utf-8")
    code, _output = new("peer-review", "--dir", str(tmp_path))
    assert code == 1
    assert method.read_text(encoding="utf-8") == "# my method\n"
    toml_code, _ = new("peer-review", "--toml", "--dir", str(tmp_path))
    assert toml_code == 0
    again, output = new("peer-review", "--toml", "--dir", str(tmp_path))
    assert again == 1 and "peer-review.toml" in output


@pytest.mark.parametrize("name", ["Peer", "9lives", "peer review", "_x", "a/b", ""])
def test_a_name_that_cannot_be_a_method_id_is_refused(tmp_path: Path, name: str) -> None:
    code, output = new(name, "--dir", str(tmp_path))
    assert code == 1
    assert "cannot be a method id" in output
    assert list(tmp_path.iterdir()) == []


def test_toml_writes_a_house_method_that_passes_the_contract(tmp_path: Path) -> None:
    code, output = new("peer-review", "--toml", "--dir", str(tmp_path))
    assert code == 0, output
    path = tmp_path / "peer-review.toml"
    assert list(tmp_path.iterdir()) == [path]
    assert "intervisie method validate" in output
    method = load_method_file(path, base_lookup=lambda _id: None)
    assert method.id == "peer-review"
    assert len(method.phases) == 2
    assert method_problems(method) == []


def test_the_toml_validates_strictly_and_loads_as_a_house_method(tmp_path: Path, cli) -> None:
    new("peer-review", "--toml", "--dir", str(tmp_path))
    env = dict(os.environ, INTERVISIE_METHODS_PATH=str(tmp_path))
    strict = dict(env, INTERVISIE_STRICT_PLUGINS="1")  # a warning would exit 1
    validate = cli("method", "validate", str(tmp_path / "peer-review.toml"), env=strict)
    assert validate.returncode == 0, validate.stderr
    assert validate.stderr == ""
    listing = cli("methods", "list", "--json", env=env)
    entry = next(m for m in json.loads(listing.stdout) if m["id"] == "peer-review")
    assert entry["source"] == {"kind": "house", "path": str(tmp_path / "peer-review.toml")}
    assert entry["minutes"] == 24


def test_the_scaffold_speaks_dutch_and_loads_no_textual(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom intervisie.tui.cli.main import main\n"
        f"main(['method', 'new', 'peer-review', '--dir', {str(tmp_path)!r}, '--lang', 'nl'],"
        " standalone_mode=False)\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Volgende stappen" in result.stdout
