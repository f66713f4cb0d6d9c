"""Words and formats the report and certificate renderers share, in a given language.

Kept apart from the renderers so Markdown, HTML and a plugin's PDF say the same things the
same way: labels through gettext (`tr`, for the document's language, whatever the
interface's), dates spelled out with the month's name, durations as hours and minutes.
Times are shown in the machine's local time zone, where the meeting was held.
"""

from __future__ import annotations

from datetime import date, datetime

from intervisie.core.i18n import N_, tr
from intervisie.core.method.model import ContributionKind, MeetingStep
from intervisie.core.reports.durations import duration, number
from intervisie.core.reports.profiles import Shows, register_name, requirement_text
from intervisie.core.reports.report import Certificate

MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)

STEP_LABELS = {
    MeetingStep.REVISIT: N_("How it went since the last meeting"),
    MeetingStep.INTAKE: N_("Intake"),
    MeetingStep.CHOICE: N_("Choosing a case"),
    MeetingStep.CLOSING: N_("Closing"),
}

KIND_LABELS = {
    ContributionKind.QUESTION: N_("question"),
    ContributionKind.WRITING: N_("written"),
    ContributionKind.REMARK: N_("remark"),
    ContributionKind.FORCE: N_("force"),
    ContributionKind.RATING: N_("rating"),
    ContributionKind.VOTE: N_("vote"),
    ContributionKind.SCORE: N_("score"),
    ContributionKind.EVALUATION: N_("evaluation"),
    ContributionKind.NOTE: N_("note"),
    ContributionKind.TAKEAWAY: N_("take-away"),
}

CHOSEN_BY = {
    "vote": N_("chosen by vote"),
    "score": N_("chosen by EGT scores"),
    "facilitator": N_("chosen by the facilitator"),
    "only": N_("the only case"),
}


class Words:
    """Labels and formats in one language: `w("Date")`, `w.date(when)`, `w.minutes(95)`."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, message: str) -> str:
        return tr(message, self.lang)

    def local(self, when: datetime) -> datetime:
        return when.astimezone()

    def day(self, day: date) -> str:
        """`5 March 2026` (Dutch: `5 maart 2026`), without the weekday."""
        month = self(MONTHS[day.month - 1])
        return f"{day.day} {month if self.lang == 'en' else month.lower()} {day.year}"

    def date(self, when: datetime) -> str:
        day = self.local(when)
        weekday = self(WEEKDAYS[day.weekday()])
        month = self(MONTHS[day.month - 1])
        if self.lang == "en":
            return f"{weekday} {day.day} {month} {day.year}"
        return f"{weekday.lower()} {day.day} {month.lower()} {day.year}"

    def time(self, when: datetime) -> str:
        return self.local(when).strftime("%H:%M")

    def span(self, start: datetime, end: datetime | None) -> str:
        """`14:00–17:30`, or `14:00–` while the meeting is open; across midnight with dates."""
        if end is None:
            return f"{self.time(start)}–"
        if self.local(start).date() != self.local(end).date():
            return f"{self.time(start)}–{self.date(end)} {self.time(end)}"
        return f"{self.time(start)}–{self.time(end)}"

    def minutes(self, minutes: float) -> str:
        """`45 min`, `2 h`, `3 h 40 min` (Dutch: `3 u 40 min`), rounded as rules compare."""
        return duration(minutes, self.lang)

    def kind(self, kind: ContributionKind) -> str:
        return self(KIND_LABELS[kind])

    def step(self, step: MeetingStep) -> str:
        return self(STEP_LABELS[step])

    def chosen_by(self, how: str) -> str:
        return self(CHOSEN_BY[how]) if how in CHOSEN_BY else how

    def number(self, value: float) -> str:
        return number(value, self.lang)


def place_text(w: Words, place: str, online: bool) -> str:
    if online:
        return w(N_("online")) + (f" ({' '.join(place.split())})" if place.strip() else "")
    return " ".join(place.split()) if place.strip() else w(N_("not recorded"))


def certificate_rows(w: Words, cert: Certificate) -> list[tuple[str, str]]:
    """The certificate's facts as (label, value) rows, in the order the profile shows them."""
    att, shows, lang = cert.attendance, set(cert.profile.shows), cert.lang
    rows: list[tuple[str, str]] = []
    if Shows.DATE in shows:
        rows.append((w(N_("Date")), w.date(att.started)))
    if Shows.TIMES in shows:
        rows.append((w(N_("Time")), w.span(att.started, att.ended)))
    if Shows.DURATION in shows:
        value = w.minutes(att.minutes)
        if att.break_minutes >= 1:
            value += " " + w(N_("(breaks of {breaks} not counted)")).format(
                breaks=w.minutes(att.break_minutes)
            )
        rows.append((w(N_("Duration")), value))
    if Shows.PLACE in shows:
        rows.append((w(N_("Place")), place_text(w, att.place, att.online)))
        if att.online:
            check = att.attendance_check or w(N_("not recorded how"))
            rows.append((w(N_("Attendance checked online")), check))
    if Shows.PROVIDER in shows:
        rows.append((w(N_("Provider")), att.provider or w(N_("not recorded"))))
    if Shows.METHODS in shows:
        rows.append((w(N_("Method(s)")), ", ".join(cert.methods) or "–"))
    if Shows.GROUP in shows:
        rows.append((w(N_("Group")), att.group))
    if Shows.FACILITATOR in shows:
        facilitator = att.facilitator.name
        register = cert.profile.facilitator_register
        if Shows.FACILITATOR_REGISTRATION in shows and register is not None:
            number = cert.facilitator_number or w(N_("number not recorded"))
            facilitator += f" ({register_name(register, lang)}: {number})"
        rows.append((w(N_("Facilitator")), facilitator))
    if Shows.CONFIDENTIALITY in shows:
        agreed = w(N_("agreed by everyone present")) if att.confidentiality else w(N_("not agreed"))
        late = [c for c in att.presence if c.what == "arrived"]
        if late and att.confidentiality:
            agreed += " " + w(N_("(late arrivals on arrival)"))
        rows.append((w(N_("Confidentiality")), agreed))
    if Shows.WHAT_CAME_UP in shows:
        rows.append((w(N_("What came up")), att.what_came_up or w(N_("not written"))))
    counts_for = cert.profile.name.get(lang)
    if cert.profile.has_requirement or cert.profile.group_min or cert.profile.sitting_min_minutes:
        counts_for += f" ({requirement_text(cert.profile, lang)})"
    rows.append((w(N_("Counts for")), counts_for))
    rows.append((w(N_("Hours that count")), counting_line(w, cert)))
    return rows


def counting_line(w: Words, cert: Certificate) -> str:
    """How much of this sitting counts under the profile, rounded as the durations are."""
    if cert.voids:
        return w(N_("none: the sitting falls outside the profile (see the note)"))
    line = w.minutes(cert.counted_minutes)
    if round(cert.counted_minutes) < round(cert.attendance.minutes):
        line += " " + w(N_("(of {duration}; the profile counts at most {most})")).format(
            duration=w.minutes(cert.attendance.minutes),
            most=w.minutes(cert.profile.sitting_max_minutes or cert.counted_minutes),
        )
    if any(round(p.counted_minutes) != round(cert.counted_minutes) for p in cert.certified):
        line += "; " + w(N_("each participant's own time is stated with their name"))
    return line
