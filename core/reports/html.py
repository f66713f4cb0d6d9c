"""The `html` exporter: one self-contained page that reads well on screen and prints on A4.

No external assets (no fonts, scripts, images or links), so the page opens the same on a
machine without a network and keeps nothing outside the file. Every text people typed and
every method text is HTML-escaped; lens colours are used only when they are a plain colour
name or `#rrggbb`. A demo document carries a large banner and a watermark on every printed
page, so nobody takes it for proof.
"""

from __future__ import annotations

import re
from html import escape
from types import SimpleNamespace

from intervisie.core.i18n import N_
from intervisie.core.method.model import ContributionKind, MeetingStep, PhaseKind
from intervisie.core.reports.profiles import Shows
from intervisie.core.reports.report import (
    Certificate,
    Item,
    PhaseSection,
    Rating,
    Report,
    RoundSection,
)
from intervisie.core.reports.wording import Words, certificate_rows, place_text

_COLOUR = re.compile(r"^(#[0-9a-fA-F]{6}|[a-zA-Z]{3,20})$")

CSS = """
@page { size: A4; margin: 14mm 15mm 14mm 15mm; }
* { box-sizing: border-box; }
:root { --ink: #1c2230; --muted: #5a6375; --line: #d4d8e0; --soft: #f3f5f8;
        --accent: #24588a; --warn: #9a3412; --demo: #b00020; }
html { background: #e9ecf1; }
body { margin: 0; color: var(--ink); font: 10.5pt/1.45 "Segoe UI", "Helvetica Neue",
       Helvetica, Arial, "Liberation Sans", sans-serif; }
.page { max-width: 210mm; margin: 8mm auto; background: #fff; padding: 16mm 15mm 18mm;
        box-shadow: 0 1px 4px rgba(0,0,0,.15); }
h1 { font-size: 21pt; line-height: 1.15; margin: 0 0 1mm; letter-spacing: -0.01em; }
h2 { font-size: 14pt; margin: 9mm 0 3mm; padding-bottom: 1mm;
     border-bottom: 2px solid var(--accent); break-after: avoid; }
h3 { font-size: 11.5pt; margin: 6mm 0 2mm; color: var(--accent); break-after: avoid; }
h4 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
p { margin: 0 0 2.5mm; }
.subtitle { color: var(--muted); font-size: 11.5pt; margin: 0 0 5mm; }
.muted { color: var(--muted); }
.confidential { display: inline-block; font-size: 9pt; font-weight: 600; color: var(--warn);
                border: 1px solid var(--warn); border-radius: 1mm; padding: .5mm 2mm;
                margin-bottom: 4mm; text-transform: uppercase; letter-spacing: .04em; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; }
th, td { text-align: left; vertical-align: top; padding: 1.6mm 2mm;
         border-bottom: 1px solid var(--line); }
thead th { font-size: 9pt; color: var(--muted); text-transform: uppercase;
           letter-spacing: .03em; border-bottom: 1.5px solid var(--ink); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 700; border-bottom: none; border-top: 1.5px solid var(--ink); }
tr { break-inside: avoid; }
.facts th { width: 34%; font-weight: 600; color: var(--muted); }
.case { background: var(--soft); border-left: 4px solid var(--accent); padding: 3mm 4mm;
        margin: 2mm 0 3mm; break-inside: avoid; }
.case .title { font-weight: 700; font-size: 11.5pt; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
ul.items { list-style: none; margin: 0 0 2mm; padding: 0; }
ul.items li { margin: 0 0 1.8mm; padding: 1mm 0 1mm 3mm; border-left: 3px solid var(--line);
              break-inside: avoid; }
.who { font-weight: 700; }
.tag { display: inline-block; font-size: 8.5pt; color: var(--muted); border: 1px solid
       var(--line); border-radius: 1mm; padding: 0 1.5mm; margin-left: 1mm; }
.tag.hidden { color: var(--warn); border-color: var(--warn); }
.about { color: var(--muted); }
.ratings { font-size: 9.5pt; color: var(--muted); }
.meter { display: inline-block; width: 16mm; height: 2.2mm; background: var(--line);
         border-radius: .6mm; vertical-align: middle; margin: 0 1.2mm; overflow: hidden; }
.rating { white-space: nowrap; }
.meter span { display: block; height: 100%; background: var(--accent); }
.side { font-weight: 700; margin: 2mm 0 1mm; }
.swatch { display: inline-block; width: 3.2mm; height: 3.2mm; border: 1px solid #777;
          border-radius: 50%; vertical-align: -0.3mm; margin-right: 1.5mm; }
.takeaways li { border-left-color: var(--accent); }
.empty { color: var(--muted); font-style: italic; }
.demo { margin: 0 0 6mm; padding: 5mm; border: 1.2mm solid var(--demo); color: var(--demo);
        text-align: center; font-size: 26pt; font-weight: 900; line-height: 1.1;
        text-transform: uppercase; letter-spacing: .02em; }
.demo small { display: block; font-size: 11pt; font-weight: 600; text-transform: none;
              letter-spacing: 0; margin-top: 2mm; }
.watermark { position: fixed; top: 42%; left: 0; right: 0; text-align: center;
             font-size: 110pt; font-weight: 900; color: rgba(176,0,32,.08);
             transform: rotate(-30deg); pointer-events: none; z-index: 0; }
.certificate h1 { font-size: 26pt; text-align: center; margin-top: 2mm; }
.certificate .subtitle { text-align: center; }
.statement { border: 1px solid var(--line); background: var(--soft); padding: 3mm 4mm;
             margin: 2mm 0 4mm; break-inside: avoid; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; column-gap: 12mm; row-gap: 2mm; }
.signatures.three { grid-template-columns: 1fr 1fr 1fr; column-gap: 8mm; }
.sig { break-inside: avoid; }
.sig .line, .facilitator-sign .line { border-bottom: 1px solid var(--ink); height: 10mm; }
.facilitator-sign { display: flex; gap: 8mm; margin-top: 7mm; break-inside: avoid;
                    align-items: flex-end; }
.facilitator-sign > div { flex: 1; }
.note { border-left: 4px solid var(--warn); background: #fff7ed; padding: 2mm 4mm;
        margin: 4mm 0; break-inside: avoid; }
.note ul { margin: 1mm 0 0; padding-left: 5mm; }
.small { font-size: 8.5pt; }
footer { margin-top: 8mm; font-size: 8.5pt; color: var(--muted);
         border-top: 1px solid var(--line); padding-top: 2mm; }
@media print {
  html { background: #fff; }
  .page { margin: 0; padding: 0; max-width: none; box-shadow: none; }
  h2 { break-before: auto; }
  section.round + section.round { break-before: page; }
  .certificate h1 { font-size: 22pt; margin-top: 0; }
  .certificate .subtitle { margin-bottom: 3mm; }
  .certificate { font-size: 10pt; }
  .certificate h2 { margin: 4mm 0 1.5mm; font-size: 12pt; }
  .certificate .statement { margin: 1mm 0 2mm; padding: 2mm 3mm; }
  .certificate .facilitator-sign { margin-top: 5mm; }
  .certificate footer { margin-top: 3mm; padding-top: 1mm; }
  .certificate .sig .line, .certificate .facilitator-sign .line { height: 7mm; }
  .certificate .facts th, .certificate .facts td { padding: .55mm 2mm; line-height: 1.3; }
  .certificate { font-size: 9.5pt; line-height: 1.35; }
  .certificate p, .certificate .statement { margin-bottom: 1.5mm; }
  .certificate .note { margin: 2mm 0; padding: 1.5mm 3mm; }
  .certificate .signatures { row-gap: 1mm; }
  .certificate h1 { font-size: 20pt; }
  .certificate .facilitator-sign { margin-top: 3mm; }
  .certificate footer { margin-top: 1.5mm; padding-top: .5mm; }
  .certificate .sig .small { line-height: 1.2; }
  .demo { font-size: 22pt; padding: 3mm; margin-bottom: 4mm; }
}
"""


