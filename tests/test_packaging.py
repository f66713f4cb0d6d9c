"""The wheel holds every package, the styles and the compiled catalogues."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    (path,) = out.glob("intervisie-*.whl")
    return path


def test_wheel_contains_every_package_and_data_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, package in (
        ("core", "intervisie/core"),
        ("methods", "intervisie/methods"),
        ("tui", "intervisie/tui"),
    ):
        for source in (ROOT / folder).rglob("*"):
            if source.is_dir() or "__pycache__" in source.parts or "__snapshots__" in source.parts:
                continue
            if source.suffix not in {".py", ".tcss", ".mo", ".toml"}:
                continue
            rel = source.relative_to(ROOT / folder).as_posix()
            assert f"{package}/{rel}" in names, f"{source} is missing from the wheel"
    assert any(n.endswith("intervisie.mo") for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    for name in ("incident", "roddel", "denkhoeden", "krachtenveld"):
        assert f"{name} = intervisie.methods.{name}" in text
