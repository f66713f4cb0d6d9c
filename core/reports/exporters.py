"""Exporters: the formats reports and certificates are written in, as plugin data.

An `Exporter` has a format name (`--format NAME`), a file suffix, the documents it renders
(`report`, `certificate` or both) and a `render` callable that turns a built document
(`intervisie.core.reports.report.Report` or `Certificate`, every text already in its language) into
`str` or `bytes`. Core ships `md` (the default), `html` (a self-contained printable page) and
`pdf` (with the optional extra `intervisie[pdf]`) through the `intervisie_exporters` hook,
registered directly so they always load; a plugin adds another format the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from intervisie.core.i18n import N_, current_language, tr
from intervisie.core.method.model import Text
from intervisie.core.plugins.hookspecs import hookimpl

if TYPE_CHECKING:
    from intervisie.core.plugins.loading import Registry

_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
DEFAULT_FORMAT = "md"


class Document(StrEnum):
    """The documents a meeting leaves behind."""

    REPORT = "report"
    CERTIFICATE = "certificate"

    @property
    def label(self) -> str:
        """The document's name, marked for translation (pass it through `tr`)."""
        return {Document.REPORT: N_("report"), Document.CERTIFICATE: N_("certificate")}[self]


def _documents(value: Any) -> frozenset[Document]:
    return frozenset(Document(v) for v in value)


@frozen
class Exporter:
    """One output format. `render(document)` returns text or bytes (`binary`)."""

    name: str
    suffix: str
    documents: frozenset[Document] = field(converter=_documents)
    render: Callable[[Any], str | bytes] = field(eq=False)
    description: Text = field(factory=Text)
    binary: bool = False

    def __attrs_post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise ValueError(f"exporter name {self.name!r}: use lower-case letters and digits")
        if not self.suffix.startswith("."):
            raise ValueError(f"exporter {self.name!r}: the suffix must start with a dot")
        if not self.documents:
            raise ValueError(f"exporter {self.name!r} renders no document")


def _markdown(document: Any) -> str:
    from intervisie.core.reports.markdown import render_markdown

    return render_markdown(document)


def _html(document: Any) -> str:
    from intervisie.core.reports.html import render_html

    return render_html(document)


MARKDOWN = Exporter(
    name="md",
    suffix=".md",
    documents=frozenset(Document),
    render=_markdown,
    description=Text.of(nl="Markdown (tekst)", en="Markdown (text)"),
)

HTML = Exporter(
    name="html",
    suffix=".html",
    documents=frozenset(Document),
    render=_html,
    description=Text.of(
        nl="HTML-pagina, op zichzelf staand en printbaar op A4",
        en="Self-contained HTML page, printable on A4",
    ),
)


def _pdf(document: Any) -> bytes:
    from intervisie.core.reports.pdf import render_pdf

    return render_pdf(document)


PDF = Exporter(
    name="pdf",
    suffix=".pdf",
    documents=frozenset(Document),
    render=_pdf,
    description=Text.of(
        nl="PDF op A4 (optioneel: pip install 'intervisie[pdf]')",
        en="PDF on A4 (optional: pip install 'intervisie[pdf]')",
    ),
    binary=True,
)
"""Listed always; without the `pdf` extra it says how to install it instead of rendering."""

CORE_EXPORTERS: tuple[Exporter, ...] = (MARKDOWN, HTML, PDF)


@hookimpl
def intervisie_exporters() -> list[Exporter]:
    """Core's own formats; registered directly, so they load whatever INTERVISIE_PLUGINS says."""
    return list(CORE_EXPORTERS)


def exporters(registry: Registry | None = None) -> dict[str, Exporter]:
    """Every exporter by name: core's first, then plugins'; a plugin reusing a name is skipped."""
    found = {e.name: e for e in CORE_EXPORTERS}
    if registry is not None:
        for item in registry.collect("intervisie_exporters", lambda e: isinstance(e, Exporter)):
            found.setdefault(item.name, item)
    return found


def get_exporter(
    name: str, document: Document, registry: Registry | None = None, lang: str | None = None
) -> Exporter:
    """The exporter `name` for `document`; `KeyError` with a message naming the choices."""
    lang = lang or current_language()
    available = {n: e for n, e in exporters(registry).items() if document in e.documents}
    if name in available:
        return available[name]
    raise KeyError(
        tr(N_("no format {name!r} for a {document} (available: {known})"), lang).format(
            name=name, document=tr(document.label, lang), known=", ".join(sorted(available))
        )
    )
