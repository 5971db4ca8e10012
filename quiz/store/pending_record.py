"""Turning a pending game's JSON back into a :class:`GameRecord`, trusting none of it.

Every field is checked for its type and range (numbers fit SQLite's 64-bit integers,
lists are bounded) and every text is cleaned as pack text is, so a file edited by hand
can neither crash the save nor put escape sequences into the scores.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import datetime

from quiz.game_setup import MAX_PLAYERS, MAX_QUESTIONS
from quiz.records import AnswerRecord, GameRecord, Mode, PlayerResult, Status
from quiz.text import clean, display_name

_INT64 = 2**63
_MAX_TEXT = 500
_MAX_PACKS = 200
_MAX_ANSWERS = MAX_PLAYERS * MAX_QUESTIONS
_SURROGATE = re.compile("[\ud800-\udfff]")

JsonMap = Mapping[str, object]
# Spelled out rather than read off the Literal types, so the checker sees each value's type.
_MODES: dict[str, Mode] = {"solo": "solo", "hotseat": "hotseat", "practice": "practice"}
_STATUSES: dict[str, Status] = {"finished": "finished", "abandoned": "abandoned"}


class PendingError(ValueError):
    """A pending file that is not a record this program wrote; says why, after its name."""


def _field(data: JsonMap, key: str) -> object:
    if key not in data:
        raise PendingError(f"has no {key!r}")
    return data[key]


def _map(value: object, what: str) -> JsonMap:
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise PendingError(f"has {what} that is not an object")
    return value


def _text(data: JsonMap, key: str) -> str:
    value = _field(data, key)
    if not isinstance(value, str) or len(value) > _MAX_TEXT:
        raise PendingError(f"has a {key!r} that is not a short text")
    return clean(_SURROGATE.sub("\ufffd", value))


def _name(data: JsonMap, key: str) -> str:
    name = display_name(_text(data, key))
    if not name:
        raise PendingError(f"has an empty {key!r}")
    return name


def _int(data: JsonMap, key: str, low: int = -_INT64, high: int = _INT64 - 1) -> int:
    value = _field(data, key)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise PendingError(f"has a {key!r} that is not a whole number from {low} to {high}")
    return value


def _list(data: JsonMap, key: str, limit: int) -> list[object]:
    value = _field(data, key)
    if not isinstance(value, list) or len(value) > limit:
        raise PendingError(f"has a {key!r} that is not a list of at most {limit}")
    return value


def _time(data: JsonMap, key: str) -> str:
    text = _text(data, key)
    try:
        datetime.fromisoformat(text)
    except ValueError:
        raise PendingError(f"has a {key!r} that is not a date and time") from None
    return text


def _choice(data: JsonMap, key: str, allowed: tuple[str, ...]) -> str:
    value = _field(data, key)
    if value not in allowed:
        raise PendingError(f"has a {key!r} that is not one of {', '.join(allowed)}")
    return str(value)


def _setting(value: object) -> object:
    """A settings value: a JSON scalar or a short list of them, text cleaned."""
    if isinstance(value, list) and len(value) <= _MAX_PACKS:
        return [_setting(item) for item in value if not isinstance(item, list | dict)]
    if isinstance(value, str):
        return clean(_SURROGATE.sub("\ufffd", value[:_MAX_TEXT]))
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and not -_INT64 <= value < _INT64:
        return None
    if value is None or isinstance(value, bool | int | float):
        return value
    raise PendingError("has a setting that is not a plain value")


def _answer(value: object) -> AnswerRecord:
    data = _map(value, "an answer")
    chosen = data.get("chosen")
    if chosen is not None:
        chosen = _int(data, "chosen", 0, 1000)
    correct = _field(data, "correct")
    seconds = _field(data, "seconds")
    if not isinstance(correct, bool):
        raise PendingError("has an answer whose 'correct' is not true or false")
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise PendingError("has an answer whose 'seconds' is not a number")
    if not (math.isfinite(seconds) and 0 <= seconds <= 1e9):
        raise PendingError("has an answer whose 'seconds' is out of range")
    return AnswerRecord(
        player=_name(data, "player"),
        question_id=_text(data, "question_id"),
        pack=_text(data, "pack"),
        category=_text(data, "category"),
        chosen=chosen,
        correct=correct,
        seconds=float(seconds),
        points=_int(data, "points"),
    )


def _result(value: object) -> PlayerResult:
    data = _map(value, "a result")
    count = (0, _MAX_ANSWERS)
    return PlayerResult(
        player=_name(data, "player"),
        score=_int(data, "score"),
        rank=_int(data, "rank", 1, MAX_PLAYERS),
        correct=_int(data, "correct", *count),
        answered=_int(data, "answered", *count),
        best_streak=_int(data, "best_streak", *count),
    )


def decode(value: object) -> GameRecord:
    """The :class:`GameRecord` ``value`` (parsed JSON) describes; ``PendingError`` if none."""
    data = _map(value, "a top level")
    players = tuple(
        _name({"player": p}, "player") for p in _list(data, "players", MAX_PLAYERS)
    )
    results = tuple(_result(r) for r in _list(data, "results", MAX_PLAYERS))
    if not players or [r.player for r in results] != list(players):
        raise PendingError("has results that do not match its players")
    seed = None if data.get("seed") is None else _int(data, "seed")
    settings = {key: _setting(item) for key, item in _map(data.get("settings", {}),
                                                          "settings").items()}
    mode = _MODES[_choice(data, "mode", tuple(_MODES))]
    status = _STATUSES[_choice(data, "status", tuple(_STATUSES))]
    return GameRecord(
        started_at=_time(data, "started_at"),
        finished_at=_time(data, "finished_at"),
        mode=mode,
        status=status,
        players=players,
        packs=tuple(_text({"pack": p}, "pack") for p in _list(data, "packs", _MAX_PACKS)),
        seed=seed,
        settings=settings,
        answers=tuple(_answer(a) for a in _list(data, "answers", _MAX_ANSWERS)),
        results=results,
    )
