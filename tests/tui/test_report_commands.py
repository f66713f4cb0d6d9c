"""`intervisie report`, `certificate` and `hours` as a user runs them, on stored meetings:
demo meetings made by `intervisie demo METHOD --headless`, and meetings run by the engine."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.engine import Engine, replay
from intervisie.core.meeting.model import Group, Member
from intervisie.core.store.database import Store

GROUP = Group(
    "g-noord",
    "Advocaten Noord",
    (Member("anna", "Anna Jansen"), Member("bram", "Bram de Wit"), Member("carla", "Carla Smit")),
)


def store(home: Path) -> Store:
    return Store.open(data_dir=home / "data")


def stored_meeting(home: Path, day: str, minutes: float, *, finish: bool = True) -> str:
    """A meeting run by the engine on `day` for `minutes`, with one case, stored."""
    clock = FakeClock(datetime.fromisoformat(day).replace(hour=9, tzinfo=UTC))
    eng = Engine(clock)
    present = ("anna", "bram", "carla")
    eng.execute(
        cmd.OpenMeeting(
            group=GROUP,
            present=present,
            facilitator="Gespreksleider Gerrit",
            confidentiality=present,
            minutes_available=minutes,
            place="Groningen",
            rule_profile="nova",
        )
    )
    eng.execute(
        cmd.AddCase(owner="anna", title="Geheime casus", description="Geheime beschrijving")
    )
    clock.advance(minutes=minutes)
    if finish:
        eng.execute(cmd.FinishMeeting())
    with store(home) as s:
        return s.import_meeting(None, eng.events)


def demo_meeting(cli, method: str = "incident") -> str:
    result = cli("demo", method, "--headless")
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def case_texts(home: Path, meeting_id: str) -> list[str]:
    with Store.open(data_dir=home / "data", readonly=True) as s:
        state = replay(s.events(meeting_id))
    texts = [c.text for c in state.contributions if c.text]
    texts += [c.title for c in (*state.cases, *state.revisit)]
    texts += [c.description for c in (*state.cases, *state.revisit) if c.description]
    return texts


def test_a_demo_meetings_report_holds_every_contribution(cli, isolated_env) -> None:
    meeting_id = demo_meeting(cli)
    result = cli("report", meeting_id, "--all-rounds")
    assert result.returncode == 0, result.stderr
    assert "This report holds the cases of:" in result.stdout
    with Store.open(data_dir=isolated_env / "data", readonly=True) as s:
        state = replay(s.events(meeting_id))
    assert state.contributions
    for c in state.contributions:
        if c.text:
            assert c.text.strip().splitlines()[0] in result.stdout
    assert result.stdout.startswith("# DEMO")


def test_a_demo_certificate_holds_no_case_content_and_proves_nothing(cli, isolated_env) -> None:
    meeting_id = demo_meeting(cli, "krachtenveld")
    texts = case_texts(isolated_env, meeting_id)
    for fmt in ("md", "html"):
        for lang in ("en", "nl"):
            result = cli("certificate", meeting_id, "--format", fmt, "--lang", lang)
            assert result.returncode == 0, result.stderr
            for text in texts:
                assert text not in result.stdout
            marker = "PROVES NOTHING" if lang == "en" else "BEWIJST NIETS"
            assert marker in result.stdout


def test_written_files_are_private_and_never_overwritten_without_force(
    cli, isolated_env, tmp_path
) -> None:
    meeting_id = stored_meeting(isolated_env, "2026-02-10", 180)
    target = tmp_path / "bewijs.html"
    first = cli("certificate", meeting_id, "--format", "html", "--output", str(target))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == str(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Geheim" not in page

    target.write_text("mine", encoding="utf-8")
    again = cli("certificate", meeting_id, "--format", "html", "--output", str(target))
    assert again.returncode == 1
    assert "already exists; use --force" in again.stderr
    assert target.read_text(encoding="utf-8") == "mine"

    personal = cli("certificate", meeting_id, "--member", "bram")
    assert personal.returncode == 0, personal.stderr
    assert "Bram de Wit" in personal.stdout and "Anna Jansen" not in personal.stdout

    forced = cli("certificate", meeting_id, "-o", str(target), "--force", "--lang", "nl")
    assert forced.returncode == 0, forced.stderr
    assert "Bewijs van deelname" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_one_round_in_html_in_dutch(cli, isolated_env, tmp_path) -> None:
    meeting_id = demo_meeting(cli, "roddel")
    target = tmp_path / "verslag.html"
    result = cli(
        "report", meeting_id, "--round", "1", "--format", "html", "--lang", "nl", "-o", str(target)
    )
    assert result.returncode == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    assert "Ronde 1: Roddelmethode" in page and "Rondeverslag" in page
    missing = cli("report", meeting_id, "--round", "3")
    assert missing.returncode == 1 and "no round 3" in missing.stderr


def test_helpful_refusals(cli, isolated_env) -> None:
    open_id = stored_meeting(isolated_env, "2026-02-10", 60, finish=False)
    unfinished = cli("certificate", open_id)
    assert unfinished.returncode == 1 and "not finished" in unfinished.stderr
    fmt = cli("report", open_id, "--format", "docx")
    assert fmt.returncode == 1 and "available: html, md, pdf" in fmt.stderr
    profile = cli("certificate", open_id, "--profile", "nope")
    assert profile.returncode == 1 and "known: default, nova, mfn" in profile.stderr
    unknown = cli("report", "zzzz")
    assert unknown.returncode == 1 and "Traceback" not in unknown.stderr
    both = cli("hours", "--year", "2026", "--until", "2026-05-01")
    assert both.returncode == 1


def test_hours_add_up_across_meetings_and_years_without_demos(cli, isolated_env) -> None:
    for day in ("2025-11-03", "2026-01-12", "2026-04-20", "2026-09-14"):
        stored_meeting(isolated_env, day, 180)
    stored_meeting(isolated_env, "2026-10-05", 100)  # too short for the bar
    demo_meeting(cli)  # January 2026, a demo: left out

    this_year = cli("hours", "--year", "2026", "--profile", "nova", "--json")
    assert this_year.returncode == 0, this_year.stderr
    doc = json.loads(this_year.stdout)
    anna = next(m for m in doc["people"] if m["person"]["name"] == "Anna Jansen")
    assert (anna["hours"], anna["sittings"], anna["met"]) == (9.0, 3, True)
    assert len(anna["meetings"]) == 4
    assert doc["left_out"]["demo"] == 1
    gerrit = next(m for m in doc["people"] if m["person"]["name"] == "Gespreksleider Gerrit")
    assert gerrit["hours"] == 0 and gerrit["facilitator_hours"] == round(640 / 60, 2)

    last_year = json.loads(cli("hours", "--year", "2025", "--profile", "nova", "--json").stdout)
    bram = next(m for m in last_year["people"] if m["person"]["name"] == "Bram de Wit")
    assert (bram["hours"], bram["missing_hours"]) == (3.0, 5.0)

    rolling = json.loads(
        cli("hours", "--until", "2026-05-01", "--profile", "nova", "--json").stdout
    )
    carla = next(m for m in rolling["people"] if m["person"]["name"] == "Carla Smit")
    assert carla["period"] == {
        "kind": "rolling_12_months",
        "start": "2025-05-02",
        "end": "2026-05-01",
    }
    assert (carla["hours"], carla["missing_hours"]) == (9.0, 0)

    text = cli("hours", "--year", "2026", "--profile", "nova", "--lang", "nl")
    assert text.returncode == 0, text.stderr
    assert "Anna Jansen" in text.stdout and "9 u" in text.stdout
    assert "Demobijeenkomsten weggelaten: 1." in text.stdout
    # the sitting that was too short says so in the plain output, not only in --json
    assert "5 oktober 2026 (Advocaten Noord)" in text.stdout
    assert "dit was 1 u 40 min" in text.stdout or "1 u 40 min" in text.stdout


def test_report_commands_do_not_import_textual(isolated_env) -> None:
    code = (
        "import sys\nfrom intervisie.tui.cli.main import main\n"
        "for args in (['hours'], ['report', 'x'], ['certificate', 'x']):\n"
        "    try:\n        main(args, standalone_mode=False)\n"
        "    except SystemExit:\n        pass\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ)
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("args", [["report", "--help"], ["certificate", "--help"]])
def test_help_names_the_options(cli, args) -> None:
    result = cli(*args)
    assert result.returncode == 0
    for option in ("--format", "--output", "--force", "--lang"):
        assert option in result.stdout


PLUGIN = """
from intervisie.core import Text, hookimpl
from intervisie.core.reports.exporters import Exporter
from intervisie.core.reports.profiles import RuleProfile


