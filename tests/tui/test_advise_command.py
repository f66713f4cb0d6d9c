"""`intervisie methods advise`: flags for scripts, questions for people."""

from __future__ import annotations

import json

from click.testing import CliRunner

from intervisie.tui.cli.main import main


def run(*args: str, input: str | None = None):
    """Run advise in English unless the test asks for a language (whatever the system)."""
    lang = [] if "--lang" in args else ["--lang", "en"]
    return CliRunner().invoke(main, ["methods", "advise", *args, *lang], input=input)


def test_flags_answer_every_question_and_json_ranks_every_method() -> None:
    result = run(
        "--case-kind",
        "incident",
        "--level",
        "beginning",
        "--safety",
        "low",
        "--minutes",
        "90",
        "--group-size",
        "8",
        "--json",
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["answers"] == {
        "case_kind": "incident",
        "level": "beginning",
        "safety": "low",
        "minutes": 90,
        "group_size": 8,
    }
    ranked = doc["methods"]
    assert ranked and all({"id", "score", "fits", "reason", "factors"} <= set(r) for r in ranked)
    fitting = [r["score"] for r in ranked if r["fits"]]
    assert fitting == sorted(fitting, reverse=True)
    assert ranked[0]["id"] == "incident", "the incident method suits an incident best"
    assert "suits an incident" in ranked[0]["reason"]


def test_text_ranks_with_a_reason_per_method_and_says_what_it_was_based_on() -> None:
    result = run("--case-kind", "dilemma", "--level", "beginning", "--no-interactive")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Advice for: a dilemma · beginning group"
    assert lines[2].startswith(" 1. ")
    assert "Does not fit:" in result.stdout, "a method for experienced groups does not fit"


def test_without_a_terminal_missing_answers_stay_open_and_nothing_is_asked() -> None:
    result = run("--json")
    assert result.exit_code == 0
    assert result.stderr.strip() == "" or "?" not in result.stderr
    doc = json.loads(result.stdout)
    assert set(doc["answers"].values()) == {None}
    assert all(r["fits"] and r["score"] == 0 for r in doc["methods"])


def test_the_questions_are_asked_for_missing_answers_only() -> None:
    # Case kind 5 (dilemma); the level is a flag; Enter leaves safety open; then minutes,
    # then a wrong group size that is asked again.
    result = run("--interactive", "--level", "experienced", "--json", input="5\n\n75\n1000\n6\n")
    assert result.exit_code == 0, result.output
    assert "What kind of case is it?" in result.stderr
    assert "How experienced" not in result.stderr
    assert "whole number from 2 to 100" in result.stderr
    doc = json.loads(result.stdout)
    assert doc["answers"] == {
        "case_kind": "dilemma",
        "level": "experienced",
        "safety": None,
        "minutes": 75,
        "group_size": 6,
    }


def test_an_answer_may_be_given_by_its_id_and_a_wrong_one_is_asked_again() -> None:
    result = run(
        "--interactive", "--json", "--lang", "nl", input="x\nrelationship\nexperienced\n3\n\n\n"
    )
    assert result.exit_code == 0, result.output
    assert "Wat voor casus is het?" in result.stderr
    assert "Geef een van de nummers" in result.stderr
    answers = json.loads(result.stdout)["answers"]
    assert answers["case_kind"] == "relationship" and answers["safety"] == "high"


def test_a_flag_out_of_range_is_refused() -> None:
    result = run("--group-size", "1")
    assert result.exit_code == 2
