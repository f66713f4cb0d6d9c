"""A gentle check of question wording, in Dutch and English.

Intervision methods ask for open, factual questions while the case owner answers. This module
spots the usual slips by their first words, so the facilitator can say something kind:

- `closed`: answerable with yes or no ("Is ...?", "Heb je ...?");
- `suggestive`: advice dressed as a question ("Have you considered ...?", "Zou je niet ...?");
- `interpreting`: a guess about the owner's inner world ("Do you feel ...?", "Kan het zijn
  dat ...?");
- `why`: a why-question, which invites justification ("Waarom ...?").

It is a heuristic, never a verdict: the UI shows a quiet marker and nothing is refused. Both
languages are checked whatever the interface language, since a group may mix them.
"""

from __future__ import annotations

import re
from enum import StrEnum


class QuestionWarning(StrEnum):
    CLOSED = "closed"
    SUGGESTIVE = "suggestive"
    INTERPRETING = "interpreting"
    WHY = "why"


_SUGGESTIVE = (
    # English
    "have you considered",
    "have you thought about",
    "have you thought of",
    "have you ever thought",
    "have you tried",
    "did you try",
    "did you consider",
    "did you think of",
    "did you think about",
    "wouldn't it be",
    "would it not be",
    "wouldn't it help",
    "would it help",
    "shouldn't you",
    "should you not",
    "couldn't you",
    "could you not",
    "why didn't you",
    "why don't you",
    "why not",
    "isn't it better",
    "don't you think",
    "what if you",
    "how about",
    "wouldn't you",
    # Dutch
    "heb je al overwogen",
    "heb je overwogen",
    "heeft u overwogen",
    "heb je er al aan gedacht",
    "heb je eraan gedacht",
    "heb je er aan gedacht",
    "heb je geprobeerd",
    "heb je al geprobeerd",
    "heb je al eens",
    "zou je niet",
    "zou het niet",
    "zou je kunnen",
    "zou het helpen",
    "zou het beter",
    "had je niet",
    "moet je niet",
    "moest je niet",
    "kun je niet",
    "kan je niet",
    "waarom heb je niet",
    "waarom niet",
    "waarom ben je niet",
    "is het niet",
    "vind je niet",
    "denk je niet",
    "wat als je",
    "wat nou als",
    "wat zou er gebeuren als je",
)

_INTERPRETING = (
    # English
    "do you feel",
    "did you feel",
    "are you afraid",
    "were you afraid",
    "is it because",
    "was it because",
    "could it be that",
    "is it possible that",
    "maybe you",
    "perhaps you",
    "so you mean",
    "do you mean",
    "it sounds like",
    "you seem",
    "aren't you",
    "weren't you",
    # Dutch
    "voel je je",
    "voelde je je",
    "voel jij je",
    "ben je bang",
    "was je bang",
    "komt het doordat",
    "komt dat doordat",
    "komt het omdat",
    "kan het zijn dat",
    "zou het kunnen dat",
    "kan het zo zijn dat",
    "misschien",
    "dus je bedoelt",
    "bedoel je eigenlijk",
    "het klinkt alsof",
    "het lijkt alsof",
    "je lijkt",
    "eigenlijk",
)

_WHY = ("why", "waarom", "how come", "hoe komt het dat")

_CLOSED_WORDS = (
    # English auxiliaries and modals that open a yes/no question
    "is are was were am do does did have has had can could will would should shall may might "
    "must isn't aren't wasn't weren't don't doesn't didn't haven't hasn't hadn't can't couldn't "
    "won't wouldn't shouldn't "
    # Dutch finite verbs that open a yes/no question (inverted word order)
    "ben bent is zijn was waren heb hebt heeft hebben had hadden kan kun kunt konden kon "
    "wil wilt wilde wou zou zouden zal zult zullen moet moest moesten mag mocht doe doet "
    "deed deden ga gaat ging gingen weet wist vind vindt vond denk dacht dachten speelt "
    "speelde kwam kwamen komt krijg krijgt kreeg werd werden wordt was zag ziet hoorde "
    "klopt klopte herken herkent voelde voelt lukte lukt bedoel bedoelt"
)
_CLOSED_START = frozenset(_CLOSED_WORDS.split())

_WORD = re.compile(r"[\w'’]+", re.UNICODE)


def _normalise(text: str) -> str:
    text = text.strip().lower().replace("’", "'")
    return " ".join(_WORD.findall(text))


def _starts(text: str, phrases: tuple[str, ...]) -> bool:
    return any(text == p or text.startswith(p + " ") for p in phrases)


def _contains(text: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {text} "
    return any(f" {p} " in padded for p in phrases)


def question_warnings(text: str) -> tuple[QuestionWarning, ...]:
    """What looks off in a question's wording; empty when it reads as an open question.

    Suggestive wording outranks closed (a suggestion is usually closed too, and the
    suggestion is what the facilitator should point out).
    """
    words = _normalise(text)
    if not words:
        return ()
    found: list[QuestionWarning] = []
    if _contains(words, _SUGGESTIVE):
        found.append(QuestionWarning.SUGGESTIVE)
    if _contains(words, _INTERPRETING):
        found.append(QuestionWarning.INTERPRETING)
    if QuestionWarning.SUGGESTIVE not in found and _starts(words, _WHY):
        found.append(QuestionWarning.WHY)
    first = words.split(" ", 1)[0]
    if not found and first in _CLOSED_START:
        found.append(QuestionWarning.CLOSED)
    return tuple(found)