def pdf(document):
    return b"%PDF-1.7 fake " + document.profile.id.encode()


@hookimpl
def intervisie_exporters():
    return [Exporter(name="fakepdf", suffix=".pdf", documents={"certificate"}, render=pdf,
                     binary=True)]


@hookimpl
def intervisie_rule_profiles():
    return [RuleProfile(id="example", name=Text.of(nl="Voorbeeld", en="Example"), min_hours=10,
                        example=True)]
"""


def test_a_plugin_format_and_profile_from_an_installed_package(
    plugin_dist, isolated_env, tmp_path
) -> None:
    plugin_dist.add("intervisie-pdf", {"intervisie_pdf": PLUGIN}, {"pdf": "intervisie_pdf"})
    meeting_id = stored_meeting(isolated_env, "2026-02-10", 180)
    target = tmp_path / "bewijs.pdf"
    result = plugin_dist.run(
        "certificate", meeting_id, "--profile", "example", "--format", "fakepdf", "-o", str(target)
    )
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == b"%PDF-1.7 fake example"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    hours = plugin_dist.run("hours", "--profile", "example", "--year", "2026", "--json")
    assert json.loads(hours.stdout)["profiles"] == ["example"]
    report = plugin_dist.run("report", meeting_id, "--format", "fakepdf")
    assert report.returncode == 1 and "available: html, md, pdf" in report.stderr


def two_rounds(home: Path) -> str:
    """A meeting of two rounds, Anna's case and then Bram's, each with a take-away."""
    from intervisie.core.method.model import ContributionKind
    from intervisie.core.plugins.loading import load_registry

    method = load_registry(house=False).get("roddel")
    clock = FakeClock(datetime(2026, 3, 2, 9, tzinfo=UTC))
    eng = Engine(clock)
    present = ("anna", "bram", "carla")
    eng.execute(
        cmd.OpenMeeting(
            group=GROUP,
            present=present,
            facilitator="carla",
            confidentiality=present,
            minutes_available=240,
            rule_profile="nova",
        )
    )
    for owner in ("anna", "bram"):
        eng.execute(cmd.AddCase(owner=owner, title=f"Geheim van {owner}", description=""))
        eng.execute(cmd.ChooseCase(case_id=eng.state.cases[-1].id))
        eng.execute(cmd.StartRound(method=method))
        while eng.state.round.current < len(eng.state.round.phases) - 1:
            clock.advance(minutes=10)
            eng.execute(cmd.NextPhase())
        eng.execute(
            cmd.AddContribution(
                author=owner, kind=ContributionKind.TAKEAWAY, text=f"{owner} neemt dit mee"
            )
        )
        eng.execute(cmd.FinishRound())
    eng.execute(cmd.FinishMeeting())
    with store(home) as s:
        return s.import_meeting(None, eng.events)


def test_each_round_report_goes_to_its_own_case_owner(cli, isolated_env, tmp_path) -> None:
    meeting_id = two_rounds(isolated_env)
    plain = cli("report", meeting_id)
    assert plain.returncode == 1 and plain.stdout == ""
    assert "The meeting has 2 rounds, each for its own case owner" in plain.stderr
    assert "case owner Anna Jansen" in plain.stderr and "--all-rounds" in plain.stderr
    second = cli("report", meeting_id, "--round", "2")
    assert "Geheim van bram" in second.stdout and "Geheim van anna" not in second.stdout
    body = second.stdout
    # take-aways first, the timing last
    assert body.index("Take-aways and agreements") < body.index("Contributions by phase")
    assert body.index("Contributions by phase") < body.index("The method as run")
    folder = tmp_path / "verslagen"
    folder.mkdir()
    written = cli("report", meeting_id, "--output", str(folder), "--format", "html")
    assert written.returncode == 0, written.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["round-1-anna-jansen.html", "round-2-bram-de-wit.html"]
    anna = (folder / names[0]).read_text(encoding="utf-8")
    assert "Geheim van anna" in anna and "Geheim van bram" not in anna
    assert stat.S_IMODE((folder / names[0]).stat().st_mode) == 0o600
    again = cli("report", meeting_id, "--output", str(folder))
    assert again.returncode == 0  # another format: new files; the same names need --force
    same = cli("report", meeting_id, "--output", str(folder), "--format", "html")
    assert same.returncode == 1 and "--force" in same.stderr
    whole = cli("report", meeting_id, "--all-rounds")
    assert whole.stdout.index("This report holds the cases of: Anna Jansen, Bram de Wit.") < (
        whole.stdout.index("Geheim van anna")
    )
