"""`wdta-quiz scores --format json|csv`: the scores for scripts.

JSON is one document; each entry of its lists is written on one line (by the C
encoder: with thousands of games, indenting every field took seconds). CSV is one row
per player per game. Ranks are only given where a game ranks: never for an abandoned
game or practice.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime
from json import encoder as json_encoder
from json.encoder import encode_basestring as _text
from typing import TYPE_CHECKING, TextIO

from quiz.stats_board import Period, period_start
from quiz.text import player_key

if TYPE_CHECKING:
    from quiz.stats import GameSummary, HeadToHead, MissedQuestion
    from quiz.store import Store

CSV_HEADER = (
    "game_id", "started_at", "finished_at", "mode", "status", "packs", "seed",
    "seat", "player", "score", "rank", "correct", "answered",
)  # fmt: skip

#: One JSON object of the document.
JsonObject = dict[str, object]


def ranked(game: GameSummary) -> bool:
    """Whether the game's places mean anything: finished, and not practice."""
    return game.status == "finished" and game.mode != "practice"


def write_empty(database: str, period: Period, out: TextIO) -> None:
    """The document of a database without games."""
    _dump(
        {
            "database": database,
            "period": period,
            "since": None,
            "players": [],
            "champions": [],
            "leaderboard": [],
            "solo": [],
            "head_to_head": [],
            "most_missed": [],
            "accuracy_by_category": [],
            "games": [],
            "player": None,
        },
        out,
    )


def write_document(
    store: Store, player: str | None, period: Period, now: datetime, out: TextIO
) -> None:
    """Everything in one JSON document; with ``player``, their games and details."""
    since = period_start(period, now)
    doc: JsonObject = {
        "database": str(store.path),
        "period": period,
        "since": since,
        "players": store.players(),
        "champions": [
            {
                "player": c.player,
                "game_id": c.game_id,
                "finished_at": c.finished_at,
                "streak": c.streak,
            }
            for c in store.champions()
        ],  # fmt: skip
        "leaderboard": [
            {
                "place": r.place,
                "player": r.player,
                "games": r.games,
                "wins": r.wins,
                "win_rate": round(r.win_rate, 4),
                "points": r.points,
                "answered": r.answered,
                "points_per_question": round(r.per_question, 1),
                "accuracy": round(r.accuracy, 4),
            }
            for r in store.leaderboard(since)
        ],  # fmt: skip
        "solo": [
            {
                "place": r.place,
                "player": r.player,
                "questions": r.length,
                "games": r.games,
                "best_per_question": round(r.best, 1),
                "average_per_question": round(r.average, 1),
            }
            for r in store.solo_table(since)
        ],  # fmt: skip
        "head_to_head": [pair_json(h) for h in store.head_to_head(since=since)],
        "most_missed": missed(store.most_missed()),
        "accuracy_by_category": categories(store, None),
        "games": [game_json(g) for g in store.games(player)],
        "player": None,
    }
    if player is not None:
        doc["player"] = _player(store, player)
    _dump(doc, out)


def _player(store: Store, player: str) -> JsonObject:
    bests = store.personal_bests(player)
    return {
        "name": player,
        "personal_bests": {
            "games": bests.games,
            "best_score": bests.best_score,
            "best_score_game": bests.best_score_game,
            "best_accuracy": _round(bests.best_accuracy),
            "most_correct": bests.most_correct,
            "longest_streak": bests.longest_streak,
            "fastest_correct_seconds": _round(bests.fastest_correct),
        },
        "accuracy_by_category": categories(store, player),
        "head_to_head": [pair(h) for h in store.head_to_head(player)],
        "missed_question_ids": store.missed_question_ids(player),
    }


def _dump(doc: JsonObject, out: TextIO) -> None:
    """``doc`` indented two deep, each list entry on one line of its own."""
    out.write("{\n")
    last = len(doc) - 1
    for index, (key, value) in enumerate(doc.items()):
        comma = "," if index < last else ""
        name = json.dumps(key)
        if isinstance(value, list) and value:
            out.write(f"  {name}: [\n")
            out.write(",\n".join(f"    {_compact(item)}" for item in value))
            out.write(f"\n  ]{comma}\n")
        else:
            out.write(f"  {name}: {_compact(value)}{comma}\n")
    out.write("}\n")


#: One encoder for every entry: making one per entry cost as much as encoding it.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
#: The C encoder behind it, made once: ``JSONEncoder.encode`` makes a new one per call,
#: which with 20,000 entries was a third of the writing. No circular check (``None``):
#: the document is plain lists, dicts, text and numbers built here. (Not in typeshed.)
_MAKE: Callable[..., Callable[[object, int], Iterable[str]]] | None = getattr(
    json_encoder, "c_make_encoder", None
)
_C_ENCODER = (
    None
    if _MAKE is None
    else _MAKE(None, _ENCODER.default, json_encoder.encode_basestring, None, ": ", ", ",
               False, False, True)  # fmt: skip
)


