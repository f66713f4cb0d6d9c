"""Rule profiles: core's own, a plugin's, and the setup check that warns but never blocks."""

from __future__ import annotations

import pytest

from intervisie.core import hookimpl
from intervisie.core.method.model import LANGUAGES, Text
from intervisie.core.plugins.loading import load_registry
from intervisie.core.reports.profiles import (
    CORE_PROFILES,
    Period,
    ProfileError,
    RuleProfile,
    Shows,
    get_profile,
    requirement_text,
    rule_profiles,
    setup_warnings,
)


def test_core_has_the_plain_default_the_bar_and_mediators() -> None:
    profiles = rule_profiles()
    assert list(profiles)[:3] == ["default", "nova", "mfn"]
    assert {"vfas", "ssr"} <= set(profiles)
    for profile in CORE_PROFILES:
        assert profile.name.missing(LANGUAGES) == []
        assert profile.summary.missing(LANGUAGES) == []
        assert profile.statement.missing(LANGUAGES) == []


def test_the_dutch_bar_rules() -> None:
    nova = get_profile("nova")
    assert nova.period is Period.CALENDAR_YEAR
    assert nova.min_hours == 8
    assert (nova.sitting_min_minutes, nova.sitting_max_minutes) == (120, 240)
    assert (nova.group_min, nova.group_max) == (3, 10)
    assert nova.facilitator_hours_count is False
    assert nova.online_allowed is True
    for shown in (Shows.CONFIRMATION, Shows.DESCRIPTION, Shows.SIGNATURES, Shows.PARTICIPANTS):
        assert shown in nova.shows
    assert "{facilitator}" in nova.statement.get("nl")


def test_the_mediators_rules() -> None:
    mfn = get_profile("mfn")
    assert mfn.period is Period.ROLLING_12_MONTHS
    assert mfn.min_sittings == 3 and mfn.min_hours is None
    assert mfn.sitting_min_minutes == 120
    assert mfn.group_min == 5


def test_setup_warns_when_a_meeting_falls_outside_the_profile() -> None:
    nova = get_profile("nova")
    found = setup_warnings(nova, participants=2, minutes=90, lang="en")
    assert found == [
        "Dutch bar (NOvA) – structured feedback (intervision) asks for at least 3 "
        "participants; 2 take part.",
        "Dutch bar (NOvA) – structured feedback (intervision) counts sittings of at least 2 "
        "hours; this one is 1.5 hours.",
    ]
    assert setup_warnings(nova, participants=6, minutes=180, lang="en") == []
    assert "at most 4 hours" in setup_warnings(nova, participants=6, minutes=300, lang="en")[0]
    assert "at most 10" in setup_warnings(nova, participants=11, minutes=180, lang="en")[0]
    dutch = setup_warnings(nova, participants=2, minutes=180, lang="nl")
    assert dutch == [
        "NOvA – gestructureerde feedback (intervisie) vraagt minstens 3 deelnemers; "
        "er doen er 2 mee."
    ]


def test_an_opened_meeting_is_checked_against_its_profile() -> None:
    from intervisie.core.meeting.clock import FakeClock
    from intervisie.core.meeting.engine import Engine
    from intervisie.core.meeting.model import Group, Member
    from intervisie.core.reports.profiles import meeting_warnings

    group = Group("g", "G", (Member("a", "A"), Member("b", "B"), Member("c", "C")))
    eng = Engine(FakeClock())
    eng.open_meeting(
        group=group,
        present=("a", "b", "c"),
        facilitator="a",
        confidentiality=("a", "b", "c"),
        minutes_available=150,
    )
    found = meeting_warnings(get_profile("nova"), eng.state, "en")
    assert found == [
        "Dutch bar (NOvA) – structured feedback (intervision) asks for at least 3 "
        "participants; 2 take part."
    ]


def test_the_default_profile_never_warns() -> None:
    default = get_profile("default")
    assert setup_warnings(default, participants=1, minutes=5, online=True) == []
    assert requirement_text(default, "en") == "no requirements"


def test_a_profile_that_refuses_online_meetings_says_so() -> None:
    strict = RuleProfile(id="strict", name=Text.of(en="Strict", nl="Streng"), online_allowed=False)
    assert setup_warnings(strict, participants=4, minutes=120, online=True, lang="en") == [
        "Strict does not accept online meetings."
    ]
    assert setup_warnings(strict, participants=4, minutes=120, online=False) == []


def test_requirements_in_one_line() -> None:
    assert requirement_text(get_profile("nova"), "en") == (
        "at least 8 hours per calendar year; sittings of 2 to 4 hours; groups of 3 to 10; "
        "the facilitator's own hours do not count"
    )
    assert requirement_text(get_profile("mfn"), "nl") == (
        "minstens 3 bijeenkomsten binnen elke 12 maanden; bijeenkomsten van minstens 2 uur; "
        "groepen van minstens 5"
    )


def test_a_sitting_counts_within_the_profiles_bounds() -> None:
    nova = get_profile("nova")
    assert nova.counted_minutes(119) == 0
    assert nova.counted_minutes(150) == 150
    assert nova.counted_minutes(300) == 240
    assert get_profile("default").counted_minutes(30) == 30


def test_a_broken_profile_names_every_problem() -> None:
    with pytest.raises(ProfileError) as info:
        RuleProfile(
            id="Bad Id",
            name=Text(),
            min_hours=0,
            group_min=8,
            group_max=4,
        )
    problems = "\n".join(info.value.problems)
    assert "id:" in problems
    assert "name: empty" in problems
    assert "min_hours" in problems
    assert "group_min (8) is more than group_max (4)" in problems


def test_unknown_profile_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="known: default, nova, mfn"):
        get_profile("nope")


def test_an_organisation_adds_its_profile_through_the_hook() -> None:
    ours = RuleProfile(
        id="nip",
        name=Text.of(nl="NIP psychologen", en="NIP psychologists"),
        min_hours=10,
        period=Period.ROLLING_12_MONTHS,
    )
    imposter = RuleProfile(id="nova", name=Text.of(en="Not the bar", nl="Niet de orde"))

    class Plugin:
        @hookimpl
        def intervisie_rule_profiles(self):
            return [ours, imposter, "not a profile"]

    reg = load_registry(house=False, extra_plugins=[("nip-plugin", Plugin())])
    profiles = rule_profiles(reg)
    assert profiles["nip"] is ours
    assert profiles["nova"].name.get("en").startswith("Dutch bar")  # core's stays
    assert get_profile("nip", reg) is ours
    assert any("intervisie_rule_profiles returned str" in e for e in reg.errors())
