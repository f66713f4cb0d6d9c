"""Generate docs/hooks.md, the hook reference, from the hook specs in core/plugins/hookspecs.py.

The specs' docstrings are the single source: edit them, then run
`python scripts/gen_hooks_doc.py`. `--check` exits 1 when the committed file is stale (the
test suite runs it). The specs are read with `ast`, not imported, so the script needs no
installed intervisie and shows the annotations exactly as written.
"""

from __future__ import annotations

import ast
import inspect
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "core" / "plugins" / "hookspecs.py"
DOC = ROOT / "docs" / "hooks.md"

HEADER = """\
# Hook reference

<!-- Generated from core/plugins/hookspecs.py by scripts/gen_hooks_doc.py; do not edit by hand. -->

{intro}

For example (the whole plugin, with `METHOD` a `Method`; see [authoring.md](authoring.md)):

```python
from intervisie.core import hookimpl


@hookimpl
def intervisie_methods():
    return [METHOD]
```
"""


def _is_spec(node: ast.FunctionDef) -> bool:
    for deco in node.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        if isinstance(target, ast.Name) and target.id == "hookspec":
            return True
    return False


def _options(node: ast.FunctionDef) -> list[str]:
    for deco in node.decorator_list:
        if isinstance(deco, ast.Call):
            return [ast.unparse(k) for k in deco.keywords]
    return []


def _signature(node: ast.FunctionDef) -> str:
    returns = f" -> {ast.unparse(node.returns)}" if node.returns is not None else ""
    return f"{node.name}({ast.unparse(node.args)}){returns}"


def render(source: str | None = None) -> str:
    """The Markdown of docs/hooks.md for the hook specs in `source` (default: the file)."""
    tree = ast.parse(source if source is not None else SPECS.read_text(encoding="utf-8"))
    intro = inspect.cleandoc(ast.get_docstring(tree) or "")
    parts = [HEADER.format(intro=intro)]
    specs = [n for n in tree.body if isinstance(n, ast.FunctionDef) and _is_spec(n)]
    parts.append("## Hooks\n\n" + "\n".join(f"- [`{n.name}`](#{n.name})" for n in specs) + "\n")
    for node in specs:
        doc = inspect.cleandoc(ast.get_docstring(node) or "Not documented yet.")
        section = [f"### `{node.name}`", "", "```python", _signature(node), "```", "", doc]
        options = _options(node)
        if options:
            section += ["", "Spec options: " + ", ".join(f"`{o}`" for o in options) + "."]
        parts.append("\n".join(section) + "\n")
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if current != text:
            print(f"{DOC.relative_to(ROOT)} is stale: run python scripts/gen_hooks_doc.py")
            return 1
        return 0
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
