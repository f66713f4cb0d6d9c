"""Rule profiles: what a professional body requires of intervision, as plugin data.

The Dutch bar asks 8 hours a calendar year in sittings of 2 to 4 hours; the MfN register
asks 18 intervision points (one an hour) in a fixed three-year period; SKJ asks 20 points
in five years; a group without such rules asks nothing. A `RuleProfile` says this as data,
so an organisation or profession adds its own through the `intervisie_rule_profiles` hook
without touching core, and the certificate, the hours ledger and meeting setup read the
same rules. docs/reports.md says where each of core's numbers comes from.

Setup only warns when a meeting falls outside its profile (`setup_warnings`): a group that
meets for 110 minutes once still wants to run its meeting. Afterwards the same checks
(`outside_profile`) decide that the sitting counts for nobody under that profile, and the
ledger and the certificate say why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from attrs import field, frozen

from intervisie.core.i18n import N_, current_language, tr
from intervisie.core.method.model import Text
from intervisie.core.plugins.hookspecs import hookimpl
from intervisie.core.reports.durations import duration, number, whole_minutes

if TYPE_CHECKING:
    from intervisie.core.meeting.model import SessionState
    from intervisie.core.plugins.loading import Registry

_ID = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")

DEFAULT_PROFILE = "default"


class Period(StrEnum):
    """Over which period the minimum hours, points and sittings are counted."""

    CALENDAR_YEAR = "calendar_year"
    ROLLING_12_MONTHS = "rolling_12_months"
    FIXED_YEARS = "fixed_years"
    """Fixed periods of `period_years` years, one after the other from `period_start`."""


class Shows(StrEnum):
    """What an attendance certificate shows; a profile lists what its body asks for."""

    DATE = "date"
    TIMES = "times"
    """Start and end time."""
    DURATION = "duration"
    PLACE = "place"
    """The place, or that the meeting was online (and how attendance was checked)."""
    METHODS = "methods"
    FACILITATOR = "facilitator"
    FACILITATOR_REGISTRATION = "facilitator_registration"
    """The facilitator's own registration in `facilitator_register`."""
    PROVIDER = "provider"
    """The provider or firm that organised the meeting."""
    PARTICIPANTS = "participants"
    REGISTRATIONS = "registrations"
    """Each participant's number in the profile's register."""
    OWN_MINUTES = "own_minutes"
    """Each participant's own minutes (late arrivals, early departures, breaks)."""
    SIGNATURES = "signatures"
    """A signature line for each participant and the facilitator."""
    CONFIRMATION = "confirmation"
    """The facilitator's statement that the participants named attended."""
    CONFIDENTIALITY = "confidentiality"
    """That confidentiality was agreed."""
    DESCRIPTION = "description"
    """A short description of the meeting that reveals nothing of the cases."""
    WHAT_CAME_UP = "what_came_up"
    """The facilitator's own short, non-substantive line of themes."""
    GROUP = "group"


ALL_SHOWS: tuple[Shows, ...] = tuple(Shows)

REGISTERS: Mapping[str, Text] = {
    "nova": Text.of(nl="advocatennummer (NOvA)", en="bar number (NOvA)"),
    "nova-gespreksleider": Text.of(
        nl="gespreksleider aangewezen door de NOvA", en="facilitator appointed by the NOvA"
    ),
    "mfn": Text.of(nl="MfN-registernummer", en="MfN register number"),
    "skj": Text.of(nl="SKJ-registratienummer", en="SKJ registration number"),
    "big": Text.of(nl="BIG-nummer", en="BIG number"),
}
"""Registers core knows by name; a plugin's profile may name any other register id."""


def register_name(register: str, lang: str) -> str:
    """The register's name in `lang`; an unknown register by its id."""
    known = REGISTERS.get(register)
    return known.get(lang) if known is not None else register


class Exemption(StrEnum):
    """Exemptions a profile allows, recorded per person."""

    PRO_RATA = "pro_rata"
    """Part of the period exempted (long illness): the requirement shrinks in proportion."""
    TRAINEE = "trainee"
    """A trainee: no requirement under this profile, and not counted toward the group size."""


