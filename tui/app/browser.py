"""The facilitator's app in browser tabs: textual-serve, as it comes.

`python -m intervisie.tui.app.browser --command C --host H --port P` is what `intervisie
serve` starts for the facilitator (the participants have their own web page, `tui/web`).
It runs as a process of its own because textual-serve's `Server.serve()` owns its event
loop and the process's signals.
"""

from __future__ import annotations

import argparse


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="intervisie-server")
    parser.add_argument("--command", required=True)
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--title", default="intervisie")
    parser.add_argument("--public-url", default=None)
    args = parser.parse_args(argv)
    from textual_serve.server import Server

    Server(
        args.command,
        host=args.host,
        port=args.port,
        title=args.title,
        public_url=args.public_url,
    ).serve()


if __name__ == "__main__":
    main()
