"""Rule profiles: what a professional body requires of intervision, as plugin data.

Dutch lawyers must do 8 hours a calendar year in sittings of 2 to 4 hours; mediators need 3
sittings of at least 2 hours in any 12 months; a group without such rules needs nothing. A
`RuleProfile` says this as data, so an organisation or profession adds its own through the
`intervisie_rule_profiles` hook without touching core, and the certificate, the hours ledger
and meeting setup all read the same rules.

Setup only warns when a meeting falls outside its profile (`setup_warnings`): a group that
meets for 110 minutes once still wants to run its meeting; the ledger then shows that the
sitting did not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING

from attrs import field, frozen

from intervisie.core.i18n import N_, current_language, tr
from intervisie.core.method.model import Text
from intervisie.core.plugins.hookspecs import hookimpl

if TYPE_CHECKING:
    from intervisie.core.meeting.model import SessionState
    from intervisie.core.plugins.loading import Registry

_ID = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")

DEFAULT_PROFILE = "default"


class Period(StrEnum):
    """Over which period the minimum hours and sittings are counted."""

    CALENDAR_YEAR = "calendar_year"
    ROLLING_12_MONTHS = "rolling_12_months"


class Shows(StrEnum):
    """What an attendance certificate shows; a profile lists what its body asks for."""

    DATE = "date"
    TIMES = "times"
    """Start and end time."""
    DURATION = "duration"
    PLACE = "place"
    """The place, or that the meeting was online."""
    METHODS = "methods"
    FACILITATOR = "facilitator"
    PARTICIPANTS = "participants"
    SIGNATURES = "signatures"
    """A signature line for each participant and the facilitator."""
    CONFIRMATION = "confirmation"
    """The facilitator's statement that the participants named attended."""
    CONFIDENTIALITY = "confidentiality"
    """That confidentiality was agreed."""
    DESCRIPTION = "description"
    """A short description of the meeting that reveals nothing of the cases."""
    GROUP = "group"


ALL_SHOWS: tuple[Shows, ...] = tuple(Shows)


class ProfileError(ValueError):
    """A rule profile that cannot be built; lists every problem at once."""

    def __init__(self, profile_id: str, problems: list[str]):
        self.profile_id = profile_id
        self.problems = problems
        super().__init__(f"rule profile {profile_id!r}: " + "; ".join(problems))


def _opt_positive(value: float | None) -> bool:
    return value is None or value > 0


@frozen
class RuleProfile:
    """The rules of one professional body (or none, for `default`).

    Sitting lengths are in minutes, the yearly minimum in hours, as the bodies state them.
    `facilitator_hours_count` False means a facilitator's hours at meetings they led are
    kept apart in the ledger (the Dutch bar: the facilitator's own hours do not count).
    """

    id: str
    name: Text
    summary: Text = field(factory=Text)
    source: str = ""
    """The regulation or body the rules come from, by name."""
    period: Period = Period.CALENDAR_YEAR
    min_hours: float | None = None
    min_sittings: int | None = None
    group_min: int | None = None
    group_max: int | None = None
    sitting_min_minutes: float | None = None
    """A shorter sitting does not count toward hours or sittings."""
    sitting_max_minutes: float | None = None
    """A longer sitting counts for this many minutes only."""
    facilitator_hours_count: bool = True
    online_allowed: bool = True
    shows: tuple[Shows, ...] = ALL_SHOWS
    statement: Text = field(factory=Text)
    """The facilitator's confirmation printed on the certificate; `{facilitator}` is filled in."""

    def __attrs_post_init__(self) -> None:
        problems = []
        if not _ID.match(self.id):
            problems.append("id: use lower-case letters, digits, '-' or '_'")
        if self.name.is_empty():
            problems.append("name: empty")
        for name in (
            "min_hours",
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
        ):
            a, b = getattr(self, low), getattr(self, high)
            if a is not None and b is not None and a > b:
                problems.append(f"{low} ({a}) is more than {high} ({b})")
        if problems:
            raise ProfileError(self.id, problems)

    @property
    def has_requirement(self) -> bool:
        return self.min_hours is not None or self.min_sittings is not None

    def counted_minutes(self, minutes: float) -> float:
        """How much of a sitting of `minutes` counts: 0 when too short, capped when too long."""
        if self.sitting_min_minutes is not None and minutes < self.sitting_min_minutes:
            return 0.0
        if self.sitting_max_minutes is not None:
            return min(minutes, self.sitting_max_minutes)
        return minutes


