"""Summary: what the meeting captured, round by round, with export actions.

The text is core's round report (`core.reports`), rendered as Markdown, so the screen and
the exported file say the same. `e` writes the report beside the store (0600); the command
line makes certificates (`intervisie certificate ID`).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from intervisie.core.i18n import N_, _, current_language
from intervisie.tui.app.screens.base import BaseScreen
from intervisie.tui.app.screens.link import MeetingLink
from intervisie.tui.app.widgets.keybar import KeyBar
from intervisie.tui.app.widgets.plain import Static


class SummaryScreen(BaseScreen):
    CSS_PATH = "summary.tcss"
    BINDINGS = [
        Binding("e", "export", N_("export report")),
        Binding("h", "home", N_("home")),
        Binding("question_mark", "app.help", N_("help")),
        Binding("l", "app.switch_language", N_("language"), show=False),
        Binding("q", "app.request_quit", N_("quit")),
    ]

    def __init__(self, link: MeetingLink) -> None:
        super().__init__()
        self.link = link

    def compose(self) -> ComposeResult:
        yield Static(id="summary-title")
        with VerticalScroll(id="summary-body"):
            yield Markdown(id="summary-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.relabel()
        self.query_one("#summary-body").focus()

    def report_markdown(self) -> str:
        from intervisie.core.reports.exporters import Document, get_exporter
        from intervisie.core.reports.report import build_report, render

        report = build_report(self.link.state, self.link.meeting_id or "-", current_language())
        exporter = get_exporter("md", Document.REPORT)
        body = render(report, exporter)
        return body if isinstance(body, str) else body.decode("utf-8")

    def relabel(self) -> None:
        super().relabel()
        state = self.link.state
        group = state.group.name if state.group is not None else ""
        self.query_one("#summary-title", Static).update(
            " " + _("Summary") + (" · " + group if group else "") + " · " + _("meeting closed")
        )
        try:
            text = self.report_markdown()
        except Exception as exc:  # the report is others' code: never lose the screen over it
            text = _("The report could not be made: {error}").format(error=exc)
        if self.link.meeting_id:
            text += "\n\n---\n\n" + _(
                "Certificate: `intervisie certificate {id}` · report: `intervisie report {id}`"
            ).format(id=self.link.meeting_id)
        self.query_one("#summary-text", Markdown).update(text)

    def action_export(self) -> None:
        from intervisie.core.settings import data_dir, ensure_private_dir, write_private

        folder = ensure_private_dir(data_dir() / "exports")
        path = folder / f"report-{self.link.meeting_id or 'demo'}.md"
        try:
            write_private(path, self.report_markdown())
        except Exception as exc:
            self.notify(_("Could not export: {error}").format(error=exc), severity="error")
            return
        self.notify(_("Saved {path}").format(path=path), timeout=10)

    def action_home(self) -> None:
        self.app.go_home()  # type: ignore[attr-defined]
