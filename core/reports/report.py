"""What a meeting leaves behind: the round report for the case owner, and the certificate.

Both are built from the engine's replayed state into plain data with every text already in
the chosen language (method texts through `Text.get`, names resolved), so each exporter
(`md`, `html`, a plugin's `pdf`) only lays them out and none of them repeats the lookups.

- `build_report(state, meeting_id, lang, round_number=None)`: the case, the method and its
  phases as run (planned and actual minutes), every contribution grouped by phase, the
  take-aways and agreements, and the evaluation; with the meeting's own steps when the
  report covers the whole meeting. Every contribution of what it covers appears exactly once.
- `build_certificate(state, meeting_id, profile, lang)`: built from `Attendance` only, so it
  cannot hold case content; its description is generated from counts and method names.

Rendering is `intervisie.core.reports.exporters`' business; `render(document, exporter)` is the one
call the command line and the TUI's summary screen need.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from attrs import frozen

from intervisie.core.i18n import N_, tr
from intervisie.core.meeting.deciding import CLOSING_RATING_RANGE
from intervisie.core.meeting.model import (
    FACILITATOR,
    Contribution,
    Round,
    SessionState,
)
from intervisie.core.method.model import ContributionKind, MeetingStep, Phase, PhaseKind
from intervisie.core.reports.attendance import Attendance, Person, attendance_of
from intervisie.core.reports.durations import duration
from intervisie.core.reports.exporters import Document, Exporter
from intervisie.core.reports.people import People
from intervisie.core.reports.profiles import RuleProfile, sitting_checks

CLOSING_TOP = float(CLOSING_RATING_RANGE[1])
"""The top of the closing evaluation's scale (the engine's range for freely named scores)."""

EGT_LABELS: Mapping[str, str] = {
    "emotion": N_("Emotion"),
    "shared": N_("Shared"),
    "time": N_("Time pressure"),
}


class ReportError(ValueError):
    """A report that cannot be made (no such round, a meeting never opened)."""


# -- the report's data --------------------------------------------------------------------


@frozen
class Rating:
    """A score on one criterion; `count` > 1 when it is an average of several ratings."""

    label: str
    value: float
    count: int = 1
    max: float | None = None
    """The top of the scale, when known (a bar can then be drawn to scale)."""


@frozen
class Item:
    """One contribution as the report shows it, names and labels resolved."""

    id: str
    kind: ContributionKind
    author: str
    text: str
    side: str = ""
    lens: str = ""
    target: str = ""
    """What it points at: the case voted for or scored, the force rated, the case revisited."""
    ratings: tuple[Rating, ...] = ()
    received: tuple[Rating, ...] = ()
    """For a force: the group's average rating of it, per criterion."""
    hidden: bool = False
    mark: str = ""
    """A question's mark from the case owner (`cold`, `warm`, `hot`), for the owner's report."""
    """Written in a hidden phase and never revealed during the meeting."""


@frozen
class PhaseSection:
    id: str
    name: str
    kind: PhaseKind
    planned_minutes: float
    actual_minutes: float
    visited: bool
    skipped: bool
    lens: str = ""
    lens_colour: str = ""
    items: tuple[Item, ...] = ()
    """Its contributions, less the take-aways and evaluations (the round lists those apart)."""
    count: int = 0
    """Every contribution made in the phase, take-aways and evaluations included."""


@frozen
class CaseInfo:
    id: str
    title: str
    description: str
    owner: str


@frozen
class RoundSection:
    number: int
    id: str
    method_id: str
    method_name: str
    method_version: str
    case: CaseInfo | None
    chosen_by: str
    started: datetime | None
    finished: datetime | None
    planned_minutes: float
    actual_minutes: float
    phases: tuple[PhaseSection, ...]
    takeaways: tuple[Item, ...]
    evaluation: tuple[Item, ...]
    tally: tuple[tuple[str, float], ...] = ()
    """The choice's points per case (title, points), most first; empty when not counted."""

    def items(self) -> tuple[Item, ...]:
        """Every contribution of the round, once."""
        return (
            *(i for p in self.phases for i in p.items),
            *self.takeaways,
            *self.evaluation,
        )


@frozen
class StepSection:
    """The contributions of one of the meeting's own steps (revisit, intake, choice, closing)."""

    step: MeetingStep
    items: tuple[Item, ...]