class ProfileError(ValueError):
    """A rule profile that cannot be built; lists every problem at once."""

    def __init__(self, profile_id: str, problems: list[str]):
        self.profile_id = profile_id
        self.problems = problems
        super().__init__(f"rule profile {profile_id!r}: " + "; ".join(problems))


@frozen
class GroupCondition:
    """At least `min` of the participants hold a number in `register` ("3 MfN-registered")."""

    min: int
    register: str


def _opt_positive(value: float | None) -> bool:
    return value is None or value > 0


@frozen
class RuleProfile:
    """The rules of one professional body (or none, for `default`).

    Sitting lengths are in minutes, the period's minimum in hours or points, as the bodies
    state them. `facilitator_hours_count` False means a facilitator's hours at meetings they
    led are kept apart in the ledger (the Dutch bar: the facilitator's own hours do not
    count). `register` is the register whose members the profile is for; `unconfirmed`
    names the fields whose numbers come from secondary sources only.
    """

    id: str
    name: Text
    summary: Text = field(factory=Text)
    source: str = ""
    """The regulation or body the rules come from, by name."""
    period: Period = Period.CALENDAR_YEAR
    period_years: int = 1
    """The length of a fixed period (`Period.FIXED_YEARS`)."""
    period_start: date | None = None
    """Where fixed periods are counted from; a person's own start date overrides it."""
    min_hours: float | None = None
    min_points: float | None = None
    max_points: float | None = None
    """At most this many points from intervision count in one period."""
    points_per_hour: float | None = None
    min_sittings: int | None = None
    group_min: int | None = None
    group_max: int | None = None
    group_conditions: tuple[GroupCondition, ...] = ()
    trainees_count_toward_size: bool = True
    sitting_min_minutes: float | None = None
    """A shorter sitting does not count toward hours or sittings."""
    sitting_max_minutes: float | None = None
    """A longer sitting counts for this many minutes only."""
    facilitator_hours_count: bool = True
    facilitator_register: str | None = None
    """The register the facilitator must be in (the NOvA appoints its gespreksleiders)."""
    register: str | None = None
    other_activities: bool = False
    """Hours from other activities (another group, GIO) may be entered by hand."""
    exemptions: tuple[Exemption, ...] = ()
    online_allowed: bool = True
    shows: tuple[Shows, ...] = ALL_SHOWS
    statement: Text = field(factory=Text)
    """The facilitator's confirmation printed on the certificate; `{facilitator}` is filled in."""
    unconfirmed: tuple[str, ...] = ()
    """Fields whose numbers could not be confirmed in the body's own texts."""
    example: bool = False
    """An example of the profile model, not a body's rules: every document says so."""

    def __attrs_post_init__(self) -> None:
        problems = []
        if not _ID.match(self.id):
            problems.append("id: use lower-case letters, digits, '-' or '_'")
        if self.name.is_empty():
            problems.append("name: empty")
        for name in (
            "min_hours",
            "min_points",
            "max_points",
            "points_per_hour",
            "min_sittings",
            "group_min",
            "group_max",
            "sitting_min_minutes",
            "sitting_max_minutes",
        ):
            if not _opt_positive(getattr(self, name)):
                problems.append(f"{name}: must be more than 0")
        for low, high in (
            ("group_min", "group_max"),
            ("sitting_min_minutes", "sitting_max_minutes"),
            ("min_points", "max_points"),
        ):
            a, b = getattr(self, low), getattr(self, high)
            if a is not None and b is not None and a > b:
                problems.append(f"{low} ({a}) is more than {high} ({b})")
        if (self.min_points is not None) and self.points_per_hour is None:
            problems.append("min_points: needs points_per_hour")
        if self.period is Period.FIXED_YEARS and (self.period_start is None):
            problems.append("period_start: a fixed period needs a start date")
        if self.period_years < 1:
            problems.append("period_years: at least 1")
        for condition in self.group_conditions:
            if condition.min < 1 or not _ID.match(condition.register):
                problems.append(f"group_conditions: {condition!r} is not a condition")
        if problems:
            raise ProfileError(self.id, problems)

    @property
    def has_requirement(self) -> bool:
        return (
            self.min_hours is not None
            or self.min_sittings is not None
            or self.min_points is not None
        )

    def counted_minutes(self, minutes: float) -> float:
        """How much of a sitting of `minutes` counts: 0 when too short, capped when too long.

        Compared in whole minutes, as the documents print them.
        """
        whole = whole_minutes(minutes)
        if self.sitting_min_minutes is not None and whole < self.sitting_min_minutes:
            return 0.0
        if self.sitting_max_minutes is not None:
            return float(min(whole, self.sitting_max_minutes))
        return float(whole)

    def points(self, minutes: float) -> float:
        """Points for `minutes` that count (0 without points per hour)."""
        if self.points_per_hour is None:
            return 0.0
        return round(minutes / 60 * self.points_per_hour, 2)