# -- checks -------------------------------------------------------------------------------


def _hours(minutes: float, lang: str = "en") -> str:
    hours = minutes / 60
    text = f"{hours:g}" if hours == int(hours) else f"{hours:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def setup_warnings(
    profile: RuleProfile,
    *,
    participants: int,
    minutes: float,
    online: bool = False,
    lang: str | None = None,
) -> list[str]:
    """Why a meeting falls outside `profile`, one sentence each; empty when it fits.

    Never blocking: setup shows these and lets the facilitator go on. `participants`
    counts the members taking part (not an external facilitator); `minutes` is the time
    planned at setup, or the meeting's actual length afterwards.
    """
    lang = lang or current_language()
    name = profile.name.get(lang)
    found = []
    if profile.group_min is not None and participants < profile.group_min:
        found.append(
            tr(N_("{profile} asks for at least {n} participants; {count} take part."), lang).format(
                profile=name, n=profile.group_min, count=participants
            )
        )
    if profile.group_max is not None and participants > profile.group_max:
        found.append(
            tr(N_("{profile} allows at most {n} participants; {count} take part."), lang).format(
                profile=name, n=profile.group_max, count=participants
            )
        )
    if profile.sitting_min_minutes is not None and minutes < profile.sitting_min_minutes:
        found.append(
            tr(
                N_("{profile} counts sittings of at least {hours} hours; this one is {actual}."),
                lang,
            ).format(
                profile=name,
                hours=_hours(profile.sitting_min_minutes, lang),
                actual=tr(N_("{hours} hours"), lang).format(hours=_hours(minutes, lang)),
            )
        )
    if profile.sitting_max_minutes is not None and minutes > profile.sitting_max_minutes:
        found.append(
            tr(
                N_(
                    "{profile} counts at most {hours} hours of a sitting; "
                    "the rest of this one does not count."
                ),
                lang,
            ).format(profile=name, hours=_hours(profile.sitting_max_minutes, lang))
        )
    if online and not profile.online_allowed:
        found.append(
            tr(N_("{profile} does not accept online meetings."), lang).format(profile=name)
        )
    return found


def meeting_warnings(
    profile: RuleProfile, state: SessionState, lang: str | None = None
) -> list[str]:
    """`setup_warnings` for an opened meeting: its participants, time available, online."""
    return setup_warnings(
        profile,
        participants=len(state.participants),
        minutes=state.minutes_available,
        online=state.online,
        lang=lang,
    )


def requirement_text(profile: RuleProfile, lang: str | None = None) -> str:
    """The profile's rules in one line, for the certificate and `hours`."""
    lang = lang or current_language()
    parts = []
    if profile.min_hours is not None:
        parts.append(tr(N_("at least {hours} hours"), lang).format(hours=f"{profile.min_hours:g}"))
    if profile.min_sittings is not None:
        parts.append(tr(N_("at least {n} sittings"), lang).format(n=profile.min_sittings))
    if parts:
        period = (
            tr(N_("per calendar year"), lang)
            if profile.period is Period.CALENDAR_YEAR
            else tr(N_("within any 12 months"), lang)
        )
        parts = [" ".join([tr(N_(" and "), lang).join(parts), period])]
    low, high = profile.sitting_min_minutes, profile.sitting_max_minutes
    if low is not None and high is not None:
        parts.append(
            tr(N_("sittings of {low} to {high} hours"), lang).format(
                low=_hours(low, lang), high=_hours(high, lang)
            )
        )
    elif low is not None:
        parts.append(tr(N_("sittings of at least {low} hours"), lang).format(low=_hours(low, lang)))
    glow, ghigh = profile.group_min, profile.group_max
    if glow is not None and ghigh is not None:
        parts.append(tr(N_("groups of {low} to {high}"), lang).format(low=glow, high=ghigh))
    elif glow is not None:
        parts.append(tr(N_("groups of at least {low}"), lang).format(low=glow))
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


# -- core's own profiles ------------------------------------------------------------------

