"""The record a game leaves: its answers and each player's result, as the game computed them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from quiz.game_setup import GameSetup
from quiz.question import Question
from quiz.records import AnswerRecord, GameRecord, PlayerResult, Status
from quiz.session_standings import PlayerScore, rank
from quiz.session_turns import Outcome


def answer_record(outcome: Outcome) -> AnswerRecord:
    """One answer as the store keeps it."""
    question = outcome.turn.question
    return AnswerRecord(
        player=outcome.turn.player,
        question_id=question.id,
        pack=question.pack,
        category=question.category,
        chosen=outcome.chosen,
        correct=outcome.correct,
        seconds=outcome.seconds,
        points=outcome.points.total,
        response=None if outcome.chosen is not None or outcome.response is None
        else json.dumps(outcome.response, ensure_ascii=False),
    )


def player_results(players: Sequence[PlayerScore]) -> tuple[PlayerResult, ...]:
    """Each player's result, in turn order, with the place the standings give them."""
    places = {id(standing.player): standing.place for standing in rank(players)}
    return tuple(
        PlayerResult(
            player=player.name,
            score=player.score,
            rank=places[id(player)],
            correct=player.correct,
            answered=player.answered,
            best_streak=player.best_streak,
        )
        for player in players
    )


@dataclass(frozen=True, slots=True)
class Played:
    """What a game that ended holds: enough to write its record."""

    setup: GameSetup
    per_player: int
    questions: Sequence[Question]
    players: Sequence[PlayerScore]
    outcomes: Sequence[Outcome]
    status: Status
    started_at: datetime
    finished_at: datetime


def game_record(played: Played) -> GameRecord:
    """The :class:`GameRecord` of a finished or abandoned game."""
    settings = played.setup.settings()
    settings["questions_asked"] = played.per_player
    return GameRecord(
        started_at=played.started_at.isoformat(timespec="seconds"),
        finished_at=played.finished_at.isoformat(timespec="seconds"),
        mode=played.setup.mode_name,
        status=played.status,
        players=tuple(player.name for player in played.players),
        packs=played.setup.packs or tuple(sorted({q.pack for q in played.questions})),
        seed=played.setup.seed,
        settings=settings,
        answers=tuple(answer_record(outcome) for outcome in played.outcomes),
        results=player_results(played.players),
    )
