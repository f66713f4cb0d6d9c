"""A method as readable terminal text (`intervisie methods show`): no Textual, plain columns."""

from __future__ import annotations

from typing import Any

from intervisie.core.model import Method


def render_method(method: Method, source: Any, lang: str, participants: int | None = None) -> str:
    from intervisie.core.i18n import _

    people = participants or method.group_size.ideal
    lines = [
        f"{method.name.get(lang)}  ({method.id} {method.version})",
        method.summary.get(lang),
        "",
        _("Group {min}-{max} (ideal {ideal})  ·  {minutes} min  ·  {phases} phases").format(
            min=method.group_size.min,
            max=method.group_size.max,
            ideal=method.group_size.ideal,
            minutes=f"{method.total_minutes(people):.0f}",
            phases=len(method.phases_for()),
        ),
    ]
    if method.sources:
        lines.append(_("Sources: {sources}").format(sources="; ".join(method.sources)))
    lines.append("")
    for i, phase in enumerate(method.phases_for(), start=1):
        minutes = f"{phase.planned_minutes(people):.0f} min"
        lines.append(f"{i:>2}. {phase.name.get(lang):<32} {minutes:>7}  {phase.owner.value}")
    return "\n".join(lines)
