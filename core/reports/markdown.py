"""The `md` exporter: a report or certificate as Markdown, readable as plain text too.

Contribution texts are the group's own words: they are quoted as they are, with line breaks
kept inside their list item, and never interpreted as headings, tables, HTML or links
(`markdown_text`: a typed `<img onerror=...>` or `[click](https://...)` stays visible text),
and control characters are shown, not passed to whoever prints the file.
"""

from __future__ import annotations

import re

from intervisie.core.i18n import N_
from intervisie.core.meeting.commands import QUESTION_MARK_NAMES
from intervisie.core.method.model import ContributionKind, MeetingStep, PhaseKind
from intervisie.core.reports.profiles import Shows, register_name
from intervisie.core.reports.report import (
    Certificate,
    Item,
    PhaseSection,
    Report,
    RoundSection,
    StepSection,
)
from intervisie.core.reports.wording import Words, certificate_rows, place_text
from intervisie.core.terminal_text import markdown_text

DEMO_NOTE = N_(
    "Made from a demonstration meeting with example data. It is not proof of attendance."
)


def render_markdown(document: Report | Certificate) -> str:
    if isinstance(document, Certificate):
        return certificate_markdown(document)
    return report_markdown(document)


def _inline(text: str) -> str:
    """One paragraph of user text inside a list item: continuation lines indented."""
    lines = [line.rstrip() for line in markdown_text(text).strip().splitlines()] or [""]
    escaped = [_escape_start(line) for line in lines]
    return "\n  ".join(escaped)


