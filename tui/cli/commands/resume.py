"""`intervisie resume [ID]`: reopen a meeting that was not finished.

Which meeting is core's `find_resumable` (the app asks the same); `--print` only says which
meeting and where it would resume.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from intervisie.core.store.resumable import find_resumable
from intervisie.tui.cli.commands.common import fail, lang_option

if TYPE_CHECKING:
    from intervisie.core.meeting.model import SessionState


def where(state: SessionState) -> str:
    """Where the meeting stands, in words: the round's method and phase, or the step."""
    from intervisie.core.i18n import _

    rnd = state.round
    if rnd is not None:
        return _("round {n}, method {method}, phase {phase}").format(
            n=len(state.rounds),
            method=rnd.method.name.get(_lang()),
            phase=rnd.phase.phase.name.get(_lang()),
        )
    if state.step is not None:
        return _step_names().get(str(state.step), str(state.step))
    return _("between rounds")


def _step_names() -> dict[str, str]:
    from intervisie.core.i18n import _

    return {
        "revisit": _("the revisit of the previous meeting's cases"),
        "intake": _("the case intake"),
        "choice": _("the choice of a case"),
        "closing": _("the closing of the meeting"),
    }


def _lang() -> str:
    from intervisie.core.i18n import current_language

    return current_language()


@click.command()
@click.argument("meeting_id", required=False)
@click.option(
    "--print",
    "only_print",
    is_flag=True,
    help="Only say which meeting and phase would be resumed; do not open the app.",
)
@lang_option
@click.pass_context
def resume(ctx: click.Context, meeting_id: str | None, only_print: bool) -> None:
    """Reopen an unfinished meeting (the latest, or ID) where it was, paused."""
    from datetime import UTC, datetime

    from intervisie.core.i18n import _
    from intervisie.core.store.lease import may_take
    from intervisie.tui.cli.commands.sessions import open_store

    with open_store(readonly=True) as store:
        found = find_resumable(store, meeting_id) if store is not None else None
        if found is None:
            fail(_("There is no unfinished meeting to resume."))
        if found.info.finished:
            fail(
                _("Meeting {id} is finished; there is nothing to resume.").format(
                    id=found.meeting_id
                )
            )
    if not only_print:
        from intervisie.tui.cli.commands.app import open_app

        open_app(ctx, resume_id=found.meeting_id)
        return
    group = found.info.group_name or "-"
    click.echo(
        _("Would resume meeting {id} ({date}, {group}) at {where}, paused.").format(
            id=found.meeting_id, date=found.info.date or "-", group=group, where=where(found.state)
        )
    )
    holder = found.info.holder
    if holder is not None and not may_take(holder, "", datetime.now(UTC)):
        click.echo(
            _(
                "It is open in another facilitator process (pid {pid} on {host}); "
                "here it would open read-only."
            ).format(pid=holder.pid, host=holder.host)
        )
