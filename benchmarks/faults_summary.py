"""Run the fault suite and print its figures: faults tried, bad inputs fuzzed, failures.

    python benchmarks/faults_summary.py            # the CI profile (at least 10,000 inputs)
    python benchmarks/faults_summary.py --profile dev

Runs `pytest -m fault` (every test in tests/faults/ carries the marker, the fuzzers too) with
the hypothesis profile given, reads pytest's JUnit XML for the outcome of each test, and the
fuzz counts the fault conftest writes to `INTERVISIE_FUZZ_COUNTS`: each fuzzer adds one per
input it tried. Known bugs are tests marked `xfail(strict=True)`: listed, not failures.
Exit status 1 when any test failed, errored, or an xfail passed unexpectedly, or when the
CI profile tried fewer than 10,000 fuzz inputs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIN_FUZZ_INPUTS = 10_000
"""What the CI profile must reach across all fuzzers (issue 20)."""


def run(profile: str, extra: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        junit = Path(tmp) / "junit.xml"
        counts = Path(tmp) / "fuzz.json"
        env = dict(os.environ, HYPOTHESIS_PROFILE=profile, INTERVISIE_FUZZ_COUNTS=str(counts))
        start = time.perf_counter()
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-m",
                "fault",
                "-q",
                "-p",
                "no:randomly",
                f"--junitxml={junit}",
                "-o",
                "junit_family=xunit2",
                *extra,
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - start
        if not junit.exists():
            sys.stdout.write(proc.stdout + proc.stderr)
            raise SystemExit("pytest did not run (see above)")
        cases = list(ET.parse(junit).getroot().iter("testcase"))
        fuzz = json.loads(counts.read_text(encoding="utf-8")) if counts.exists() else {}
    outcome = {"passed": 0, "failed": 0, "xfailed": 0, "skipped": 0}
    known, failing = [], []
    by_file: dict[str, int] = {}
    for case in cases:
        name = f"{case.get('classname')}::{case.get('name')}"
        area = (case.get("classname") or "").rsplit(".", 1)[-1]
        by_file[area] = by_file.get(area, 0) + 1
        if case.find("failure") is not None or case.find("error") is not None:
            outcome["failed"] += 1
            failing.append(name)
        elif (skipped := case.find("skipped")) is not None:
            if (skipped.get("type") or "").endswith("xfail"):
                outcome["xfailed"] += 1
                known.append(f"{name}: {skipped.get('message', '')}")
            else:
                outcome["skipped"] += 1
        else:
            outcome["passed"] += 1
    return {
        "outcome": outcome,
        "by_file": by_file,
        "fuzz": fuzz,
        "known": known,
        "failing": failing,
        "seconds": seconds,
        "returncode": proc.returncode,
        "tail": proc.stdout.splitlines()[-15:],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="ci", help="hypothesis profile (ci or dev)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("pytest_args", nargs="*", help="extra arguments for pytest")
    args = parser.parse_args()

    result = run(args.profile, args.pytest_args)
    outcome, fuzz = result["outcome"], result["fuzz"]
    fuzzers = len(fuzz)
    ran = outcome["passed"] + outcome["failed"] + outcome["xfailed"]
    figures = {
        "profile": args.profile,
        "faults_tried": ran - fuzzers,
        "fuzzers": fuzzers,
        "fuzz_inputs": sum(fuzz.values()),
        "fuzz_inputs_by_fuzzer": fuzz,
        "failures": outcome["failed"],
        "known_bugs_xfail": outcome["xfailed"],
        "skipped": outcome["skipped"],
        "seconds": round(result["seconds"], 1),
        "tests_by_file": result["by_file"],
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"fault suite ({args.profile} profile), {figures['seconds']:.0f} s")
        print(f"  faults tried:          {figures['faults_tried']:>7,}")
        for name, count in sorted(result["by_file"].items()):
            print(f"      {name:<28} {count:>7,}")
        print(f"  bad inputs fuzzed:     {figures['fuzz_inputs']:>7,}  ({fuzzers} fuzzers)")
        for name, count in sorted(fuzz.items()):
            print(f"      {name:<28} {count:>7,}")
        print(f"  failures:              {figures['failures']:>7,}  (must be 0)")
        print(f"  known bugs (xfail):    {figures['known_bugs_xfail']:>7,}")
        for line in result["known"]:
            print(f"      {line}")
        if outcome["skipped"]:
            print(f"  skipped:               {outcome['skipped']:>7,}")
    if result["failing"]:
        print("failing:", *result["failing"], sep="\n  ", file=sys.stderr)
        print("\n".join(result["tail"]), file=sys.stderr)
    ok = outcome["failed"] == 0 and result["returncode"] in (0, 5)
    if args.profile == "ci" and figures["fuzz_inputs"] < MIN_FUZZ_INPUTS:
        print(f"too few fuzz inputs for CI: under {MIN_FUZZ_INPUTS:,}", file=sys.stderr)
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
