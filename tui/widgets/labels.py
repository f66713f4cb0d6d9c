"""Words, symbols and colours the screens share: owner positions, phase kinds, timers.

Every colour here comes with a symbol and a word, for colour-blind users and monochrome
projectors. Strings are marked with `N_` and translated when shown, so a language switch
takes effect at once.
"""

from __future__ import annotations

from intervisie.core.i18n import N_, _
from intervisie.core.model import OwnerPosition, PhaseKind, Text

OWNER_SYMBOL: dict[OwnerPosition, str] = {
    OwnerPosition.NONE: "·",
    OwnerPosition.PRESENTING: "▇",
    OwnerPosition.ANSWERING: "▆",
    OwnerPosition.LISTENING: "▒",
    OwnerPosition.TURNED_AWAY: "░",
    OwnerPosition.PARTICIPATING: "▂",
}

OWNER_COLOUR: dict[OwnerPosition, str] = {
    OwnerPosition.NONE: "grey50",
    OwnerPosition.PRESENTING: "dark_orange",
    OwnerPosition.ANSWERING: "gold1",
    OwnerPosition.LISTENING: "dodger_blue2",
    OwnerPosition.TURNED_AWAY: "medium_purple2",
    OwnerPosition.PARTICIPATING: "green3",
}

_OWNER_SHORT: dict[OwnerPosition, str] = {
    OwnerPosition.NONE: N_("no owner yet"),
    OwnerPosition.PRESENTING: N_("tells"),
    OwnerPosition.ANSWERING: N_("answers"),
    OwnerPosition.LISTENING: N_("listens"),
    OwnerPosition.TURNED_AWAY: N_("outside the circle"),
    OwnerPosition.PARTICIPATING: N_("joins in"),
}

_OWNER_LONG: dict[OwnerPosition, str] = {
    OwnerPosition.NONE: N_("No case owner yet: the group chooses a case first"),
    OwnerPosition.PRESENTING: N_("{name} tells the case · the others listen"),
    OwnerPosition.ANSWERING: N_("{name} answers questions · gives no opinions"),
    OwnerPosition.LISTENING: N_("{name} sits in the circle · silent · listens"),
    OwnerPosition.TURNED_AWAY: N_("{name} sits outside the circle · silent · takes notes"),
    OwnerPosition.PARTICIPATING: N_("{name} joins in as a member"),
}

_KIND: dict[PhaseKind, str] = {
    PhaseKind.INTAKE: N_("Cases"),
    PhaseKind.CHOICE: N_("Choice"),
    PhaseKind.PRESENTATION: N_("Notes"),
    PhaseKind.QUESTIONS: N_("Questions"),
    PhaseKind.WRITING: N_("Written privately"),
    PhaseKind.ROUND: N_("Round"),
    PhaseKind.DISCUSSION: N_("Notes"),
    PhaseKind.FORCES: N_("Forces"),
    PhaseKind.RATING: N_("Ratings"),
    PhaseKind.EVALUATION: N_("Evaluation"),
}


def owner_short(position: OwnerPosition) -> str:
    return _(_OWNER_SHORT[position])


def owner_long(position: OwnerPosition, name: str) -> str:
    return _(_OWNER_LONG[position]).format(name=name)


def kind_title(kind: PhaseKind) -> str:
    return _(_KIND[kind])


def text(value: Text | None, lang: str) -> str:
    """A method text in `lang`, marked when it falls back to another language."""
    if value is None:
        return ""
    shown, fallback = value.resolve(lang)
    if fallback and shown:
        other = next((k for k in value.values if k != lang), "?")
        return f"{shown} [{other}]"
    return shown


def minutes(value: float) -> str:
    return _("{minutes} min").format(minutes=f"{value:.0f}")
