"""A method as readable terminal text (`intervisie methods show`): plain aligned columns.

No Textual and no rich: this runs in the command line, which must start fast and never import
Textual. The page reads like a paper method card, in the chosen language:

1. name, summary, group size, minutes, level, safety, what it suits, sources, source;
2. when to use it and when not, what it asks of the group and of the facilitator;
3. the phases as a table: minutes (per-turn phases as "turns x minutes") and the case owner's
   position, with the owner-position symbols of the home screen and `methods compare`;
4. the options, each choice with its description and the default marked;
5. every phase in detail: goal, rules, what each role does, prompts, the lens, sides and
   criteria, whether contributions stay hidden until revealed, and for a phase that only
   runs with some option, which one.

Minutes are for the ideal group size unless `participants` says otherwise, as everywhere a
total is shown without a meeting.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

from intervisie.core.i18n import N_, tr
from intervisie.core.method.model import Method, Option, Phase, Text
from intervisie.core.trainers.compare import (
    CASE_KIND_LABELS,
    KIND_LABELS,
    LEVEL_LABELS,
    OWNER_LABELS,
    OWNER_SYMBOLS,
    SAFETY_LABELS,
)

MIN_WIDTH, MAX_WIDTH = 60, 100

_ABOUT = (
    ("when_to_use", N_("When to use")),
    ("when_not_to_use", N_("When not to use")),
    ("asks_of_group", N_("Asks of the group")),
    ("asks_of_facilitator", N_("Asks of the facilitator")),
)
_ROLES = (
    ("facilitator", N_("Facilitator")),
    ("case_owner", N_("Case owner")),
    ("participants", N_("Participants")),
)


def render_method(
    method: Method,
    source: Any,
    lang: str,
    participants: int | None = None,
    width: int | None = None,
) -> str:
    """The whole method as text in `lang`, wrapped to `width` (default: the terminal's)."""
    if width is None:
        width = shutil.get_terminal_size((80, 24)).columns
    width = max(MIN_WIDTH, min(MAX_WIDTH, width))
    people = participants or method.group_size.ideal
    page = _Page(lang, width)
    _header(page, method, source, people)
    _about(page, method)
    _table(page, method, people)
    _options(page, method)
    _details(page, method, people)
    return page.text()


class _Page:
    def __init__(self, lang: str, width: int):
        self.lang = lang
        self.width = width
        self.lines: list[str] = []

    def t(self, message: str) -> str:
        return tr(message, self.lang)

    def text_of(self, value: Text) -> str:
        """A method text; one that falls back to another language says which."""
        shown, fallback = value.resolve(self.lang)
        if fallback and shown:
            other = next((k for k in value.values if k != self.lang), "?")
            return f"{shown} [{other}]"
        return shown

    def add(self, line: str = "") -> None:
        self.lines.append(line.rstrip())

    def wrap(self, text: str, indent: int = 0, first: str | None = None) -> None:
        """Wrap `text` at the page width; `first` replaces the first line's indent."""
        pad = " " * indent
        self.lines.extend(
            textwrap.wrap(
                text,
                width=self.width,
                initial_indent=first if first is not None else pad,
                subsequent_indent=pad,
                break_on_hyphens=False,
            )
            or [first.rstrip() if first else ""]
        )

    def heading(self, title: str) -> None:
        self.add()
        self.add(title)
        self.add("─" * min(len(title), self.width))

    def text(self) -> str:
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines)