# -- checks -------------------------------------------------------------------------------


@frozen
class Check:
    """One way a sitting falls outside a profile; `voids`: it then counts for nobody."""

    text: str
    voids: bool = True


def sitting_checks(
    profile: RuleProfile,
    *,
    participants: int,
    minutes: float,
    online: bool = False,
    registered: Mapping[str, int] | None = None,
    trainees: int = 0,
    lang: str | None = None,
) -> list[Check]:
    """Every way a sitting falls outside `profile`, one sentence each.

    `participants` counts the members taking part (not an external facilitator), trainees
    among them; `registered` how many of them hold a number in each register (None: not
    known, so conditions on registers are not checked); `minutes` the sitting's length.
    """
    lang = lang or current_language()
    name = profile.name.get(lang)
    found: list[Check] = []
    size = participants if profile.trainees_count_toward_size else participants - trainees
    not_trainees = (
        ""
        if profile.trainees_count_toward_size or not trainees
        else " " + tr(N_("(trainees not counted)"), lang)
    )
    if profile.group_min is not None and size < profile.group_min:
        found.append(
            Check(
                tr(N_("{profile} asks for at least {n} participants; {count} take part."), lang)
                .format(profile=name, n=profile.group_min, count=size)
                .rstrip(".")
                + not_trainees
                + "."
            )
        )
    if profile.group_max is not None and size > profile.group_max:
        found.append(
            Check(
                tr(N_("{profile} allows at most {n} participants; {count} take part."), lang)
                .format(profile=name, n=profile.group_max, count=size)
                .rstrip(".")
                + not_trainees
                + "."
            )
        )
    if registered is not None:
        for condition in profile.group_conditions:
            have = registered.get(condition.register, 0)
            if have < condition.min:
                found.append(
                    Check(
                        tr(
                            N_(
                                "{profile} asks for at least {n} participants with a {register}; "
                                "{count} recorded."
                            ),
                            lang,
                        ).format(
                            profile=name,
                            n=condition.min,
                            register=register_name(condition.register, lang),
                            count=have,
                        )
                    )
                )
    whole = whole_minutes(minutes)
    if profile.sitting_min_minutes is not None and whole < profile.sitting_min_minutes:
        found.append(
            Check(
                tr(
                    N_("{profile} counts sittings of at least {hours}; this one is {actual}."),
                    lang,
                ).format(
                    profile=name,
                    hours=duration(profile.sitting_min_minutes, lang),
                    actual=duration(whole, lang),
                )
            )
        )
    if profile.sitting_max_minutes is not None and whole > profile.sitting_max_minutes:
        found.append(
            Check(
                tr(
                    N_(
                        "{profile} counts at most {hours} of a sitting; "
                        "the rest of this one ({actual}) does not count."
                    ),
                    lang,
                ).format(
                    profile=name,
                    hours=duration(profile.sitting_max_minutes, lang),
                    actual=duration(whole - profile.sitting_max_minutes, lang),
                ),
                voids=False,
            )
        )
    if online and not profile.online_allowed:
        found.append(
            Check(tr(N_("{profile} does not accept online meetings."), lang).format(profile=name))
        )
    return found


def setup_warnings(
    profile: RuleProfile,
    *,
    participants: int,
    minutes: float,
    online: bool = False,
    registered: Mapping[str, int] | None = None,
    trainees: int = 0,
    lang: str | None = None,
) -> list[str]:
    """Why a meeting falls outside `profile`, one sentence each; empty when it fits.

    Never blocking: setup shows these and lets the facilitator go on. `minutes` is the time
    planned at setup, or the meeting's actual length afterwards.
    """
    return [
        c.text
        for c in sitting_checks(
            profile,
            participants=participants,
            minutes=minutes,
            online=online,
            registered=registered,
            trainees=trainees,
            lang=lang,
        )
    ]


