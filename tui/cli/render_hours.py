"""`intervisie hours` as a table a person reads: per member, hours against the requirement."""

from __future__ import annotations

from intervisie.core.i18n import N_
from intervisie.core.reports.ledger import Ledger, MemberHours
from intervisie.core.reports.profiles import Period, requirement_text
from intervisie.core.reports.wording import Words


def _missing(w: Words, m: MemberHours) -> str:
    parts = []
    if m.missing_minutes:
        parts.append(w.minutes(m.missing_minutes))
    if m.missing_sittings:
        parts.append(w(N_("{n} sitting(s)")).format(n=m.missing_sittings))
    if parts:
        return " + ".join(parts)
    return w(N_("met")) if m.missing_minutes is not None or m.missing_sittings is not None else "–"


def render_hours(ledger: Ledger, lang: str) -> str:
    w = Words(lang)
    profile = ledger.profile
    kind = (
        w(N_("calendar year")) if ledger.window.kind is Period.CALENDAR_YEAR else w(N_("12 months"))
    )
    lines = [
        w(N_("Hours ledger: {profile}")).format(profile=profile.name.get(lang)),
        w(N_("Period: {start} – {end} ({kind})")).format(
            start=w.day(ledger.window.start), end=w.day(ledger.window.end), kind=kind
        ),
        w(N_("Requirement: {rules}")).format(rules=requirement_text(profile, lang)),
        "",
    ]
    if not ledger.members:
        lines.append(w(N_("No meetings in this period.")))
    else:
        apart = any(m.facilitator_sittings for m in ledger.members)
        groups = len(ledger.groups) > 1
        header = [w(N_("Member")), w(N_("Hours")), w(N_("Sittings")), w(N_("Missing"))]
        if groups:
            header.insert(1, w(N_("Group")))
        if apart:
            header.append(w(N_("As facilitator (not counted)")))
        rows = [header]
        for m in ledger.members:
            hours = w.minutes(m.minutes) if m.minutes else "0"
            row = [m.name, hours, str(m.sittings), _missing(w, m)]
            if groups:
                row.insert(1, m.group)
            if apart:
                row.append(
                    f"{w.minutes(m.facilitator_minutes)} ({m.facilitator_sittings})"
                    if m.facilitator_sittings
                    else ""
                )
            rows.append(row)
        widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
        for row in rows:
            lines.append("  ".join(c.ljust(widths[i]) for i, c in enumerate(row)).rstrip())
    lines.append("")
    summary = w(N_("Meetings counted: {n}.")).format(n=ledger.meetings)
    if ledger.demo_left_out:
        summary += " " + w(N_("Demo meetings left out: {n}.")).format(n=ledger.demo_left_out)
    if ledger.unfinished_left_out:
        summary += " " + w(N_("Meetings not finished, left out: {n}.")).format(
            n=ledger.unfinished_left_out
        )
    lines.append(summary)
    return "\n".join(lines)