def render_html(document: Report | Certificate) -> str:
    if isinstance(document, Certificate):
        return certificate_html(document)
    return report_html(document)


def _e(text: str) -> str:
    return escape(text, quote=True)


def _page(lang: str, title: str, body: str, *, css_class: str = "", demo: str = "") -> str:
    watermark = f'<div class="watermark" aria-hidden="true">{_e(demo)}</div>' if demo else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f'<body>{watermark}<main class="page {css_class}">\n{body}\n</main>\n</body>\n</html>\n'
    )


LABELS: dict[str, str] = {
    "actual": N_("Actual"),
    "cases_named": N_("Cases named"),
    "certificate_of_attendance": N_("Certificate of attendance"),
    "confidential_for_the_case_owner_do_not_p": N_(
        "Confidential: for the case owner. Do not pass on."
    ),
    "confirmation": N_("Confirmation"),
    "contributions": N_("Contributions"),
    "contributions_by_phase": N_("Contributions by phase"),
    "date": N_("Date"),
    "demo_made_with_example_data": N_("DEMO — made with example data"),
    "demo_this_certificate_proves_nothing": N_("DEMO: THIS CERTIFICATE PROVES NOTHING"),
    "description": N_("Description"),
    "evaluation": N_("Evaluation"),
    "facilitator": N_("Facilitator"),
    "intervision_meeting": N_("Intervision meeting"),
    "name": N_("Name"),
    "no_case_round_was_held": N_("No case round was held."),
    "none_recorded": N_("None recorded."),
    "not_reached": N_("not reached"),
    "not_revealed_during_the_meeting": N_("not revealed during the meeting"),
    "note_outside_the_profile": N_("Note: outside the profile"),
    "nothing_was_captured_in_this_round": N_("Nothing was captured in this round."),
    "participants": N_("Participants"),
    "phase": N_("Phase"),
    "planned": N_("Planned"),
    "rated_by_the_group": N_("Rated by the group:"),
    "signature": N_("Signature"),
    "skipped": N_("skipped"),
    "take_aways_and_agreements": N_("Take-aways and agreements"),
    "the_meeting": N_("The meeting"),
    "the_method_as_run": N_("The method as run"),
    "total": N_("Total"),
}
"""Every fixed label of the page, marked for translation (f-strings hide `N_` from Babel)."""


