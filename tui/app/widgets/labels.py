"""Words, symbols and colours the screens share: owner positions, phase kinds, timers.

Every colour here comes with a symbol and a word, for colour-blind users and monochrome
projectors. The tables are keyed by the positions' and kinds' values (`OwnerPosition` and
`PhaseKind` are str enums, so a member finds its entry): home's first paint draws from the
home catalog and does not import the model (tui/app/catalog.py).

Strings are marked with `N_` and translated when shown, so a language switch takes effect at
once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from intervisie.core.i18n import N_, _

if TYPE_CHECKING:
    from intervisie.core.method.model import OwnerPosition, PhaseKind, Text

OWNER_SYMBOL: dict[str, str] = {
    "none": "·",
    "presenting": "▇",
    "answering": "▆",
    "listening": "▒",
    "turned_away": "░",
    "participating": "▂",
}

OWNER_COLOUR: dict[str, str] = {
    "none": "grey50",
    "presenting": "dark_orange",
    "answering": "gold1",
    "listening": "dodger_blue2",
    "turned_away": "medium_purple2",
    "participating": "green3",
}

_OWNER_SHORT: dict[str, str] = {
    "none": N_("no owner yet"),
    "presenting": N_("tells"),
    "answering": N_("answers"),
    "listening": N_("listens"),
    "turned_away": N_("outside the circle"),
    "participating": N_("joins in"),
}

_OWNER_LONG: dict[str, str] = {
    "none": N_("No case owner yet: the group chooses a case first"),
    "presenting": N_("{name} tells the case · the others listen"),
    "answering": N_("{name} answers questions · gives no opinions"),
    "listening": N_("{name} sits in the circle · silent · listens"),
    "turned_away": N_("{name} sits outside the circle · silent · takes notes"),
    "participating": N_("{name} joins in as a member"),
}

_KIND: dict[str, str] = {
    "intake": N_("Cases"),
    "choice": N_("Choice"),
    "presentation": N_("Notes"),
    "questions": N_("Questions"),
    "writing": N_("Written privately"),
    "round": N_("Round"),
    "discussion": N_("Notes"),
    "forces": N_("Forces"),
    "rating": N_("Ratings"),
    "evaluation": N_("Evaluation"),
}


def owner_short(position: OwnerPosition | str) -> str:
    return _(_OWNER_SHORT[position])


def owner_long(position: OwnerPosition | str, name: str) -> str:
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
