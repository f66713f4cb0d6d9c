"""Round reports and attendance certificates, on meetings run through the engine.

Every case title, description and contribution text in these meetings is unique, so the
tests can say: the report holds each of them, and no certificate (Markdown or HTML, any
profile, any language) holds a single one.
"""

from __future__ import annotations

import html
import itertools
from datetime import UTC, datetime

import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.engine import Engine
from intervisie.core.meeting.model import Case, Group, Member, SessionState
from intervisie.core.method.model import ContributionKind, MeetingStep, Method, PhaseKind
from intervisie.core.plugins.loading import load_registry
from intervisie.core.reports.exporters import HTML, MARKDOWN, Document, exporters, get_exporter
from intervisie.core.reports.profiles import get_profile, rule_profiles
from intervisie.core.reports.report import ReportError, build_certificate, build_report, render
from intervisie.core.terminal_text import markdown_text

K = ContributionKind
START = datetime(2026, 3, 5, 13, 0, tzinfo=UTC)
MEMBERS = (
    Member("anna", "Anna Jansen"),
    Member("bram", "Bram de Wit"),
    Member("carla", "Carla Smit"),
    Member("daan", "Daan Visser"),
    Member("eva", "Eva Bakker"),
    Member("fenna", "Fenna Mulder"),
)
GROUP = Group("g-oost", "Intervisiegroep Oost", MEMBERS)


class Secrets:
    """Unique case texts, remembered, so tests can look for every one of them."""

    def __init__(self) -> None:
        self.counter = itertools.count(1)
        self.all: list[str] = []

    def __call__(self, what: str) -> str:
        text = f"Geheim{next(self.counter):03d} {what} <b>&amp;"
        self.all.append(text)
        return text


@pytest.fixture(scope="module")
def registry():
    return load_registry(house=False)


def _participants(state: SessionState, owner: str | None) -> list[str]:
    return [p for p in state.participants if p != owner]


def _drive_phase(eng: Engine, secret: Secrets, clock: FakeClock) -> None:
    """Capture what the current phase's kind takes, from several people."""
    state = eng.state
    rnd = state.round
    assert rnd is not None
    phase = rnd.phase.phase
    owner = rnd.owner
    others = _participants(state, owner)
    kind = phase.kind
    if kind is PhaseKind.INTAKE:
        eng.execute(
            cmd.AddCase(
                owner=others[0],
                title=secret("incident title"),
                description=secret("incident description"),
            )
        )
        eng.execute(cmd.AddCase(owner=others[1], title=secret("incident title")))
    elif kind is PhaseKind.CHOICE:
        mine = [c for c in eng.state.cases if c.id not in eng.state.discussed_case_ids()]
        for voter in others[:3]:
            eng.execute(cmd.Vote(voter=voter, case_id=mine[-2].id))
    elif kind is PhaseKind.PRESENTATION:
        eng.execute(
            cmd.AddContribution(
                author=owner or "facilitator", kind=K.NOTE, text=secret("presentation note")
            )
        )
        eng.execute(
            cmd.AddContribution(
                author=owner or "facilitator",
                kind=K.TAKEAWAY,
                text=secret("presentation take-away"),
            )
        )
    elif kind is PhaseKind.QUESTIONS:
        for who in others[:2]:
            eng.execute(cmd.AddContribution(author=who, kind=K.QUESTION, text=secret("question")))
    elif kind is PhaseKind.WRITING:
        for who in others[:2]:
            eng.execute(
                cmd.AddContribution(author=who, kind=K.WRITING, text=secret("written approach"))
            )
    elif kind in (PhaseKind.ROUND, PhaseKind.DISCUSSION):
        for who in others[:2]:
            eng.execute(
                cmd.AddContribution(author=who, kind=K.REMARK, text=secret(f"remark in {phase.id}"))
            )
        if kind is PhaseKind.DISCUSSION:
            eng.execute(
                cmd.AddContribution(
                    author=owner or "facilitator", kind=K.TAKEAWAY, text=secret("agreement")
                )
            )
    elif kind is PhaseKind.FORCES:
        for who in others[:2]:
            eng.execute(
                cmd.AddContribution(
                    author=who, kind=K.FORCE, text=secret("force"), side=phase.sides[0].id
                )
            )
    elif kind is PhaseKind.RATING:
        forces = [c for c in eng.state.contributions_in(rnd.id) if c.kind is K.FORCE]
        for n, who in enumerate(others[:2]):
            for force in forces:
                ratings = {c.id: 2 + n for c in phase.criteria}
                eng.execute(
                    cmd.AddContribution(
                        author=who, kind=K.RATING, text="", ratings=ratings, target=force.id
                    )
                )
        eng.execute(
            cmd.AddContribution(
                author=others[2],
                kind=K.RATING,
                text=secret("rating remark"),
                ratings={c.id: 5 for c in phase.criteria},
                target=forces[0].id,
            )
        )
    elif kind is PhaseKind.EVALUATION:
        for who in others[:2]:
            ratings = {c.id: 4 for c in phase.criteria}
            eng.execute(
                cmd.AddContribution(
                    author=who, kind=K.EVALUATION, text=secret("evaluation"), ratings=ratings
                )
            )
        eng.execute(
            cmd.AddContribution(
                author=owner or "facilitator", kind=K.TAKEAWAY, text=secret("owner take-away")
            )
        )
    clock.advance(minutes=9)


