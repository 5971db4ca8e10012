"""The buzzer game's engine: first to buzz answers, lock-outs reopen the question,
simultaneous buzzes follow the tie rule, every question type, saved as mode buzzer."""

from __future__ import annotations

import dataclasses
import random

import pytest
from doubles import FakeClock, fixed_now, plain_questions

from quiz.bank import ListBank
from quiz.buzzer import WRONG_BUZZ_POINTS, BuzzRefusal, answer_seconds, behind_first
from quiz.buzzer_game import BuzzerGame
from quiz.game import Game, Phase, Seating
from quiz.game_setup import GameSetup, SetupError, check_setup, parse_buzz_keys
from quiz.session import Answer, Dealer, DealError, Refused
from quiz.session_turns import Refusal

PLAYERS = ("Ana", "Ben", "Cy")


def deal(clock: FakeClock, records: list | None = None, questions=None, players=PLAYERS,
         timer: float | None = 20.0):  # fmt: skip
    dealer = Dealer(
        ListBank(questions or plain_questions(20)),
        recorder=(records if records is not None else []).append,
        clock=clock, now=fixed_now, new_seed=lambda: 5,
    )  # fmt: skip
    setup = GameSetup(players, questions=5, timer=timer, seed=11, seating=Seating.BUZZER)
    return dealer.deal(setup)


def right(game) -> int:
    return game.turn.question.answer


def test_first_to_buzz_answers_and_a_right_answer_closes_the_question():
    clock = FakeClock()
    session = deal(clock)
    game = session.game
    assert isinstance(game, BuzzerGame) and session.phase is Phase.QUESTION
    assert game.waiting_for == ()  # nobody may answer before a buzz
    refused = session.submit(Answer(0, 0, 0))
    assert isinstance(refused, Refused) and refused.reason is Refusal.NO_BUZZ
    clock.advance(4)
    assert session.buzz(1, 0) is None
    assert game.at_keyboard == 1 and game.waiting_for == (1,)
    clock.advance(0.1)
    assert session.buzz(2, 0) is BuzzRefusal.TAKEN  # later than a tie
    clock.advance(2)
    accepted = session.submit(Answer(1, 0, right(game)))
    assert accepted.complete and session.phase is Phase.REVEAL
    assert accepted.outcome.seconds == 4  # speed counts to the buzz
    # The next question opens at once: no standings, no handover.
    session.advance()
    assert session.phase is Phase.QUESTION and game.step == 1


def test_wrong_or_too_slow_locks_out_and_reopens_to_the_others():
    clock = FakeClock()
    session = deal(clock)
    game = session.game
    session.buzz(0, 0)
    wrong = (right(game) + 1) % 4
    session.submit(Answer(0, 0, wrong))
    assert session.phase is Phase.QUESTION and game.at_keyboard is None
    assert session.buzz(0, 0) is BuzzRefusal.LOCKED
    assert session.buzz(2, 0) is None
    clock.advance(answer_seconds(game.turn.question) - 0.1)
    assert not session.tick() and game.at_keyboard == 2
    clock.advance(0.2)
    assert not session.tick()  # too slow: locked out, the question stays open
    assert game.at_keyboard is None and game.buzzer.locked == [0, 2]
    assert session.buzz(1, 0) is None
    session.submit(Answer(1, 0, wrong))
    assert session.phase is Phase.REVEAL  # nobody left to buzz
    outcomes = [(o.turn.player, o.correct, o.timed_out) for o in game.step_outcomes]
    assert outcomes == [("Ana", False, False), ("Ben", False, False), ("Cy", False, True)]


def test_the_question_clock_waits_while_someone_answers():
    clock = FakeClock()
    session = deal(clock, timer=10)
    game = session.game
    clock.advance(6)
    session.buzz(0, 0)
    clock.advance(4.5)  # longer than the 4 s left, but Ana holds the floor
    session.submit(Answer(0, 0, (right(game) + 1) % 4))
    assert game.time_left() == 4
    clock.advance(4)
    assert session.tick() and session.phase is Phase.REVEAL  # nobody else buzzed
    assert [o.turn.player for o in game.step_outcomes] == ["Ana"]


def test_simultaneous_buzzes_go_to_the_player_behind_then_to_a_seeded_draw():
    clock = FakeClock()
    session = deal(clock)
    game = session.game
    game.players[0].score = 900
    game.players[1].score = 100
    game.players[2].score = 100
    # Ana, then Ben and Cy at the same clock reading: arrival order inside one read
    # of the keyboard does not decide; the lower score does, then a seeded draw.
    assert session.buzz(0, 0) is None
    assert session.buzz(1, 0) is None
    assert game.at_keyboard == 1
    assert session.buzz(2, 0) is None
    expected = random.Random(11).choice([1, 2])  # the game's generator, seeded by the setup
    assert game.at_keyboard == expected
    assert set(game.buzzer.tied) == {0, 1, 2}
    # The same reading replays the same way.
    again = deal(FakeClock())
    for seat, score in enumerate((900, 100, 100)):
        again.game.players[seat].score = score
    for seat in (0, 1, 2):
        again.buzz(seat, 0)
    assert again.game.at_keyboard == expected
    # A moment later (past what a human could tell apart) is no tie.
    clock.advance(0.05)
    assert session.buzz(0, 0) is BuzzRefusal.TAKEN


