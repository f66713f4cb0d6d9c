"""Rule profiles: core's own, a plugin's, and the setup check that warns but never blocks."""

from __future__ import annotations

import pytest

from intervisie.core import hookimpl
from intervisie.core.meeting import commands as cmd
from intervisie.core.method.model import LANGUAGES, Text
from intervisie.core.plugins.loading import load_registry
from intervisie.core.reports.profiles import (
    CORE_PROFILES,
    Exemption,
    GroupCondition,
    Period,
    ProfileError,
    RuleProfile,
    Shows,
    get_profile,
    requirement_text,
    rule_profiles,
    setup_warnings,
)


def test_core_has_the_plain_default_the_bar_mediators_and_youth_care() -> None:
    profiles = rule_profiles()
    assert list(profiles) == ["default", "nova", "mfn", "skj", "vfas"]
    assert "ssr" not in profiles  # no rule of the judiciary could be found
    for profile in CORE_PROFILES:
        assert profile.name.missing(LANGUAGES) == []
        assert profile.summary.missing(LANGUAGES) == []
        assert profile.statement.missing(LANGUAGES) == []
        assert not profile.example


def test_the_dutch_bar_rules() -> None:
    nova = get_profile("nova")
    assert nova.period is Period.CALENDAR_YEAR
    assert nova.min_hours == 8
    assert (nova.sitting_min_minutes, nova.sitting_max_minutes) == (120, 240)
    assert (nova.group_min, nova.group_max) == (3, 10)
    assert nova.trainees_count_toward_size is False
    assert nova.facilitator_hours_count is False
    assert nova.facilitator_register == "nova-gespreksleider"
    assert nova.register == "nova"
    assert nova.online_allowed is True
    assert nova.other_activities is True  # GIO and intervision combine since 2024
    assert set(nova.exemptions) == {Exemption.PRO_RATA, Exemption.TRAINEE}
    for shown in (
        Shows.CONFIRMATION,
        Shows.DESCRIPTION,
        Shows.SIGNATURES,
        Shows.PARTICIPANTS,
        Shows.WHAT_CAME_UP,
        Shows.FACILITATOR_REGISTRATION,
        Shows.OWN_MINUTES,
    ):
        assert shown in nova.shows
    assert "{facilitator}" in nova.statement.get("nl")
    assert "4.3a" in nova.source and "13a" in nova.source


def test_the_mediators_rules_count_points_in_a_fixed_three_year_period() -> None:
    mfn = get_profile("mfn")
    assert mfn.period is Period.FIXED_YEARS and mfn.period_years == 3
    assert mfn.period_start is not None
    assert (mfn.min_points, mfn.points_per_hour) == (18, 1)
    assert mfn.min_hours is None and mfn.min_sittings is None
    assert mfn.sitting_min_minutes == 120
    assert mfn.group_min == 5
    assert mfn.group_conditions == (GroupCondition(3, "mfn"),)
    # what only secondary sources say is marked as such
    assert {"group_min", "group_conditions", "sitting_min_minutes"} <= set(mfn.unconfirmed)


def test_youth_care_counts_twenty_points_in_five_years() -> None:
    skj = get_profile("skj")
    assert skj.period is Period.FIXED_YEARS and skj.period_years == 5
    assert skj.min_points == 20
    assert skj.register == "skj"


def test_setup_warns_when_a_meeting_falls_outside_the_profile() -> None:
    nova = get_profile("nova")
    found = setup_warnings(nova, participants=2, minutes=90, lang="en")
    assert found == [
        "Dutch bar (NOvA) – structured feedback (intervision) asks for at least 3 "
        "participants; 2 take part.",
        "Dutch bar (NOvA) – structured feedback (intervision) counts sittings of at least "
        "2 h; this one is 1 h 30 min.",
    ]
    assert setup_warnings(nova, participants=6, minutes=180, lang="en") == []
    assert "at most 4 h" in setup_warnings(nova, participants=6, minutes=300, lang="en")[0]
    assert "at most 10" in setup_warnings(nova, participants=11, minutes=180, lang="en")[0]
    dutch = setup_warnings(nova, participants=2, minutes=180, lang="nl")
    assert dutch == [
        "NOvA – gestructureerde feedback (intervisie) vraagt minstens 3 deelnemers; "
        "er doen er 2 mee."
    ]