def _run_round(eng: Engine, method: Method, secret: Secrets, clock: FakeClock) -> None:
    chooses = any(p.kind is PhaseKind.CHOICE for p in method.phases_for())
    if not chooses:
        left = [c for c in eng.state.cases if c.id not in eng.state.discussed_case_ids()]
        for voter in ("bram", "carla"):
            eng.execute(cmd.Vote(voter=voter, case_id=left[0].id))
        eng.execute(cmd.ChooseCase())
    eng.execute(cmd.StartRound(method=method))
    while True:
        _drive_phase(eng, secret, clock)
        rnd = eng.state.round
        assert rnd is not None
        if rnd.current == len(rnd.phases) - 1:
            break
        eng.execute(cmd.NextPhase())
    eng.execute(cmd.FinishRound())


def run_meeting(
    methods: list[Method],
    *,
    start: datetime = START,
    demo: bool = False,
    secret: Secrets | None = None,
    place: str = "Utrecht, kantoor Oudegracht",
    online: bool = False,
) -> tuple[SessionState, Secrets]:
    """A whole meeting: revisit, intake, choice, a round per method, closing, finished."""
    secret = secret or Secrets()
    clock = FakeClock(start)
    eng = Engine(clock)
    revisit = Case("old1", "anna", secret("last meeting's case"), secret("its description"))
    present = tuple(m.id for m in MEMBERS)
    eng.execute(
        cmd.OpenMeeting(
            group=GROUP,
            present=present,
            facilitator="fenna",
            confidentiality=present,
            minutes_available=240,
            place=place,
            online=online,
            rule_profile="nova",
            demo=demo,
            revisit=(revisit,),
        )
    )
    eng.execute(cmd.RevisitNote(case_id="old1", text=secret("how it went"), author="anna"))
    clock.advance(minutes=5)
    eng.execute(
        cmd.AddCase(
            owner="anna", title=secret("case title"), description=secret("case description")
        )
    )
    eng.execute(
        cmd.AddCase(
            owner="bram", title=secret("case title"), description=secret("case description")
        )
    )
    eng.execute(cmd.AddCase(owner="carla", title=secret("case title")))
    clock.advance(minutes=5)
    for method in methods:
        _run_round(eng, method, secret, clock)
        eng.execute(cmd.Pause())
        clock.advance(minutes=15)
        eng.execute(cmd.Resume())
    eng.execute(cmd.StartStep(step=MeetingStep.CLOSING))
    eng.execute(
        cmd.AddContribution(
            author="bram", kind=K.EVALUATION, text=secret("closing remark"), ratings={"overall": 8}
        )
    )
    eng.execute(
        cmd.AddContribution(author="anna", kind=K.TAKEAWAY, text=secret("closing take-away"))
    )
    clock.advance(minutes=5)
    eng.execute(cmd.FinishMeeting())
    return eng.state, secret


@pytest.fixture(scope="module")
def meeting(registry):
    methods = [registry.get(m) for m in ("krachtenveld", "incident", "denkhoeden", "roddel")]
    return run_meeting(methods)


def _all_texts(state: SessionState) -> list[str]:
    """Every case text of the meeting, the previous meeting's cases included."""
    texts = _reported_texts(state)
    texts += [c.description for c in state.revisit if c.description]
    return texts


