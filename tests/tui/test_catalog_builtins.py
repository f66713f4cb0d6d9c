"""Home's saved catalog watches the built-in methods' files, which are TOML documents now.

A trainer who corrects `methods/incident/method.toml` in a development install must not see
the old text on home's first paint: the edit makes the saved catalog stale.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import shutil
from pathlib import Path

import pytest

from intervisie.core.plugins.loading import load_registry
from intervisie.tui.app import catalog
from intervisie.tui.app.catalog import (
    catalog_of,
    catalog_path,
    environment_key,
    read_catalog,
    write_catalog,
)

BUILTINS = ("incident", "roddel", "denkhoeden", "krachtenveld")


def methods_folder() -> Path:
    spec = importlib.util.find_spec("intervisie.methods")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations)))


def test_the_catalog_finds_the_folder_that_holds_the_builtin_method_files() -> None:
    folder = methods_folder()
    for name in BUILTINS:
        assert (folder / name / "method.toml").is_file(), name


@pytest.fixture
def methods_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The catalog looks at a copy of the built-ins' folder, so a test may edit its files."""
    copy = tmp_path / "methods"
    shutil.copytree(methods_folder(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    real = importlib.util.find_spec

    def find_spec(name: str, package: str | None = None):
        if name != "intervisie.methods":
            return real(name, package)
        spec = importlib.machinery.ModuleSpec(name, None, is_package=True)
        spec.submodule_search_locations = [str(copy)]
        return spec

    monkeypatch.setattr(catalog.importlib.util, "find_spec", find_spec)
    return copy


@pytest.mark.parametrize("name", BUILTINS)
def test_an_edit_to_a_builtin_method_file_makes_the_saved_catalog_stale(
    methods_copy: Path, name: str
) -> None:
    catalogs = {lang: catalog_of(load_registry(), lang) for lang in ("nl", "en")}
    path = catalog_path()
    assert write_catalog(path, environment_key(), catalogs)
    assert read_catalog(path, environment_key()) is not None
    method_file = methods_copy / name / "method.toml"
    before = method_file.stat()
    # A trainer's correction of one word, saved a moment later.
    text = method_file.read_text(encoding="utf-8")
    method_file.write_text(text.replace("version = ", "version =  ", 1), encoding="utf-8")
    os.utime(method_file, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    assert read_catalog(path, environment_key()) is None
