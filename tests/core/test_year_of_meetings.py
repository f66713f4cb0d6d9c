"""A year of realistic meetings (tests/core/year_of_meetings.py) gives the right answers per
person for the NOvA and the MfN: people across groups, late arrivals, breaks, an online
sitting, and a sitting that breaks the profile."""

from __future__ import annotations

import json
import sys
from datetime import UTC
from pathlib import Path

import pytest

from intervisie.core.meeting.engine import fold
from intervisie.core.plugins.loading import load_registry
from intervisie.core.reports.attendance import attendance_of
from intervisie.core.reports.ledger import build_hours, ledger_to_json
from intervisie.core.reports.people import People
from intervisie.core.reports.profiles import get_profile, rule_profiles

sys.path.insert(0, str(Path(__file__).parent))
import year_of_meetings as year

NOVA, MFN = get_profile("nova"), get_profile("mfn")


@pytest.fixture(scope="module")
def stored() -> list[year.Stored]:
    method = load_registry(house=False).get("incident")
    return list(year.meetings(method))


@pytest.fixture(scope="module")
def attendances(stored):
    return [attendance_of(fold(s.events), s.meeting_id) for s in stored]


def hours(attendances, profiles=None, people=None, **kw):
    given = profiles is not None
    return build_hours(
        attendances,
        year.people() if people is None else people,
        profiles or list(rule_profiles().values()),
        year=2026,
        only_given=given,
        tz=UTC,
        lang="en",
        **kw,
    )


def test_a_lawyer_in_two_groups_is_one_person_and_compliant(attendances) -> None:
    dirk = hours(attendances, [NOVA]).person("Dirk Peters")
    assert dirk is not None
    assert dirk.minutes == 180 + 162 + 150  # 5 h 42 in Utrecht + 2 h 30 in Den Bosch
    assert dirk.groups == ("Advocaten Den Bosch", "Intervisie Advocatuur Utrecht")
    assert dirk.sittings == 3 and dirk.met and dirk.missing_minutes == 0
    # unlinked, the same lawyer was two people, each short of the 8 hours
    apart = hours(attendances, [NOVA], People())
    halves = [r for r in apart.rows if r.name == "Dirk Peters"]
    assert sorted(r.minutes for r in halves) == [150, 342]
    assert not any(r.met for r in halves)


def test_each_lawyer_counts_their_own_minutes(attendances) -> None:
    ledger = hours(attendances, [NOVA])
    minutes = {r.name: r.minutes for r in ledger.rows}
    assert minutes["Joost Jansen"] == 223 + 180 + 162  # 25 minutes late at A1
    assert minutes["Aylin Yıldız"] == 240 + 120 + 162  # A1 capped at 4 h; left A2 early
    assert minutes["Pieter Bakker"] == 240 + 180 + 142  # a 20-minute break at A3
    assert minutes["Sanne de Vries"] == 240 + 180 + 162
    mark = ledger.person("Mark [HR] Smit")
    assert mark is not None and mark.minutes == 240 and not mark.met
    late = next(s for s in mark.sittings_list if s.meeting_id == "a3")
    assert late.counted_minutes == 0
    assert late.reasons == (
        "present for 1 h 30 min; Dutch bar (NOvA) – structured feedback (intervision) "
        "counts at least 2 h",
    )


def test_the_online_sitting_counts_for_the_bar(attendances) -> None:
    sanne = hours(attendances, [NOVA]).person("Sanne de Vries")
    assert sanne is not None
    online = next(s for s in sanne.sittings_list if s.meeting_id == "a2")
    assert online.counts and online.counted_minutes == 180


def test_the_gespreksleiders_own_leading_does_not_count(attendances) -> None:
    ledger = hours(attendances, [NOVA])
    ingrid = ledger.person("Ingrid Mulder")
    assert ingrid is not None
    assert ingrid.minutes == 0 and ingrid.facilitator_sittings == 3
    assert ingrid.facilitator_minutes == 248 + 180 + 162
    karel = ledger.person("Karel Dekker")
    assert karel is not None and karel.facilitator_sittings == 1 and karel.minutes == 0


def test_the_bars_ledger_lists_only_the_people_it_applies_to(attendances) -> None:
    names = {r.name for r in hours(attendances, [NOVA]).rows}
    assert "Eva Visser" in names  # a lawyer and a mediator
    for mediator in ("Lotte Hermans", "Mehmet Kaya", "Nina Vos", "Otto Smeets", "Pim Jacobs"):
        assert mediator not in names


