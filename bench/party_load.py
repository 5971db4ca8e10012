"""Party mode under load: N simulated phones over real WebSockets on loopback.

    .venv/bin/python bench/party_load.py --players 100
    .venv/bin/python bench/party_load.py --players 500

A real party server (:class:`quiz.party.server.PartyServer` and its host) runs in a child
process, as it would inside the app; this process plays N phones with aiohttp clients.
Every phone joins, answers each question as soon as it arrives, and stays to the final
place. The server's driver starts once all joined, and moves on from each reveal.

Measured, on the machine's monotonic clock (shared by both processes):

* question broadcast: from just before the server sends a question to when each phone
  has it (the server stamps the question with that moment; the bench only);
* answer ack: from a phone sending its answer to its "locked in";
* errors: refused joins or answers, error messages, dropped connections;
* memory per player: the server process's resident memory after everyone joined,
  less before, over N;
* loop lag: the big screen shares the server's asyncio loop in the app, so a task on
  that loop asks to wake every 10 ms and notes how late it wakes, from the first join
  to the end; its p99 is how long the big screen could wait to redraw.

It ends with one line: ``party load: N players, p99 question broadcast X ms, p99 answer
ack Y ms, errors E`` and is bounded in time (``--timeout``).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import queue
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiohttp import ClientSession, TCPConnector, WSMsgType


def rss_bytes() -> int:
    """This process's resident memory."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def serve(players: int, questions: int, report: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """The server process: a party that starts once ``players`` joined and runs itself."""
    asyncio.run(_serve(players, questions, report))


async def _serve(players: int, questions: int, report: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from quiz.bank import ListBank
    from quiz.game import Phase
    from quiz.party.host import PartyHost
    from quiz.party.room import HARD_MAX_PLAYERS, Room
    from quiz.party.server import PartyServer
    from quiz.session import Dealer
    from tests.doubles import plain_questions

    dealer = Dealer(ListBank(plain_questions(questions)), new_seed=lambda: 1)
    room = Room("LOAD")
    # The product caps a party at HARD_MAX_PLAYERS; the bench goes past it on purpose, to
    # show the headroom behind that cap.
    room.max_players = max(players, HARD_MAX_PLAYERS)
    host = PartyHost(room, dealer, lambda seat, message: None, questions=questions, timer=None)
    stamp = {"t0": 0.0}
    server = PartyServer(host, address="127.0.0.1")
    plain_send = server.send

    def stamped(seat: int, message: dict[str, object]) -> None:
        if message.get("type") == "question":
            message["t0"] = stamp["t0"]  # in place: the server encodes a broadcast once
        plain_send(seat, message)

    host.send = stamped
    lags: list[float] = []

    async def watch_loop() -> None:
        while True:
            asked = time.monotonic()
            await asyncio.sleep(0.01)
            lags.append(time.monotonic() - asked - 0.01)

    watcher = asyncio.get_running_loop().create_task(watch_loop())
    await server.start()
    before = rss_bytes()
    report.put(("port", server.port))
    while len(host.room) < players:
        await asyncio.sleep(0.01)
    joined = rss_bytes()
    stamp["t0"] = time.monotonic()
    host.start()
    while host.stage != "ended":
        await asyncio.sleep(0.005)
        if host.phase in (Phase.REVEAL, Phase.STANDINGS):
            await asyncio.sleep(0.05)
            stamp["t0"] = time.monotonic()
            host.next()
    await asyncio.sleep(0.5)  # the final places go out
    watcher.cancel()
    report.put(("memory", (joined - before) / max(players, 1)))
    report.put(("lag", lags))
    await server.stop()


class Tally:
    """What the phones measured."""

    def __init__(self) -> None:
        self.broadcast: list[float] = []
        self.ack: list[float] = []
        self.errors = 0
        self.finished = 0


async def phone(session: ClientSession, port: int, number: int, tally: Tally) -> None:
    """One phone: join, answer every question at once, stay to the final place."""
    try:
        async with session.ws_connect(f"http://127.0.0.1:{port}/ws") as ws:
            await ws.send_json({"type": "join", "code": "LOAD", "name": f"P{number}"})
            sent = 0.0
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    break
                data = msg.json()
                kind = data.get("type")
                if kind == "question":
                    tally.broadcast.append(time.monotonic() - float(data["t0"]))
                    sent = time.monotonic()
                    await ws.send_json({"type": "answer", "question": data["question"],
                                        "response": number % len(data["options"])})
                elif kind == "locked":
                    tally.ack.append(time.monotonic() - sent)
                elif kind in ("error", "refused"):
                    tally.errors += 1
                elif kind == "final":
                    tally.finished += 1
                    return
    except Exception:  # a dropped or refused connection is what this counts
        tally.errors += 1


def p99(values: list[float]) -> float:
    """The 99th percentile, in milliseconds."""
    if not values:
        return float("nan")
    if len(values) < 2:
        return values[0] * 1000
    return statistics.quantiles(values, n=100, method="inclusive")[98] * 1000


async def swarm(port: int, players: int) -> Tally:
    """All the phones at once."""
    tally = Tally()
    async with ClientSession(connector=TCPConnector(limit=0)) as session:
        await asyncio.gather(*(phone(session, port, n, tally) for n in range(players)))
    return tally


def main() -> int:
    """Run the bench; exit status 1 if a phone failed or it ran out of time."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--players", type=int, default=100)
    parser.add_argument("--questions", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds, at most")
    args = parser.parse_args()
    report: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    server = multiprocessing.Process(target=serve, args=(args.players, args.questions, report),
                                     daemon=True)
    server.start()
    try:
        kind, port = report.get(timeout=30)
        tally = asyncio.run(asyncio.wait_for(swarm(int(port), args.players), args.timeout))
        kind, memory = report.get(timeout=30)
        kind, lags = report.get(timeout=30)
    except (TimeoutError, queue.Empty):
        print(f"party load: {args.players} players, timed out after {args.timeout:g} s")
        return 1
    finally:
        server.join(timeout=10)
        if server.is_alive():
            server.terminate()
    errors = tally.errors + (args.players - tally.finished)
    print(f"memory per player: {memory / 1024:.1f} KiB (server process, after all joined)")
    print(f"server loop (shared with the big screen in the app): p99 lag {p99(lags):.1f} ms,"
          f" worst {max(lags, default=0) * 1000:.1f} ms")
    if tally.broadcast and tally.ack:
        print(f"median question broadcast {statistics.median(tally.broadcast) * 1000:.1f} ms, "
              f"median answer ack {statistics.median(tally.ack) * 1000:.1f} ms")
    print(f"party load: {args.players} players, p99 question broadcast "
          f"{p99(tally.broadcast):.1f} ms, p99 answer ack {p99(tally.ack):.1f} ms, "
          f"errors {errors}")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