def _labels(w: Words) -> SimpleNamespace:
    """The labels in `w`'s language, HTML-escaped: `lb.phase`, `lb.signature`, ..."""
    return SimpleNamespace(**{key: _e(w(message)) for key, message in LABELS.items()})


# -- items --------------------------------------------------------------------------------


def _bar(rating: Rating) -> str:
    """A small meter, drawn to the criterion's scale (none when the scale is unknown)."""
    if not rating.max:
        return ""
    share = max(min(rating.value / rating.max, 1.0), 0.0) * 100
    return f'<span class="meter"><span style="width:{share:.0f}%"></span></span>'


def _ratings(w: Words, ratings: tuple[Rating, ...], averaged: bool = False) -> str:
    """`Intensity ▮▮▮▯▯ 3/5` for each criterion; averages say how many ratings they hold."""
    parts = []
    for r in ratings:
        value = w.number(r.value)
        if r.max:
            value += f"/{w.number(r.max)}"
        if averaged:
            value = w(N_("{value} (average of {n})")).format(value=value, n=r.count)
        parts.append(f'<span class="rating">{_e(r.label)} {_bar(r)}{_e(value)}</span>')
    return " · ".join(parts)


def _item(w: Words, item: Item) -> str:
    lb = _labels(w)
    head = [f'<span class="who">{_e(item.author)}</span>']
    if item.side:
        head.append(f'<span class="tag">{_e(item.side)}</span>')
    if item.hidden:
        head.append(f'<span class="tag hidden">{lb.not_revealed_during_the_meeting}</span>')
    about = ""
    if item.kind is ContributionKind.VOTE:
        about = w(N_("voted for “{case}”")).format(case=item.target)
    elif item.kind is ContributionKind.SCORE:
        about = w(N_("scored “{case}”")).format(case=item.target)
    elif item.kind is ContributionKind.RATING and item.target:
        about = w(N_("rated “{force}”")).format(force=item.target)
    elif item.kind is ContributionKind.MARK:
        about = w(N_("★ one of the strongest: “{force}”")).format(force=item.target)
    elif item.kind is ContributionKind.ACTION:
        about = w(N_("action on “{force}”")).format(force=item.target)
    elif item.kind is ContributionKind.PICK:
        about = w(N_("✓ chose the action “{action}”")).format(action=item.target)
    elif item.kind is ContributionKind.GOAL:
        about = w(N_("goal"))
    elif item.target:
        about = w(N_("on “{case}”")).format(case=item.target)
    parts = [" ".join(head)]
    if about:
        parts.append(f' <span class="about">{_e(about)}</span>')
    if item.ratings:
        parts.append(f'<div class="ratings">{_ratings(w, item.ratings)}</div>')
    if item.text.strip():
        parts.append(f'<div class="text">{_e(item.text.strip())}</div>')
    if item.received:
        label = lb.rated_by_the_group
        parts.append(
            f'<div class="ratings">{label} {_ratings(w, item.received, averaged=True)}</div>'
        )
    return "<li>" + "".join(parts) + "</li>"


