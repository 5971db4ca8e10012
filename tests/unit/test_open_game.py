"""A party's engine: a player the host removes is not waited for, not counted, not ranked
and not in the record; the rest of the game is kept as played."""

from __future__ import annotations

from quiz.game import Phase, Seating
from quiz.game_setup import GameSetup
from quiz.open_game import OpenGame
from quiz.session import GameSession
from quiz.session_turns import Refusal
from tests.doubles import FakeClock, fixed_now, plain_questions


def party(*names: str, questions: int = 2) -> OpenGame:
    setup = GameSetup(players=names, questions=questions, timer=20.0, seed=1, mode="party")
    return OpenGame(setup, plain_questions(questions), clock=FakeClock(), now=fixed_now,
                    seating=Seating.SHARED)  # fmt: skip


def test_a_removed_player_is_not_waited_for_counted_ranked_or_recorded() -> None:
    game = party("Ana", "Bo", "Cy")
    game.begin()
    game.submit(1, 0, 0)  # Bo answers right, then is removed
    game.submit(0, 0, 1)
    game.remove(1)
    assert game.waiting_for == (2,) and [o.turn.player for o in game.step_outcomes] == ["Ana"]
    assert game.refusal(1, 0, 0) is Refusal.NOT_ASKED
    game.submit(2, 0, 0)
    assert game.phase is Phase.REVEAL
    assert [s.player.name for s in game.standings()] == ["Cy", "Ana"]
    players, outcomes = game.ranked()
    assert [p.name for p in players] == ["Ana", "Cy"]
    assert {o.turn.player_index for o in outcomes} == {0, 1}  # numbered among themselves
    game.advance()
    game.advance()
    game.submit(0, 1, 1)
    game.submit(2, 1, 1)  # nobody waits for Bo: the question closes
    game.advance()
    assert game.phase is Phase.RESULTS
    record = game.record()
    assert record.players == ("Ana", "Cy") and [r.player for r in record.results] == ["Ana", "Cy"]
    assert [r.rank for r in record.results] == [2, 1] and len(record.answers) == 4
    assert "Bo" not in {a.player for a in record.answers}


def test_a_game_whose_every_player_was_removed_keeps_nothing() -> None:
    kept: list = []
    game = party("Ana")
    session = GameSession(game, recorder=kept.append)
    game.submit(0, 0, 0)
    game.remove(0)
    saved = session.abandon()
    assert saved is not None and saved.record.answers == () and kept == []


def test_nobody_removed_records_everyone() -> None:
    game = party("Ana", "Bo", questions=1)
    game.begin()
    game.submit(0, 0, 0)
    game.submit(1, 0, 1)
    game.advance()
    assert game.record().players == ("Ana", "Bo") and len(game.record().answers) == 2


def test_answers_of_a_step_and_places_are_found_in_one_pass() -> None:
    game = party("Ana", "Bo", "Cy")
    game.begin()
    game.submit(1, 0, 0)  # right
    assert game.waiting_for == (0, 2)
    game.submit(0, 0, 1)
    assert game.waiting_for == (2,)  # worked out again once an answer came
    game.remove(2)
    assert game.waiting_for == () and game.phase is Phase.QUESTION
    game.close()
    assert set(game.answers_at(0)) == {0, 1}
    assert game.answers_at(0)[1].correct and not game.answers_at(0)[0].correct
    bo = game.players[1].score
    assert game.places() == {0: (0, 2), 1: (bo, 1)}  # Cy removed: not placed
