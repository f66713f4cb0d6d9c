"""House methods: TOML files in a folder, loaded next to plugin methods."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervisie.core.method.house import HouseMethodError
from intervisie.core.plugins.loading import load_registry
from intervisie.core.plugins.method_files import load_method_file

VALID = """
id = "huis"
version = "1.0"
name = { nl = "Huismethode", en = "House method" }
summary = { nl = "Kort overleg.", en = "A short consult." }
level = "beginning"
group_size = { min = 3, ideal = 6, max = 8 }

[[phases]]
id = "vragen"
name = { nl = "Vragen", en = "Questions" }
kind = "questions"
owner = "answering"
minutes = 10

[[phases]]
id = "advies"
name = { nl = "Advies", en = "Advice" }
kind = "round"
owner = "listening"
minutes = 15
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_house_method_loads_with_its_path(tmp_path: Path) -> None:
    path = write(tmp_path, "huis.toml", VALID)
    reg = load_registry(entry_points=[], house_dirs=[tmp_path])
    assert list(reg.methods) == ["huis"]
    assert reg.methods["huis"].source.kind == "house"
    assert reg.methods["huis"].source.path == str(path)
    assert reg.errors() == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id = [", "invalid TOML"),
        (VALID + "\ncolour = 'red'\n", "unknown key(s) colour"),
        (VALID.replace('version = "1.0"\n', ""), "$.version"),
        (VALID.replace("minutes = 10", 'minutes = "10"'), "$.phases[0].minutes"),
        (VALID.replace("minutes = 10", "minutes = -5"), "phase 'vragen', minutes: -5"),
        (VALID.replace('id = "advies"', 'id = "vragen"'), "phase 'vragen', id: appears twice"),
    ],
    ids=["syntax", "unknown-key", "missing-key", "wrong-type", "negative", "duplicate-phase"],
)
def test_a_broken_house_method_is_reported_with_its_file(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = write(tmp_path, "broken.toml", text)
    write(tmp_path, "good.toml", VALID.replace('id = "huis"', 'id = "goed"'))
    reg = load_registry(entry_points=[], house_dirs=[tmp_path])
    assert "goed" in reg.methods, "one broken file must not hide the others"
    errors = reg.errors()
    assert len(errors) == 1
    assert str(path) in errors[0] and expected in errors[0]


def test_a_duplicate_id_across_folders_names_both_files(tmp_path: Path) -> None:
    first = write(tmp_path / "a", "huis.toml", VALID)
    second = write(tmp_path / "b", "huis.toml", VALID)
    reg = load_registry(entry_points=[], house_dirs=[tmp_path / "a", tmp_path / "b"])
    assert reg.methods["huis"].source.path == str(first)
    (error,) = reg.errors()
    assert str(second) in error and str(first) in error


def test_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes(VALID.replace("Huismethode", "Méthode").encode("latin-1"))
    with pytest.raises(HouseMethodError) as info:
        load_method_file(path, base_lookup=lambda _: None)
    assert "UTF-8" in str(info.value) and str(path) in str(info.value)


def test_extends_changes_only_what_it_says(tmp_path: Path) -> None:
    write(tmp_path, "huis.toml", VALID)
    write(
        tmp_path,
        "kort.toml",
        """
        id = "kort"
        extends = "huis"
        name = { nl = "Kort huisoverleg" }
        phase_order = ["advies", "vragen"]

        [[phases]]
        id = "vragen"
        minutes = 5
        """.replace("        ", ""),
    )
    reg = load_registry(entry_points=[], house_dirs=[tmp_path])
    assert reg.errors() == []
    kort = reg.get("kort")
    assert [p.id for p in kort.phases] == ["advies", "vragen"]
    assert kort.phase("vragen").minutes == 5
    assert kort.name.get("nl") == "Kort huisoverleg"
    assert kort.name.get("en") == "House method", "a patched text keeps its other language"


def test_extends_an_unknown_method_names_the_base(tmp_path: Path) -> None:
    path = write(tmp_path, "x.toml", 'id = "x"\nextends = "nope"\n')
    reg = load_registry(entry_points=[], house_dirs=[tmp_path])
    (error,) = reg.errors()
    assert str(path) in error and "'nope'" in error


def test_a_missing_folder_is_no_problem(tmp_path: Path) -> None:
    reg = load_registry(entry_points=[], house_dirs=[tmp_path / "absent"])
    assert reg.errors() == [] and reg.methods == {}


def test_a_broken_extension_of_a_house_method_names_both_files(tmp_path: Path) -> None:
    base = write(tmp_path, "a_huis.toml", VALID)
    child = write(
        tmp_path,
        "b_kind.toml",
        'id = "kind"\nextends = "huis"\n[[phases]]\nid = "vragen"\nminutes = -1\n',
    )
    reg = load_registry(entry_points=[], house_dirs=[tmp_path])
    (error,) = reg.errors()
    assert str(child) in error and str(base) in error


def test_a_plugin_hook_loading_a_house_file_finds_its_base_without_reloading(
    tmp_path: Path,
) -> None:
    write(tmp_path, "huis.toml", VALID)
    child = write(tmp_path / "pkg", "kind.toml", 'id = "kind"\nextends = "huis"\n')
    calls = []

    from types import SimpleNamespace

    from intervisie.core import hookimpl

    @hookimpl
    def intervisie_methods():
        calls.append(1)
        return [load_method_file(child)]

    bundle = SimpleNamespace(intervisie_methods=intervisie_methods)
    reg = load_registry(entry_points=[], extra_plugins=[("bundle", bundle)], house_dirs=[tmp_path])
    # The house folder loads after plugins, so the base is not there yet: a clear error,
    # and the hook ran once (no recursive reload).
    assert calls == [1]
    assert any("'huis'" in e for e in reg.errors())
