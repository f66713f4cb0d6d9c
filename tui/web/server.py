"""The participants' web server: one aiohttp process for every page of every meeting.

`python -m intervisie.tui.web --data-dir D --host H --port P [--lang nl|en]`; `intervisie
serve` starts it beside the facilitator's app. Routes:

- `/` the participant's page, `/room` the room view: static HTML, the same for everyone;
  the code comes from the link's fragment (`#code=...`), which browsers never send, or is
  typed, and travels only inside the websocket;
- `/static/...` the page's stylesheet and script (nothing is fetched from elsewhere);
- `/ws` the websocket: `hello` with the code first, then `add`, `edit`, `remove`.

Every response carries a strict Content-Security-Policy (scripts, styles and connections
only from this server, no inline script, no frames), and no access log is written, so no
code or case text reaches a log.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
from html import escape
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiohttp import WSMsgType, web

from intervisie.core.i18n import _, current_language, set_language
from intervisie.core.store.joincodes import CodeRefused, Gate, Locked
from intervisie.tui.web.hub import Hub

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
MAX_MESSAGE = 64 * 1024
"""Bytes in one websocket message: a contribution is at most 2,000 characters."""
STATIC = {
    "page.css": "text/css",
    "page.js": "text/javascript",
}
HUB = web.AppKey("hub", Hub)
DELAY = web.AppKey("delay_factor", float)


@web.middleware
async def security_headers(request: web.Request, handler: Any) -> web.StreamResponse:
    response = await handler(request)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Cache-Control"] = "no-store"
    return response


def _asset(name: str) -> bytes:
    return files("intervisie.tui.web").joinpath("static", name).read_bytes()


def _html(name: str) -> web.Response:
    text = _asset(name).decode()
    for key, value in _page_words().items():
        text = text.replace("{{" + key + "}}", value)
    return web.Response(text=text, content_type="text/html", charset="utf-8")


def _page_words() -> dict[str, str]:
    """The static page's words in the server's language (escaped: they go into HTML)."""
    script = {
        "reconnecting": _("Connection lost; reconnecting…"),
        "offline": _("Not connected right now; wait a moment and send again."),
        "sending": _("Sending…"),
        "sent": _("Sent."),
        "kept": _("Your text is still in the field."),
        "notSent": _("Not sent:"),
        "unconfirmed": _("The connection broke before this was confirmed; check your list."),
        "checking": _("Checking…"),
        "confirmRemove": _("Remove this contribution?"),
        "edit": _("Edit your contribution"),
        "save": _("Save"),
        "cancel": _("Cancel"),
    }
    words = {
        "lang": current_language(),
        "title": _("intervisie · join a meeting"),
        "room_title": _("intervisie · room view"),
        "code_label": _("Your join code"),
        "room_label": _("The room code"),
        "code_hint": _("Type the code the facilitator gave you, or open your link."),
        "room_hint": _("Type the meeting's room code, or open the room link."),
        "join": _("Join"),
        "noscript": _("This page needs JavaScript to follow the meeting live."),
        "words": json.dumps(script, ensure_ascii=False),
    }
    return {k: escape(v, quote=True) for k, v in words.items()}


async def participant_page(request: web.Request) -> web.Response:
    return _html("page.html")


async def room_page(request: web.Request) -> web.Response:
    return _html("room.html")


async def static(request: web.Request) -> web.Response:
    name = request.match_info["name"]
    if name not in STATIC:
        raise web.HTTPNotFound()
    return web.Response(body=_asset(name), content_type=STATIC[name], charset="utf-8")


async def no_icon(request: web.Request) -> web.Response:
    return web.Response(status=204)


def _same_origin(request: web.Request) -> bool:
    """A websocket opened by another site's page (it would carry that site's Origin)."""
    origin = request.headers.get("Origin")
    if not origin:
        return True
    return urlsplit(origin).netloc == request.host


async def socket(request: web.Request) -> web.WebSocketResponse:
    hub = request.app[HUB]
    if not _same_origin(request):
        raise web.HTTPForbidden()
    ws = web.WebSocketResponse(heartbeat=20, max_msg_size=MAX_MESSAGE)
    await ws.prepare(request)
    gate = Gate(hub.codes, hub.finished)
    conn = None
    try:
        async for msg in ws:
            if msg.type is not WSMsgType.TEXT:
                continue
            try:
                message = json.loads(msg.data)
            except ValueError:
                continue
            if not isinstance(message, dict):
                continue
            if conn is None:
                if message.get("t") == "hello":
                    conn = await _admit(hub, ws, gate, message, request.app[DELAY])
                    if conn is None and gate.locked:
                        break
                continue
            if conn.close_reason is not None:
                break
            if message.get("t") in ("add", "edit", "remove", "mark"):
                await conn.send(await hub.act(conn, message))
            if conn.close_reason is not None:
                break
    finally:
        if conn is not None:
            await hub.leave(conn)
    return ws


async def _admit(hub: Hub, ws: web.WebSocketResponse, gate: Gate, message: dict, delay: float):
    code = message.get("code")
    room = message.get("view") == "room"
    if not isinstance(code, str) or not code.strip():
        return None
    try:
        loop = asyncio.get_running_loop()
        admission = await loop.run_in_executor(hub.checks, gate.try_code, code[:64])
    except Locked:
        await ws.send_json({"t": "refused", "locked": True, "message": _locked()})
        return None
    except CodeRefused as refused:
        await asyncio.sleep(gate.delay() * delay)
        locked = gate.locked
        await ws.send_json(
            {"t": "refused", "locked": locked, "message": _locked() if locked else str(refused)}
        )
        return None
    if admission.is_facilitator:
        text = _("That is the facilitator's code: open the facilitator's address with it.")
    elif room and not admission.is_room:
        text = _("That is a participant's code: open the participants' address with it.")
    elif admission.is_room and not room:
        text = _("That is the room code: open the room view (/room) with it.")
    else:
        text = ""
    if text:
        await ws.send_json({"t": "refused", "locked": False, "message": text})
        return None

    async def send(text: str) -> None:
        await ws.send_str(text)

    await ws.send_json({"t": "admitted", "room": admission.is_room})
    return await hub.join(send, admission, ws.close)


def _locked() -> str:
    return _(
        "Too many wrong codes. Close this page, ask the facilitator for your code, "
        "and open your link again."
    )


def make_app(hub: Hub, *, delay_factor: float = 1.0) -> web.Application:
    app = web.Application(middlewares=[security_headers], client_max_size=MAX_MESSAGE)
    app[HUB] = hub
    app[DELAY] = delay_factor
    app.router.add_get("/", participant_page)
    app.router.add_get("/room", room_page)
    app.router.add_get("/static/{name}", static)
    app.router.add_get("/favicon.ico", no_icon)
    app.router.add_get("/ws", socket)

    async def lifecycle(app: web.Application):
        await hub.start()
        task = asyncio.create_task(hub.run())
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await hub.close()

    app.cleanup_ctx.append(lifecycle)
    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="intervisie-web")
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--lang", choices=["nl", "en"], default=None)
    args = parser.parse_args(argv)
    set_language(args.lang)
    app = make_app(Hub(Path(args.data_dir)))
    web.run_app(app, host=args.host, port=args.port, access_log=None, print=None)


if __name__ == "__main__":
    main()
