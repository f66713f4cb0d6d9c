"""One textual-serve server, as it comes: `python -m intervisie.tui.participant.server ...`.

`intervisie serve` starts two of these (the facilitator's app and the participants' app).
They run as processes of their own because textual-serve's `Server.serve()` owns its event
loop and the process's signals; two in one process would need its private parts.
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
