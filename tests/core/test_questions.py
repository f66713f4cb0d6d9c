"""The question-wording check: closed, suggestive, interpreting and why, in nl and en."""

from __future__ import annotations

import pytest

from intervisie.core.meeting.questions import QuestionWarning, question_warnings

W = QuestionWarning


@pytest.mark.parametrize(
    "question",
    [
        "Wanneer kwam de cliënt voor het eerst bij je?",
        "Wie waren er bij het gesprek aanwezig?",
        "Wat gebeurde er daarna?",
        "Hoe reageerde je teamleider?",
        "Welke afspraken waren er gemaakt?",
        "When did the client first come to you?",
        "Who else was in the room?",
        "What happened next?",
        "How long have you worked with her?",
        "",
    ],
)
def test_open_questions_pass(question: str) -> None:
    assert question_warnings(question) == ()


@pytest.mark.parametrize(
    "question",
    [
        "Is de cliënt boos geworden?",
        "Heb je dat met je collega besproken?",
        "Kwam hij vaker te laat?",
        "Was the client angry?",
        "Did you talk to your manager?",
        "Have you worked there long?",
    ],
)
def test_closed_questions_are_marked(question: str) -> None:
    assert question_warnings(question) == (W.CLOSED,)


@pytest.mark.parametrize(
    "question",
    [
        "Heb je al overwogen om de deken te bellen?",
        "Zou je niet eerst met haar praten?",
        "Waarom heb je niet meteen gebeld?",
        "Have you considered calling the dean?",
        "Wouldn't it be better to wait?",
        "Why didn't you call her back?",
        "Don't you think she was right?",
    ],
)
def test_suggestive_questions_are_marked_and_not_also_closed(question: str) -> None:
    found = question_warnings(question)
    assert W.SUGGESTIVE in found
    assert W.CLOSED not in found


@pytest.mark.parametrize(
    "question",
    [
        "Voel je je gekwetst door wat hij zei?",
        "Kan het zijn dat je bang was voor de reactie?",
        "Do you feel responsible for her?",
        "Is it because you were tired?",
    ],
)
def test_interpreting_questions_are_marked(question: str) -> None:
    assert W.INTERPRETING in question_warnings(question)


def test_why_questions_are_marked() -> None:
    assert question_warnings("Waarom koos je voor die aanpak?") == (W.WHY,)
    assert question_warnings("Why did you choose that approach?") == (W.WHY,)


def test_case_and_curly_quotes_do_not_matter() -> None:
    assert question_warnings("DON’T YOU THINK so?") == (W.SUGGESTIVE,)
