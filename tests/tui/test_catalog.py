"""Home's catalog: a later start paints from it, and never shows something that is not so."""

from __future__ import annotations

import asyncio
import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

from textual.widgets import OptionList

from intervisie.core.plugins.loading import load_registry
from intervisie.core.settings import cache_dir, data_dir
from intervisie.tui.app.catalog import (
    catalog_of,
    catalog_path,
    environment_key,
    read_catalog,
    write_catalog,
)
from intervisie.tui.app.facilitator import IntervisieApp

sys.path.insert(0, str(Path(__file__).parent))
from pilots import pilot

FIRST_PAINT = textwrap.dedent(
    """
    import json, sys
    from intervisie.tui.app.facilitator import IntervisieApp
    from intervisie.tui.app.screens.home import HomeScreen

    mounted = HomeScreen.on_mount

    def on_mount(self):
        self.call_after_refresh(report, self)
        mounted(self)

    def report(screen):
        options = screen.query_one("#methods")
        names = [str(options.get_option_at_index(i).prompt).split("  ")[0].rstrip(" ⌂⧉")
                 for i in range(options.option_count)]
        watched = ("attr", "pluggy", "intervisie.core.method.model")
        loaded = sorted(m for m in watched if m in sys.modules)
        print(json.dumps({"names": names, "loaded": loaded}), flush=True)
        screen.app.set_timer(0.3, screen.app.exit)  # let the methods load and the catalog save

    HomeScreen.on_mount = on_mount
    IntervisieApp().run(headless=True, size=(80, 24))
    """
)


def first_paint() -> dict:
    """Start the app in a fresh process: what home showed at its first paint, and which of
    the heavy modules were imported by then."""
    out = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TEXTUAL_ANIMATIONS": "none"},
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def house_method(folder: Path, name: str) -> Path:
    """A house method that extends the incident method under another name."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "huis.toml"
    path.write_text(
        f'extends = "incident"\nid = "huis"\nversion = "1.0"\n\n'
        f'[name]\nnl = "{name}"\nen = "{name}"\n',
        encoding="utf-8",
    )
    return path


def test_a_later_start_paints_home_without_loading_the_methods() -> None:
    cold = first_paint()
    assert "Incident method" in cold["names"]
    assert cold["loaded"] == ["attr", "intervisie.core.method.model", "pluggy"]
    path = catalog_path()
    assert path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # A cache: in the user cache folder (here INTERVISIE_CACHE_DIR), not among the meetings.
    assert path.parent == cache_dir() and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert not (data_dir(None) / "home-catalog.json").exists()
    warm = first_paint()
    assert warm["names"] == cold["names"]
    assert warm["loaded"] == [], "home's first paint came from the saved catalog"


def test_a_changed_house_method_is_not_painted_from_the_old_catalog(monkeypatch) -> None:
    folder = data_dir(None).parent / "house"
    monkeypatch.setenv("INTERVISIE_METHODS_PATH", str(folder))
    path = house_method(folder, "Before the change")
    assert "Before the change" in first_paint()["names"]
    again = first_paint()
    assert again["loaded"] == [] and "Before the change" in again["names"]
    path.write_text(
        path.read_text(encoding="utf-8").replace("Before the change", "After the change!"),
        encoding="utf-8",
    )
    shown = first_paint()
    assert "After the change!" in shown["names"] and "Before the change" not in shown["names"]
    assert "attr" in shown["loaded"], "a stale catalog is not used: the methods load first"


@pilot
async def test_a_saved_catalog_that_differs_is_redrawn_and_saved_right_after_the_first_paint():
    registry = load_registry()
    catalogs = {lang: catalog_of(registry, lang) for lang in ("nl", "en")}
    wrong = catalogs["en"].cards[0]
    catalogs["en"] = catalogs["en"]._replace(
        cards=(wrong._replace(name="Not so"), *catalogs["en"].cards[1:])
    )
    write_catalog(catalog_path(), environment_key(), catalogs)
    app = IntervisieApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#methods", OptionList)
        names = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert not any(name.startswith("Not so") for name in names)
        assert names[0].startswith(registry.methods[wrong.id].method.name.get("en"))
    saved = read_catalog(catalog_path(), environment_key())
    assert saved is not None and saved["en"].cards[0].name != "Not so"


@pilot
async def test_a_damaged_catalog_is_passed_over_and_replaced() -> None:
    path = catalog_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"format": 1, "key": json.loads(json.dumps(environment_key()))}
    doc["languages"] = {"en": {"cards": [{"id": "x", "group": "three"}], "problems": []}}
    path.write_text(json.dumps(doc), encoding="utf-8")
    app = IntervisieApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#methods", OptionList)
        assert options.get_option("incident") is not None
    assert read_catalog(path, environment_key()) is not None


@pilot
async def test_methods_handed_to_the_app_never_touch_the_saved_catalog() -> None:
    app = IntervisieApp(registry=load_registry(only=["incident"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#methods", OptionList).option_count == 1
    assert not catalog_path().exists()


def test_home_works_when_the_catalog_cannot_be_saved(monkeypatch) -> None:
    blocked = data_dir(None).parent / "blocked"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("INTERVISIE_CACHE_DIR", str(blocked / "cache"))

    async def run() -> None:
        app = IntervisieApp()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.screen.query_one("#methods", OptionList).get_option("incident")
            assert app.is_running

    asyncio.run(run())
