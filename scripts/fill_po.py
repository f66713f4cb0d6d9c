"""Fill empty Dutch msgstr entries from a JSON file of {"English": "Nederlands"}.

Usage: python scripts/fill_po.py translations.json && python scripts/i18n.py
"""

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parent.parent / "core/locale/nl/LC_MESSAGES/intervisie.po"


def main() -> None:
    translations = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    with PO.open("rb") as f:
        catalog = read_po(f, locale="nl", domain="intervisie")
    for message in catalog:
        if message.id in translations and not message.string:
            message.string = translations[message.id]
    with PO.open("wb") as f:
        write_po(f, catalog, width=100, sort_output=True, include_lineno=False)


if __name__ == "__main__":
    main()
