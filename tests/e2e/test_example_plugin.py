"""The path a PyPI user takes, without the upload: wheels, a fresh venv, then the commands.

intervisie and the example plugin `intervisie-balint` are built as wheels, installed from
those files into a new virtual environment that does not see this one (no system site
packages, no PYTHONPATH), and then listed, shown and run headless by the installed
`intervisie` command. intervisie's own dependencies come through pip as usual (its cache and
the configured indexes). The example's own tests, which use the testing kit, run in that
environment too, and so do the house-method bundle's.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "intervisie-method-example"
BUNDLE = ROOT / "examples" / "house-bundle"

pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None):
    return subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


SKIP = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*cache", "tests", "benchmarks"
)


def build_wheel(source: Path, work: Path) -> Path:
    """`pip wheel --no-deps` of a copy of `source`: the build writes nothing into the repo,
    and test runs going on at the same time in the shared tree do not share a build folder."""
    out = work / "wheels" / source.name
    copy = work / "sources" / source.name
    shutil.copytree(source, copy, ignore=SKIP)
    result = run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        out,
        copy,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = out.glob("*.whl")
    return wheel


class Venv:
    def __init__(self, path: Path, env: dict[str, str]):
        self.path = path
        self.env = env
        self.bin = path / "bin"

    def intervisie(self, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return run(self.bin / "intervisie", *args, env={**self.env, **extra})

    def python(self, *args: str | Path, cwd: Path | None = None, **extra: str):
        return run(self.bin / "python", *args, cwd=cwd, env={**self.env, **extra})


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Venv:
    work = tmp_path_factory.mktemp("e2e")
    core = build_wheel(ROOT, work)
    balint = build_wheel(EXAMPLE, work)
    bundle = build_wheel(BUNDLE, work)
    assert core.name.startswith("intervisie-") and balint.name.startswith("intervisie_balint-")
    path = work / "venv"
    made = run(sys.executable, "-m", "venv", "--without-pip", path)
    assert made.returncode == 0, made.stderr
    # The outer pip installs into the new environment; it reuses pip's cache.
    install = run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        path / "bin" / "python",
        "install",
        "-q",
        core,
        balint,
        bundle,
        "pytest",
    )
    assert install.returncode == 0, install.stderr
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["PATH"] = os.pathsep.join([str(path / "bin"), env.get("PATH", "")])
    return Venv(path, env)


def test_the_fresh_environment_sees_only_what_was_installed_from_wheels(venv: Venv) -> None:
    result = venv.python(
        "-c",
        "import intervisie.core, intervisie_balint; print(intervisie.core.__file__);"
        " print(intervisie_balint.__file__)",
    )
    assert result.returncode == 0, result.stderr
    core_file, balint_file = result.stdout.splitlines()
    assert str(venv.path) in core_file, "intervisie comes from the wheel, not the repository"
    assert str(venv.path) in balint_file


def test_methods_list_shows_the_plugin_with_its_distribution(venv: Venv) -> None:
    result = venv.intervisie("methods", "list", "--json")
    assert result.returncode == 0, result.stderr
    methods = {m["id"]: m for m in json.loads(result.stdout)}
    balint = methods["balint"]
    assert balint["name"] == {"nl": "Balintgroep", "en": "Balint group"}
    assert balint["source"] == {
        "kind": "plugin",
        "plugin": "balint",
        "distribution": "intervisie-balint",
        "version": "1.0.0",
    }
    assert balint["minutes"] == 60
    assert balint["group_size"] == {"min": 6, "ideal": 8, "max": 12}
    assert {"incident", "kantoor-incident", "kantoor-dilemma"} <= set(methods)
    assert methods["kantoor-incident"]["source"]["distribution"] == "intervisie-house-example"


def test_methods_show_prints_the_whole_method_in_both_languages(venv: Venv) -> None:
    english = venv.intervisie("methods", "show", "balint", "--lang", "en")
    assert english.returncode == 0, english.stderr
    assert "Balint group" in english.stdout
    assert "Free association" in english.stdout
    dutch = venv.intervisie("methods", "show", "balint", "--lang", "nl")
    assert "Vrij associëren" in dutch.stdout
    document = venv.intervisie("methods", "show", "balint", "--json")
    assert [p["id"] for p in json.loads(document.stdout)["phases"]] == [
        "tell",
        "questions",
        "associate",
        "reaction",
        "themes",
    ]


def test_plugins_reports_the_example_without_errors_or_warnings(venv: Venv) -> None:
    result = venv.intervisie("plugins", "--json")
    assert result.returncode == 0, result.stderr
    entry = next(p for p in json.loads(result.stdout) if p["name"] == "balint")
    assert (entry["distribution"], entry["methods"]) == ("intervisie-balint", ["balint"])
    assert (entry["error"], entry["warnings"]) == (None, [])


def test_the_demo_runs_the_plugin_method_headless(venv: Venv) -> None:
    result = venv.intervisie("demo", "balint", "--headless", "--no-save")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "balint" in result.stdout and "not stored" in result.stdout
    played = venv.intervisie("demo", "balint", "--headless", "--no-save", "--json")
    assert played.returncode == 0, played.stderr
    meeting = json.loads(played.stdout)
    assert meeting["demo"] is True
    (round_,) = meeting["rounds"]
    assert round_["method"]["id"] == "balint"
    phases = [p["id"] for p in round_["phases"]]
    assert phases == ["tell", "questions", "associate", "reaction", "themes"]
    assert all(p["visited"] for p in round_["phases"])
    assert round_["contributions"]


@pytest.mark.parametrize("project", [EXAMPLE, BUNDLE], ids=["balint", "house-bundle"])
def test_the_examples_own_tests_pass_with_the_testing_kit(
    venv: Venv, project: Path, tmp_path: Path
) -> None:
    tests = tmp_path / project.name
    shutil.copytree(project, tests, ignore=shutil.ignore_patterns("src", "build"))
    result = venv.python("-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=tests)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout and "failed" not in result.stdout