def _items(w: Words, items: tuple[Item, ...], css: str = "") -> str:
    lb = _labels(w)
    if not items:
        return f'<p class="empty">{lb.none_recorded}</p>'
    return f'<ul class="items {css}">' + "".join(_item(w, i) for i in items) + "</ul>"


# -- the report ---------------------------------------------------------------------------


def _minutes_cell(w: Words, minutes: float, shown: bool = True) -> str:
    return f'<td class="num">{_e(w.minutes(minutes)) if shown else "–"}</td>'


def _phase_table(w: Words, rnd: RoundSection) -> str:
    lb = _labels(w)
    head = "".join(
        [
            f"<th>{lb.phase}</th>",
            f'<th class="num">{lb.planned}</th>',
            f'<th class="num">{lb.actual}</th>',
            f'<th class="num">{lb.contributions}</th>',
        ]
    )
    rows = []
    for p in rnd.phases:
        if not p.id:
            continue
        name = _e(p.name)
        if p.skipped:
            name += f' <span class="tag">{lb.skipped}</span>'
        elif not p.visited:
            name += f' <span class="tag">{lb.not_reached}</span>'
        rows.append(
            f"<tr><td>{_swatch(p)}{name}</td>"
            + _minutes_cell(w, p.planned_minutes)
            + _minutes_cell(w, p.actual_minutes, p.visited)
            + f'<td class="num">{p.count}</td></tr>'
        )
    rows.append(
        f'<tr class="total"><td>{lb.total}</td>'
        + _minutes_cell(w, rnd.planned_minutes)
        + _minutes_cell(w, rnd.actual_minutes)
        + f'<td class="num">{len(rnd.items())}</td></tr>'
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _swatch(p: PhaseSection) -> str:
    if not p.lens_colour or not _COLOUR.match(p.lens_colour):
        return ""
    return f'<span class="swatch" style="background:{p.lens_colour}"></span>'


def _phase_items(w: Words, p: PhaseSection) -> str:
    title = _swatch(p) + _e(p.name)
    if p.lens and p.lens.casefold() not in p.name.casefold():
        title += f' <span class="tag">{_e(p.lens)}</span>'
    items = p.items
    if p.kind is PhaseKind.FORCES:  # one side after the other
        sides = list(dict.fromkeys(i.side for i in items))
        items = tuple(sorted(items, key=lambda i: sides.index(i.side)))
    return f"<h4>{title}</h4>" + _items(w, items)


def _round(w: Words, rnd: RoundSection) -> str:
    lb = _labels(w)
    title = w(N_("Round {n}: {method}")).format(n=rnd.number, method=rnd.method_name)
    out = [f'<section class="round"><h2>{_e(title)}</h2>']
    if rnd.case is not None:
        owner = w(N_("(case owner: {owner})")).format(owner=rnd.case.owner)
        out.append(
            f'<div class="case"><div class="title">{_e(rnd.case.title)}</div>'
            f'<div class="muted">{_e(owner)}</div>'
        )
        if rnd.case.description.strip():
            out.append(f'<div class="text">{_e(rnd.case.description.strip())}</div>')
        out.append("</div>")
    facts = []
    if rnd.started is not None:
        facts.append(w.span(rnd.started, rnd.finished))
    facts.append(
        w(N_("{actual} of {planned} planned")).format(
            actual=w.minutes(rnd.actual_minutes), planned=w.minutes(rnd.planned_minutes)
        )
    )
    if rnd.chosen_by:
        facts.append(w.chosen_by(rnd.chosen_by))
    out.append(f'<p class="muted">{_e(" · ".join(facts))}</p>')
    if rnd.tally:
        counted = ", ".join(f"“{title}” {w.number(points)}" for title, points in rnd.tally)
        points = w(N_("Points per case: {tally}")).format(tally=counted)
        out.append(f'<p class="muted">{_e(points)}</p>')
    # what the owner takes home first, how the time went last
    out.append(f"<h3>{lb.take_aways_and_agreements}</h3>")
    out.append(_items(w, rnd.takeaways, "takeaways"))
    out.append(f"<h3>{lb.contributions_by_phase}</h3>")
    with_items = [p for p in rnd.phases if p.items]
    if not with_items:
        out.append(f'<p class="empty">{lb.nothing_was_captured_in_this_round}</p>')
    out += [_phase_items(w, p) for p in with_items]
    out.append(f"<h3>{lb.evaluation}</h3>")
    out.append(_items(w, rnd.evaluation))
    out.append(f"<h3>{lb.the_method_as_run}</h3>{_phase_table(w, rnd)}")
    out.append("</section>")
    return "\n".join(out)


def _facts(rows: list[tuple[str, str]]) -> str:
    body = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
    return f'<table class="facts"><tbody>{body}</tbody></table>'


def report_html(report: Report) -> str:
    w = Words(report.lang)
    lb = _labels(w)
    title = w(N_("Round report")) if report.only_round else w(N_("Meeting report"))
    out = []
    demo = ""
    if report.demo:
        demo = w(N_("DEMO"))
        out.append(f'<div class="demo">{lb.demo_made_with_example_data}</div>')
    out.append(f"<h1>{_e(title)}</h1>")
    out.append(f'<p class="subtitle">{_e(report.group)}</p>')
    out.append(f'<div class="confidential">{lb.confidential_for_the_case_owner_do_not_p}</div>')
    if report.only_round is None and report.case_owners:
        whose = w(N_("This report holds the cases of: {owners}.")).format(
            owners=", ".join(report.case_owners)
        )
        out.append(f'<p class="note"><strong>{_e(whose)}</strong></p>')
    out.append(
        _facts(
            [
                (
                    w(N_("Date")),
                    w.date(report.started) + ", " + w.span(report.started, report.ended),
                ),
                (w(N_("Place")), place_text(w, report.place, report.online)),
                (w(N_("Facilitator")), report.facilitator),
                (w(N_("Participants")), ", ".join(report.participants)),
            ]
        )
    )
    before = [s for s in report.steps if s.step is not MeetingStep.CLOSING]
    closing = [s for s in report.steps if s.step is MeetingStep.CLOSING]
    if report.only_round is None and (report.cases or before):
        out.append(f"<h2>{lb.the_meeting}</h2>")
        if report.cases:
            out.append(f'<h3>{lb.cases_named}</h3><ul class="items">')
            for case in report.cases:
                owner = w(N_("(case owner: {owner})")).format(owner=case.owner)
                out.append(
                    f'<li><span class="text">{_e(case.title)}</span> '
                    f'<span class="about">{_e(owner)}</span>'
                )
                if case.description.strip():
                    out.append(f'<div class="text muted">{_e(case.description.strip())}</div>')
                out.append("</li>")
            out.append("</ul>")
        for step in before:
            out.append(f"<h3>{_e(w.step(step.step))}</h3>{_items(w, step.items)}")
    out += [_round(w, rnd) for rnd in report.rounds]
    if not report.rounds:
        out.append(f'<p class="empty">{lb.no_case_round_was_held}</p>')
    for step in closing:
        out.append(f"<h2>{_e(w.step(MeetingStep.CLOSING))}</h2>{_items(w, step.items)}")
    footer = w(N_("Meeting {id}")).format(id=report.meeting_id)
    out.append(f"<footer>{_e(footer)}</footer>")
    page_title = f"{title} – {report.group}"
    return _page(report.lang, page_title, "\n".join(out), css_class="report", demo=demo)


# -- the certificate ----------------------------------------------------------------------


def certificate_html(cert: Certificate) -> str:
    w = Words(cert.lang)
    lb = _labels(w)
    att, shows = cert.attendance, set(cert.profile.shows)
    out = []
    demo = ""
    if att.demo:
        demo = w(N_("DEMO"))
        out.append(
            f'<div class="demo">{lb.demo_this_certificate_proves_nothing}'
            f"<small>{_e(w(DEMO_NOTE))}</small></div>"
        )
    if cert.profile.example:
        example = _e(w(N_("An example profile, not a professional body's rules.")))
        out.append(f'<div class="note"><strong>{example}</strong></div>')
    out.append(f"<h1>{lb.certificate_of_attendance}</h1>")
    out.append(
        f'<p class="subtitle">{lb.intervision_meeting} · {_e(cert.profile.name.get(cert.lang))}</p>'
    )
    out.append(_facts(certificate_rows(w, cert)))
    if Shows.DESCRIPTION in shows:
        out.append(f"<h2>{lb.description}</h2><p>{_e(cert.description)}</p>")
    if Shows.CONFIRMATION in shows and cert.statement:
        out.append(f'<h2>{lb.confirmation}</h2><div class="statement">{_e(cert.statement)}</div>')
    if cert.outside_profile:  # above the signatures: nobody signs a page that hides it
        items = "".join(f"<li>{_e(line)}</li>" for line in cert.outside_profile)
        out.append(
            f'<div class="note"><strong>{lb.note_outside_the_profile}</strong>'
            f"<ul>{items}</ul></div>"
        )
    if Shows.PARTICIPANTS in shows:
        out.append(f"<h2>{lb.participants}</h2>")
        numbers = Shows.REGISTRATIONS in shows and cert.profile.register is not None
        own = Shows.OWN_MINUTES in shows

        def about(p) -> str:
            parts = []
            if numbers:
                parts.append(p.number or "–")
            if own:
                parts.append(w.minutes(p.minutes))
            return f'<div class="muted small">{_e(" · ".join(parts))}</div>' if parts else ""

        people = cert.certified
        if Shows.SIGNATURES in shows:  # in columns, so ten people still fit on one page
            cells = "".join(
                f'<div class="sig"><div class="line"></div><div>{_e(p.name)}</div>{about(p)}</div>'
                for p in people
            )
            wide = " three" if len(people) > 4 else ""
            out.append(f'<div class="signatures{wide}">{cells}</div>')
        else:
            out.append(
                '<ul class="items">'
                + "".join(f"<li>{_e(p.name)}{about(p)}</li>" for p in people)
                + "</ul>"
            )
        if cert.not_certified:
            items = "".join(
                f"<li><strong>{_e(p.name)}</strong>: {_e(p.reason)}</li>"
                for p in cert.not_certified
            )
            label = _e(w(N_("Present, but no certificate for this sitting:")))
            out.append(f'<div class="note"><strong>{label}</strong><ul>{items}</ul></div>')
    if Shows.SIGNATURES in shows or Shows.CONFIRMATION in shows:
        out.append(
            '<div class="facilitator-sign">'
            f'<div><div class="muted">{lb.facilitator}</div>'
            f"<div><strong>{_e(att.facilitator.name)}</strong></div></div>"
            f'<div><div class="line"></div><div class="muted">{lb.signature}</div></div>'
            f'<div><div class="line"></div><div class="muted">{lb.date}</div></div>'
            "</div>"
        )
    footer = w(N_("Meeting {id}")).format(id=att.meeting_id)
    out.append(f"<footer>{_e(footer)}</footer>")
    title = w(N_("Certificate of attendance")) + " – " + att.group
    return _page(cert.lang, title, "\n".join(out), css_class="certificate", demo=demo)


DEMO_NOTE = N_(
    "Made from a demonstration meeting with example data. It is not proof of attendance."
)
