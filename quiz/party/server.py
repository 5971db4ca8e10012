"""The party's web server: the phone page and one WebSocket per phone, on the running
asyncio loop (the Textual app's own; no thread, no second process).

Any device on the network can reach the port, so:

* only the files shipped in ``quiz/party/static`` are served, read once at start into
  memory by fixed name; nothing from a request's path reaches the filesystem (the page
  declares its icon, ``/favicon.svg``; ``/favicon.ico`` is answered with no content);
* every page carries a Content-Security-Policy that forbids inline script and any other
  origin, and the WebSocket refuses a page from another origin;
* every message is size-capped and checked (:mod:`quiz.party.protocol`), each connection
  is rate-limited (:mod:`quiz.party.limits`) and cut off if it keeps flooding;
* a phone acts only as the player whose token it holds; a new connection with the same
  token replaces the old one;
* connections are capped, and the server stops when the party ends or the app exits.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources import files

from aiohttp import WSMsgType, web

from quiz.party.host import PartyHost
from quiz.party.limits import TokenBucket
from quiz.party.protocol import (
    MAX_MESSAGE_BYTES,
    AnswerMessage,
    BadMessage,
    Join,
    Ping,
    Rejoin,
    encode,
    parse,
)
from quiz.party.room import KICKED, JoinRefused, PartyPlayer

#: The files a phone may ask for, by URL path, and their types. Nothing else is served.
STATIC = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/style.css": ("style.css", "text/css; charset=utf-8"),
    "/favicon.svg": ("favicon.svg", "image/svg+xml"),
}
#: Asked for by browsers whatever the page declares: answered with no content, not a 404.
NO_CONTENT = ("/favicon.ico",)
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}
#: Messages waiting to go to one phone before it counts as too slow and is dropped.
OUTBOX = 64
TICK_SECONDS = 0.1
_CLOSE = ""  # put in an outbox: close the connection once what is before it was sent


def static_files() -> dict[str, tuple[bytes, str]]:
    """The phone page's files, read from the installed package: path -> (body, type)."""
    folder = files("quiz.party") / "static"
    return {path: ((folder / name).read_bytes(), kind) for path, (name, kind) in STATIC.items()}


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent), else loopback."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        address = str(probe.getsockname()[0])
    except OSError:
        address = "127.0.0.1"
    finally:
        probe.close()
    return address


@dataclass(eq=False)
class Phone:
    """One WebSocket: its player once joined, its outbox and its rate limit."""

    ws: web.WebSocketResponse
    bucket: TokenBucket
    player: PartyPlayer | None = None
    outbox: asyncio.Queue[str] = field(default_factory=lambda: asyncio.Queue(OUTBOX))