def meeting_warnings(
    profile: RuleProfile,
    state: SessionState,
    lang: str | None = None,
    *,
    registered: Mapping[str, int] | None = None,
    trainees: int = 0,
) -> list[str]:
    """`setup_warnings` for an opened meeting: its participants, time available, online.

    `registered` and `trainees` as the store's people say (see `intervisie.core.reports.
    people.People.counts`); without them only the plain group size is checked.
    """
    return setup_warnings(
        profile,
        participants=len(state.participants),
        minutes=state.minutes_available,
        online=state.online,
        registered=registered,
        trainees=trainees,
        lang=lang,
    )


def period_text(profile: RuleProfile, lang: str) -> str:
    if profile.period is Period.CALENDAR_YEAR:
        return tr(N_("per calendar year"), lang)
    if profile.period is Period.ROLLING_12_MONTHS:
        return tr(N_("within any 12 months"), lang)
    assert profile.period_start is not None
    return tr(N_("per fixed period of {n} years (from {start})"), lang).format(
        n=profile.period_years, start=profile.period_start.isoformat()
    )


def requirement_text(profile: RuleProfile, lang: str | None = None) -> str:
    """The profile's rules in one line, for the certificate and `hours`."""
    lang = lang or current_language()
    parts = []
    if profile.min_hours is not None:
        parts.append(
            tr(N_("at least {hours} hours"), lang).format(hours=number(profile.min_hours, lang))
        )
    if profile.min_points is not None:
        parts.append(
            tr(N_("at least {points} points"), lang).format(points=number(profile.min_points, lang))
        )
    if profile.min_sittings is not None:
        parts.append(tr(N_("at least {n} sittings"), lang).format(n=profile.min_sittings))
    if parts:
        parts = [" ".join([tr(N_(" and "), lang).join(parts), period_text(profile, lang)])]
    if profile.points_per_hour is not None:
        parts.append(
            tr(N_("{points} point(s) an hour"), lang).format(
                points=number(profile.points_per_hour, lang)
            )
        )
    low, high = profile.sitting_min_minutes, profile.sitting_max_minutes
    if low is not None and high is not None:
        parts.append(
            tr(N_("sittings of {low} to {high}"), lang).format(
                low=duration(low, lang), high=duration(high, lang)
            )
        )
    elif low is not None:
        parts.append(tr(N_("sittings of at least {low}"), lang).format(low=duration(low, lang)))
    glow, ghigh = profile.group_min, profile.group_max
    if glow is not None and ghigh is not None:
        parts.append(tr(N_("groups of {low} to {high}"), lang).format(low=glow, high=ghigh))
    elif glow is not None:
        parts.append(tr(N_("groups of at least {low}"), lang).format(low=glow))
    for condition in profile.group_conditions:
        parts.append(
            tr(N_("at least {n} with a {register}"), lang).format(
                n=condition.min, register=register_name(condition.register, lang)
            )
        )
    if not profile.facilitator_hours_count:
        parts.append(tr(N_("the facilitator's own hours do not count"), lang))
    if not parts:
        return tr(N_("no requirements"), lang)
    return "; ".join(parts)


# -- the registry -------------------------------------------------------------------------


def rule_profiles(registry: Registry | None = None) -> dict[str, RuleProfile]:
    """Every rule profile by id: core's first, then plugins'; a duplicate id is skipped.

    Without a registry only core's own profiles (tests, and callers that load no plugin).
    """
    if registry is None:
        items: Iterable[object] = intervisie_rule_profiles()
    else:
        items = registry.collect(
            "intervisie_rule_profiles", lambda item: isinstance(item, RuleProfile)
        )
    found: dict[str, RuleProfile] = {p.id: p for p in CORE_PROFILES}
    for item in items:
        assert isinstance(item, RuleProfile)
        found.setdefault(item.id, item)
    return found


