"""Extract interface strings, merge them into the Dutch catalogue, compile the `.mo`.

Run `python scripts/i18n.py` after adding or changing `_("...")` strings; fill the empty
`msgstr` entries in `core/locale/nl/LC_MESSAGES/intervisie.po`; run it again to compile.
`python scripts/i18n.py --check` exits 1 when a string lacks a translation or the `.mo` is
stale (the test suite runs the same check).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "core" / "locale" / "nl" / "LC_MESSAGES" / "intervisie.po"
MO = PO.with_suffix(".mo")
SOURCES = ("core", "tui", "methods")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def extract() -> Catalog:
    template = Catalog(project="intervisie", domain="intervisie")
    for folder in SOURCES:
        for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / folder,
            method_map=[("**.py", "python")],
            keywords=KEYWORDS,
        ):
            template.add(
                message,
                None,
                [(f"{folder}/{filename}", lineno)],
                auto_comments=comments,
                context=context,
            )
    return template


def load_po() -> Catalog:
    if PO.exists():
        with PO.open("rb") as f:
            return read_po(f, locale="nl", domain="intervisie")
    return Catalog(locale="nl", domain="intervisie", project="intervisie")


def compiled(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def problems() -> list[str]:
    """Strings in the source without a Dutch translation, and a stale `.mo`."""
    template = extract()
    catalog = load_po()
    found = []
    for message in template:
        if not message.id:
            continue
        entry = catalog.get(message.id, context=message.context)
        if (
            entry is None
            or not entry.string
            or (isinstance(entry.string, tuple) and not all(entry.string))
        ):
            found.append(f"no Dutch translation for {message.id!r}")
    if not MO.exists() or MO.read_bytes() != compiled(catalog):
        found.append(f"{MO.relative_to(ROOT)} is stale: run python scripts/i18n.py")
    return found


def main() -> int:
    if "--check" in sys.argv:
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    template = extract()
    catalog = load_po()
    catalog.update(template, no_fuzzy_matching=True)
    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as f:
        write_po(
            f,
            catalog,
            width=100,
            sort_output=True,
            omit_header=False,
            ignore_obsolete=True,
            include_lineno=False,
        )
    MO.write_bytes(compiled(catalog))
    missing = [m.id for m in catalog if m.id and not m.string]
    print(f"{PO.relative_to(ROOT)}: {len(catalog)} strings, {len(missing)} without Dutch")
    return 0


if __name__ == "__main__":
    sys.exit(main())
