"""`intervisie demo METHOD`: a whole sample meeting of a method, for trainers and tests.

`--headless` plays it through the engine on a fake clock (`intervisie.core.trainers.demo`), stores
it as a finished demo meeting (unless `--no-save`) and prints its id. The same method, seed and
language give the same meeting. Without `--headless` the app's demo mode opens.
"""

from __future__ import annotations

import click

from intervisie.tui.cli.commands.common import echo_json, fail, json_option, lang_option


def _app_has_demo() -> bool:
    import inspect

    from intervisie.tui.app.facilitator import IntervisieApp

    return "demo" in inspect.signature(IntervisieApp.__init__).parameters


@click.command()
@click.argument("method_id")
@click.option("--headless", is_flag=True, help="Play the meeting without the app.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same meeting.")
@click.option("--no-save", is_flag=True, help="Do not store the meeting.")
@json_option
@lang_option
@click.pass_context
def demo(
    ctx: click.Context, method_id: str, headless: bool, seed: int, no_save: bool, as_json: bool
) -> None:
    """Play a sample meeting of METHOD_ID with a sample group, cases and contributions."""
    from intervisie.core.i18n import _, current_language
    from intervisie.tui.cli.commands.common import registry

    reg = registry()
    entry = reg.methods.get(method_id)
    if entry is None:
        fail(
            _("no method {id!r} (known: {known})").format(
                id=method_id, known=", ".join(sorted(reg.methods)) or "-"
            )
        )
    if not headless:
        if not _app_has_demo():
            fail(
                _(
                    "The app's demo mode is not there yet; use --headless to play and store "
                    "the demo meeting."
                )
            )
        from intervisie.tui.cli.commands.app import open_app

        open_app(ctx, demo=method_id, seed=seed, save=not no_save)
        return

    from intervisie.core.meeting.engine import replay
    from intervisie.core.store.document import meeting_document
    from intervisie.core.trainers.demo import play_demo

    events = play_demo(entry.method, seed=seed, lang=current_language())
    meeting_id = None
    if not no_save:
        from intervisie.tui.cli.commands.sessions import open_store

        with open_store(readonly=False) as store:
            meeting_id = store.import_meeting(None, events, demo=True)
    if as_json:
        echo_json(meeting_document(meeting_id or "", replay(events)))
    elif meeting_id is not None:
        click.echo(meeting_id)
    else:
        state = replay(events)
        click.echo(
            _(
                "Played a demo meeting of {method}: {cases} cases, {contributions} contributions; "
                "not stored."
            ).format(
                method=method_id, cases=len(state.cases), contributions=len(state.contributions)
            )
        )