def get_profile(profile_id: str, registry: Registry | None = None) -> RuleProfile:
    """The profile with that id; `KeyError` naming the known ids otherwise."""
    profiles = rule_profiles(registry)
    try:
        return profiles[profile_id]
    except KeyError:
        known = ", ".join(profiles)
        raise KeyError(
            tr(N_("no rule profile {id!r} (known: {known})"), current_language()).format(
                id=profile_id, known=known
            )
        ) from None


# -- core's own profiles (sources: docs/reports.md) ----------------------------------------

_NOVA_STATEMENT = Text.of(
    nl=(
        "Ondergetekende, {facilitator}, gespreksleider van deze bijeenkomst, verklaart dat de "
        "hieronder genoemde deelnemers aan deze intervisiebijeenkomst (gestructureerde "
        "feedback) hebben deelgenomen, elk voor de genoemde duur. Over de besproken "
        "casuïstiek wordt niets vermeld."
    ),
    en=(
        "The undersigned, {facilitator}, facilitator of this meeting, confirms that the "
        "participants named below attended this intervision meeting (structured feedback), "
        "each for the time stated. Nothing of the cases discussed is stated here."
    ),
)

_PLAIN_STATEMENT = Text.of(
    nl=(
        "Ondergetekende, {facilitator}, bevestigt dat de hieronder genoemde deelnemers aan "
        "deze intervisiebijeenkomst hebben deelgenomen, elk voor de genoemde duur."
    ),
    en=(
        "The undersigned, {facilitator}, confirms that the participants named below attended "
        "this intervision meeting, each for the time stated."
    ),
)

DEFAULT = RuleProfile(
    id=DEFAULT_PROFILE,
    name=Text.of(nl="Standaard (geen regels)", en="Default (no rules)"),
    summary=Text.of(
        nl="Voor groepen zonder regels van een beroepsorganisatie.",
        en="For groups without a professional body's rules.",
    ),
    statement=_PLAIN_STATEMENT,
)

NOVA = RuleProfile(
    id="nova",
    name=Text.of(
        nl="NOvA – gestructureerde feedback (intervisie)",
        en="Dutch bar (NOvA) – structured feedback (intervision)",
    ),
    summary=Text.of(
        nl=(
            "Advocaten: minstens 8 uur per kalenderjaar, bijeenkomsten van 2 tot 4 uur per "
            "dag, groepen van 3 tot 10 advocaten (stagiaires tellen niet mee), met een door de "
            "NOvA aangewezen gespreksleider wiens eigen uren niet tellen."
        ),
        en=(
            "Lawyers: at least 8 hours a calendar year, sittings of 2 to 4 hours a day, groups "
            "of 3 to 10 lawyers (trainees do not count), with a facilitator appointed by the "
            "NOvA whose own hours do not count."
        ),
    ),
    source=(
        "Verordening op de advocatuur art. 4.3a; Regeling op de advocatuur art. 13a "
        "(as changed in 2024)"
    ),
    period=Period.CALENDAR_YEAR,
    min_hours=8,
    group_min=3,
    group_max=10,
    trainees_count_toward_size=False,
    sitting_min_minutes=120,
    sitting_max_minutes=240,
    facilitator_hours_count=False,
    facilitator_register="nova-gespreksleider",
    register="nova",
    other_activities=True,
    exemptions=(Exemption.PRO_RATA, Exemption.TRAINEE),
    online_allowed=True,
    shows=(
        Shows.DATE,
        Shows.TIMES,
        Shows.DURATION,
        Shows.PLACE,
        Shows.METHODS,
        Shows.PROVIDER,
        Shows.FACILITATOR,
        Shows.FACILITATOR_REGISTRATION,
        Shows.PARTICIPANTS,
        Shows.REGISTRATIONS,
        Shows.OWN_MINUTES,
        Shows.SIGNATURES,
        Shows.CONFIRMATION,
        Shows.CONFIDENTIALITY,
        Shows.DESCRIPTION,
        Shows.WHAT_CAME_UP,
    ),
    statement=_NOVA_STATEMENT,
)

