"""The `pdf` exporter: a real PDF, A4, drawn with fpdf2 (`pip install 'intervisie[pdf]'`).

Why fpdf2: it is pure Python and kept up (regular releases, typed, tested), needs no browser,
no system library and no download at run time, unlike HTML-to-PDF printers (WeasyPrint needs
Pango, a headless browser needs a browser). The certificate is laid out for one A4 page with
up to ten participants; the round report flows over as many pages as it needs.

Names such as "Aylin Yıldız" need a Unicode font: the first of DejaVu Sans or Liberation Sans
found in the usual font folders (or the TTF file `INTERVISIE_PDF_FONT` names). Without one,
the PDF uses Helvetica and spells letters it lacks without their accents, and says so in its
footer.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import Any

from intervisie.core.i18n import N_, tr
from intervisie.core.reports.profiles import Shows, register_name
from intervisie.core.reports.report import Certificate, Report
from intervisie.core.reports.wording import Words, certificate_rows

FONT_FOLDERS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/Library/Fonts",
    "C:/Windows/Fonts",
)
FONT_FILES = (
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
)


class PdfMissing(RuntimeError):
    """fpdf2 is not installed."""


def _fonts() -> tuple[Path, Path] | None:
    named = os.environ.get("INTERVISIE_PDF_FONT")
    if named and Path(named).is_file():
        return Path(named), Path(named)
    for folder in FONT_FOLDERS:
        for regular, bold in FONT_FILES:
            r, b = Path(folder) / regular, Path(folder) / bold
            if r.is_file():
                return r, b if b.is_file() else r
    return None


class _Doc:
    """An A4 page with our fonts and a few drawing helpers."""

    def __init__(self, lang: str):
        try:
            from fpdf import FPDF
        except ImportError:
            raise PdfMissing(
                tr(N_("PDF needs the optional extra: pip install 'intervisie[pdf]'"), lang)
            ) from None
        self.pdf = FPDF(format="A4", unit="mm")
        self.pdf.set_auto_page_break(auto=True, margin=14)
        self.pdf.set_margins(16, 14, 16)
        fonts = _fonts()
        self.unicode = fonts is not None
        if fonts is not None:
            self.pdf.add_font("body", "", str(fonts[0]))
            self.pdf.add_font("body", "B", str(fonts[1]))
            self.family = "body"
        else:
            self.family = "helvetica"
        self.pdf.add_page()
        self.pdf.set_text_color(28, 34, 48)

    def text(self, value: str) -> str:
        if self.unicode:
            return value
        plain = unicodedata.normalize("NFKD", value)
        plain = plain.replace("–", "-").replace("—", "-").replace("“", '"').replace("”", '"')
        return "".join(c for c in plain if ord(c) < 256 and not unicodedata.combining(c))

    def font(self, size: float, bold: bool = False) -> None:
        self.pdf.set_font(self.family, "B" if bold else "", size)

    def para(self, value: str, size: float = 10, bold: bool = False, h: float = 5) -> None:
        self.font(size, bold)
        self.pdf.multi_cell(0, h, self.text(value), new_x="LMARGIN", new_y="NEXT")

    def heading(self, value: str, size: float = 12.5) -> None:
        self.pdf.ln(2.5)
        self.font(size, True)
        self.pdf.set_text_color(36, 88, 138)
        self.pdf.cell(0, 7, self.text(value), new_x="LMARGIN", new_y="NEXT")
        self.pdf.set_text_color(28, 34, 48)
        y = self.pdf.get_y()
        self.pdf.set_draw_color(36, 88, 138)
        self.pdf.line(self.pdf.l_margin, y, self.pdf.w - self.pdf.r_margin, y)
        self.pdf.ln(1.5)

    def facts(self, rows: list[tuple[str, str]]) -> None:
        width = self.pdf.w - self.pdf.l_margin - self.pdf.r_margin
        for label, value in rows:
            self.font(9, True)
            self.pdf.set_text_color(90, 99, 117)
            x, y = self.pdf.get_x(), self.pdf.get_y()
            self.pdf.multi_cell(width * 0.3, 4.6, self.text(label))
            after_label = self.pdf.get_y()
            self.pdf.set_xy(x + width * 0.3, y)
            self.pdf.set_text_color(28, 34, 48)
            self.font(9.5)
            self.pdf.multi_cell(width * 0.7, 4.6, self.text(value))
            self.pdf.set_y(max(after_label, self.pdf.get_y()) + 0.6)
            self.pdf.set_x(self.pdf.l_margin)

    def note(self, title: str, lines: list[str]) -> None:
        self.pdf.ln(1.5)
        self.pdf.set_fill_color(255, 247, 237)
        self.pdf.set_draw_color(154, 52, 18)
        self.font(9.5, True)
        self.pdf.set_text_color(154, 52, 18)
        self.pdf.multi_cell(0, 5, self.text(title), fill=True, new_x="LMARGIN", new_y="NEXT")
        self.pdf.set_text_color(28, 34, 48)
        self.font(9.5)
        for line in lines:
            self.pdf.multi_cell(
                0, 4.8, self.text("•  " + line), fill=True, new_x="LMARGIN", new_y="NEXT"
            )
        self.pdf.ln(1.5)

    def output(self) -> bytes:
        return bytes(self.pdf.output())


def render_pdf(document: Report | Certificate) -> bytes:
    if isinstance(document, Certificate):
        return certificate_pdf(document)
    return report_pdf(document)


def certificate_pdf(cert: Certificate) -> bytes:
    w = Words(cert.lang)
    doc = _Doc(cert.lang)
    pdf = doc.pdf
    att, shows = cert.attendance, set(cert.profile.shows)
    if att.demo:
        pdf.set_text_color(176, 0, 32)
        doc.para(w(N_("DEMO: THIS CERTIFICATE PROVES NOTHING")), 18, True, 8)
        pdf.set_text_color(28, 34, 48)
    if cert.profile.example:
        doc.para(w(N_("An example profile, not a professional body's rules.")), 10, True)
    doc.font(21, True)
    pdf.cell(
        0,
        10,
        doc.text(w(N_("Certificate of attendance"))),
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    doc.font(10.5)
    pdf.set_text_color(90, 99, 117)
    subtitle = w(N_("Intervision meeting")) + " · " + cert.profile.name.get(cert.lang)
    pdf.cell(0, 6, doc.text(subtitle), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(28, 34, 48)
    pdf.ln(2)
    doc.facts(certificate_rows(w, cert))
    if Shows.DESCRIPTION in shows:
        doc.heading(w(N_("Description")))
        doc.para(cert.description, 9.5, h=4.6)
    if Shows.CONFIRMATION in shows and cert.statement:
        doc.heading(w(N_("Confirmation")))
        doc.para(cert.statement, 9.5, h=4.6)
    if cert.outside_profile:  # above the signatures, on the same page
        doc.note(w(N_("Note: outside the profile")), list(cert.outside_profile))
    if Shows.PARTICIPANTS in shows:
        doc.heading(w(N_("Participants")))
        _signatures(doc, w, cert)
        if cert.not_certified:
            doc.note(
                w(N_("Present, but no certificate for this sitting:")),
                [f"{p.name}: {p.reason}" for p in cert.not_certified],
            )
    if Shows.SIGNATURES in shows or Shows.CONFIRMATION in shows:
        pdf.ln(4)
        width = (pdf.w - pdf.l_margin - pdf.r_margin - 8) / 3
        y = pdf.get_y() + 9
        for i, label in enumerate(
            [w(N_("Facilitator")) + ": " + att.facilitator.name, w(N_("Signature")), w(N_("Date"))]
        ):
            x = pdf.l_margin + i * (width + 4)
            if i:
                pdf.line(x, y, x + width, y)
            pdf.set_xy(x, y + 0.8 if i else y - 5)
            doc.font(9, i == 0)
            pdf.cell(width, 4.5, doc.text(label))
        pdf.set_y(y + 6)
    footer = w(N_("Meeting {id}")).format(id=att.meeting_id)
    if not doc.unicode:
        footer += " · " + w(N_("no Unicode font found: some letters are shown without accents"))
    doc.font(8)
    pdf.set_text_color(90, 99, 117)
    pdf.cell(0, 5, doc.text(footer), new_x="LMARGIN", new_y="NEXT")
    return doc.output()


def _signatures(doc: _Doc, w: Words, cert: Certificate) -> None:
    pdf = doc.pdf
    shows = set(cert.profile.shows)
    people = cert.certified
    columns = 3 if len(people) > 6 else 2
    gap = 8
    width = (pdf.w - pdf.l_margin - pdf.r_margin - gap * (columns - 1)) / columns
    numbers = Shows.REGISTRATIONS in shows and cert.profile.register is not None
    own = Shows.OWN_MINUTES in shows
    signs = Shows.SIGNATURES in shows
    row_height = 17 if signs else 9
    top = pdf.get_y()
    for i, p in enumerate(people):
        col, row = i % columns, i // columns
        x = pdf.l_margin + col * (width + gap)
        y = top + row * row_height
        if y + row_height > pdf.h - pdf.b_margin:
            pdf.add_page()
            top, y = pdf.get_y() - row * row_height, pdf.get_y()
        if signs:
            pdf.set_draw_color(28, 34, 48)
            pdf.line(x, y + 8, x + width, y + 8)
        pdf.set_xy(x, y + (8.8 if signs else 0))
        doc.font(9.5, True)
        pdf.cell(width, 4.4, doc.text(p.name))
        about = []
        if numbers:
            assert cert.profile.register is not None
            label = register_name(cert.profile.register, cert.lang)
            about.append(f"{label}: {p.number or '–'}")
        if own:
            about.append(w(N_("present {time}")).format(time=w.minutes(p.minutes)))
        if about:
            pdf.set_xy(x, y + (13 if signs else 4.4))
            doc.font(8)
            pdf.set_text_color(90, 99, 117)
            pdf.cell(width, 3.8, doc.text(" · ".join(about)))
            pdf.set_text_color(28, 34, 48)
    rows = -(-len(people) // columns)
    pdf.set_xy(pdf.l_margin, top + rows * row_height + 1)


def report_pdf(report: Report) -> bytes:
    """The round report as flowing text: headings, then the Markdown lines laid out plainly."""
    from intervisie.core.reports.markdown import report_markdown

    doc = _Doc(report.lang)
    for line in report_markdown(report).splitlines():
        stripped = line.strip()
        if not stripped:
            doc.pdf.ln(1.5)
        elif stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            doc.heading(_plain(stripped.lstrip("#").strip()), {1: 17, 2: 13.5}.get(level, 11))
        elif set(stripped) <= set("|-: "):
            continue
        elif stripped.startswith("|"):
            cells = [_plain(c.strip()) for c in stripped.strip("|").split("|")]
            doc.para("   ".join(cells), 9, h=4.4)
        else:
            doc.para(_plain(stripped), 9.5, h=4.6)
    return doc.output()


def _plain(text: str) -> str:
    """Markdown's emphasis and escapes taken out, for a page that is not Markdown."""
    out = text.replace("**", "").replace("\\", "")
    if out.startswith("*") and out.endswith("*"):
        out = out.strip("*")
    if out.startswith("> "):
        out = out[2:]
    return out


def available() -> bool:
    """Whether fpdf2 is installed (the `pdf` extra)."""
    import importlib.util

    return importlib.util.find_spec("fpdf") is not None


__all__: list[Any] = ["PdfMissing", "available", "render_pdf"]
