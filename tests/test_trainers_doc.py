"""docs/trainers.md stays true to the commands and the symbols it describes."""

from __future__ import annotations

from pathlib import Path

from intervisie.core.method.model import CaseKind
from intervisie.core.trainers.compare import OWNER_SYMBOLS
from intervisie.tui.cli.commands.advise import advise
from intervisie.tui.cli.commands.compare import compare

GUIDE = (Path(__file__).resolve().parents[1] / "docs" / "trainers.md").read_text(encoding="utf-8")


def test_every_option_of_compare_and_advise_is_described() -> None:
    for command in (compare, advise):
        for param in command.params:
            for flag in param.opts:
                if flag.startswith("--") and flag != "--lang":
                    assert flag in GUIDE, f"{command.name} {flag} is not in docs/trainers.md"


def test_every_owner_symbol_and_case_kind_is_explained() -> None:
    for symbol in OWNER_SYMBOLS.values():
        assert f"`{symbol}`" in GUIDE
    for kind in CaseKind:
        assert f"`{kind.value}`" in GUIDE
