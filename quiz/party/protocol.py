"""The messages phones and the party server exchange over the WebSocket, checked strictly.

Every message is one JSON object of at most :data:`MAX_MESSAGE_BYTES` with a ``type``.
From a phone:

* ``{"type": "join", "code": "KMTX", "name": "Ana"}``: join with the room code;
* ``{"type": "rejoin", "token": "..."}``: come back as the player holding the token;
* ``{"type": "answer", "question": 3, "response": ...}``: an answer to question 3 (an
  option index, a list of option indices in order, a number, or words);
* ``{"type": "ping"}``.

Anything else (not JSON, too big, an unknown type, a missing or wrongly typed field) is
refused with a :class:`BadMessage` whose text is safe to send back. Whether an answer is
in range, for the current question and the first from that player is the game's to say
(:mod:`quiz.session`), not this module's.

To a phone, :func:`public_question` is all a phone learns of a question before the
reveal: never the answer, the accepted spellings or the explanation.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from quiz.grading import MAX_TEXT, Response
from quiz.question import Question, plain_number

MAX_MESSAGE_BYTES = 2048
MAX_CODE = 16
MAX_TOKEN = 64
MAX_NAME_CHARS = 64  # the room cuts names further; this only bounds what is parsed
MAX_ORDER_ITEMS = 10


class BadMessage(ValueError):
    """A message a phone sent that the server cannot take; the text says why."""


@dataclass(frozen=True, slots=True)
class Join:
    """A phone asks to join."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Rejoin:
    """A phone comes back with its token."""

    token: str


@dataclass(frozen=True, slots=True)
class AnswerMessage:
    """A phone answers question ``question`` (its index in the game)."""

    question: int
    response: Response


@dataclass(frozen=True, slots=True)
class Ping:
    """A phone checks the connection."""


Incoming = Join | Rejoin | AnswerMessage | Ping


def parse(raw: str | bytes) -> Incoming:
    """The message in ``raw``; :class:`BadMessage` if it is not one a phone may send."""
    size = len(raw.encode() if isinstance(raw, str) else raw)
    if size > MAX_MESSAGE_BYTES:
        raise BadMessage(f"message too large ({size} bytes; at most {MAX_MESSAGE_BYTES})")
    try:
        data = json.loads(raw, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise BadMessage("not a JSON message") from None
    if not isinstance(data, dict):
        raise BadMessage("a message is a JSON object")
    kind = data.get("type")
    if kind == "join":
        return Join(_text(data, "code", MAX_CODE), _text(data, "name", MAX_NAME_CHARS))
    if kind == "rejoin":
        return Rejoin(_text(data, "token", MAX_TOKEN))
    if kind == "answer":
        question = data.get("question")
        if isinstance(question, bool) or not isinstance(question, int) or question < 0:
            raise BadMessage("'question' must be a question number")
        return AnswerMessage(question, _response(data.get("response")))
    if kind == "ping":
        return Ping()
    raise BadMessage("unknown message type")


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def _text(data: dict[str, object], key: str, limit: int) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise BadMessage(f"'{key}' must be text")
    if len(value) > limit:
        raise BadMessage(f"'{key}' is too long")
    return value


def _response(value: object) -> Response:
    """A response of one of the shapes any question takes (the game checks the rest)."""
    if isinstance(value, bool):
        raise BadMessage("'response' must be an option, a list of options, a number or text")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise BadMessage("'response' must be a finite number")
        return value
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise BadMessage("'response' is too long")
        return value
    if isinstance(value, list) and len(value) <= MAX_ORDER_ITEMS:
        if all(isinstance(i, int) and not isinstance(i, bool) for i in value):
            return tuple(value)
    raise BadMessage("'response' must be an option, a list of options, a number or text")


def public_question(question: Question, index: int, number: int, of: int) -> dict[str, object]:
    """What a phone is sent to answer question ``index``: nothing that gives it away."""
    data: dict[str, object] = {
        "type": "question",
        "question": index,
        "number": number,
        "of": of,
        "kind": question.type,
        "category": question.category,
        "prompt": question.prompt,
        "options": list(question.options),
    }
    if question.type == "number":
        data["low"] = plain_number(question.low)
        data["high"] = plain_number(question.high)
        data["unit"] = question.unit
    return data


def encode(message: dict[str, object]) -> str:
    """A message for a phone as JSON text."""
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))