_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-*+](?=\s|$)|=+\s*$|`{3,}|~{3,})")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def _escape_start(line: str) -> str:
    """Keep a typed line from turning into a heading, quote, list or code fence."""
    stripped = line.lstrip()
    ordered = _ORDERED.match(stripped)
    if ordered:
        return ordered.group(1) + "\\" + stripped[len(ordered.group(1)) :]
    if _BLOCK_START.match(stripped):
        return "\\" + stripped
    return stripped


def _cell(text: str) -> str:
    return " ".join(markdown_text(text).split()).replace("|", "\\|")


def _ratings(w: Words, item: Item) -> str:
    parts = [f"{r.label} {w.number(r.value)}" for r in item.ratings]
    return ", ".join(parts)


def _received(w: Words, item: Item) -> str:
    if not item.received:
        return ""
    parts = [
        w(N_("{label} {value} (average of {n})")).format(
            label=r.label, value=w.number(r.value), n=r.count
        )
        for r in item.received
    ]
    return ", ".join(parts)


def item_line(w: Words, item: Item) -> str:
    """One contribution as a list item: who, what kind of thing, the text and its fields."""
    head = f"**{_cell(item.author)}**"
    extras = []
    if item.side:
        extras.append(_cell(item.side))
    if item.hidden:
        extras.append(w(N_("not revealed during the meeting")))
    if item.mark:
        extras.append(
            w(N_("the case owner: {mark}")).format(mark=w(QUESTION_MARK_NAMES[item.mark]))
        )
    if extras:
        head += f" ({', '.join(extras)})"
    body = []
    if item.kind is ContributionKind.VOTE:
        body.append(w(N_("voted for “{case}”")).format(case=_cell(item.target)))
    elif item.kind is ContributionKind.SCORE:
        body.append(w(N_("scored “{case}”")).format(case=_cell(item.target)))
    elif item.kind is ContributionKind.RATING and item.target:
        body.append(w(N_("rated “{force}”")).format(force=_cell(item.target)))
    elif item.kind is ContributionKind.MARK:
        body.append(w(N_("★ one of the strongest: “{force}”")).format(force=_cell(item.target)))
    elif item.kind is ContributionKind.ACTION:
        body.append(w(N_("action on “{force}”")).format(force=_cell(item.target)))
    elif item.kind is ContributionKind.PICK:
        body.append(w(N_("✓ chose the action “{action}”")).format(action=_cell(item.target)))
    elif item.kind is ContributionKind.GOAL:
        body.append(w(N_("goal")))
    elif item.target:
        body.append(w(N_("on “{case}”")).format(case=_cell(item.target)))
    if item.ratings:
        body.append(_ratings(w, item))
    if item.text.strip():
        body.append(_inline(item.text))
    received = _received(w, item)
    if received:
        body.append(w(N_("rated by the group: {ratings}")).format(ratings=received))
    return f"- {head}: " + " — ".join(body) if body else f"- {head}"


def _items(w: Words, items: tuple[Item, ...]) -> list[str]:
    return [item_line(w, i) for i in items]


def _phase_table(w: Words, rnd: RoundSection) -> list[str]:
    labels = [w(N_("Phase")), w(N_("Planned")), w(N_("Actual")), w(N_("Contributions"))]
    lines = [
        "| " + " | ".join(labels) + " |",
        "|---|---:|---:|---:|",
    ]
    for p in rnd.phases:
        if not p.id:
            continue
        name = _cell(p.name)
        if p.skipped:
            name += " (" + w(N_("skipped")) + ")"
        elif not p.visited:
            name += " (" + w(N_("not reached")) + ")"
        actual = w.minutes(p.actual_minutes) if p.visited else "–"
        lines.append(f"| {name} | {w.minutes(p.planned_minutes)} | {actual} | {p.count} |")
    lines.append(
        "| **" + w(N_("Total")) + "** | **" + w.minutes(rnd.planned_minutes) + "** | "
        f"**{w.minutes(rnd.actual_minutes)}** | **{len(rnd.items())}** |"
    )
    return lines


def _phase_items(w: Words, phase: PhaseSection) -> list[str]:
    title = phase.name
    if phase.lens and phase.lens.casefold() not in title.casefold():
        title += f" — {phase.lens}"
    title = _cell(title)
    items = phase.items
    if phase.kind is PhaseKind.FORCES:  # one side after the other
        sides = list(dict.fromkeys(i.side for i in items))
        items = tuple(sorted(items, key=lambda i: sides.index(i.side)))
    return [f"#### {title}", "", *_items(w, items), ""]


def _round(w: Words, rnd: RoundSection) -> list[str]:
    lines = [
        "## " + w(N_("Round {n}: {method}")).format(n=rnd.number, method=_cell(rnd.method_name)),
        "",
    ]
    if rnd.case is not None:
        lines.append(
            "**"
            + w(N_("Case"))
            + ":** "
            + _cell(rnd.case.title)
            + " "
            + w(N_("(case owner: {owner})")).format(owner=_cell(rnd.case.owner))
        )
        if rnd.case.description.strip():
            lines += [""] + [
                "> " + _escape_start(line)
                for line in markdown_text(rnd.case.description).strip().splitlines()
            ]
        lines.append("")
    facts = [
        w(N_("{actual} of {planned} planned")).format(
            actual=w.minutes(rnd.actual_minutes), planned=w.minutes(rnd.planned_minutes)
        )
    ]
    if rnd.chosen_by:
        facts.append(w.chosen_by(rnd.chosen_by))
    if rnd.started is not None:
        facts.insert(0, w.span(rnd.started, rnd.finished))
    lines += [" · ".join(facts), ""]
    if rnd.tally:
        counted = ", ".join(f"“{_cell(title)}” {w.number(points)}" for title, points in rnd.tally)
        lines += [w(N_("Points per case: {tally}")).format(tally=counted), ""]
    # what the owner takes home first, how the time went last
    lines += ["### " + w(N_("Take-aways and agreements")), ""]
    lines += _items(w, rnd.takeaways) or [w(N_("None recorded."))]
    lines.append("")
    with_items = [p for p in rnd.phases if p.items]
    lines += ["### " + w(N_("Contributions by phase")), ""]
    if not with_items:
        lines += [w(N_("Nothing was captured in this round.")), ""]
    for phase in with_items:
        lines += _phase_items(w, phase)
    lines += ["### " + w(N_("Evaluation")), ""]
    lines += _items(w, rnd.evaluation) or [w(N_("None recorded."))]
    lines += ["", "### " + w(N_("The method as run")), "", *_phase_table(w, rnd), ""]
    return lines


def _step(w: Words, step: StepSection) -> list[str]:
    return [f"### {w.step(step.step)}", "", *_items(w, step.items), ""]


def _whose(w: Words, report: Report) -> list[str]:
    if report.only_round is not None or not report.case_owners:
        return []
    owners = ", ".join(_cell(o) for o in report.case_owners)
    return [
        "**" + w(N_("This report holds the cases of: {owners}.")).format(owners=owners) + "**",
        "",
    ]


def report_markdown(report: Report) -> str:
    w = Words(report.lang)
    lines = []
    if report.demo:
        lines += ["# " + w(N_("DEMO — made with example data")), ""]
    title = w(N_("Round report")) if report.only_round else w(N_("Meeting report"))
    lines += [f"# {title}: {_cell(report.group)}", ""]
    when = w.date(report.started) + ", " + w.span(report.started, report.ended)
    lines += [
        "*" + w(N_("Confidential: for the case owner. Do not pass on.")) + "*",
        "",
        *_whose(w, report),
        "- **" + w(N_("Date")) + ":** " + when,
        "- **" + w(N_("Place")) + ":** " + place_text(w, report.place, report.online),
        "- **" + w(N_("Facilitator")) + ":** " + _cell(report.facilitator),
        "- **" + w(N_("Participants")) + ":** " + _cell(", ".join(report.participants)),
        "",
    ]
    before = [s for s in report.steps if s.step is not MeetingStep.CLOSING]
    closing = [s for s in report.steps if s.step is MeetingStep.CLOSING]
    if report.only_round is None and (report.cases or before):
        lines += ["## " + w(N_("The meeting")), ""]
        if report.cases:
            lines += ["### " + w(N_("Cases named")), ""]
            lines += [
                f"- {_inline(c.title)} "
                + w(N_("(case owner: {owner})")).format(owner=_cell(c.owner))
                for c in report.cases
            ]
            lines.append("")
        for step in before:
            lines += _step(w, step)
    for rnd in report.rounds:
        lines += _round(w, rnd)
    if not report.rounds:
        lines += [w(N_("No case round was held.")), ""]
    if closing:
        lines += [f"## {w.step(MeetingStep.CLOSING)}", ""]
        for step in closing:
            lines += [*_items(w, step.items), ""]
    return "\n".join(lines).rstrip() + "\n"


def certificate_markdown(cert: Certificate) -> str:
    w = Words(cert.lang)
    att, shows = cert.attendance, set(cert.profile.shows)
    lines = []
    if att.demo:
        lines += [
            "# " + w(N_("DEMO: THIS CERTIFICATE PROVES NOTHING")),
            "",
            "**" + w(DEMO_NOTE) + "**",
            "",
        ]
    if cert.profile.example:
        lines += ["**" + w(N_("An example profile, not a professional body's rules.")) + "**", ""]
    lines += ["# " + w(N_("Certificate of attendance")), "", w(N_("Intervision meeting")), ""]
    lines += ["| " + w(N_("Meeting")) + " | |", "|---|---|"]
    lines += [f"| {label} | {_cell(value)} |" for label, value in certificate_rows(w, cert)]
    lines.append("")
    if Shows.DESCRIPTION in shows:
        lines += ["## " + w(N_("Description")), "", _inline(cert.description), ""]
    if Shows.CONFIRMATION in shows and cert.statement:
        lines += ["## " + w(N_("Confirmation")), "", cert.statement, ""]
    if cert.outside_profile:  # above the signatures: nobody signs a page that hides it
        lines += ["## " + w(N_("Note: outside the profile")), ""]
        lines += [f"- {line}" for line in cert.outside_profile]
        lines.append("")
    if Shows.PARTICIPANTS in shows:
        lines += ["## " + w(N_("Participants")), ""]
        numbers = Shows.REGISTRATIONS in shows and cert.profile.register is not None
        own = Shows.OWN_MINUTES in shows
        head = [w(N_("Name"))]
        if numbers:
            assert cert.profile.register is not None
            head.append(register_name(cert.profile.register, cert.lang))
        if own:
            head.append(w(N_("Present")))
        if Shows.SIGNATURES in shows:
            head.append(w(N_("Signature")))
        lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for p in cert.certified:
            row = [_cell(p.name)]
            if numbers:
                row.append(_cell(p.number or "–"))
            if own:
                row.append(w.minutes(p.minutes))
            if Shows.SIGNATURES in shows:
                row.append("______________________")
            lines.append("| " + " | ".join(row) + " |")
        lines.append("")
        if cert.not_certified:
            lines += ["**" + w(N_("Present, but no certificate for this sitting:")) + "**", ""]
            lines += [f"- {_cell(p.name)}: {p.reason}" for p in cert.not_certified]
            lines.append("")
    if Shows.SIGNATURES in shows or Shows.CONFIRMATION in shows:
        lines += [
            w(N_("Facilitator")) + ": " + _cell(att.facilitator.name),
            "",
            w(N_("Signature")) + ": ______________________    " + w(N_("Date")) + ": ____________",
            "",
        ]
    lines += ["*" + w(N_("Meeting {id}")).format(id=att.meeting_id) + "*"]
    return "\n".join(lines).rstrip() + "\n"
