"""Interface strings through gettext: one domain, `intervisie`, catalogues in `core/locale/`.

Source strings are English; `locale/nl/LC_MESSAGES/intervisie.po` holds the Dutch, compiled
to a committed `.mo` (`python scripts/i18n.py` extracts, updates and compiles). Method texts
are not here: they are data (`Text`) and carry their own languages.

The language follows `--lang`, then the settings, then the system locale (Dutch for `nl_*`).
"""

from __future__ import annotations

import gettext
import locale
import os
from pathlib import Path

DOMAIN = "intervisie"
LOCALE_DIR = Path(__file__).parent / "locale"
SUPPORTED = ("nl", "en")

_language: str | None = None
_translations: dict[str, gettext.NullTranslations] = {}


def system_language() -> str:
    """`nl` when the system locale is Dutch, else `en`."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "nl" if code.lower().startswith("nl") else "en"


def set_language(lang: str | None) -> str:
    """Set the interface language (`None`: settings, then system); returns the one in force."""
    global _language
    if lang is None:
        from intervisie.core.settings import load_settings

        lang = load_settings().language or system_language()
    if lang not in SUPPORTED:
        lang = "en"
    _language = lang
    return lang


def current_language() -> str:
    if _language is None:
        return set_language(None)
    return _language


def translation(lang: str) -> gettext.NullTranslations:
    if lang not in _translations:
        _translations[lang] = gettext.translation(
            DOMAIN, localedir=str(LOCALE_DIR), languages=[lang], fallback=True
        )
    return _translations[lang]


def _(message: str) -> str:
    """Translate an interface string into the current language."""
    return translation(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translation(current_language()).ngettext(singular, plural, n)


def tr(message: str, lang: str) -> str:
    """Translate into a given language, whatever the current one (reports, certificates)."""
    return translation(lang).gettext(message)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


def decimal(value: float, digits: int = 1, lang: str | None = None) -> str:
    """`value` with `digits` decimals as the language writes it: `4.5` in English, `4,5` in
    Dutch. Whole numbers stay whole when `digits` is 0."""
    shown = f"{value:.{digits}f}"
    return shown.replace(".", ",") if (lang or current_language()) == "nl" else shown
