"""The method advisor: a few questions on the left, the methods ranked on the right.

The ranking is `intervisie.core.trainers.advisor.advise`, the same as `methods advise`; the screen
only
asks and draws. Every answer may stay open ("don't know"), and the ranking follows each answer
at once, so a facilitator sees what each answer changes.

Home opens it with `AdvisorScreen()`; `AdvisorScreen(registry, lang)` works too. Enter on a
ranked method closes the screen with that method's id as its result and, when the app has
`open_setup`, starts the meeting setup for it; `c` compares the top three.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.padding import Padding
from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Select
from textual.widgets.option_list import Option

from intervisie.core.i18n import N_, _, current_language
from intervisie.core.method.model import CaseKind, Level, Safety
from intervisie.core.trainers.advisor import (
    CASE_KIND_CHOICES,
    LEVEL_CHOICES,
    SAFETY_CHOICES,
    Answers,
    Recommendation,
    advise,
)
from intervisie.tui.app.screens.base import BaseScreen
from intervisie.tui.app.widgets.keybar import KeyBar
from intervisie.tui.app.widgets.plain import Label, OptionList, Static

if TYPE_CHECKING:
    from intervisie.core.plugins.loading import Registry

QUESTIONS: tuple[tuple[str, str, Sequence[tuple[StrEnum, str]]], ...] = (
    ("case-kind", N_("What kind of case is it?"), CASE_KIND_CHOICES),
    ("level", N_("How experienced is the group with intervision?"), LEVEL_CHOICES),
    ("safety", N_("How safe do the members feel with each other?"), SAFETY_CHOICES),
)
NUMBERS: tuple[tuple[str, str, int, int], ...] = (
    ("minutes", N_("Minutes available for the round"), 5, 480),
    ("group-size", N_("People taking part, the case owner included"), 2, 100),
)


class AdvisorScreen(BaseScreen):
    CSS_PATH = "advisor.tcss"
    BINDINGS = [
        Binding("escape", "back", N_("close")),
        Binding("enter", "choose", N_("start"), show=True),
        Binding("c", "compare", N_("compare")),
        Binding("r", "focus_ranking", N_("ranking"), show=False),
    ]

    def __init__(self, registry: Registry | None = None, lang: str | None = None) -> None:
        super().__init__()
        self._registry = registry
        self._lang = lang
        self.ranked: list[Recommendation] = []

    @property
    def registry(self) -> Registry:
        return self._registry if self._registry is not None else self.app.registry  # type: ignore[attr-defined]

    @property
    def lang(self) -> str:
        return self._lang or current_language()

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        with Horizontal(id="main"):
            with VerticalScroll(id="questions"):
                for key, _question, _choices in QUESTIONS:
                    yield Label(id=f"q-{key}", classes="question")
                    yield Select[str]([], id=key, compact=True)
                for key, _question, _low, _high in NUMBERS:
                    yield Label(id=f"q-{key}", classes="question")
                    yield Input(id=key, type="integer", compact=True, restrict=r"[0-9]*")
            yield OptionList(id="ranking")
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        self.relabel()
        self.query_one("#case-kind", Select).focus()

    # -- answers and ranking -------------------------------------------------------------

    def answers(self) -> Answers:
        return Answers(
            case_kind=_enum(CaseKind, self.query_one("#case-kind", Select).value),
            level=_enum(Level, self.query_one("#level", Select).value),
            safety=_enum(Safety, self.query_one("#safety", Select).value),
            minutes=self._number("minutes"),
            group_size=self._number("group-size"),
        )

    def _number(self, key: str) -> int | None:
        low, high = next((lo, hi) for k, _q, lo, hi in NUMBERS if k == key)
        raw = self.query_one(f"#{key}", Input).value.strip()
        if not raw.isdigit() or not low <= int(raw) <= high:
            return None
        return int(raw)

    def show_ranking(self) -> None:
        lang = self.lang
        self.ranked = advise([m.method for m in self.registry.methods.values()], self.answers())
        ranking = self.query_one("#ranking", OptionList)
        keep = ranking.highlighted
        ranking.clear_options()
        shown_rest = False
        for number, rec in enumerate(self.ranked, start=1):
            if not rec.fits and not shown_rest:
                shown_rest = True
                ranking.add_option(None)
                ranking.add_option(
                    Option(RichText(_("Does not fit:"), style="bold"), disabled=True)
                )
            ranking.add_option(Option(self._line(number, rec, lang), id=rec.method.id))
        if self.ranked:
            ranking.highlighted = keep if keep is not None and keep < ranking.option_count else 0

    def _line(self, number: int, rec: Recommendation, lang: str) -> Group:
        """`1. Name  +7` and the reason below it, indented under the name."""
        style = "" if rec.fits else "dim"
        line = RichText(f"{number:>2}. ", style=style)
        line.append(rec.method.name.get(lang), style=f"bold {style}".strip())
        line.append(f"  {rec.score:+d}", style="dim")
        reason = Padding(RichText(rec.reason(lang), style=style), (0, 0, 0, 4))
        return Group(line, reason)

    def relabel(self) -> None:
        super().relabel()
        self.query_one("#title", Static).update(
            RichText(" " + _("Which method fits this case and this group?"), style="bold")
        )
        self.query_one("#questions", VerticalScroll).border_title = _("Your answers")
        self.query_one("#ranking", OptionList).border_title = _("Methods, best fit first")
        for key, question, choices in QUESTIONS:
            self.query_one(f"#q-{key}", Label).update(_(question))
            select = self.query_one(f"#{key}", Select)
            value = select.value
            with select.prevent(Select.Changed):
                select.set_options([(_(label), member.value) for member, label in choices])
                select.prompt = _("don't know")
                if value is not Select.BLANK:
                    select.value = value
        for key, question, low, high in NUMBERS:
            self.query_one(f"#q-{key}", Label).update(_(question))
            self.query_one(f"#{key}", Input).placeholder = _("don't know ({low}-{high})").format(
                low=low, high=high
            )
        self.show_ranking()

    # -- events and actions -----------------------------------------------------------------

    def on_select_changed(self, event: Select.Changed) -> None:
        self.show_ranking()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show_ranking()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.choose(event.option.id)

    def action_choose(self) -> None:
        option = self.query_one("#ranking", OptionList).highlighted_option
        if option is not None and option.id:
            self.choose(option.id)

    def choose(self, method_id: str) -> None:
        self.dismiss(method_id)
        opener: Any = getattr(self.app, "open_setup", None)
        if opener is not None:
            opener(method_id)

    def action_compare(self) -> None:
        from intervisie.tui.app.screens.compare import CompareScreen

        top = [r.method.id for r in self.ranked if r.fits][:3] or [
            r.method.id for r in self.ranked[:2]
        ]
        self.app.push_screen(CompareScreen(self._registry, self._lang, selected=top))

    def action_focus_ranking(self) -> None:
        self.query_one("#ranking", OptionList).focus()

    def action_back(self) -> None:
        self.dismiss(None)


def _enum(kind: type[StrEnum], value: object) -> Any:
    return kind(value) if isinstance(value, str) else None
