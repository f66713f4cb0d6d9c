"""Shared fixtures: every test runs with its own config and data folders."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("ci", max_examples=400, deadline=None)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Private config/data/cache folders; no plugin filter, strict mode or house path leaks in."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("INTERVISIE_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("INTERVISIE_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("INTERVISIE_CACHE_DIR", str(home / "cache"))
    for var in ("INTERVISIE_METHODS_PATH", "INTERVISIE_PLUGINS", "INTERVISIE_STRICT_PLUGINS"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    from intervisie.core import i18n

    i18n.set_language("en")
    return home


class PluginDist:
    """A fake installed distribution with entry points in the `intervisie` group.

    Written as a `*.dist-info` folder plus modules on a path that subprocesses get through
    PYTHONPATH, exactly as pip would lay out a wheel.
    """

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def add(
        self, dist: str, modules: dict[str, str], entry_points: dict[str, str], version: str = "1.0"
    ) -> None:
        info = self.root / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
        )
        lines = ["[intervisie]"] + [f"{k} = {v}" for k, v in entry_points.items()]
        (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        for name, code in modules.items():
            (self.root / f"{name}.py").write_text(textwrap.dedent(code), encoding="utf-8")

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            [str(self.root), *filter(None, [env.get("PYTHONPATH")])]
        )
        env.update(extra)
        return env

    def run(self, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, env=self.env(**extra))


def run_cli(
    *args: str, env: dict[str, str] | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real `intervisie` command in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "intervisie.tui", *args],
        capture_output=True,
        text=True,
        env=env if env is not None else dict(os.environ),
        input=input,
        timeout=120,
    )


@pytest.fixture
def plugin_dist(tmp_path: Path) -> PluginDist:
    return PluginDist(tmp_path / "site")


@pytest.fixture
def cli():
    return run_cli