@frozen
class Report:
    """The round report: one round (`only_round`) or the whole meeting."""

    meeting_id: str
    lang: str
    group: str
    started: datetime
    ended: datetime | None
    minutes: float
    place: str
    online: bool
    demo: bool
    facilitator: str
    participants: tuple[str, ...]
    cases: tuple[CaseInfo, ...]
    steps: tuple[StepSection, ...]
    rounds: tuple[RoundSection, ...]
    only_round: int | None = None

    document = Document.REPORT

    @property
    def case_owners(self) -> tuple[str, ...]:
        """Whose cases the report holds, in order: a whole-meeting report says so on top."""
        owners = [c.owner for c in self.cases]
        owners += [r.case.owner for r in self.rounds if r.case is not None]
        return tuple(dict.fromkeys(owners))

    def items(self) -> tuple[Item, ...]:
        return (
            *(i for s in self.steps for i in s.items),
            *(i for r in self.rounds for i in r.items()),
        )


@frozen
class CertifiedPerson:
    """One participant as the certificate names them: own time, what counts, their number."""

    id: str
    name: str
    minutes: float
    """Their own minutes present."""
    counted_minutes: float
    """What counts for them under the profile (0 when nothing does)."""
    number: str | None = None
    """Their number in the profile's register, when the profile shows it and it is known."""
    reason: str = ""
    """Why they get no certificate for this sitting (present too short); empty otherwise."""

    @property
    def certified(self) -> bool:
        return not self.reason


@frozen
class Certificate:
    """The attendance certificate (bewijs van deelname). Holds no case content by design."""

    attendance: Attendance
    profile: RuleProfile
    lang: str
    methods: tuple[str, ...]
    description: str
    statement: str
    outside_profile: tuple[str, ...]
    """Where the meeting falls outside the profile (printed on the certificate, honestly)."""
    only: Person | None = None
    """A personal certificate: only this participant is named."""
    named: tuple[CertifiedPerson, ...] = ()
    """Everyone the certificate names, in order; those not certified say why."""
    voids: bool = False
    """The sitting falls outside the profile: it counts for nobody under it."""
    counted_minutes: float = 0.0
    """What the sitting counts for under the profile (each person's own may be less)."""
    facilitator_number: str | None = None

    document = Document.CERTIFICATE

    @property
    def people(self) -> tuple[Person, ...]:
        """The participants certified (one, for a personal certificate)."""
        return tuple(Person(p.id, p.name) for p in self.certified)

    @property
    def certified(self) -> tuple[CertifiedPerson, ...]:
        return tuple(p for p in self.named if p.certified)

    @property
    def not_certified(self) -> tuple[CertifiedPerson, ...]:
        return tuple(p for p in self.named if not p.certified)


# -- building the report ------------------------------------------------------------------


def _name(state: SessionState, member_id: str, lang: str) -> str:
    if member_id == FACILITATOR:
        return tr(N_("Facilitator"), lang)
    return state.group.name_of(member_id) if state.group is not None else member_id


def _criteria(phase: Phase | None, lang: str) -> dict[str, tuple[str, float | None]]:
    """Criterion id to its label and the top of its scale (EGT's when not the phase's own)."""
    found: dict[str, tuple[str, float | None]] = {
        key: (tr(label, lang), 5.0) for key, label in EGT_LABELS.items()
    }
    if phase is not None:
        found.update({c.id: (c.name.get(lang) or c.id, float(c.max)) for c in phase.criteria})
    return found


def _ratings(
    values: Mapping[str, int],
    criteria: Mapping[str, tuple[str, float | None]],
    top: float | None = None,
) -> tuple[Rating, ...]:
    """Each score with its label and scale; `top` is the scale of criteria named freely."""
    return tuple(
        Rating(criteria.get(k, (k, top))[0], float(v), 1, criteria.get(k, (k, top))[1])
        for k, v in values.items()
    )


