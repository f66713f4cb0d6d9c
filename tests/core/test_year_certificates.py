"""Certificates of the year's meetings (tests/core/year_of_meetings.py): each person's own
minutes, what counts, the numbers the profile asks for, the facilitator's "what came up",
the online check, and the warnings above the signatures."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from intervisie.core.meeting.engine import fold
from intervisie.core.plugins.loading import load_registry
from intervisie.core.reports.exporters import HTML, MARKDOWN
from intervisie.core.reports.profiles import get_profile
from intervisie.core.reports.report import ReportError, build_certificate, render

sys.path.insert(0, str(Path(__file__).parent))
import year_of_meetings as year


@pytest.fixture(scope="module")
def states():
    method = load_registry(house=False).get("incident")
    return {s.meeting_id: fold(s.events) for s in year.meetings(method)}


def cert(states, meeting_id, profile="nova", **kw):
    return build_certificate(
        states[meeting_id], meeting_id, get_profile(profile), "en", people=year.people(), **kw
    )


def test_each_participant_is_certified_with_their_own_minutes_and_number(states) -> None:
    a1 = cert(states, "a1")
    joost = next(p for p in a1.named if p.name == "Joost Jansen")
    assert (joost.minutes, joost.counted_minutes, joost.number) == (223, 223, "A-1004")
    out = render(a1, MARKDOWN)
    assert "| Joost Jansen | A-1004 | 3 h 43 min | ______________________ |" in out
    assert "| Sanne de Vries | A-1001 | 4 h 8 min | ______________________ |" in out
    # the sitting lasted 4 h 08: it counts 4 h for the bar, in the same rounding
    assert "| Hours that count | 4 h (of 4 h 8 min; the profile counts at most 4 h)" in out
    assert "| Facilitator | Ingrid Mulder (facilitator appointed by the NOvA: GL-17) |" in out
    assert "| Provider | Orde van Advocaten Midden-Nederland |" in out
    assert "| What came up | integriteit, verwachtingenmanagement |" in out
    assert year.SECRET not in out and year.SECRET not in render(a1, HTML)


def test_an_online_sitting_says_how_attendance_was_checked(states) -> None:
    out = render(cert(states, "a2"), MARKDOWN)
    assert "| Place | online |" in out
    assert (
        "| Attendance checked online | camera aan; namen gecontroleerd door Ingrid Mulder |" in out
    )
    assert "| Aylin Yıldız | A-1003 | 2 h |" in out  # she left an hour early


def test_who_was_there_too_short_gets_no_certificate_and_the_facilitator_sees_why(
    states,
) -> None:
    a3 = cert(states, "a3")
    assert [p.name for p in a3.not_certified] == ["Mark [HR] Smit"]
    out = render(a3, MARKDOWN)
    assert "Smit |" not in out  # no signature line for him
    assert (
        "Smit: present for 1 h 30 min, and Dutch bar (NOvA) – structured "
        "feedback (intervision) counts at least 2 h" in out
    )
    with pytest.raises(ReportError, match="No certificate for Mark"):
        cert(states, "a3", member="Mark [HR] Smit")
    own = cert(states, "a3", member="Pieter Bakker")
    assert [p.name for p in own.named] == ["Pieter Bakker"]
    assert "2 h 22 min" in render(own, MARKDOWN)  # his break left out


def test_a_sitting_outside_the_profile_warns_above_the_signatures(states) -> None:
    c2 = cert(states, "c2", "mfn")
    assert c2.voids and c2.outside_profile == (
        "MfN register – mediators asks for at least 5 participants; 4 take part.",
    )
    for exporter in (MARKDOWN, HTML):
        out = render(c2, exporter)
        assert isinstance(out, str)
        warning = out.index("4 take part")
        assert warning < out.index("______") if exporter is MARKDOWN else True
        if exporter is HTML:
            assert warning < out.index('class="signatures')
        assert "none: the sitting falls outside the profile" in out
    c1 = cert(states, "c1", "mfn")
    assert not c1.voids and c1.outside_profile == ()
    assert "| Eva Visser | MfN-2201 | 2 h 30 min |" in render(c1, MARKDOWN)