class PartyServer:
    """Serves the phone page and the phones' WebSockets for one :class:`PartyHost`.

    Args:
        host: the party.
        address: where to listen (the LAN address by default; "127.0.0.1" for local only).
        port: the port (0: any free one; :attr:`port` says which after :meth:`start`).
        on_change: called after anything a phone did, so a big screen can redraw.
        clock: for rate limits.
    """

    def __init__(
        self,
        host: PartyHost,
        *,
        address: str | None = None,
        port: int = 0,
        on_change: Callable[[], None] = lambda: None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.host = host
        self.address = address or lan_address()
        self.port = port
        self.on_change = on_change
        self._clock = clock
        self._files = static_files()
        self._phones: dict[int, Phone] = {}  # seat -> its connection
        self._connections: set[Phone] = set()
        self._runner: web.AppRunner | None = None
        self._ticker: asyncio.Task[None] | None = None
        self._last_message: dict[str, object] | None = None
        self._last_text = ""
        host.send = self.send
        self.max_connections = host.room.max_players * 2 + 16

    @property
    def url(self) -> str:
        """The join address shown as text and in the QR code (the room code after ``#``)."""
        return f"http://{self.address}:{self.port}/#{self.host.room.code}"

    def app(self) -> web.Application:
        """The aiohttp application (tests drive it with aiohttp's test client)."""
        app = web.Application(client_max_size=4096)
        app.router.add_get("/ws", self._socket)
        for path in self._files:
            app.router.add_get(path, self._file)
        for path in NO_CONTENT:
            app.router.add_get(path, _no_content)
        app.on_response_prepare.append(_secure_headers)
        return app

    async def start(self) -> None:
        """Listen, on the running loop, and start checking the question clock."""
        self._runner = web.AppRunner(self.app(), access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.address, self.port, reuse_address=True)
        await site.start()
        server = site._server  # aiohttp keeps the bound sockets here: the only way to
        sockets = getattr(server, "sockets", None) or ()  # learn a port chosen by the OS
        if sockets:
            self.port = int(sockets[0].getsockname()[1])
        self._ticker = asyncio.get_running_loop().create_task(self._tick())

    async def stop(self) -> None:
        """Close every phone's connection and stop listening."""
        if self._ticker is not None:
            self._ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._ticker
            self._ticker = None
        for phone in list(self._connections):
            await phone.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(TICK_SECONDS)
            if self.host.tick():
                self.on_change()

    # -- sending -------------------------------------------------------------------

    def send(self, seat: int, message: dict[str, object]) -> None:
        """Queue ``message`` for the phone in ``seat`` (dropped if none is connected)."""
        phone = self._phones.get(seat)
        if phone is not None:
            self._queue(phone, message)

    def _queue(self, phone: Phone, message: dict[str, object]) -> None:
        # A broadcast hands every phone the same dict: encode it once, not once a phone.
        if message is not self._last_message:
            self._last_message, self._last_text = message, encode(message)
        try:
            phone.outbox.put_nowait(self._last_text)
        except asyncio.QueueFull:  # a phone that cannot keep up is dropped; it may rejoin
            asyncio.get_running_loop().create_task(phone.ws.close())

    def kick(self, seat: int) -> PartyPlayer | None:
        """The host removes a player: told, then disconnected; their token stops working."""
        player = self.host.kick(seat)
        if player is None:  # no such player, removed already, or the game is over
            return None
        phone = self._phones.pop(seat, None)
        if phone is not None:
            phone.player = None
            with contextlib.suppress(asyncio.QueueFull):
                phone.outbox.put_nowait(_CLOSE)
        self.on_change()
        return player

    async def _writer(self, phone: Phone) -> None:
        while not phone.ws.closed:
            text = await phone.outbox.get()
            if text == _CLOSE:
                await phone.ws.close()
                return
            try:
                await phone.ws.send_str(text)
            except (ConnectionError, RuntimeError):
                return

    # -- requests ------------------------------------------------------------------

    async def _file(self, request: web.Request) -> web.Response:
        body, kind = self._files[request.path]
        return web.Response(body=body, headers={"Content-Type": kind})

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        if not _same_origin(request):
            raise web.HTTPForbidden(text="a party page from another site cannot join")
        if len(self._connections) >= self.max_connections:
            raise web.HTTPServiceUnavailable(text="too many connections")
        ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE_BYTES, heartbeat=20.0)
        await ws.prepare(request)
        bucket = TokenBucket() if self._clock is None else TokenBucket(clock=self._clock)
        phone = Phone(ws, bucket)
        self._connections.add(phone)
        writer = asyncio.get_running_loop().create_task(self._writer(phone))
        try:
            await self._read(phone)
        finally:
            self._connections.discard(phone)
            writer.cancel()
            self._gone(phone)
        return ws

    async def _read(self, phone: Phone) -> None:
        async for msg in phone.ws:
            if msg.type is not WSMsgType.TEXT:
                if msg.type is WSMsgType.BINARY:
                    self._queue(phone, {"type": "error", "reason": "text messages only"})
                continue
            if not phone.bucket.allow():
                if phone.bucket.exhausted:
                    await phone.ws.close(message=b"too many messages")
                    return
                continue
            try:
                message = parse(msg.data)
            except BadMessage as error:
                self._queue(phone, {"type": "error", "reason": str(error)})
                continue
            self._handle(phone, message)

    def _handle(self, phone: Phone, message: object) -> None:
        if isinstance(message, Ping):
            self._queue(phone, {"type": "pong"})
        elif isinstance(message, Join | Rejoin):
            self._sign_in(phone, message)
        elif isinstance(message, AnswerMessage):
            if phone.player is None or self.host.room.by_token(phone.player.token) is None:
                self._queue(phone, {"type": "error", "reason": "join first"})
                return
            reply = self.host.answer(phone.player, message)
            if reply["type"] != "locked":  # "locked" went out already, ahead of a reveal
                self._queue(phone, reply)
            self.on_change()

    def _sign_in(self, phone: Phone, message: Join | Rejoin) -> None:
        if phone.player is not None:
            self._queue(phone, {"type": "error", "reason": "already joined"})
            return
        if isinstance(message, Rejoin):
            player = self.host.room.by_token(message.token)
            if player is None and self.host.room.was_kicked(message.token):
                self._queue(phone, {"type": "kicked", "reason": KICKED})  # for good
                with contextlib.suppress(asyncio.QueueFull):
                    phone.outbox.put_nowait(_CLOSE)
                return
            if player is None:
                self._queue(phone, {"type": "error", "reason": "unknown player: join again"})
                return
        else:
            try:
                player = self.host.join(message.code, message.name)
            except JoinRefused as refused:
                self._queue(phone, {"type": "error", "reason": str(refused)})
                return
        old = self._phones.get(player.seat)
        if old is not None and old is not phone:  # the same player from a newer page
            old.player = None
            asyncio.get_running_loop().create_task(old.ws.close())
        phone.player = player
        self._phones[player.seat] = phone
        self.host.connected(player)
        self.on_change()

    def _gone(self, phone: Phone) -> None:
        player = phone.player
        if player is not None and self._phones.get(player.seat) is phone:
            del self._phones[player.seat]
            if not player.kicked:
                self.host.disconnected(player)
            self.on_change()


def _same_origin(request: web.Request) -> bool:
    """Whether a WebSocket comes from the party's own page (or a client sending none)."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True  # not a browser page (tests, the load bench)
    return origin in (f"http://{request.host}", f"https://{request.host}")


async def _no_content(request: web.Request) -> web.Response:
    return web.Response(status=204)


async def _secure_headers(request: web.Request, response: web.StreamResponse) -> None:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