class _Builder:
    """Turns contributions into `Item`s for one meeting in one language."""

    def __init__(self, state: SessionState, lang: str):
        self.state = state
        self.lang = lang
        self.by_id = {c.id: c for c in state.contributions}

    def target(self, c: Contribution) -> str:
        if c.target is None:
            return ""
        case = self.state.case(c.target) or self.state.revisit_case(c.target)
        if case is not None:
            return case.title
        rated = self.by_id.get(c.target)
        return rated.text if rated is not None else c.target

    def item(self, c: Contribution, phase: Phase | None, rnd: Round | None) -> Item:
        criteria = _criteria(phase, self.lang)
        side = ""
        if c.side is not None and phase is not None:
            side = next((s.name.get(self.lang) for s in phase.sides if s.id == c.side), c.side)
        lens = ""
        if c.lens is not None and phase is not None and phase.lens is not None:
            lens = phase.lens.name.get(self.lang)
        received: tuple[Rating, ...] = ()
        if c.kind is ContributionKind.FORCE and rnd is not None:
            received = self.received(c, rnd)
        return Item(
            id=c.id,
            kind=c.kind,
            author=_name(self.state, c.author, self.lang),
            text=c.text,
            side=side,
            lens=lens,
            target=self.target(c),
            ratings=_ratings(
                c.ratings, criteria, CLOSING_TOP if c.step is MeetingStep.CLOSING else None
            ),
            received=received,
            hidden=c.hidden,
            mark=c.mark or "",
        )

    def received(self, force: Contribution, rnd: Round) -> tuple[Rating, ...]:
        """The average of the ratings the group gave this force, per criterion."""
        rating_phase: Phase | None = None
        for c in self.state.contributions_in(rnd.id):
            if c.kind is ContributionKind.RATING and c.target == force.id:
                rating_phase = _phase_of(rnd, c.phase_id) or rating_phase
        criteria = _criteria(rating_phase, self.lang)
        return tuple(
            Rating(label, average.value, average.count, top)
            for k, average in self.state.average_ratings(force.id).items()
            for label, top in [criteria.get(k, (k, None))]
        )


def _phase_of(rnd: Round, phase_id: str | None) -> Phase | None:
    if phase_id is None:
        return None
    try:
        return rnd.phase_run(phase_id).phase
    except KeyError:
        return None


def _seconds_at(state: SessionState) -> datetime:
    assert state.last_at is not None
    return state.finished or state.last_at


def _round_section(b: _Builder, rnd: Round, number: int) -> RoundSection:
    state, lang = b.state, b.lang
    now = _seconds_at(state)
    contributions = state.contributions_in(rnd.id)
    takeaways = [c for c in contributions if c.kind is ContributionKind.TAKEAWAY]
    evaluation = [c for c in contributions if c.kind is ContributionKind.EVALUATION]
    rest = [
        c
        for c in contributions
        if c.kind not in (ContributionKind.TAKEAWAY, ContributionKind.EVALUATION)
    ]
    phases = []
    known = set()
    for run in rnd.phases:
        known.add(run.id)
        phase = run.phase
        items = tuple(b.item(c, phase, rnd) for c in rest if c.phase_id == run.id)
        phases.append(
            PhaseSection(
                id=run.id,
                name=phase.name.get(lang) or run.id,
                kind=phase.kind,
                planned_minutes=run.planned_minutes + run.extension_minutes,
                actual_minutes=run.clock.seconds(now) / 60,
                visited=run.visited,
                skipped=run.skipped,
                lens=phase.lens.name.get(lang) if phase.lens is not None else "",
                lens_colour=phase.lens.colour if phase.lens is not None else "",
                items=items,
                count=sum(1 for c in contributions if c.phase_id == run.id)
                + sum(1 for where in state.named_in.values() if where == (rnd.id, run.id)),
            )
        )
    stray = tuple(b.item(c, None, rnd) for c in rest if c.phase_id not in known)
    if stray:  # a phase no longer in the method document: keep the contributions anyway
        phases.append(
            PhaseSection(
                "",
                tr(N_("Other contributions"), lang),
                PhaseKind.DISCUSSION,
                0,
                0,
                False,
                False,
                items=stray,
            )
        )
    case = state.case(rnd.case_id) if rnd.case_id is not None else None
    return RoundSection(
        number=number,
        id=rnd.id,
        method_id=rnd.method.id,
        method_name=rnd.method.name.get(lang) or rnd.method.id,
        method_version=rnd.method.version,
        case=None
        if case is None
        else CaseInfo(case.id, case.title, case.description, _name(state, case.owner, lang)),
        chosen_by=rnd.choice.by if rnd.choice is not None else "",
        started=rnd.started,
        finished=rnd.finished,
        planned_minutes=rnd.planned_minutes,
        actual_minutes=rnd.clock.seconds(now) / 60,
        phases=tuple(phases),
        takeaways=tuple(b.item(c, _phase_of(rnd, c.phase_id), rnd) for c in takeaways),
        evaluation=tuple(b.item(c, _phase_of(rnd, c.phase_id), rnd) for c in evaluation),
        tally=_tally(state, rnd),
    )


