"""Each built-in method is one TOML document, `methods/<id>/method.toml`, in the house format.

A trainer reads and corrects that file without Python; these tests hold it to being the whole
method: `method validate` passes on it, `methods show --json` prints exactly its document,
and a mistake in it is reported by name instead of breaking the program.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest

BUILTINS = ("incident", "roddel", "denkhoeden", "krachtenveld")

METHODS = Path(__file__).resolve().parents[2] / "methods"


def document(name: str) -> dict:
    with (METHODS / name / "method.toml").open("rb") as handle:
        return tomllib.load(handle)


@pytest.mark.parametrize("name", BUILTINS)
def test_the_folder_holds_the_method_as_data_and_a_plugin_module_only(name: str) -> None:
    files = sorted(p.name for p in (METHODS / name).iterdir() if p.name != "__pycache__")
    assert files == ["__init__.py", "method.toml"]
    assert document(name)["id"] == name


@pytest.mark.parametrize("name", BUILTINS)
def test_method_validate_passes_on_the_builtin_file(cli, name: str) -> None:
    path = METHODS / name / "method.toml"
    result = cli("method", "validate", str(path))
    assert result.returncode == 0, result.stderr
    assert f"valid: {name} " in result.stdout
    assert result.stderr == ""


def test_a_copy_of_a_builtin_file_elsewhere_is_still_refused_for_its_id(cli, tmp_path) -> None:
    copy = tmp_path / "incident.toml"
    shutil.copy(METHODS / "incident" / "method.toml", copy)
    result = cli("method", "validate", str(copy))
    assert result.returncode == 1
    assert "method id 'incident' is already used by plugin 'incident'" in result.stderr


@pytest.mark.parametrize("name", BUILTINS)
def test_methods_show_json_prints_the_file_s_document(cli, name: str) -> None:
    result = cli("methods", "show", name, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == document(name)


@pytest.mark.parametrize("name", BUILTINS)
def test_the_loaded_method_is_the_file_s_document(builtin, name: str) -> None:
    from intervisie.core.method.converter import method_document

    assert method_document(builtin[name]) == document(name)


def test_a_mistake_in_a_builtin_file_names_the_file_and_the_field(plugin_dist, tmp_path) -> None:
    """A built-in whose file a trainer broke is reported and skipped; the others still load."""
    package = plugin_dist.root / "broken_builtin"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        "from intervisie.core import hookimpl\n"
        "from intervisie.methods import builtin_method\n\n"
        "@hookimpl\n"
        "def intervisie_methods():\n"
        "    return [builtin_method(__file__)]\n",
        encoding="utf-8",
    )
    text = (METHODS / "incident" / "method.toml").read_text(encoding="utf-8")
    text = text.replace('id = "incident"', 'id = "broken"', 1)
    text = text.replace("minutes = 10\n", 'minutes = "ten"\n', 1)
    (package / "method.toml").write_text(text, encoding="utf-8")
    plugin_dist.add("broken-dist", {}, {"broken": "broken_builtin"})
    result = plugin_dist.run("plugins", "--json")
    assert result.returncode == 0, result.stderr
    plugins = {p["name"]: p for p in json.loads(result.stdout)}
    error = plugins["broken"]["error"]
    assert str(package / "method.toml") in error
    assert "expected a number, got str" in error
    assert "$.phases[3].minutes" in error
    assert plugins["incident"]["error"] is None
    assert plugins["incident"]["methods"] == ["incident"]


@pytest.mark.parametrize("name", BUILTINS)
def test_the_quick_build_and_the_converter_build_the_same_method(name: str) -> None:
    """The built-ins load without cattrs (start-up); the converter must agree with that."""
    from intervisie.core import Method
    from intervisie.core.method.converter import structure
    from intervisie.core.method.model import plain_structure

    doc = document(name)
    assert plain_structure(doc, Method) == structure(doc, Method)
