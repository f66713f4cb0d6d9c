"""intervisie.core: the meeting model, the method model, the session engine, plugins, storage.

Pure Python: no Textual, no click. A method author imports only from here::

    from intervisie.core import hookimpl, Method, Phase, Text

The names below load when first used (PEP 562), so that a module that needs only
`intervisie.core.i18n` or `intervisie.core.settings` does not import the model, attrs and
pluggy with it: home's first paint needs none of them (tui/app/catalog.py).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intervisie.core.method.model import (
        ACCEPTS,
        LANGUAGES,
        CaseKind,
        Choice,
        ContributionKind,
        Criterion,
        GroupSize,
        Instructions,
        Lens,
        Level,
        MeetingStep,
        Method,
        MethodError,
        Option,
        OwnerPosition,
        Phase,
        PhaseKind,
        Safety,
        Side,
        Text,
        TurnMode,
    )
    from intervisie.core.plugins.hookspecs import hookimpl
    from intervisie.core.plugins.method_files import load_method_file

__all__ = [
    "ACCEPTS",
    "LANGUAGES",
    "CaseKind",
    "Choice",
    "ContributionKind",
    "Criterion",
    "GroupSize",
    "Instructions",
    "Lens",
    "Level",
    "MeetingStep",
    "Method",
    "MethodError",
    "Option",
    "OwnerPosition",
    "Phase",
    "PhaseKind",
    "Safety",
    "Side",
    "Text",
    "TurnMode",
    "hookimpl",
    "load_method_file",
]

_ELSEWHERE = {
    "hookimpl": "intervisie.core.plugins.hookspecs",
    "load_method_file": "intervisie.core.plugins.method_files",
}
"""Where each name lives; the rest are the model's."""


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'intervisie.core' has no attribute {name!r}")
    module = _ELSEWHERE.get(name, "intervisie.core.method.model")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # found once; later lookups do not come here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