def _reported_texts(state: SessionState) -> list[str]:
    """What the report must hold: cases, contributions, and the revisited cases' titles."""
    texts = [c.text for c in state.contributions if c.text]
    texts += [c.title for c in (*state.cases, *state.revisit)]
    texts += [c.description for c in state.cases if c.description]
    return texts


# -- the report ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_report_holds_every_contribution_and_case(meeting, lang) -> None:
    state, secret = meeting
    report = build_report(state, "m1", lang)
    assert {i.id for i in report.items()} == {c.id for c in state.contributions}
    assert len(report.items()) == len(state.contributions)
    markdown = render(report, MARKDOWN)
    page = render(report, HTML)
    assert isinstance(markdown, str) and isinstance(page, str)
    for text in _reported_texts(state):
        assert markdown_text(text) in markdown  # as typed, HTML and links escaped
        assert html.escape(text) in page
    assert set(secret.all) == set(_all_texts(state))


def test_the_report_escapes_what_people_typed(meeting) -> None:
    state, _ = meeting
    page = render(build_report(state, "m1", "en"), HTML)
    assert "<b>&amp;" not in page
    assert "&lt;b&gt;&amp;amp;" in page
    markdown = render(build_report(state, "m1", "en"), MARKDOWN)
    assert "<b>" not in markdown and "\\<b\\>\\&amp;" in markdown


def test_one_round_holds_only_that_round(meeting) -> None:
    state, _ = meeting
    report = build_report(state, "m1", "en", round_number=2)
    second = state.rounds[1]
    assert [r.number for r in report.rounds] == [2]
    assert {i.id for i in report.items()} == {
        c.id for c in state.contributions if c.round_id == second.id
    }
    markdown = render(report, MARKDOWN)
    assert "Round 2: Incident method" in markdown
    closing = state.contributions_in(step=MeetingStep.CLOSING)
    assert all(c.text not in markdown for c in closing)


def test_the_closing_evaluation_keeps_its_scale(meeting) -> None:
    state, _ = meeting
    report = build_report(state, "m1", "en")
    closing = next(s for s in report.steps if s.step is MeetingStep.CLOSING)
    score = next(i for i in closing.items if i.kind is K.EVALUATION).ratings[0]
    assert (score.label, score.value, score.max) == ("overall", 8, 10)


def test_no_such_round(meeting) -> None:
    state, _ = meeting
    with pytest.raises(ReportError, match="no round 9"):
        build_report(state, "m1", "en", round_number=9)


def test_phases_as_run_with_minutes_and_method_texts_in_the_language(meeting) -> None:
    state, _ = meeting
    en = render(build_report(state, "m1", "en", round_number=1), MARKDOWN)
    nl = render(build_report(state, "m1", "nl", round_number=1), MARKDOWN)
    assert "| Restraining forces | 10 min | 9 min |" in en
    assert "| Remmende krachten | 10 min | 9 min |" in nl
    assert "The method as run" in en and "De methode zoals uitgevoerd" in nl
    assert "Take-aways and agreements" in en
    assert "Evaluation" in en


def test_forces_show_the_groups_average_rating(meeting) -> None:
    state, _ = meeting
    report = build_report(state, "m1", "en", round_number=1)
    forces = [i for p in report.rounds[0].phases for i in p.items if i.kind is K.FORCE]
    assert forces and all(f.received for f in forces)
    first = forces[0].received[0]
    assert first.label == "Intensity" and first.count == 3
    assert first.value == pytest.approx((2 + 3 + 5) / 3)


def test_a_never_revealed_writing_is_marked(meeting) -> None:
    state, _ = meeting
    markdown = render(build_report(state, "m1", "en", round_number=2), MARKDOWN)
    assert "not revealed during the meeting" in markdown


def test_votes_name_the_case_they_were_for(meeting) -> None:
    state, _ = meeting
    report = build_report(state, "m1", "en")
    votes = [i for i in report.items() if i.kind is K.VOTE]
    titles = {c.title for c in state.cases}
    assert votes and all(v.target in titles for v in votes)
    first = build_report(state, "m1", "en", round_number=1).rounds[0]
    assert first.chosen_by == "vote" and first.tally[0] == (first.case.title, 2.0)  # type: ignore[union-attr]
    assert "Points per case: “" in render(build_report(state, "m1", "en", 1), MARKDOWN)


# -- the certificate ----------------------------------------------------------------------