MFN = RuleProfile(
    id="mfn",
    name=Text.of(nl="MfN-register – mediators", en="MfN register – mediators"),
    summary=Text.of(
        nl=(
            "Mediators: minstens 18 PE-punten uit intervisie (1 punt per uur) per vaste "
            "periode van drie jaar; volgens secundaire bronnen bijeenkomsten van minstens "
            "2 uur en groepen van minstens 5, van wie minstens 3 MfN-geregistreerd."
        ),
        en=(
            "Mediators: at least 18 PE points from intervision (1 point an hour) per fixed "
            "three-year period; by secondary sources sittings of at least 2 hours and groups "
            "of at least 5, at least 3 of them MfN-registered."
        ),
    ),
    source="MfN register, permanente educatie (PE) in a fixed three-year period",
    period=Period.FIXED_YEARS,
    period_years=3,
    period_start=date(2025, 1, 1),
    min_points=18,
    max_points=34,
    points_per_hour=1,
    group_min=5,
    group_conditions=(GroupCondition(3, "mfn"),),
    sitting_min_minutes=120,
    register="mfn",
    shows=(
        Shows.DATE,
        Shows.TIMES,
        Shows.DURATION,
        Shows.PLACE,
        Shows.METHODS,
        Shows.PROVIDER,
        Shows.FACILITATOR,
        Shows.PARTICIPANTS,
        Shows.REGISTRATIONS,
        Shows.OWN_MINUTES,
        Shows.SIGNATURES,
        Shows.CONFIRMATION,
        Shows.CONFIDENTIALITY,
        Shows.DESCRIPTION,
    ),
    statement=_PLAIN_STATEMENT,
    unconfirmed=(
        "period_start",
        "max_points",
        "group_min",
        "group_conditions",
        "sitting_min_minutes",
    ),
)

SKJ = RuleProfile(
    id="skj",
    name=Text.of(
        nl="SKJ – jeugdzorg (psychologen, pedagogen)",
        en="SKJ – youth care (psychologists, pedagogues)",
    ),
    summary=Text.of(
        nl=(
            "Ervaren jeugdzorgprofessionals: 20 punten intervisie per herregistratieperiode "
            "van vijf jaar, met een intervisieverklaring in Mijn SKJ."
        ),
        en=(
            "Experienced youth-care professionals: 20 points of intervision per five-year "
            "re-registration period, with an intervision statement uploaded to Mijn SKJ."
        ),
    ),
    source="Stichting Kwaliteitsregister Jeugd (SKJ), herregistratie",
    period=Period.FIXED_YEARS,
    period_years=5,
    period_start=date(2024, 1, 1),
    min_points=20,
    points_per_hour=1,
    register="skj",
    shows=(
        Shows.DATE,
        Shows.TIMES,
        Shows.DURATION,
        Shows.PLACE,
        Shows.METHODS,
        Shows.PROVIDER,
        Shows.FACILITATOR,
        Shows.PARTICIPANTS,
        Shows.REGISTRATIONS,
        Shows.OWN_MINUTES,
        Shows.SIGNATURES,
        Shows.CONFIRMATION,
        Shows.DESCRIPTION,
    ),
    statement=_PLAIN_STATEMENT,
    unconfirmed=("period_start", "points_per_hour"),
)

VFAS = RuleProfile(
    id="vfas",
    name=Text.of(
        nl="vFAS – familierechtadvocaten en scheidingsmediators",
        en="vFAS – family lawyers and divorce mediators",
    ),
    summary=Text.of(
        nl="Groepen van minstens 6, bijeenkomsten van 2 tot 4 uur (secundaire bronnen).",
        en="Groups of at least 6, sittings of 2 to 4 hours (secondary sources).",
    ),
    source="Vereniging van Familierecht Advocaten Scheidingsmediators (vFAS), secondary sources",
    period=Period.CALENDAR_YEAR,
    group_min=6,
    sitting_min_minutes=120,
    sitting_max_minutes=240,
    statement=_PLAIN_STATEMENT,
    unconfirmed=("group_min", "sitting_min_minutes", "sitting_max_minutes"),
)

CORE_PROFILES: tuple[RuleProfile, ...] = (DEFAULT, NOVA, MFN, SKJ, VFAS)


@hookimpl
def intervisie_rule_profiles() -> list[RuleProfile]:
    """Core's own profiles; registered directly, so they load whatever INTERVISIE_PLUGINS says."""
    return list(CORE_PROFILES)
