"""Hot-seat with one question for everyone: turn order inside a question, each player's
own clock, one reveal; and "own question each" dealt in fair rounds."""

from __future__ import annotations

import dataclasses

from doubles import FakeClock, fixed_now, plain_questions

from quiz.bank import ListBank
from quiz.game import Phase, Seating
from quiz.game_setup import GameSetup, SetupError, parse_seating
from quiz.rounds import balanced
from quiz.session import Answer, Dealer, Refused
from quiz.session_turns import Refusal


def dealer(records: list, clock: FakeClock, questions=None) -> Dealer:
    return Dealer(ListBank(questions or plain_questions(40), shuffle=True), recorder=records.append,
                  clock=clock, now=fixed_now, new_seed=lambda: 5)  # fmt: skip


def test_same_is_the_default_and_every_player_gets_the_same_question_each_round():
    clock, records = FakeClock(), []
    session = dealer(records, clock).deal(GameSetup(("Ana", "Ben", "Cy"), questions=5, seed=9))
    game = session.game
    assert game.seating is Seating.SAME
    asked: dict[int, list[str]] = {}
    handovers = []
    while not session.over:
        if session.phase is Phase.HANDOVER:
            handovers.append(game.turn.player)
            session.ready()
        elif session.phase is Phase.QUESTION:
            turn = game.turn
            asked.setdefault(turn.round, []).append(turn.question.id)
            clock.advance(2)
            session.submit(Answer(turn.player_index, turn.index, turn.question.answer))
        else:
            session.advance()
    assert handovers == ["Ana", "Ben", "Cy"] * 5
    assert len(asked) == 5
    for ids in asked.values():
        assert len(ids) == 3 and len(set(ids)) == 1  # one question, asked of all three
    assert len({ids[0] for ids in asked.values()}) == 5  # a new question each round
    record = records[0]
    assert record.mode == "hotseat" and record.settings["seating"] == "same"
    assert len(record.answers) == 15


def test_the_pick_stays_hidden_until_everyone_answered_then_one_reveal():
    clock = FakeClock()
    session = dealer([], clock).deal(GameSetup(("Ana", "Ben"), questions=5, seed=1))
    game = session.game
    session.ready()
    first = session.submit(Answer(0, 0, 1))
    # Ana answered: Ben's handover comes, not a reveal that would show her pick.
    assert not first.complete
    assert session.phase is Phase.HANDOVER and game.turn.player == "Ben"
    session.ready()
    last = session.submit(Answer(1, 0, 2))
    assert last.complete and session.phase is Phase.REVEAL
    assert [o.turn.player for o in game.step_outcomes] == ["Ana", "Ben"]
    assert session.advance() is None and session.phase is Phase.STANDINGS
    session.advance()
    assert session.phase is Phase.HANDOVER and game.turn.player == "Ana" and game.step == 1


def test_only_the_player_at_the_keyboard_may_answer():
    session = dealer([], FakeClock()).deal(GameSetup(("Ana", "Ben"), questions=5, seed=1))
    session.ready()
    refused = session.submit(Answer(1, 0, 0))
    assert isinstance(refused, Refused) and refused.reason is Refusal.NOT_YOUR_TURN
    session.submit(Answer(0, 0, 0))
    refused = session.submit(Answer(0, 0, 0))
    assert isinstance(refused, Refused) and refused.reason is Refusal.NOT_ASKING


def test_each_player_has_their_own_clock_from_ready():
    clock = FakeClock()
    session = dealer([], clock).deal(GameSetup(("Ana", "Ben"), questions=5, timer=10, seed=1))
    game = session.game
    clock.advance(30)  # a long handover costs nobody anything
    session.ready()
    clock.advance(4)
    assert game.time_left() == 6
    ana = session.submit(Answer(0, 0, game.turn.question.answer))
    clock.advance(50)  # the keyboard changes hands slowly
    session.ready()
    assert game.time_left() == 10
    clock.advance(9.9)
    assert not session.tick()
    clock.advance(0.2)
    assert session.tick()  # Ben's time ran out; Ana's answer stands
    assert session.phase is Phase.REVEAL
    ana_outcome, ben_outcome = game.step_outcomes
    assert ana_outcome.seconds == 4 and ana_outcome.correct == ana.outcome.correct
    assert ben_outcome.timed_out and ben_outcome.seconds == 10


def test_own_question_each_stays_an_option():
    clock, records = FakeClock(), []
    setup = GameSetup(("Ana", "Ben"), questions=5, seed=1, seating=parse_seating("own"))
    session = dealer(records, clock).deal(setup)
    game = session.game
    session.ready()
    first = game.turn.question.id
    session.submit(Answer(0, 0, 0))
    session.advance()
    assert session.phase is Phase.HANDOVER
    session.ready()
    assert game.turn.player == "Ben" and game.turn.question.id != first


def test_seating_words():
    assert parse_seating("same") is Seating.SAME
    assert parse_seating(" Own ") is Seating.TURNS
    assert parse_seating("buzzer") is Seating.BUZZER
    try:
        parse_seating("circle")
    except SetupError as error:
        assert "same, own or buzzer" in str(error)
    else:  # pragma: no cover
        raise AssertionError("circle is no seating")


def test_own_question_rounds_are_of_one_type_and_difficulty_where_possible():
    base = plain_questions(9)
    kinds = [("choice", "easy"), ("truefalse", "hard"), ("choice", "hard")]
    mixed = [
        dataclasses.replace(q, type=kinds[n % 3][0], difficulty=kinds[n % 3][1])
        for n, q in enumerate(base)
    ]
    dealt = balanced(mixed, 3)
    assert sorted(q.id for q in dealt) == sorted(q.id for q in mixed)
    rounds = [dealt[i : i + 3] for i in range(0, 9, 3)]
    for group in rounds:
        assert len({(q.type, q.difficulty) for q in group}) == 1
    # Too few alike: the closest kind fills the round, then the next in line.
    odd = mixed[:3]  # easy choice, hard true/false, hard choice
    assert [q.id for q in balanced(odd, 2)] == [odd[0].id, odd[2].id, odd[1].id]
