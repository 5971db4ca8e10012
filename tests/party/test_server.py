"""The party server over real HTTP and WebSockets (aiohttp's test client): the page, its
headers, joining, answering, and every way a hostile device on the network might try."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from aiohttp import WSMsgType
from aiohttp.test_utils import TestClient, TestServer

from quiz.bank import ListBank
from quiz.party.host import PartyHost
from quiz.party.protocol import MAX_MESSAGE_BYTES
from quiz.party.room import KICKED, Room
from quiz.party.server import CSP, PartyServer
from quiz.session import Dealer
from tests.doubles import FakeClock, fixed_now, plain_questions

STATIC = Path(__file__).resolve().parents[2] / "quiz" / "party" / "static"


@pytest.fixture
async def party():
    clock = FakeClock()
    dealer = Dealer(ListBank(plain_questions(12)), clock=clock, now=fixed_now,
                    new_seed=lambda: 7)  # fmt: skip
    host = PartyHost(Room("KMTX", max_players=3), dealer, lambda seat, m: None, questions=3,
                     clock=clock)  # fmt: skip
    server = PartyServer(host, address="127.0.0.1")
    client = TestClient(TestServer(server.app()))
    await client.start_server()
    yield server, client
    await client.close()


async def receive(ws, kind: str | None = None, timeout: float = 2.0) -> dict:
    while True:
        msg = await asyncio.wait_for(ws.receive(), timeout)
        assert msg.type is WSMsgType.TEXT, msg
        data = json.loads(msg.data)
        if kind is None or data["type"] == kind:
            return data


async def joined(client, name: str = "Ana", code: str = "KMTX"):
    ws = await client.ws_connect("/ws")
    await ws.send_json({"type": "join", "code": code, "name": name})
    return ws, await receive(ws)


async def test_the_page_and_its_files_carry_a_strict_policy(party):
    _, client = party
    for path in ("/", "/app.js", "/style.css"):
        response = await client.get(path)
        assert response.status == 200
        assert response.headers["Content-Security-Policy"] == CSP
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP


@pytest.mark.parametrize("path", ["/../pyproject.toml", "/%2e%2e/%2e%2e/etc/passwd",
                                  "/static/../server.py", "/index.html", "/app.js/..",
                                  "/..%2fserver.py", "/%2F%2Fetc/passwd"])  # fmt: skip
async def test_no_path_reaches_the_filesystem(party, path):
    _, client = party
    response = await client.get(path, allow_redirects=False)
    body = await response.read()
    shipped = {p.read_bytes() for p in STATIC.iterdir()}
    # A path the client itself normalises ("/app.js/.." is "/") may land on a shipped file.
    assert response.status in (404, 301, 308) or body in shipped
    assert b"import" not in body and b"root:" not in body


def test_the_page_never_parses_text_as_html():
    script = (STATIC / "app.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script
    page = (STATIC / "index.html").read_text()
    assert "<script>" not in page and "onclick" not in page
    assert "http" not in page.split("<body>")[1]  # no other origin: works with no internet


async def test_join_answer_and_reveal(party):
    server, client = party
    ana, welcome = await joined(client, "<img src=x onerror=1>")
    assert welcome["type"] == "welcome" and welcome["stage"] == "lobby"
    assert welcome["name"] == "<img src=x onerror=1>"  # kept literal; drawn as text
    server.host.start()
    question = await receive(ana, "question")
    assert "answer" not in question and "explanation" not in question
    right = server.host.session.game.questions[0].answer
    await ana.send_json({"type": "answer", "question": 0, "response": right})
    assert (await receive(ana, "locked"))["question"] == 0
    reveal = await receive(ana, "reveal")
    assert reveal["correct"] is True and reveal["place"] == "1st"


async def test_wrong_code_forged_token_and_answers_before_joining(party):
    _, client = party
    ws, reply = await joined(client, code="ABCD")
    assert reply == {"type": "error", "reason": "wrong room code"}
    await ws.send_json({"type": "rejoin", "token": "forged-token"})
    assert (await receive(ws))["reason"] == "unknown player: join again"
    await ws.send_json({"type": "answer", "question": 0, "response": 0})
    assert (await receive(ws))["reason"] == "join first"


async def test_a_token_rejoins_as_its_player_and_replaces_the_old_page(party):
    server, client = party
    first, welcome = await joined(client)
    second = await client.ws_connect("/ws")
    await second.send_json({"type": "rejoin", "token": welcome["token"]})
    again = await receive(second, "welcome")
    assert again["seat"] == welcome["seat"] and again["name"] == "Ana"
    assert (await first.receive(timeout=2)).type in (WSMsgType.CLOSE, WSMsgType.CLOSED)
    assert len(server.host.room) == 1


@pytest.mark.parametrize("raw", [
    "not json", "[]", '{"type": "answer", "question": "0", "response": 0}',
    '{"type": "answer", "question": 0, "response": {"a": 1}}',
    '{"type": "answer", "question": 0, "response": NaN}',
    '{"type": "join", "code": "KMTX"}', '{"type": "shutdown"}', "[" * 900 + "]" * 900,
], ids=["text", "list", "question-text", "response-object", "nan", "no-name", "unknown",
        "deep"])  # fmt: skip
async def test_malformed_messages_are_refused_and_the_connection_lives(party, raw):
    _, client = party
    ws, _ = await joined(client)
    await ws.send_str(raw)
    reply = await receive(ws)
    assert reply["type"] == "error"
    await ws.send_json({"type": "ping"})
    assert await receive(ws) == {"type": "pong"}


async def test_an_oversized_message_closes_the_connection(party):
    _, client = party
    ws, _ = await joined(client)
    await ws.send_str(json.dumps({"type": "ping", "pad": "x" * (MAX_MESSAGE_BYTES * 2)}))
    msg = await ws.receive(timeout=2)
    assert msg.type in (WSMsgType.CLOSE, WSMsgType.CLOSED, WSMsgType.ERROR)


async def test_answers_for_another_question_twice_or_out_of_range(party):
    server, client = party
    ana, _ = await joined(client)
    await joined(client, "Ben")
    server.host.start()
    await receive(ana, "question")
    await ana.send_json({"type": "answer", "question": 5, "response": 0})
    assert (await receive(ana))["reason"] == "that is not the question being asked"
    await ana.send_json({"type": "answer", "question": 0, "response": 9})
    assert (await receive(ana))["reason"] == "the question has no such option"
    await ana.send_json({"type": "answer", "question": 0, "response": 0})
    await receive(ana, "locked")
    await ana.send_json({"type": "answer", "question": 0, "response": 1})
    assert (await receive(ana))["reason"] == "that player has answered already"


async def test_a_flood_is_cut_off_without_hurting_others(party):
    server, client = party
    flood, _ = await joined(client)
    calm, _ = await joined(client, "Ben")
    for _ in range(400):
        if flood.closed:
            break
        await flood.send_json({"type": "ping"})
    msg = await flood.receive(timeout=3)
    while msg.type is WSMsgType.TEXT:
        msg = await flood.receive(timeout=3)
    assert msg.type in (WSMsgType.CLOSE, WSMsgType.CLOSED)
    await calm.send_json({"type": "ping"})
    assert await receive(calm) == {"type": "pong"}


async def test_a_page_from_another_site_cannot_connect(party):
    _, client = party
    response = await client.get("/ws", headers={"Origin": "http://evil.example"})
    assert response.status == 403


async def test_the_party_is_capped(party):
    _, client = party
    for name in ("A", "B", "C"):
        await joined(client, name)
    _, reply = await joined(client, "D")
    assert reply == {"type": "error", "reason": "the party is full (3 players)"}


async def test_kick_tells_the_phone_and_closes_it(party):
    server, client = party
    ana, welcome = await joined(client)
    server.kick(welcome["seat"])
    assert (await receive(ana))["type"] == "kicked"
    again = await client.ws_connect("/ws")  # "try again", or a reload: refused for good
    await again.send_json({"type": "rejoin", "token": welcome["token"]})
    assert await receive(again) == {"type": "kicked", "reason": KICKED}
    assert (await again.receive(timeout=2)).type in (WSMsgType.CLOSE, WSMsgType.CLOSED)
    assert len(server.host.room.present) == 0


async def test_the_icon_is_shipped_and_favicon_ico_is_no_404(party):
    _, client = party
    page = await (await client.get("/")).text()
    assert '<link rel="icon" href="/favicon.svg" type="image/svg+xml">' in page
    icon = await client.get("/favicon.svg")
    assert icon.status == 200 and icon.headers["Content-Type"] == "image/svg+xml"
    assert await icon.read() == (STATIC / "favicon.svg").read_bytes()
    assert b"<script" not in await icon.read()
    ico = await client.get("/favicon.ico")
    assert ico.status == 204 and await ico.read() == b""
    assert ico.headers["Content-Security-Policy"] == CSP


async def test_a_name_already_taken_is_refused_and_the_phone_may_pick_another(party):
    server, client = party
    await joined(client, "bo")
    ws, reply = await joined(client, "BO")
    assert reply == {"type": "error", "reason": "'BO' is taken: pick another name"}
    await ws.send_json({"type": "join", "code": "KMTX", "name": "Bo too"})
    welcome = await receive(ws)
    assert welcome["type"] == "welcome" and welcome["name"] == "Bo too"
    assert [p.name for p in server.host.room.players] == ["bo", "Bo too"]


async def test_a_phone_that_reloads_during_a_reveal_gets_the_reveal_and_its_score(party):
    server, client = party
    ana, welcome = await joined(client)
    server.host.start()
    await receive(ana, "question")
    right = server.host.session.game.questions[0].answer
    await ana.send_json({"type": "answer", "question": 0, "response": right})
    reveal = await receive(ana, "reveal")
    await ana.close()  # the page reloads
    again = await client.ws_connect("/ws")
    await again.send_json({"type": "rejoin", "token": welcome["token"]})
    back = await receive(again, "welcome")
    assert back["stage"] == "reveal" and back["reveal"] == reveal
    assert back["name"] == "Ana" and back["score"] == reveal["score"] > 0
    assert back["place"] == "1st"
