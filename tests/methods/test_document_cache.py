"""The built-ins' parsed documents are kept in the cache folder, and never outlive an edit."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from intervisie.core.settings import cache_dir
from intervisie.methods import builtin_method

METHODS = Path(__file__).resolve().parents[2] / "methods"


@pytest.fixture
def method_folder(tmp_path: Path) -> Path:
    """A built-in's folder as a trainer's edit would leave it: a copy of the incident method."""
    folder = tmp_path / "incident"
    folder.mkdir()
    shutil.copy(METHODS / "incident" / "method.toml", folder / "method.toml")
    return folder


def load(folder: Path):
    return builtin_method(str(folder / "__init__.py"))


def test_a_later_start_reads_the_cached_document_and_not_the_toml() -> None:
    code = (
        "import sys\nfrom intervisie.core.plugins.loading import load_registry\n"
        "registry = load_registry(house=False)\n"
        "assert {'incident', 'roddel', 'denkhoeden', 'krachtenveld'} <= set(registry.methods)\n"
        "print('tomllib' in sys.modules)\n"
    )

    def start() -> str:
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    assert start() == "True", "the first start parses the TOML files"
    folder = cache_dir() / "methods"
    files = sorted(folder.iterdir())
    assert [f.name.split("-")[0] for f in files] == sorted(
        ["denkhoeden", "incident", "krachtenveld", "roddel"]
    )
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    assert start() == "False", "a later start reads the parsed documents from the cache"


def test_an_edited_file_is_read_again(method_folder: Path) -> None:
    assert load(method_folder).name.get("en") == "Incident method"
    assert load(method_folder).name.get("en") == "Incident method"  # now from the cache
    path = method_folder / "method.toml"
    before = path.stat()
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'en = "Incident method"', 'en = "Incident method, corrected"'
        ),
        encoding="utf-8",
    )
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    assert load(method_folder).name.get("en") == "Incident method, corrected"


def test_a_damaged_cache_is_passed_over_and_replaced(method_folder: Path) -> None:
    expected = load(method_folder)
    (cached,) = (cache_dir() / "methods").iterdir()
    cached.write_text('{"key": [1, "x"', encoding="utf-8")
    assert load(method_folder) == expected
    assert cached.read_text(encoding="utf-8").startswith('{"key": [')
    assert load(method_folder) == expected


def test_a_cache_that_cannot_be_written_only_costs_time(
    method_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("INTERVISIE_CACHE_DIR", str(blocker / "cache"))
    first = load(method_folder)
    assert load(method_folder) == first
    assert first.id == "incident"


def test_a_broken_file_is_reported_even_when_an_older_copy_is_cached(
    method_folder: Path,
) -> None:
    from intervisie.core.method.house import HouseMethodError

    load(method_folder)
    path = method_folder / "method.toml"
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8") + "\n[broken\n", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    with pytest.raises(HouseMethodError, match="invalid TOML"):
        load(method_folder)