_NOVA_STATEMENT = Text.of(
    nl=(
        "Ondergetekende, {facilitator}, gespreksleider van deze bijeenkomst, verklaart dat de "
        "hieronder genoemde deelnemers aan deze intervisiebijeenkomst (gestructureerde "
        "feedback) hebben deelgenomen. Over de besproken casuïstiek wordt niets vermeld."
    ),
    en=(
        "The undersigned, {facilitator}, facilitator of this meeting, confirms that the "
        "participants named below attended this intervision meeting (structured feedback). "
        "Nothing of the cases discussed is stated here."
    ),
)

_PLAIN_STATEMENT = Text.of(
    nl=(
        "Ondergetekende, {facilitator}, bevestigt dat de hieronder genoemde deelnemers aan "
        "deze intervisiebijeenkomst hebben deelgenomen."
    ),
    en=(
        "The undersigned, {facilitator}, confirms that the participants named below attended "
        "this intervision meeting."
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
            "Advocaten: minstens 8 uur per kalenderjaar, bijeenkomsten van 2 tot 4 uur, "
            "groepen van 3 tot 10, met een gekwalificeerde gespreksleider."
        ),
        en=(
            "Lawyers: at least 8 hours a calendar year, sittings of 2 to 4 hours, groups of 3 "
            "to 10, with a qualified facilitator."
        ),
    ),
    source="Regeling op de advocatuur, gestructureerde feedback (since 1 March 2020)",
    period=Period.CALENDAR_YEAR,
    min_hours=8,
    group_min=3,
    group_max=10,
    sitting_min_minutes=120,
    sitting_max_minutes=240,
    facilitator_hours_count=False,
    online_allowed=True,
    shows=(
        Shows.DATE,
        Shows.TIMES,
        Shows.DURATION,
        Shows.PLACE,
        Shows.METHODS,
        Shows.FACILITATOR,
        Shows.PARTICIPANTS,
        Shows.SIGNATURES,
        Shows.CONFIRMATION,
        Shows.CONFIDENTIALITY,
        Shows.DESCRIPTION,
    ),
    statement=_NOVA_STATEMENT,
)

MFN = RuleProfile(
    id="mfn",
    name=Text.of(nl="MfN – mediators", en="MfN – mediators"),
    summary=Text.of(
        nl=(
            "Mediators: minstens 3 bijeenkomsten van minstens 2 uur binnen elke periode van "
            "12 maanden, groepen van minstens 5."
        ),
        en=(
            "Mediators: at least 3 sittings of at least 2 hours within any 12 months, groups "
            "of at least 5."
        ),
    ),
    source="Mediatorsfederatie Nederland (MfN), permanente educatie: intervisie",
    period=Period.ROLLING_12_MONTHS,
    min_sittings=3,
    group_min=5,
    sitting_min_minutes=120,
    statement=_PLAIN_STATEMENT,
)

VFAS = RuleProfile(
    id="vfas",
    name=Text.of(
        nl="vFAS – familierechtadvocaten en scheidingsmediators",
        en="vFAS – family lawyers and divorce mediators",
    ),
    summary=Text.of(
        nl="Groepen van minstens 6, bijeenkomsten van 2 tot 4 uur.",
        en="Groups of at least 6, sittings of 2 to 4 hours.",
    ),
    source="Vereniging van Familierecht Advocaten Scheidingsmediators (vFAS)",
    period=Period.CALENDAR_YEAR,
    group_min=6,
    sitting_min_minutes=120,
    sitting_max_minutes=240,
    statement=_PLAIN_STATEMENT,
)

SSR = RuleProfile(
    id="ssr",
    name=Text.of(nl="Rechtspraak (SSR)", en="Dutch judiciary (SSR)"),
    summary=Text.of(
        nl="Groepen van 6 tot 8, bijeenkomsten van ongeveer 2,5 uur, 5 tot 6 keer per jaar.",
        en="Groups of 6 to 8, sittings of about 2.5 hours, 5 to 6 times a year.",
    ),
    source="Studiecentrum Rechtspleging (SSR), intervisie voor rechters",
    period=Period.CALENDAR_YEAR,
    min_sittings=5,
    group_min=6,
    group_max=8,
    statement=_PLAIN_STATEMENT,
)

CORE_PROFILES: tuple[RuleProfile, ...] = (DEFAULT, NOVA, MFN, VFAS, SSR)


@hookimpl
def intervisie_rule_profiles() -> list[RuleProfile]:
    """Core's own profiles; registered directly, so they load whatever INTERVISIE_PLUGINS says."""
    return list(CORE_PROFILES)