def _tally(state: SessionState, rnd: Round) -> tuple[tuple[str, float], ...]:
    if rnd.choice is None or not rnd.choice.tally:
        return ()
    titles = {c.id: c.title for c in state.cases}
    ranked = sorted(rnd.choice.tally.items(), key=lambda kv: -kv[1])
    return tuple((titles.get(case_id, case_id), float(points)) for case_id, points in ranked)


def build_report(
    state: SessionState,
    meeting_id: str,
    lang: str,
    round_number: int | None = None,
    *,
    demo: bool = False,
) -> Report:
    """The report of every round (and the meeting's own steps), or of round `round_number`.

    Rounds are numbered from 1 in the order they ran. `ReportError` when there is no such
    round or the meeting was never opened.
    """
    att = _attendance(state, meeting_id, lang, demo)
    b = _Builder(state, lang)
    if round_number is not None and not 1 <= round_number <= len(state.rounds):
        raise ReportError(
            tr(N_("The meeting has no round {n} (it has {count})."), lang).format(
                n=round_number, count=len(state.rounds)
            )
        )
    numbered = list(enumerate(state.rounds, start=1))
    if round_number is not None:
        numbered = [numbered[round_number - 1]]
    rounds = tuple(_round_section(b, rnd, n) for n, rnd in numbered)
    steps: tuple[StepSection, ...] = ()
    cases: tuple[CaseInfo, ...] = ()
    if round_number is None:
        steps = tuple(
            StepSection(
                step, tuple(b.item(c, None, None) for c in state.contributions_in(step=step))
            )
            for step in MeetingStep
            if state.contributions_in(step=step)
        )
        cases = tuple(
            CaseInfo(c.id, c.title, c.description, _name(state, c.owner, lang)) for c in state.cases
        )
    return Report(
        meeting_id=meeting_id,
        lang=lang,
        group=att.group,
        started=att.started,
        ended=att.ended,
        minutes=att.minutes,
        place=att.place,
        online=att.online,
        demo=att.demo,
        facilitator=att.facilitator.name,
        participants=tuple(p.name for p in att.participants),
        cases=cases,
        steps=steps,
        rounds=rounds,
        only_round=round_number,
    )


def _attendance(state: SessionState, meeting_id: str, lang: str, demo: bool) -> Attendance:
    from intervisie.core.reports.attendance import NotOpened

    try:
        return attendance_of(state, meeting_id, demo=demo)
    except NotOpened:
        raise ReportError(
            tr(N_("The meeting {id} was never opened: there is nothing to report."), lang).format(
                id=meeting_id
            )
        ) from None


# -- building the certificate -------------------------------------------------------------


def describe_meeting(att: Attendance, methods: tuple[str, ...], lang: str) -> str:
    """A short description that says what kind of meeting it was and nothing of its cases."""
    if methods:
        method_text = tr(N_("with the method(s) {methods}"), lang).format(
            methods=", ".join(methods)
        )
    else:
        method_text = tr(N_("without a structured method round"), lang)
    return " ".join(
        [
            tr(
                N_(
                    "An intervision meeting (structured peer consultation) of {n} participants "
                    "led by a facilitator, {methods}, in {rounds} case round(s)."
                ),
                lang,
            ).format(n=len(att.participants), methods=method_text, rounds=att.rounds),
            tr(
                N_(
                    "Members brought in questions from their own practice; confidentiality was "
                    "agreed, so nothing of the cases is recorded here."
                ),
                lang,
            ),
        ]
    )


