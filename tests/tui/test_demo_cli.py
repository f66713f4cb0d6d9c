"""`intervisie demo METHOD --headless`: a stored, finished, flagged demo meeting."""

from __future__ import annotations

import json

import pytest


def _without_id(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if k != "id"}


@pytest.mark.parametrize("method", ["incident", "roddel", "denkhoeden", "krachtenveld"])
def test_demo_headless_stores_a_finished_demo_meeting(cli, method: str) -> None:
    result = cli("demo", method, "--headless", "--seed", "7")
    assert result.returncode == 0, result.stderr
    meeting_id = result.stdout.strip()
    (listed,) = json.loads(cli("sessions", "list", "--json").stdout)
    assert listed["id"] == meeting_id
    assert (listed["status"], listed["demo"], listed["methods"]) == ("finished", True, [method])
    doc = json.loads(cli("sessions", "show", meeting_id, "--json").stdout)
    assert doc["demo"] and doc["rounds"][0]["contributions"]


def test_the_same_seed_gives_the_same_meeting(cli) -> None:
    first = cli("demo", "incident", "--headless", "--seed", "3").stdout.strip()
    second = cli("demo", "incident", "--headless", "--seed", "3").stdout.strip()
    other = cli("demo", "incident", "--headless", "--seed", "4").stdout.strip()
    assert first != second

    def show(meeting_id: str) -> dict:
        return _without_id(json.loads(cli("sessions", "show", meeting_id, "--json").stdout))

    assert show(first) == show(second)
    assert show(first) != show(other)


def test_no_save_stores_nothing(cli, isolated_env) -> None:
    result = cli("demo", "incident", "--headless", "--no-save")
    assert result.returncode == 0 and "not stored" in result.stdout
    doc = json.loads(cli("demo", "incident", "--headless", "--no-save", "--json").stdout)
    assert doc["demo"] and doc["rounds"][0]["method"]["id"] == "incident"
    assert not (isolated_env / "data").exists()


def test_unknown_method_and_missing_app_demo_are_clear_errors(cli) -> None:
    unknown = cli("demo", "nope", "--headless")
    assert unknown.returncode == 1 and "incident" in unknown.stderr
    assert "Traceback" not in unknown.stderr
