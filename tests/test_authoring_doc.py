"""docs/authoring.md keeps up with the model: every phase kind, owner position and hook."""

from __future__ import annotations

import ast
from pathlib import Path

from intervisie.core import OwnerPosition, PhaseKind
from intervisie.core.testing import PROMPTED_KINDS

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")


def test_the_guide_describes_every_phase_kind_and_owner_position() -> None:
    for kind in PhaseKind:
        assert f"| `{kind.value}` |" in GUIDE, kind
    for position in OwnerPosition:
        assert f"`{position.value}`" in GUIDE, position
    for kind in PROMPTED_KINDS:
        assert f"`{kind.value}`" in GUIDE.split("The contract check wants prompts for")[1][:120]


def test_the_guide_shows_the_methods_hook_and_links_the_reference_for_all() -> None:
    tree = ast.parse((ROOT / "core" / "plugins" / "hookspecs.py").read_text(encoding="utf-8"))
    hooks = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
    assert "intervisie_methods" in hooks
    assert "def intervisie_methods() -> list[Method]:" in GUIDE
    assert "(hooks.md)" in GUIDE


def test_the_guide_explains_the_loader_s_error_messages() -> None:
    plugins = (ROOT / "core" / "plugins" / "loading.py").read_text(encoding="utf-8")
    for marker in (
        "cannot import",
        "cannot register",
        "unknown hook",
        "invalid method",
        "must return a list of Method",
        "not a Method",
        "is already used by",
        "slow to load",
    ):
        assert marker in plugins, f"plugins.py no longer says {marker!r}: update the guide"
        assert marker in GUIDE, marker


def test_the_readme_links_the_guide() -> None:
    assert "(docs/authoring.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
