"""`intervisie hours` as a person reads it: per profile, per person, what counts and why not.

The sittings that did not count, and why, are printed under the table, so a meeting that
broke the profile is never hidden behind a total that looks fine.
"""

from __future__ import annotations

from intervisie.core.i18n import N_
from intervisie.core.reports.ledger import Ledger, PersonHours, Window
from intervisie.core.reports.profiles import Period, RuleProfile, requirement_text
from intervisie.core.reports.wording import Words


def _counted(w: Words, r: PersonHours) -> str:
    hours = w.minutes(r.minutes) if r.minutes else "0"
    if r.profile.points_per_hour is not None:
        return w(N_("{points} pt ({hours})")).format(points=w.number(r.points), hours=hours)
    return hours


def _missing(w: Words, r: PersonHours) -> str:
    if r.trainee:
        return w(N_("trainee: no requirement"))
    if not r.member:
        return "–"
    parts = []
    if r.missing_minutes:
        parts.append(w.minutes(r.missing_minutes))
    if r.missing_points:
        parts.append(w(N_("{points} pt")).format(points=w.number(r.missing_points)))
    if r.missing_sittings:
        parts.append(w(N_("{n} sitting(s)")).format(n=r.missing_sittings))
    if parts:
        return w(N_("missing {what}")).format(what=" + ".join(parts))
    return w(N_("compliant")) if r.has_requirement else "–"


def _period(w: Words, window: Window) -> str:
    kind = {
        Period.CALENDAR_YEAR: w(N_("calendar year")),
        Period.ROLLING_12_MONTHS: w(N_("12 months")),
        Period.FIXED_YEARS: w(N_("fixed period")),
    }[window.kind]
    return w(N_("{start} – {end} ({kind})")).format(
        start=w.day(window.start), end=w.day(window.end), kind=kind
    )


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(c.ljust(widths[i]) for i, c in enumerate(row)).rstrip() for row in rows]


def _profile_block(w: Words, profile: RuleProfile, rows: list[PersonHours]) -> list[str]:
    lang = w.lang
    lines = [w(N_("Hours ledger: {profile}")).format(profile=profile.name.get(lang))]
    if profile.example:
        lines.append(w(N_("An example profile, not a professional body's rules.")))
    windows = {r.window for r in rows}
    if len(windows) == 1 and rows:
        lines.append(w(N_("Period: {period}")).format(period=_period(w, rows[0].window)))
    lines.append(w(N_("Requirement: {rules}")).format(rules=requirement_text(profile, lang)))
    lines.append("")
    if not rows:
        return [*lines, w(N_("Nobody in this period that the profile applies to."))]
    apart = any(r.facilitator_sittings for r in rows)
    several_groups = len({g for r in rows for g in r.groups}) > 1
    header = [w(N_("Person")), w(N_("Counted")), w(N_("Sittings")), w(N_("Status"))]
    if several_groups:
        header.insert(1, w(N_("Groups")))
    if len(windows) > 1:
        header.insert(1, w(N_("Period")))
    if apart:
        header.append(w(N_("As facilitator (not counted)")))
    table = [header]
    for r in rows:
        row = [r.name, _counted(w, r), str(r.sittings), _missing(w, r)]
        if several_groups:
            row.insert(1, ", ".join(r.groups))
        if len(windows) > 1:
            row.insert(1, f"{r.window.start.isoformat()} – {r.window.end.isoformat()}")
        if apart:
            row.append(
                f"{w.minutes(r.facilitator_minutes)} ({r.facilitator_sittings})"
                if r.facilitator_sittings
                else ""
            )
        table.append(row)
    lines += _table(table)
    skipped, notes = [], []
    for r in rows:
        for s in r.not_counted:
            if not s.kept_apart:
                skipped.append(
                    "  "
                    + w(N_("{name}, {day} ({group}): {reasons}")).format(
                        name=r.name, day=w.day(s.day), group=s.group, reasons=s.note
                    )
                )
        for a in r.activities:
            notes.append(
                "  "
                + w(N_("{name}, {day}: {hours} entered by hand ({what})")).format(
                    name=r.name, day=w.day(a.day), hours=w.minutes(a.minutes), what=a.what or "–"
                )
            )
        if r.exempt_share:
            notes.append(
                "  "
                + w(N_("{name}: {share}% of the period exempted, the requirement reduced")).format(
                    name=r.name, share=round(r.exempt_share * 100)
                )
            )
    if skipped:
        lines += ["", w(N_("Did not count:")), *skipped]
    if notes:
        lines += ["", w(N_("Also:")), *notes]
    return lines


def render_hours(ledger: Ledger, lang: str) -> str:
    w = Words(lang)
    lines: list[str] = []
    if not ledger.profiles:
        lines.append(w(N_("No meetings in this period.")))
    for profile in ledger.profiles:
        rows = [r for r in ledger.rows if r.profile.id == profile.id]
        if lines:
            lines.append("")
        lines += _profile_block(w, profile, rows)
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
