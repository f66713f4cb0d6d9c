"""The quick entry-point reader finds what importlib.metadata finds, and loads it the same way."""

from __future__ import annotations

import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from intervisie.core.plugins import entrypoints


def _as_tuples(eps) -> list[tuple[str, str, str | None, str | None]]:
    return sorted(
        (ep.name, ep.value, ep.dist.name if ep.dist else None, ep.dist.version if ep.dist else None)
        for ep in eps
    )


@pytest.mark.parametrize("group", ["intervisie", "console_scripts", "pytest11"])
def test_the_installed_entry_points_are_the_ones_importlib_finds(group: str) -> None:
    ours = entrypoints.entry_points(group)
    assert ours, f"nothing found in {group}"
    assert _as_tuples(ours) == _as_tuples(metadata.entry_points(group=group))


def test_a_plugin_distribution_is_found_named_and_loaded(plugin_dist, monkeypatch) -> None:
    plugin_dist.add(
        "intervisie-extra.methods",
        {"extra_plugin": "VALUE = {'answer': 42}\n"},
        {"extra": "extra_plugin:VALUE"},
        version="2.1",
    )
    monkeypatch.syspath_prepend(str(plugin_dist.root))
    ours = entrypoints.entry_points("intervisie")
    (found,) = [ep for ep in ours if ep.name == "extra"]
    assert found.dist == entrypoints.Distribution("intervisie-extra.methods", "2.1")
    assert found.load() == {"answer": 42}
    assert _as_tuples(ours) == _as_tuples(metadata.entry_points(group="intervisie"))


def test_the_first_distribution_of_a_name_on_the_path_wins(tmp_path: Path) -> None:
    for folder, value in (("first", "one:A"), ("second", "two:B")):
        info = tmp_path / folder / "Same_Name-1.0.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text("Name: same-name\nVersion: 1.0\n\nbody\n")
        (info / "entry_points.txt").write_text(f"[intervisie]\nthing = {value}\n")
    path = [str(tmp_path / "first"), str(tmp_path / "second")]
    found = entrypoints.entry_points("intervisie", path)
    assert [(ep.name, ep.value) for ep in found] == [("thing", "one:A")]
    assert found[0].dist == entrypoints.Distribution("same-name", "1.0")


def test_comments_other_groups_and_extras_are_read_as_importlib_reads_them(
    tmp_path: Path,
) -> None:
    info = tmp_path / "odd-3.dist-info"
    info.mkdir()
    (info / "entry_points.txt").write_text(
        "# a comment\n[console_scripts]\nodd = odd:main\n\n[intervisie]\n; another\n"
        "a = odd.plugin:Thing.attr [extra]\n b=odd\n"
    )
    found = entrypoints.entry_points("intervisie", [str(tmp_path)])
    assert [(ep.name, ep.value) for ep in found] == [
        ("a", "odd.plugin:Thing.attr [extra]"),
        ("b", "odd"),
    ]
    assert found[0].dist == entrypoints.Distribution("odd", "3")  # no METADATA: the folder name


def test_a_zip_on_the_path_is_left_to_importlib(tmp_path: Path, monkeypatch) -> None:
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("zipped-1.0.dist-info/METADATA", "Name: zipped\nVersion: 1.0\n")
        zf.writestr("zipped-1.0.dist-info/entry_points.txt", "[intervisie]\nz = zmod:Z\n")
    monkeypatch.syspath_prepend(str(archive))
    found = entrypoints.entry_points("intervisie")
    assert ("z", "zmod:Z") in [(ep.name, ep.value) for ep in found]


def test_a_reference_that_is_not_module_colon_attribute_is_a_clear_error() -> None:
    broken = entrypoints.EntryPoint("x", "not a reference!", "intervisie")
    with pytest.raises(ValueError, match="not a 'module:attribute' reference"):
        broken.load()
