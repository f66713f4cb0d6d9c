"""`python -m intervisie.tui.participant [--data-dir D] [--lang nl|en]`: one tab's process."""

from __future__ import annotations

import argparse

from intervisie.core.i18n import set_language


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="intervisie-participant")
    parser.add_argument("--data-dir", default=None)
    parser.add_argument("--lang", choices=["nl", "en"], default=None)
    args = parser.parse_args(argv)
    set_language(args.lang)
    from intervisie.tui.participant.app import ParticipantApp

    ParticipantApp(args.data_dir).run()


if __name__ == "__main__":
    main()
