"""The type checker's verdict on core and tui is part of the suite.

mypy needs the package names (`intervisie.core`), but the folders are `core/` and `tui/`, mapped
by setuptools' `package-dir`, which mypy does not read. The test builds that mapping as a tree of
symbolic links in a temporary folder and points MYPYPATH at it. The strictness is in
pyproject.toml (`[tool.mypy]`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_core_and_tui_pass_the_type_checker(tmp_path: Path) -> None:
    package = tmp_path / "intervisie"
    package.mkdir()
    for folder in ("core", "tui", "methods"):
        (package / folder).symlink_to(ROOT / folder, target_is_directory=True)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "cache"),
            "-p",
            "intervisie.core",
            "-p",
            "intervisie.tui",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "MYPYPATH": str(tmp_path)},
    )
    assert result.returncode == 0, result.stdout.replace(str(package), "") + result.stderr