def build_certificate(
    state: SessionState,
    meeting_id: str,
    profile: RuleProfile,
    lang: str,
    *,
    demo: bool = False,
    member: str | None = None,
    people: People | None = None,
) -> Certificate:
    """The certificate for `profile`; `ReportError` when the meeting is not finished yet.

    `demo`: the store flags the meeting as a demo; its certificate then says it proves nothing.
    `member` (an id or a name): a personal certificate naming only that participant, for
    their own file, without the names of the others; `ReportError` when they were present
    for less than the profile's minimum sitting (they get no certificate for it).
    `people`: the store's people, for registration numbers and conditions on registers.
    """
    att = _attendance(state, meeting_id, lang, demo)
    if not att.finished:
        raise ReportError(
            tr(
                N_("The meeting {id} is not finished yet: finish it before making a certificate."),
                lang,
            ).format(id=meeting_id)
        )
    people = people or People()
    methods = tuple(m.get(lang) for m in att.methods)
    statement = profile.statement.get(lang).replace("{facilitator}", att.facilitator.name)
    registered, trainees = people.counts(
        att.group_id, [(p.id, p.name) for p in att.participants], profile
    )
    checks = sitting_checks(
        profile,
        participants=len(att.participants),
        minutes=att.minutes,
        online=att.online,
        registered=registered if people.persons else None,
        trainees=trainees,
        lang=lang,
    )
    voids = any(c.voids for c in checks)
    named = tuple(_certified(att, p, profile, people, voids, lang) for p in att.participants)
    only = None
    if member is not None:
        only = _participant(att, member, lang)
        named = tuple(p for p in named if p.id == only.id)
        if named and not named[0].certified:
            raise ReportError(
                tr(N_("No certificate for {name}: {reason}."), lang).format(
                    name=only.name, reason=named[0].reason
                )
            )
    facilitator = people.person_of(att.group_id, att.facilitator.id, att.facilitator.name)
    return Certificate(
        attendance=att,
        profile=profile,
        lang=lang,
        methods=methods,
        description=describe_meeting(att, methods, lang),
        statement=statement,
        outside_profile=tuple(c.text for c in checks),
        only=only,
        named=named,
        voids=voids,
        counted_minutes=0.0 if voids else profile.counted_minutes(att.minutes),
        facilitator_number=facilitator.number(profile.facilitator_register),
    )


def _certified(
    att: Attendance,
    who: Person,
    profile: RuleProfile,
    people: People,
    voids: bool,
    lang: str,
) -> CertifiedPerson:
    own = att.own_minutes(who.id)
    counted = 0.0 if voids else profile.counted_minutes(own)
    reason = ""
    if profile.counted_minutes(own) == 0 and profile.sitting_min_minutes is not None:
        reason = tr(N_("present for {own}, and {profile} counts at least {least}"), lang).format(
            own=duration(own, lang),
            profile=profile.name.get(lang),
            least=duration(profile.sitting_min_minutes, lang),
        )
    person = people.person_of(att.group_id, who.id, who.name)
    return CertifiedPerson(who.id, who.name, own, counted, person.number(profile.register), reason)


def _participant(att: Attendance, wanted: str, lang: str) -> Person:
    key = wanted.strip().casefold()
    for person in att.participants:
        if key in (person.id.casefold(), person.name.casefold()):
            return person
    raise ReportError(
        tr(N_("{member} did not take part in this meeting (participants: {names})."), lang).format(
            member=wanted, names=", ".join(p.name for p in att.participants) or "-"
        )
    )


# -- rendering ----------------------------------------------------------------------------


def render(document: Report | Certificate, exporter: Exporter) -> str | bytes:
    """`document` in `exporter`'s format; `ReportError` when the exporter does not render it."""
    if document.document not in exporter.documents:
        raise ReportError(
            tr(N_("The format {format} does not render a {document}."), document.lang).format(
                format=exporter.name, document=tr(document.document.label, document.lang)
            )
        )
    # An exporter may come from a plugin: its failure is named, never a traceback.
    from intervisie.core.reports.pdf import PdfMissing

    try:
        content = exporter.render(document)
    except PdfMissing as exc:
        raise ReportError(str(exc)) from None
    except Exception as exc:
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise ReportError(
            tr(N_("The format {format} failed to render: {error}"), document.lang).format(
                format=exporter.name, error=detail
            )
        ) from None
    if not isinstance(content, str | bytes):
        raise ReportError(
            tr(N_("The format {format} returned {type}, not text or bytes."), document.lang).format(
                format=exporter.name, type=type(content).__name__
            )
        )
    return content


__all__ = [
    "Certificate",
    "CertifiedPerson",
    "Document",
    "Exporter",
    "Item",
    "PhaseSection",
    "Rating",
    "Report",
    "ReportError",
    "RoundSection",
    "StepSection",
    "build_certificate",
    "build_report",
    "describe_meeting",
    "render",
]
