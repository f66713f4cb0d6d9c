"""The layout's promises: arrows go one way, light commands stay light, packaging is whole."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "importlinter.cli", "--config", str(ROOT / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if "No module named" in result.stderr:
        result = subprocess.run(
            [str(Path(sys.executable).parent / "lint-imports")],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
    assert result.returncode == 0, result.stdout + result.stderr


def assert_runs_clean(code: str) -> None:
    """Run `code` in a fresh interpreter (sys.modules starts empty) and require success."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "code",
    [
        "import intervisie.core, intervisie.core.plugins.loading, intervisie.core.method.converter",
        "from intervisie.tui.cli.main import main",
    ],
)
def test_core_and_cli_do_not_import_textual(code: str) -> None:
    assert_runs_clean(
        f"{code}\nimport sys\nassert 'textual' not in sys.modules, 'textual imported'"
    )


def test_listing_commands_do_not_import_textual() -> None:
    code = (
        "import sys\nfrom intervisie.tui.cli.main import main\n"
        "for args in (['methods', 'list', '--json'], ['plugins'], ['methods', 'show', 'x'],"
        " ['--help']):\n"
        "    try:\n        main(args, standalone_mode=False)\n"
        "    except SystemExit:\n        pass\n"
        "    except Exception:\n        pass\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    assert_runs_clean(code)


def test_loading_the_methods_leaves_the_heavy_readers_out() -> None:
    """Start-up (docs/architecture.md, Benchmarks): the built-ins load without cattrs or
    importlib.metadata, which together cost the home screen about 40 ms."""
    code = (
        "import sys\nfrom intervisie.core.plugins.loading import load_registry\n"
        "registry = load_registry()\n"
        "assert {'incident', 'roddel', 'denkhoeden', 'krachtenveld'} <= set(registry.methods)\n"
        "heavy = sorted({'cattrs', 'importlib.metadata'} & set(sys.modules))\n"
        "assert not heavy, heavy\n"
    )
    assert_runs_clean(code)


def test_every_package_folder_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setup = config["tool"]["setuptools"]
    mapping = setup["package-dir"]
    listed = set(setup["packages"])
    for package, folder in mapping.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            if "__snapshots__" in init.parts:
                continue
            rel = init.parent.relative_to(ROOT / folder)
            name = ".".join([package, *rel.parts]) if rel.parts else package
            assert name in listed, f"{init.parent} is not in [tool.setuptools] packages"


def test_no_bare_folder_imports() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "ruff"), "check", "--select", "TID251", "."],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "ruff"), "check", "."],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout


def test_translations_are_complete_and_compiled() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "i18n.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