@pytest.mark.parametrize("profile_id", ["default", "nova", "mfn", "skj", "vfas"])
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_certificate_holds_any_case_content(meeting, profile_id, lang) -> None:
    state, _ = meeting
    cert = build_certificate(state, "m1", get_profile(profile_id), lang)
    for exporter in (MARKDOWN, HTML):
        out = render(cert, exporter)
        assert isinstance(out, str)
        for text in _all_texts(state):
            assert text not in out
            assert html.escape(text) not in out
            assert "Geheim" not in out


def test_the_certificate_says_who_when_where_and_how(meeting) -> None:
    state, _ = meeting
    cert = build_certificate(state, "m1", get_profile("nova"), "en")
    out = render(cert, MARKDOWN)
    assert "Certificate of attendance" in out
    assert "Utrecht, kantoor Oudegracht" in out
    assert "Fenna Mulder" in out  # the facilitator
    for member in MEMBERS[:5]:
        assert f"| {member.name} | – |" in out and "| ______________________ |" in out
    assert "Force field analysis" in out and "Incident method" in out
    assert "Dutch bar (NOvA)" in out
    assert "at least 8 hours per calendar year" in out
    assert "confirms that the participants named below attended" in out
    assert "breaks of 1 h not counted" in out
    assert "PROVES NOTHING" not in out
    nl = render(build_certificate(state, "m1", get_profile("nova"), "nl"), MARKDOWN)
    assert "Bewijs van deelname" in nl and "verklaart" in nl


def test_a_personal_certificate_names_only_that_participant(meeting) -> None:
    state, _ = meeting
    cert = build_certificate(state, "m1", get_profile("nova"), "en", member="Bram de Wit")
    for exporter in (MARKDOWN, HTML):
        out = render(cert, exporter)
        assert isinstance(out, str)
        assert "Bram de Wit" in out
        assert all(m.name not in out for m in MEMBERS if m.id not in ("bram", "fenna"))
        assert "of 5 participants" in out
    assert build_certificate(state, "m1", get_profile("nova"), "en", member="carla").only
    with pytest.raises(ReportError, match="Fenna Mulder did not take part"):
        build_certificate(state, "m1", get_profile("nova"), "en", member="Fenna Mulder")


def test_the_certificate_notes_where_the_meeting_falls_outside_the_profile(meeting) -> None:
    state, _ = meeting
    cert = build_certificate(state, "m1", get_profile("vfas"), "en")
    assert cert.outside_profile[0] == (
        "vFAS – family lawyers and divorce mediators asks for at least 6 participants; 5 take part."
    )
    out = render(cert, MARKDOWN)
    assert "outside the profile" in out and "5 take part" in out
    assert build_certificate(state, "m1", get_profile("default"), "en").outside_profile == ()


def test_a_demo_certificate_says_it_proves_nothing(registry) -> None:
    state, _ = run_meeting([registry.get("roddel")], demo=True)
    cert = build_certificate(state, "demo1", get_profile("default"), "en")
    assert "THIS CERTIFICATE PROVES NOTHING" in render(cert, MARKDOWN)
    page = render(cert, HTML)
    assert "THIS CERTIFICATE PROVES NOTHING" in page and 'class="demo"' in page
    nl = render(build_certificate(state, "demo1", get_profile("default"), "nl"), HTML)
    assert "BEWIJST NIETS" in nl


def test_an_online_meeting_says_so(registry) -> None:
    state, _ = run_meeting([registry.get("roddel")], online=True, place="")
    out = render(build_certificate(state, "m2", get_profile("nova"), "en"), MARKDOWN)
    assert "| Place | online |" in out


def test_a_meeting_still_running_has_no_certificate(registry) -> None:
    eng = Engine(FakeClock(START))
    present = tuple(m.id for m in MEMBERS)
    eng.execute(
        cmd.OpenMeeting(
            group=GROUP,
            present=present,
            facilitator="fenna",
            confidentiality=present,
            minutes_available=120,
        )
    )
    with pytest.raises(ReportError, match="not finished"):
        build_certificate(eng.state, "m3", get_profile("default"), "en")
    assert build_report(eng.state, "m3", "en").rounds == ()


def test_the_html_page_is_self_contained_and_prints_on_a4(meeting) -> None:
    state, _ = meeting
    for doc in (
        build_report(state, "m1", "en"),
        build_certificate(state, "m1", get_profile("nova"), "en"),
    ):
        page = render(doc, HTML)
        assert isinstance(page, str)
        assert page.startswith("<!DOCTYPE html>")
        assert "size: A4" in page
        assert "<style>" in page
        for external in ("<link", "<script", "src=", "http://", "https://", "@import"):
            assert external not in page


