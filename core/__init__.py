"""intervisie.core: the meeting model, the method model, the session engine, plugins, storage.

Pure Python: no Textual, no click. A method author imports only from here::

    from intervisie.core import hookimpl, Method, Phase, Text
"""

from intervisie.core.hookspecs import hookimpl
from intervisie.core.model import (
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


def __getattr__(name: str):  # lazy: the TOML reader and converter load only when asked
    if name == "load_method_file":
        from intervisie.core.house import load_method_file

        return load_method_file
    raise AttributeError(name)