def test_tie_rule_on_its_own():
    rng = random.Random(1)
    assert behind_first([300, 200, 900], [0, 1, 2], rng) == 1
    picks = {behind_first([5, 5], [0, 1], random.Random(seed)) for seed in range(20)}
    assert picks == {0, 1}


@pytest.mark.parametrize(
    ("kind", "response"),
    [("order", (2, 0, 1, 3)), ("number", 2016.0), ("text", "Charlie Puth"), ("truefalse", 0)],
)
def test_every_question_type_can_be_buzzed_and_answered(kind, response):
    base = plain_questions(10)
    extra = {
        "order": {"order": (2, 0, 1, 3)},
        "number": {"number": 2016.0, "low": 2000.0, "high": 2030.0, "options": ()},
        "text": {"text": "Charlie Puth", "options": ()},
        "truefalse": {"options": ("True", "False"), "answer": 0},
    }[kind]
    questions = [dataclasses.replace(q, type=kind, **extra) for q in base]
    clock = FakeClock()
    records: list = []
    session = deal(clock, records, questions=questions)
    assert answer_seconds(questions[0]) >= 5
    session.buzz(2, 0)
    accepted = session.submit(Answer(2, 0, response))
    assert accepted.complete and accepted.outcome.correct
    session.abandon()
    assert records[0].mode == "buzzer" and records[0].answers[0].player == "Cy"


def test_a_whole_buzzer_game_is_saved_as_buzzer():
    clock, records = FakeClock(), []
    session = deal(clock, records, timer=None)
    game = session.game
    assert game.time_limit is None and game.time_left() is None  # no countdown
    while not session.over:
        if session.phase is Phase.QUESTION:
            seat = game.step % 3
            clock.advance(1 + seat)
            session.buzz(seat, game.step)
            session.submit(Answer(seat, game.step, right(game)))
        else:
            session.advance()
    record = records[0]
    assert record.mode == "buzzer" and record.status == "finished"
    assert [a.player for a in record.answers] == ["Ana", "Ben", "Cy", "Ana", "Ben"]
    assert [r.correct for r in record.results] == [2, 2, 1]


def test_buzzer_setup_checks():
    assert parse_buzz_keys("q,p,z,m", 4) == ("q", "p", "z", "m")
    assert parse_buzz_keys("XY", 3) == ("x", "y", "q")
    for bad, why in (("1", "answers"), ("a", "answers"), ("qq", "same buzz key"),
                     ("ab,cd", "one letter")):  # fmt: skip
        with pytest.raises(SetupError, match=why):
            parse_buzz_keys(bad, 2)
    with pytest.raises(SetupError, match="2 to 4 players"):
        check_setup(GameSetup(("Ana",), seating=Seating.BUZZER))
    with pytest.raises(DealError, match="2 to 4 players"):
        deal(FakeClock(), players=("A", "B", "C", "D", "E"))
    with pytest.raises(ValueError, match="BuzzerGame"):
        Game(GameSetup(PLAYERS, seating=Seating.BUZZER), plain_questions(5))


def test_a_wrong_buzz_costs_points_but_never_below_zero():
    clock = FakeClock()
    session = deal(clock)
    game = session.game
    clock.advance(1)
    session.buzz(0, 0)
    session.submit(Answer(0, 0, right(game)))  # Ana: 1000
    session.advance()
    ana = game.players[0]
    before = ana.score
    session.buzz(0, 1)
    wrong = session.submit(Answer(0, 1, (right(game) + 1) % 4))
    assert wrong.outcome.points.penalty == WRONG_BUZZ_POINTS == 250
    assert wrong.outcome.points.total == -250 and ana.score == before - 250
    assert "after a buzz (250 penalty)" in wrong.outcome.points.explain()
    assert game.outcomes[-1] is wrong.outcome  # what the reveal and the record read
    # Ben has nothing to lose: a wrong buzz leaves him at 0, not below.
    session.buzz(1, 1)
    broke = session.submit(Answer(1, 1, (right(game) + 1) % 4))
    assert broke.outcome.points.total == 0 and game.players[1].score == 0
    # Too slow after a buzz costs the same: Cy, with points, runs out of time.
    game.players[2].score = 600
    session.buzz(2, 1)
    clock.advance(answer_seconds(game.turn.question) + 0.1)
    session.tick()
    late = game.outcomes[-1]
    assert late.timed_out and late.points.penalty == 250 and game.players[2].score == 350
    # A right answer costs nothing.
    session.advance()
    session.buzz(1, 2)
    assert session.submit(Answer(1, 2, right(game))).outcome.points.penalty == 0


def test_with_the_timer_off_a_question_waits_until_the_players_close_it():
    clock = FakeClock()
    session = deal(clock, timer=None)
    game = session.game
    clock.advance(10_000)
    assert not session.tick() and session.phase is Phase.QUESTION  # no clock closes it
    session.buzz(0, 0)
    assert not session.close_question(0)  # Ana holds the floor: not now
    clock.advance(answer_seconds(game.turn.question) + 0.1)  # the answer is still timed
    session.tick()
    assert game.outcomes[-1].timed_out and game.at_keyboard is None
    assert not session.close_question(1)  # another question
    assert session.close_question(0) and session.phase is Phase.REVEAL
    assert not session.close_question(0)