def _header(page: _Page, method: Method, source: Any, people: int) -> None:
    gs = method.group_size
    page.add(f"{page.text_of(method.name)}  ({method.id} {method.version})")
    page.wrap(page.text_of(method.summary))
    page.add()
    page.add(
        page.t(
            N_("Group {min}-{max} (ideal {ideal})  ·  {minutes} min  ·  {phases} phases")
        ).format(
            min=gs.min,
            max=gs.max,
            ideal=gs.ideal,
            minutes=f"{method.total_minutes(people):.0f}",
            phases=len(method.phases_for()),
        )
    )
    facts = [
        _labelled(page, N_("Level"), page.t(LEVEL_LABELS[method.level])),
        _labelled(page, N_("Safety needed"), page.t(SAFETY_LABELS[method.safety_needed])),
    ]
    if method.suits:
        kinds = ", ".join(page.t(CASE_KIND_LABELS[kind]) for kind in method.suits)
        facts.append(_labelled(page, N_("Suits"), kinds))
    page.wrap("  ·  ".join(facts))
    if method.sources:
        page.wrap(page.t(N_("Sources: {sources}")).format(sources="; ".join(method.sources)))
    where = _source(page, source)
    if where:
        page.wrap(where)


def _labelled(page: _Page, label: str, value: str) -> str:
    return f"{page.t(label)}: {value}"


def _source(page: _Page, source: Any) -> str:
    kind = getattr(source, "kind", None)
    if kind == "builtin":
        return page.t(N_("built-in"))
    if kind == "house":
        return page.t(N_("house method {path}")).format(path=source.path)
    if kind == "plugin":
        return f"{source.distribution} {source.version}"
    return ""