def test_trainees_do_not_count_toward_the_bars_group_size() -> None:
    nova = get_profile("nova")
    found = setup_warnings(nova, participants=4, minutes=180, trainees=2, lang="en")
    assert found == [
        "Dutch bar (NOvA) – structured feedback (intervision) asks for at least 3 "
        "participants; 2 take part (trainees not counted)."
    ]


def test_the_mediators_need_three_registered_among_five() -> None:
    mfn = get_profile("mfn")
    assert setup_warnings(mfn, participants=5, minutes=150, registered={"mfn": 3}) == []
    found = setup_warnings(mfn, participants=5, minutes=150, registered={"mfn": 2}, lang="en")
    assert found == [
        "MfN register – mediators asks for at least 3 participants with a MfN register "
        "number; 2 recorded."
    ]
    four = setup_warnings(mfn, participants=4, minutes=150, registered={"mfn": 4}, lang="en")
    assert four == ["MfN register – mediators asks for at least 5 participants; 4 take part."]
    # without the people known, only the plain size is checked
    assert setup_warnings(mfn, participants=5, minutes=150) == []


def test_durations_and_warnings_use_the_same_rounding() -> None:
    nova = get_profile("nova")
    # 119.6 minutes prints as 2 h, so it counts as 2 h and no warning contradicts it
    assert setup_warnings(nova, participants=5, minutes=119.6) == []
    assert nova.counted_minutes(119.6) == 120
    found = setup_warnings(nova, participants=5, minutes=119.4, lang="en")
    assert found[0].endswith("this one is 1 h 59 min.")
    assert nova.counted_minutes(119.4) == 0
    assert nova.counted_minutes(248) == 240  # a 4 h 08 sitting counts 4 h


def test_an_opened_meeting_is_checked_against_its_profile() -> None:
    from intervisie.core.meeting.clock import FakeClock
    from intervisie.core.meeting.engine import Engine
    from intervisie.core.meeting.model import Group, Member
    from intervisie.core.reports.profiles import meeting_warnings

    group = Group("g", "G", (Member("a", "A"), Member("b", "B"), Member("c", "C")))
    eng = Engine(FakeClock())
    eng.execute(
        cmd.OpenMeeting(
            group=group,
            present=("a", "b", "c"),
            facilitator="a",
            confidentiality=("a", "b", "c"),
            minutes_available=150,
        )
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
        "at least 8 hours per calendar year; sittings of 2 h to 4 h; groups of 3 to 10; "
        "the facilitator's own hours do not count"
    )
    assert requirement_text(get_profile("mfn"), "en") == (
        "at least 18 points per fixed period of 3 years (from 2025-01-01); 1 point(s) an hour; "
        "sittings of at least 2 h; groups of at least 5; at least 3 with a MfN register number"
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
        id="example-psy",
        name=Text.of(nl="Voorbeeld: psychologen", en="Example: psychologists"),
        example=True,
        min_hours=10,
        period=Period.ROLLING_12_MONTHS,
    )
    imposter = RuleProfile(id="nova", name=Text.of(en="Not the bar", nl="Niet de orde"))

    class Plugin:
        @hookimpl
        def intervisie_rule_profiles(self):
            return [ours, imposter, "not a profile"]

    reg = load_registry(house=False, extra_plugins=[("example-plugin", Plugin())])
    profiles = rule_profiles(reg)
    assert profiles["example-psy"] is ours
    assert profiles["nova"].name.get("en").startswith("Dutch bar")  # core's stays
    assert get_profile("example-psy", reg) is ours
    assert any("intervisie_rule_profiles returned str" in e for e in reg.errors())
