"""`intervisie people` and `intervisie hours` as a facilitator uses them on a stored year:
link Dirk Peters of Den Bosch to the same person in Utrecht, by his bar number, and his
hours add up to a compliant 8 h 12."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from intervisie.core.plugins.loading import load_registry
from intervisie.core.store.database import Store

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
import year_of_meetings as year


@pytest.fixture
def year_stored(isolated_env) -> Path:
    method = load_registry(house=False).get("incident")
    with Store.open(data_dir=isolated_env / "data") as store:
        for meeting in year.meetings(method):
            store.import_meeting(meeting.meeting_id, meeting.events)
    return isolated_env


def test_linking_by_number_makes_one_person_with_one_ledger(cli, year_stored) -> None:
    before = json.loads(cli("hours", "--year", "2026", "--profile", "nova", "--json").stdout)
    dirks = [r for r in before["people"] if r["person"]["name"] == "Dirk Peters"]
    assert sorted(r["hours"] for r in dirks) == [2.5, 5.7]
    assert not any(r["met"] for r in dirks)

    first = cli(
        "people", "link", "Intervisie Advocatuur Utrecht", "Dirk Peters", "--number", "nova=A-1007"
    )
    assert first.returncode == 0, first.stderr
    second = cli("people", "link", "Advocaten Den Bosch", "dirk peters", "--number", "nova=A-1007")
    assert second.returncode == 0, second.stderr
    person_id = first.stdout.split("(")[-1].rstrip(")\n")
    assert person_id in second.stdout  # matched by the number: the same person

    after = json.loads(cli("hours", "--year", "2026", "--json", "--person", "Dirk Peters").stdout)
    (dirk,) = after["people"]
    assert (dirk["profile"], dirk["hours"], dirk["met"]) == ("nova", 8.2, True)
    assert dirk["groups"] == ["Advocaten Den Bosch", "Intervisie Advocatuur Utrecht"]

    plain = cli("hours", "--year", "2026", "--person", "A-1007")
    assert plain.returncode == 0, plain.stderr
    assert "Dirk Peters" in plain.stdout and "8 h 12 min" in plain.stdout
    assert "compliant" in plain.stdout
    assert "A-1007" not in plain.stdout  # a number is personal data: not in the listing


def test_the_plain_ledger_says_which_meeting_did_not_count_and_why(cli, year_stored) -> None:
    cli("people", "link", "Mediators Oost", "Eva Visser", "--number", "mfn=MfN-2201")
    for member, number in (
        ("Lotte Hermans", "MfN-2101"),
        ("Mehmet Kaya", "MfN-2102"),
        ("Nina Vos", "MfN-2103"),
    ):
        assert (
            cli("people", "link", "Mediators Oost", member, "--number", f"mfn={number}").returncode
            == 0
        )
    out = cli("hours", "--year", "2026", "--group", "Mediators Oost").stdout
    assert "Hours ledger: MfN register – mediators" in out
    assert "Did not count:" in out
    assert (
        "Eva Visser, 9 June 2026 (Mediators Oost): MfN register – mediators asks for at "
        "least 5 participants; 4 take part." in out
    )
    assert "5.5 pt" in out and "missing 12.5 pt" in out


def test_people_show_list_numbers_and_forget(cli, year_stored) -> None:
    made = cli("people", "link", "Intervisie Advocatuur Utrecht", "Ingrid Mulder")
    assert made.returncode == 0, made.stderr
    assert cli("people", "number", "Ingrid Mulder", "nova-gespreksleider", "GL-17").returncode == 0
    shown = cli("people", "show", "Ingrid Mulder")
    assert "GL-17" in shown.stdout and "Intervisie Advocatuur Utrecht" in shown.stdout
    listed = cli("people", "list")
    assert "Ingrid Mulder" in listed.stdout and "nova-gespreksleider" in listed.stdout
    assert "GL-17" not in listed.stdout and "(not linked)" in listed.stdout
    as_json = json.loads(cli("people", "show", "Ingrid Mulder", "--json").stdout)
    assert as_json["registrations"] == {"nova-gespreksleider": "GL-17"}
    taken = cli("people", "link", "Advocaten Den Bosch", "Karel Dekker")
    assert taken.returncode == 0
    clash = cli("people", "number", "Karel Dekker", "nova-gespreksleider", "GL-17")
    assert clash.returncode == 1 and "Ingrid Mulder's" in clash.stderr
    wrong = cli("people", "link", "Nergens", "Iemand")
    assert wrong.returncode == 1 and "no group Nergens" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    gone = cli("people", "forget", "Ingrid Mulder", "--yes")
    assert gone.returncode == 0, gone.stderr
    data = (year_stored / "data" / "intervisie.sqlite3").read_bytes()
    assert b"GL-17" not in data  # vacuumed: the number is not left in the file


def test_the_certificate_shows_numbers_and_tells_who_gets_none(cli, year_stored) -> None:
    assert (
        cli(
            "people",
            "link",
            "Intervisie Advocatuur Utrecht",
            "Joost Jansen",
            "--number",
            "nova=A-1004",
        ).returncode
        == 0
    )
    a1 = cli("certificate", "a1")
    assert a1.returncode == 0, a1.stderr
    assert "| Joost Jansen | A-1004 | 3 h 43 min |" in a1.stdout
    a3 = cli("certificate", "a3")
    assert a3.returncode == 0
    assert "Note: no certificate for Mark [HR] Smit: present for 1 h 30 min" in a3.stderr
    personal = cli("certificate", "a3", "--person", "Mark [HR] Smit")
    assert personal.returncode == 1
    assert "No certificate for Mark [HR] Smit: present for 1 h 30 min" in personal.stderr
    small = cli("certificate", "c2")
    assert small.returncode == 0
    assert "counts for nobody under MfN register – mediators" in small.stderr


def test_a_number_given_later_goes_to_the_person_already_linked(cli, year_stored) -> None:
    made = cli("people", "link", "Intervisie Advocatuur Utrecht", "Dirk Peters")
    assert made.returncode == 0, made.stderr
    again = cli(
        "people", "link", "Intervisie Advocatuur Utrecht", "Dirk Peters", "--number", "nova=A-1007"
    )
    assert again.returncode == 0, again.stderr
    people = json.loads(cli("people", "list", "--json").stdout)
    dirks = [p for p in people if p["name"] == "Dirk Peters" and p["linked"]]
    assert len(dirks) == 1 and dirks[0]["registers"] == ["nova"]  # no second, orphaned Dirk
