"""The certificate for ten people fits one A4 page, as HTML printed by Chromium and as the
`pdf` exporter's PDF (fpdf2, the `pdf` extra), and the PDF says how to install it when the
extra is missing."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.engine import Engine
from intervisie.core.meeting.model import Group, Member
from intervisie.core.reports.exporters import HTML, PDF
from intervisie.core.reports.profiles import get_profile
from intervisie.core.reports.report import ReportError, build_certificate, render

sys.path.insert(0, str(Path(__file__).parent))
import year_of_meetings as year

CHROMIUM = "/usr/bin/chromium"
NAMES = (
    "Sanne de Vries",
    "Pieter Bakker",
    "Aylin Yıldız",
    "Joost Jansen",
    "Eva Visser",
    "Mark [HR] Smit",
    "Dirk Peters",
    "Femke de Graaf",
    "Gijs Willems",
    "Hanna Bos",
    "Ingrid Mulder",
)


def ten_people(lang: str = "nl"):
    group = Group("g10", "Tien advocaten", tuple(Member(f"m{i}", n) for i, n in enumerate(NAMES)))
    ids = tuple(m.id for m in group.members)
    clock = FakeClock(datetime(2026, 4, 1, 9, tzinfo=UTC))
    eng = Engine(clock)
    eng.execute(
        cmd.OpenMeeting(
            group=group,
            present=ids,
            facilitator="m10",
            confidentiality=ids,
            minutes_available=240,
            rule_profile="nova",
            place="Amsterdam, Zuidas, vergaderzaal 4",
        )
    )
    eng.execute(cmd.RecordDetails(provider="Advocatenkantoor De Brug en Partners"))
    clock.advance(minutes=248)
    eng.execute(
        cmd.RecordDetails(what_came_up="integriteit, druk van declarabele uren, samenwerking")
    )
    eng.execute(cmd.FinishMeeting())
    return build_certificate(eng.state, "t10", get_profile("nova"), lang, people=year.people())


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_pdf_certificate_is_one_a4_page_for_ten_people(lang) -> None:
    pytest.importorskip("fpdf")
    pdf = render(ten_people(lang), PDF)
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
    assert pages(pdf) == 1
    assert b"/MediaBox [0 0 595.28 841.89]" in pdf  # A4


def test_without_the_pdf_extra_the_format_says_how_to_install_it(monkeypatch) -> None:
    import builtins

    real = builtins.__import__

    def no_fpdf(name, *args, **kwargs):
        if name == "fpdf" or name.startswith("fpdf."):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_fpdf)
    with pytest.raises(ReportError, match=r"pip install 'intervisie\[pdf\]'"):
        render(ten_people("en"), PDF)


@pytest.mark.browser
@pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason="Debian's Chromium is missing")
def test_the_html_certificate_prints_on_one_a4_page_for_ten_people(tmp_path) -> None:
    page = tmp_path / "bewijs.html"
    page.write_text(render(ten_people(), HTML), encoding="utf-8")
    printed = tmp_path / "bewijs.pdf"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={printed}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    data = printed.read_bytes()
    assert pages(data) == 1