def _about(page: _Page, method: Method) -> None:
    rows = [(page.t(label), getattr(method, field)) for field, label in _ABOUT]
    rows = [(label, text) for label, text in rows if text]
    if not rows:
        return
    page.add()
    column = min(max(len(label) for label, _text in rows) + 2, page.width // 3)
    for label, text in rows:
        if len(label) + 2 > column:
            page.add(label)
            page.wrap(page.text_of(text), indent=column)
        else:
            page.wrap(page.text_of(text), indent=column, first=label.ljust(column))


def _phase_minutes(phase: Phase, people: int) -> tuple[str, str]:
    """(how, total): "7 × 1.5" and "10.5" for a per-turn phase; "" and "5" otherwise."""
    total = phase.planned_minutes(people)
    if phase.minutes_per_turn is None:
        return "", f"{total:g}"
    turns = phase.turn_count(people)
    return f"{turns} × {phase.minutes_per_turn:g}", f"{total:g}"


def _table(page: _Page, method: Method, people: int) -> None:
    phases = method.phases_for()
    page.heading(page.t(N_("Phases")))
    head_phase, head_min, head_owner = (
        page.t(N_("Phase")),
        page.t(N_("min")),
        page.t(N_("Case owner")),
    )
    times = [" = ".join(filter(None, _phase_minutes(p, people))) for p in phases]
    owners = [f"{OWNER_SYMBOLS[p.owner]} {page.t(OWNER_LABELS[p.owner])}" for p in phases]
    names = [page.text_of(p.name) for p in phases]
    time_width = max(len(head_min), *(len(t) for t in times))
    owner_width = max(len(head_owner), *(len(o) for o in owners))
    fixed = 2 + 2 + 2 + time_width + 2  # number, gaps and the minutes column
    name_width = max(len(head_phase), *(len(n) for n in names))
    name_width = max(12, min(name_width, page.width - fixed - owner_width))
    owner_width = max(8, page.width - fixed - name_width)

    def row(number: str, name: str, time: str, owner: str) -> None:
        name, owner = _clip(name, name_width), _clip(owner, owner_width)
        page.add(f"{number:>2}  {name:<{name_width}}  {time:>{time_width}}  {owner}")

    row("#", head_phase, head_min, head_owner)
    for number, (name, time, owner) in enumerate(zip(names, times, owners, strict=True), 1):
        row(str(number), name, time, owner)
    row("", "", "─" * time_width, "")
    row("", "", f"{method.total_minutes(people):.0f}", "")
    if any(p.minutes_per_turn is not None for p in phases):
        page.wrap(
            page.t(N_("Per-turn phases: turns × minutes per turn, for {people} present.")).format(
                people=people
            )
        )


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def _options(page: _Page, method: Method) -> None:
    if not method.options:
        return
    page.heading(page.t(N_("Options")))
    for option in method.options:
        page.wrap(f"{page.text_of(option.name)} ({option.id})")
        if option.description:
            page.wrap(page.text_of(option.description), indent=2)
        for choice in option.choices:
            mark = "*" if choice.id == option.default else "-"
            label = page.text_of(choice.name)
            if choice.id == option.default:
                label += " (" + page.t(N_("default")) + ")"
            text = f"{label}: {page.text_of(choice.description)}" if choice.description else label
            page.wrap(text, indent=6, first=f"    {mark} ")


def _condition(page: _Page, method: Method, phase: Phase) -> str:
    parts = []
    for option_id, allowed in phase.when.items():
        option = next((o for o in method.options if o.id == option_id), None)
        if option is None:
            continue
        names = " / ".join(_choice_name(page, option, choice_id) for choice_id in allowed)
        parts.append(f"{page.text_of(option.name)}: {names}")
    return "; ".join(parts)


def _choice_name(page: _Page, option: Option, choice_id: str) -> str:
    try:
        return page.text_of(option.choice(choice_id).name)
    except KeyError:
        return choice_id


def _details(page: _Page, method: Method, people: int) -> None:
    page.heading(page.t(N_("Phases in detail")))
    shown = {p.id: i for i, p in enumerate(method.phases_for(), start=1)}
    for phase in method.phases:
        number = shown.get(phase.id)
        page.add()
        how, total = _phase_minutes(phase, people)
        time = f"{total} min" + (f" ({how})" if how else "")
        title = "  ·  ".join(
            [
                page.text_of(phase.name),
                time,
                page.t(KIND_LABELS[phase.kind]),
                page.t(N_("case owner: {position}")).format(
                    position=page.t(OWNER_LABELS[phase.owner])
                ),
            ]
        )
        page.wrap(title, indent=4, first=f"{number:>2}. " if number else " +  ")
        if phase.when:
            page.wrap(
                page.t(N_("Only with {condition}")).format(
                    condition=_condition(page, method, phase)
                ),
                indent=4,
            )
        _field(page, N_("Goal"), [phase.goal])
        if phase.lens is not None:
            lens = phase.lens
            label = " ".join(x for x in (lens.symbol, page.text_of(lens.name)) if x)
            question = page.text_of(lens.question)
            line = _labelled(page, N_("Lens"), label) + (f": {question}" if question else "")
            page.wrap(line, indent=8, first="    ")
        if phase.sides:
            sides = "  ·  ".join(page.text_of(side.name) for side in phase.sides)
            page.wrap(_labelled(page, N_("Sides"), sides), indent=8, first="    ")
        if phase.criteria:
            criteria = "  ·  ".join(
                f"{page.text_of(c.name)} {c.min}-{c.max}" for c in phase.criteria
            )
            page.wrap(_labelled(page, N_("Scores"), criteria), indent=8, first="    ")
        if phase.hidden_until_reveal:
            page.wrap(
                page.t(N_("Contributions stay hidden until the facilitator reveals them.")),
                indent=4,
            )
        _list(page, N_("Rules"), phase.rules)
        for field, label in _ROLES:
            _field(page, label, [getattr(phase.instructions, field)])
        _list(page, N_("Prompts"), phase.prompts)


def _field(page: _Page, label: str, texts: Sequence[Text]) -> None:
    text = " ".join(page.text_of(t) for t in texts if t)
    if text:
        page.wrap(f"{page.t(label)}: {text}", indent=8, first="    ")


def _list(page: _Page, label: str, texts: Iterable[Text]) -> None:
    items = [page.text_of(t) for t in texts if t]
    if not items:
        return
    page.add(f"    {page.t(label)}:")
    for item in items:
        page.wrap(item, indent=8, first="      - ")
