"""How much slower the app reaches its home screen than a bare Textual app, measured alternately.

Each run is a fresh process, headless, timed from the moment it is started until the first
refresh of its first screen (the app exits from `call_after_refresh`), and reports its peak
RSS. The baseline is a bare Textual app with a Header, an OptionList of the same entries
(the method lines home shows, computed once beforehand), a Static and a Footer.
Targets (docs/architecture.md, Benchmarks): time ratio 1.2 or less, at most 10 MiB more peak RSS.

The target is measured on a usual start: home paints from the catalog an earlier start saved
(tui/app/catalog.py). A cold start, without that catalog (the first start after installing,
upgrading or changing methods), loads every method before the first paint, parsing the
built-ins' TOML files afresh; it is measured too, against the same baseline, and printed
for information.

Usage: python benchmarks/tui_startup.py [--runs N] [--cold-runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TARGET_RATIO = 1.2
TARGET_EXTRA_MIB = 10.0

APP = r"""
import resource, sys, time
from intervisie.tui.app.facilitator import IntervisieApp
from intervisie.tui.app.screens.home import HomeScreen

mounted = HomeScreen.on_mount

def on_mount(self):
    self.call_after_refresh(done, self.app)  # first in line after the first refresh
    mounted(self)

def done(app):
    print(time.time(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    app.exit()

HomeScreen.on_mount = on_mount
IntervisieApp().run(headless=True, size=(80, 24))
"""

BARE = r"""
import json, resource, sys, time
from textual.app import App
from textual.widgets import Footer, Header, OptionList, Static

ENTRIES = json.loads(sys.argv[1])

class Bare(App):
    def compose(self):
        yield Header()
        yield OptionList(*ENTRIES)
        yield Static("details")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.done)

    def done(self):
        print(time.time(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
        self.exit()

Bare().run(headless=True, size=(80, 24))
"""


def entries(env: dict[str, str]) -> list[str]:
    code = (
        "import json\n"
        "from intervisie.core.plugins.loading import load_registry\n"
        "from intervisie.tui.app.catalog import catalog_of\n"
        "from intervisie.tui.app.screens.home import HomeScreen\n"
        "cards = catalog_of(load_registry(), 'en').cards\n"
        "print(json.dumps([HomeScreen.method_line(None, card).plain for card in cards]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from start to first refresh, and peak RSS in MiB."""
    start = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    line = out.stdout.strip().splitlines()[-1]
    at, rss_kib = line.split()
    return float(at) - start, int(rss_kib) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cold-runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = dict(
            os.environ,
            INTERVISIE_CONFIG_DIR=home,
            INTERVISIE_DATA_DIR=home,
            INTERVISIE_CACHE_DIR=str(Path(home) / "cache"),
            LANG="en_US.UTF-8",
            TEXTUAL_ANIMATIONS="none",
        )
        # As installed by pip: compiled bytecode is used (some sandboxes switch it off,
        # which makes every start recompile intervisie but not the bare app's Textual).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        app = [sys.executable, "-c", APP]
        bare = [sys.executable, "-c", BARE, json.dumps(entries(env))]
        for _ in range(2):  # warm the file cache; the first app run saves home's catalog
            run(app, env)
            run(bare, env)
        cache = Path(env["INTERVISIE_CACHE_DIR"])

        def forget() -> None:
            """As after installing: no home catalog, no parsed built-in methods."""
            assert (cache / "home-catalog.json").exists(), "the app saved no home catalog"
            shutil.rmtree(cache)

        warm = measure(app, bare, env, args.runs)
        cold = measure(app, bare, env, args.cold_runs, before_app=forget)
    report("usual start", warm, target=True)
    report("cold start", cold, target=False)


Runs = tuple[list[float], list[float], list[float], list[float]]


def measure(
    app: list[str],
    bare: list[str],
    env: dict[str, str],
    runs: int,
    before_app: Callable[[], None] | None = None,
) -> Runs:
    """Alternate app and bare runs; the times and peak RSS of each."""
    app_t, app_m, bare_t, bare_m = [], [], [], []
    for _ in range(runs):
        if before_app is not None:
            before_app()
        t, m = run(app, env)
        app_t.append(t)
        app_m.append(m)
        t, m = run(bare, env)
        bare_t.append(t)
        bare_m.append(m)
    return app_t, app_m, bare_t, bare_m


def report(title: str, runs: Runs, *, target: bool) -> None:
    app_t, app_m, bare_t, bare_m = runs
    a_ms, b_ms = statistics.median(app_t) * 1000, statistics.median(bare_t) * 1000
    fastest = min(app_t) / min(bare_t)  # noise only adds time: the fastest runs agree best
    a_mib, b_mib = statistics.median(app_m), statistics.median(bare_m)
    ratio, extra = a_ms / b_ms, a_mib - b_mib
    print(f"{title} ({len(app_t)} runs each)")
    print(f"  intervisie home   median {a_ms:7.1f} ms  peak RSS {a_mib:6.1f} MiB")
    print(f"  bare Textual app  median {b_ms:7.1f} ms  peak RSS {b_mib:6.1f} MiB")
    verdict = (
        f" (target {TARGET_RATIO}) {'ok' if ratio <= TARGET_RATIO else 'OVER TARGET'}"
        if target
        else ""
    )
    print(f"  time ratio {ratio:.2f}{verdict}; fastest runs' ratio {fastest:.2f}")
    memory = (
        f" (target at most {TARGET_EXTRA_MIB:.0f}) "
        f"{'ok' if extra <= TARGET_EXTRA_MIB else 'OVER TARGET'}"
        if target
        else ""
    )
    print(f"  extra memory {extra:+.1f} MiB{memory}")


if __name__ == "__main__":
    main()
