"""docs/hooks.md is generated from the hook specs' docstrings and never goes stale."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "gen_hooks_doc.py"


def load_script():
    spec = importlib.util.spec_from_file_location("gen_hooks_doc", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_hook_reference_matches_the_hook_specs() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_hook_spec_has_a_section_with_its_signature_and_docstring() -> None:
    text = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    tree = ast.parse((ROOT / "core" / "plugins" / "hookspecs.py").read_text(encoding="utf-8"))
    hooks = [
        n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("intervisie_")
    ]
    assert hooks
    for node in hooks:
        assert f"### `{node.name}`" in text
        first_line = (ast.get_docstring(node) or "").splitlines()[0]
        assert first_line in text


def test_a_changed_docstring_makes_the_reference_stale() -> None:
    gen = load_script()
    source = (ROOT / "core" / "plugins" / "hookspecs.py").read_text(encoding="utf-8")
    changed = source.replace(
        "Return the methods this plugin provides", "Return every method this plugin brings"
    )
    assert changed != source
    assert "Return every method this plugin brings" in gen.render(changed)
    assert gen.render(changed) != (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
