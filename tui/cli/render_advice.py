"""The advisor's ranking as terminal text (`intervisie methods advise`): no Textual."""

from __future__ import annotations

from collections.abc import Sequence

from intervisie.core.i18n import N_, _, tr
from intervisie.core.method.model import Level
from intervisie.core.trainers.advisor import Answers, Recommendation
from intervisie.core.trainers.compare import CASE_KIND_LABELS, SAFETY_LABELS

GROUP_LEVEL_LABELS = {
    Level.BEGINNING: N_("beginning group"),
    Level.EXPERIENCED: N_("experienced group"),
}


def answers_line(answers: Answers, lang: str) -> str:
    """The answers in one line, so a printed ranking says what it was based on."""
    parts = []
    if answers.case_kind is not None:
        parts.append(tr(CASE_KIND_LABELS[answers.case_kind], lang))
    if answers.level is not None:
        parts.append(tr(GROUP_LEVEL_LABELS[answers.level], lang))
    if answers.safety is not None:
        parts.append(_("{safety} safety").format(safety=tr(SAFETY_LABELS[answers.safety], lang)))
    if answers.minutes is not None:
        parts.append(_("{minutes} min").format(minutes=answers.minutes))
    if answers.group_size is not None:
        parts.append(_("{people} people").format(people=answers.group_size))
    return " · ".join(parts) if parts else _("no answers: every method counts the same")


def render_advice(answers: Answers, ranked: Sequence[Recommendation], lang: str) -> str:
    lines = [_("Advice for: {answers}").format(answers=answers_line(answers, lang)), ""]
    if not ranked:
        lines.append(_("No methods found. Install a method plugin or add a house method."))
        return "\n".join(lines) + "\n"
    fitting = [r for r in ranked if r.fits]
    rest = [r for r in ranked if not r.fits]
    names = [r.method.name.get(lang) for r in ranked]
    name_width = max(len(n) for n in names)
    number = 0
    for group, heading in ((fitting, None), (rest, _("Does not fit:"))):
        if not group:
            continue
        if heading:
            lines.extend([heading] if number == 0 else ["", heading])
        for rec in group:
            number += 1
            name = rec.method.name.get(lang).ljust(name_width)
            score = f"{rec.score:+d}"
            lines.append(f"{number:>2}. {name}  {score:>3}  {rec.reason(lang)}")
    return "\n".join(lines) + "\n"