class Encoded(str):
    """An entry already written as JSON (see :func:`game_json`): :func:`_dump` writes it
    as it is."""

    __slots__ = ()


def _compact(value: object) -> str:
    if isinstance(value, Encoded):
        return value
    if _C_ENCODER is None:
        return _ENCODER.encode(value)
    return "".join(_C_ENCODER(value, 0))


def missed(questions: list[MissedQuestion]) -> list[JsonObject]:
    """Most missed questions with their prompts (``None`` where no installed pack has it)."""
    found = prompts(questions)
    return [
        {
            "question_id": m.question_id,
            "prompt": found.get(m.question_id),
            "pack": m.pack,
            "category": m.category,
            "asked": m.asked,
            "missed": m.missed,
        }
        for m in questions
    ]


def prompts(questions: Iterable[MissedQuestion]) -> dict[str, str]:
    """The prompts of ``questions``; packs are read only if there is something to name."""
    ids = [m.question_id for m in questions]
    if not ids:
        return {}
    from quiz.prompts import installed_prompts

    return installed_prompts(ids)


def game_object(game: GameSummary) -> JsonObject:
    """One game and its players' results; ``rank`` is ``None`` where the game does not rank."""
    places = ranked(game)
    return {
        "id": game.id,
        "started_at": game.started_at,
        "finished_at": game.finished_at,
        "mode": game.mode,
        "status": game.status,
        "packs": list(game.packs),
        "seed": game.seed,
        "players": [
            {
                "name": r.player,
                "score": r.score,
                "rank": r.rank if places else None,
                "correct": r.correct,
                "answered": r.answered,
            }
            for r in game.players
        ],
    }


def _scalar(value: object) -> str:
    """A text or a whole number as the encoder writes it (anything else through it)."""
    if type(value) is str:
        return _text(value)
    if type(value) is int:
        return int.__repr__(value)
    return _compact(value)


def game_json(game: GameSummary) -> Encoded:
    """:func:`game_object`, written straight to JSON (the same text, a few times quicker:
    a big file has thousands of games)."""
    places = ranked(game)
    # The store's whole numbers are ints (typed by the store's own CASTs and MAX checks),
    # which an f-string writes as JSON does; texts go through the encoder's escaping.
    # A test compares this with the encoder's output, hostile names included.
    players = ", ".join(
        f'{{"name": {_text(r.player)}, "score": {r.score:d}, '
        f'"rank": {r.rank if places else "null"}, "correct": {r.correct:d}, '
        f'"answered": {r.answered:d}}}'
        for r in game.players
    )
    packs = ", ".join(_text(p) for p in game.packs)
    return Encoded(
        f'{{"id": {game.id:d}, "started_at": {_text(game.started_at)}, '
        f'"finished_at": {_text(game.finished_at)}, "mode": {_text(game.mode)}, '
        f'"status": {_text(game.status)}, "packs": [{packs}], "seed": {_scalar(game.seed)}, '
        f'"players": [{players}]}}'
    )


def pair_json(h: HeadToHead) -> Encoded:
    """:func:`pair`, written straight to JSON (tens of thousands of pairs)."""
    return Encoded(
        f'{{"player": {_text(h.player)}, "opponent": {_text(h.opponent)}, '
        f'"wins": {h.wins:d}, "losses": {h.losses:d}, "ties": {h.ties:d}, '
        f'"games": {h.games:d}}}'
    )


def pair(h: HeadToHead) -> JsonObject:
    """One head-to-head record."""
    return {
        "player": h.player,
        "opponent": h.opponent,
        "wins": h.wins,
        "losses": h.losses,
        "ties": h.ties,
        "games": h.games,
    }


def categories(store: Store, player: str | None) -> list[JsonObject]:
    """Accuracy by category, everyone's or ``player``'s."""
    return [
        {
            "category": c.category,
            "answered": c.answered,
            "correct": c.correct,
            "accuracy": round(c.accuracy, 4),
        }
        for c in store.accuracy_by_category(player)
    ]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def write_csv(games: list[GameSummary], out: TextIO, player: str | None) -> None:
    """One row per player per game, oldest game first (only ``player``'s rows if given).

    ``rank`` is empty where the game does not rank (abandoned, practice).
    """
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    key = None if player is None else player_key(player)
    for game in reversed(games):
        places = ranked(game)
        for seat, r in enumerate(game.players):
            if key is not None and player_key(r.player) != key:
                continue
            writer.writerow((
                game.id, game.started_at, game.finished_at, game.mode, game.status,
                " ".join(game.packs), "" if game.seed is None else game.seed,
                seat, r.player, r.score, r.rank if places else "", r.correct, r.answered,
            ))  # fmt: skip
