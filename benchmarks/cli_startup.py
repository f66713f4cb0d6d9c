"""How much slower `intervisie methods list` starts than its floor, measured alternately.

The floor imports the dependencies and scans the entry points once:
`python -c "import pluggy, attrs, cattrs, click, importlib.metadata as m;
m.entry_points(group='intervisie')"`. Target ratio: 1.25 or less.

Usage: python benchmarks/cli_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

FLOOR = (
    "import pluggy, attrs, cattrs, click, importlib.metadata as m; "
    "m.entry_points(group='intervisie')"
)
TARGET = 1.25


def wall(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = dict(
            os.environ,
            INTERVISIE_CONFIG_DIR=home,
            INTERVISIE_DATA_DIR=home,
            INTERVISIE_CACHE_DIR=os.path.join(home, "cache"),
        )
        # As installed by pip: compiled bytecode is used. Without this (some sandboxes set
        # it), every start recompiles intervisie's modules while the floor's come compiled.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        cli = [sys.executable, "-m", "intervisie.tui", "methods", "list"]
        floor = [sys.executable, "-c", FLOOR]
        for _ in range(2):  # warm the file cache
            wall(cli, env)
            wall(floor, env)
        cli_times, floor_times = [], []
        for _ in range(args.runs):
            cli_times.append(wall(cli, env))
            floor_times.append(wall(floor, env))
    cli_ms = statistics.median(cli_times) * 1000
    floor_ms = statistics.median(floor_times) * 1000
    ratio = cli_ms / floor_ms
    print(f"intervisie methods list  median {cli_ms:7.1f} ms")
    print(f"floor (deps + entry pts) median {floor_ms:7.1f} ms")
    print(f"ratio {ratio:.2f} (target {TARGET}) {'ok' if ratio <= TARGET else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