def test_mediators_count_points_and_the_small_sitting_counts_for_nobody(attendances) -> None:
    ledger = hours(attendances, [MFN])
    points = {r.name: r.points for r in ledger.rows}
    assert points["Eva Visser"] == 2.5 + 3
    assert points["Lotte Hermans"] == 2.5 + 3  # the MfN counts the facilitator's hours
    assert points["Nina Vos"] == 2.5  # C2 did not count
    assert points["Otto Smeets"] == 3
    eva = ledger.person("Eva Visser")
    assert eva is not None
    assert (eva.window.start.isoformat(), eva.window.end.isoformat()) == (
        "2025-01-01",
        "2027-12-31",
    )
    assert eva.missing_points == 12.5 and not eva.met
    small = next(s for s in eva.sittings_list if s.meeting_id == "c2")
    assert not small.counts
    assert small.reasons == (
        "MfN register – mediators asks for at least 5 participants; 4 take part.",
    )
    assert "Sanne de Vries" not in points  # lawyers only are not in the mediators' ledger


def test_a_person_in_a_bar_group_and_a_mediators_group_gets_a_line_for_each(attendances) -> None:
    ledger = hours(attendances)
    eva = [r.profile.id for r in ledger.rows if r.name == "Eva Visser"]
    assert eva == ["mfn", "nova"]
    sanne = [r.profile.id for r in ledger.rows if r.name == "Sanne de Vries"]
    assert sanne == ["nova"]
    pim = [r.profile.id for r in ledger.rows if r.name == "Pim Jacobs"]
    assert pim == ["mfn"]


def test_person_and_group_narrow_the_ledger(attendances) -> None:
    only_dirk = hours(attendances, person="A-1007")  # by his bar number
    assert [(r.name, r.profile.id) for r in only_dirk.rows] == [("Dirk Peters", "nova")]
    bosch = hours(attendances, group="Advocaten Den Bosch")
    assert {r.name for r in bosch.rows} == {
        "Dirk Peters",
        "Femke de Graaf",
        "Gijs Willems",
        "Hanna Bos",
        "Karel Dekker",
    }


def test_hours_entered_by_hand_and_a_pro_rata_exemption(attendances) -> None:
    from datetime import date

    import attrs

    from intervisie.core.reports.people import Activity, ExemptionRecord
    from intervisie.core.reports.profiles import Exemption

    people = year.people()
    mark = people.persons["p-mark"]
    mark = attrs.evolve(
        mark,
        activities=(Activity("nova", date(2026, 11, 20), 150, "GIO"),),
        exemptions=(
            ExemptionRecord("nova", Exemption.PRO_RATA, date(2026, 1, 1), date(2026, 3, 31)),
        ),
    )
    people = attrs.evolve(people, persons={**people.persons, "p-mark": mark})
    row = hours(attendances, [NOVA], people).person("Mark [HR] Smit")
    assert row is not None
    assert row.minutes == 240 + 150 and row.other_minutes == 150
    assert row.required_minutes == round(480 * (1 - 90 / 365))
    assert row.missing_minutes == 0 and row.met


def test_a_trainee_has_no_requirement_and_does_not_count_toward_the_size(attendances) -> None:
    import attrs

    from intervisie.core.reports.people import ExemptionRecord
    from intervisie.core.reports.profiles import Exemption

    people = year.people()
    trainees = {}
    for pid in ("p-bosch-m2", "p-bosch-m3"):
        trainees[pid] = attrs.evolve(
            people.persons[pid], exemptions=(ExemptionRecord("nova", Exemption.TRAINEE),)
        )
    people = attrs.evolve(people, persons={**people.persons, **trainees})
    ledger = hours(attendances, [NOVA], people)
    femke = ledger.person("Femke de Graaf")
    assert femke is not None and femke.trainee and femke.missing_minutes is None
    # Den Bosch without its two trainees has two lawyers: below the bar's three
    dirk = ledger.person("Dirk Peters")
    assert dirk is not None
    b1 = next(s for s in dirk.sittings_list if s.meeting_id == "b1")
    assert not b1.counts and "trainees not counted" in b1.reasons[0]


def test_the_ledger_holds_nothing_of_the_cases(attendances) -> None:
    text = json.dumps(ledger_to_json(hours(attendances)), ensure_ascii=False)
    assert year.SECRET not in text
