"""`intervisie methods advise`: which method fits this case and this group.

Every answer has a flag, so the advice is scriptable; a missing answer is asked for when stdin
is a terminal (or with `--interactive`), and left open otherwise. Questions go to stderr, so
`--json` output stays clean even when the questions are asked.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from enum import StrEnum

import click

from intervisie.core.method.model import CaseKind, Level, Safety
from intervisie.tui.cli.commands.common import echo_json, json_option, lang_option, registry

CASE_KINDS = [kind.value for kind in CaseKind]
LEVELS = [level.value for level in Level]
SAFETIES = [safety.value for safety in Safety]


@click.command("advise")
@click.option("--case-kind", type=click.Choice(CASE_KINDS), default=None, help="Kind of case.")
@click.option(
    "--level",
    type=click.Choice(LEVELS),
    default=None,
    help="How experienced the group is with intervision.",
)
@click.option(
    "--safety",
    type=click.Choice(SAFETIES),
    default=None,
    help="How safe the members feel with each other.",
)
@click.option(
    "--minutes", type=click.IntRange(5, 480), default=None, help="Minutes available for the round."
)
@click.option(
    "--group-size",
    type=click.IntRange(2, 100),
    default=None,
    help="People taking part, the case owner included.",
)
@click.option(
    "--interactive/--no-interactive",
    default=None,
    help="Ask for missing answers (default: when stdin is a terminal).",
)
@json_option
@lang_option
def advise(
    case_kind: str | None,
    level: str | None,
    safety: str | None,
    minutes: int | None,
    group_size: int | None,
    interactive: bool | None,
    as_json: bool,
) -> None:
    """Rank the methods for a case and a group, with a one-line reason each."""
    from intervisie.core.i18n import current_language
    from intervisie.core.trainers.advisor import Answers
    from intervisie.core.trainers.advisor import advise as rank

    ask = sys.stdin.isatty() if interactive is None else interactive
    if ask:
        case_kind, level, safety, minutes, group_size = _ask(
            case_kind, level, safety, minutes, group_size
        )
    answers = Answers(
        case_kind=CaseKind(case_kind) if case_kind else None,
        level=Level(level) if level else None,
        safety=Safety(safety) if safety else None,
        minutes=minutes,
        group_size=group_size,
    )
    reg = registry()
    ranked = rank([m.method for m in reg.methods.values()], answers)
    lang = current_language()
    if as_json:
        echo_json({"answers": answers.to_json(), "methods": [r.to_json(lang) for r in ranked]})
        return
    from intervisie.tui.cli.render_advice import render_advice

    click.echo(render_advice(answers, ranked, lang), nl=False)


def _ask(
    case_kind: str | None,
    level: str | None,
    safety: str | None,
    minutes: int | None,
    group_size: int | None,
) -> tuple[str | None, str | None, str | None, int | None, int | None]:
    """Ask each question whose flag was not given; Enter leaves an answer open."""
    from intervisie.core.i18n import _
    from intervisie.core.trainers.advisor import CASE_KIND_CHOICES, LEVEL_CHOICES, SAFETY_CHOICES

    if case_kind is None:
        case_kind = _choose(_("What kind of case is it?"), CASE_KIND_CHOICES)
    if level is None:
        level = _choose(_("How experienced is the group with intervision?"), LEVEL_CHOICES)
    if safety is None:
        safety = _choose(_("How safe do the members feel with each other?"), SAFETY_CHOICES)
    if minutes is None:
        minutes = _number(_("Minutes available for the round"), 5, 480)
    if group_size is None:
        group_size = _number(_("People taking part, the case owner included"), 2, 100)
    return case_kind, level, safety, minutes, group_size


def _choose(question: str, choices: Sequence[tuple[StrEnum, str]]) -> str | None:
    """A numbered list; the answer is a number, an id, or Enter for "don't know"."""
    from intervisie.core.i18n import _

    click.echo(question, err=True)
    for number, (_value, label) in enumerate(choices, start=1):
        text = _(label)
        click.echo(f"  {number}. {text}", err=True)
    by_key: Mapping[str, str] = {
        **{str(n): value.value for n, (value, _label) in enumerate(choices, start=1)},
        **{value.value: value.value for value, _label in choices},
    }
    while True:
        raw = click.prompt(
            _("Number (Enter: don't know)"), default="", show_default=False, err=True
        ).strip()
        if not raw:
            return None
        if raw in by_key:
            return by_key[raw]
        click.echo(_("Please give one of the numbers, or press Enter."), err=True)


def _number(question: str, low: int, high: int) -> int | None:
    from intervisie.core.i18n import _

    while True:
        raw = click.prompt(
            _("{question} (Enter: don't know)").format(question=question),
            default="",
            show_default=False,
            err=True,
        ).strip()
        if not raw:
            return None
        if raw.isdigit() and low <= int(raw) <= high:
            return int(raw)
        click.echo(
            _("Please give a whole number from {low} to {high}.").format(low=low, high=high),
            err=True,
        )