# -- exporters ----------------------------------------------------------------------------


def test_core_exporters_always_load(monkeypatch) -> None:
    monkeypatch.setenv("INTERVISIE_PLUGINS", "nothing")
    reg = load_registry(house=False)
    assert {"md", "html", "pdf"} <= set(exporters(reg))
    assert {"default", "nova", "mfn"} <= set(rule_profiles(reg))


def test_a_plugin_adds_an_exporter_without_touching_core(meeting) -> None:
    from intervisie.core import hookimpl
    from intervisie.core.reports.exporters import Exporter

    class PdfPlugin:
        @hookimpl
        def intervisie_exporters(self):
            return [
                Exporter(
                    name="fakepdf",
                    suffix=".pdf",
                    documents={"certificate"},
                    render=lambda doc: b"%PDF-1.7 " + doc.attendance.group.encode(),
                    binary=True,
                )
            ]

    reg = load_registry(house=False, extra_plugins=[("pdfplugin", PdfPlugin())])
    state, _ = meeting
    pdf = get_exporter("fakepdf", Document.CERTIFICATE, reg)
    out = render(build_certificate(state, "m1", get_profile("default"), "en"), pdf)
    assert out == b"%PDF-1.7 Intervisiegroep Oost"
    with pytest.raises(KeyError, match="available: html, md, pdf"):
        get_exporter("fakepdf", Document.REPORT, reg)
    with pytest.raises(ReportError, match="does not render a report"):
        render(build_report(state, "m1", "en"), pdf)


def test_a_purged_meeting_gives_the_same_certificate(registry) -> None:
    from intervisie.core.meeting.engine import fold
    from intervisie.core.meeting.events import redact

    clock = FakeClock(START)
    eng = Engine(clock)
    present = tuple(m.id for m in MEMBERS)
    eng.execute(
        cmd.OpenMeeting(
            group=GROUP,
            present=present,
            facilitator="fenna",
            confidentiality=present,
            minutes_available=180,
            place="Zwolle",
        )
    )
    eng.execute(
        cmd.AddCase(
            owner="anna", title="Geheim: de cliënt die bleef bellen", description="Geheime details"
        )
    )
    eng.execute(cmd.ChooseCase())
    eng.execute(cmd.StartRound(method=registry.get("roddel")))
    eng.execute(cmd.AddContribution(author="anna", kind=K.NOTE, text="Geheime notitie"))
    clock.advance(minutes=150)
    eng.execute(cmd.FinishRound())
    eng.execute(cmd.FinishMeeting())
    purged = fold(redact(e) for e in eng.events)
    for exporter in (MARKDOWN, HTML):
        for profile in ("nova", "default"):
            before = render(
                build_certificate(eng.state, "m9", get_profile(profile), "nl"), exporter
            )
            after = render(build_certificate(purged, "m9", get_profile(profile), "nl"), exporter)
            assert before == after
    report = render(build_report(purged, "m9", "en"), MARKDOWN)
    assert "Geheim" not in report and markdown_text("[purged]") in report


def test_typed_text_cannot_restructure_the_markdown() -> None:
    from intervisie.core.reports.markdown import _inline

    assert _inline("# not a heading\n1. not a list\n- nor this\n> nor a quote") == (
        "\\# not a heading\n  1\\. not a list\n  \\- nor this\n  \\> nor a quote"
    )
    assert _inline("12 people came; -5 degrees; #hashtag") == (
        "12 people came; -5 degrees; #hashtag"
    )


def test_the_html_pages_are_well_formed(meeting) -> None:
    from html.parser import HTMLParser

    void = {"meta", "br", "hr", "img", "input", "link"}

    class Checker(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []
            self.problems: list[str] = []

        def handle_starttag(self, tag, attrs) -> None:
            if tag not in void:
                self.stack.append(tag)

        def handle_endtag(self, tag) -> None:
            if not self.stack or self.stack[-1] != tag:
                self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
            else:
                self.stack.pop()

    state, _ = meeting
    for doc in (
        build_report(state, "m1", "nl"),
        build_certificate(state, "m1", get_profile("nova"), "nl"),
        build_certificate(state, "m1", get_profile("mfn"), "en", member="anna"),
    ):
        checker = Checker()
        checker.feed(str(render(doc, HTML)))
        assert checker.problems == [] and checker.stack == []
