"""Fault tests: every test in this folder carries the `fault` marker, and fuzzers count inputs.

`benchmarks/faults_summary.py` runs `pytest -m fault` and reads the fuzz counts that the
session writes to the file named by `INTERVISIE_FUZZ_COUNTS` (when set).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
_COUNTS: Counter[str] = Counter()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents and not item.get_closest_marker("fault"):
            item.add_marker(pytest.mark.fault)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    target = os.environ.get("INTERVISIE_FUZZ_COUNTS")
    if target and _COUNTS:
        Path(target).write_text(json.dumps(dict(_COUNTS), indent=2), encoding="utf-8")


@pytest.fixture(scope="session")
def fuzz_inputs() -> Counter[str]:
    """`fuzz_inputs[name] += 1` once per generated input; the summary adds them up."""
    return _COUNTS
