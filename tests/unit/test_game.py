"""The game engine: turn order, hot-seat rounds, time-outs, ties, abandoning, records."""

from __future__ import annotations

import random

import pytest
from doubles import FakeClock, fixed_now, plain_questions

from quiz.game import Game, GameStateError, Phase, PlayerScore, rank
from quiz.game_setup import (
    GameSetup,
    Seating,
    SetupError,
    parse_players,
    parse_questions,
    parse_seed,
    parse_timer,
)

make_questions = plain_questions


def new_game(players=("Ana",), questions=5, timer=20.0, count=None, clock=None,
             seating=Seating.TURNS):  # fmt: skip
    """A game of "own question each" unless ``seating`` says otherwise."""
    setup = GameSetup(players=tuple(players), questions=questions, timer=timer, seed=7,
                      seating=seating)  # fmt: skip
    pool = make_questions(count if count is not None else questions * len(players))
    return Game(setup, pool, clock=clock or FakeClock(), now=fixed_now, rng=random.Random(7))


def answer_right(game: Game):
    return game.answer(game.turn.question.answer)


def answer_wrong(game: Game):
    return game.answer((game.turn.question.answer + 1) % 4)


def test_solo_game_runs_question_reveal_to_results():
    game = new_game()
    assert game.phase is Phase.SETUP
    game.begin()
    phases = []
    for _ in range(5):
        assert game.phase is Phase.QUESTION
        answer_right(game)
        assert game.phase is Phase.REVEAL
        phases.append(game.advance())
    assert phases == [Phase.QUESTION] * 4 + [Phase.RESULTS]
    assert game.players[0].correct == 5
    # streak bonus: 0, 100, 200, 300, 400
    assert game.players[0].score == 5 * 1000 + 1000


def test_streak_bonus_is_capped_at_500():
    game = new_game(questions=10)
    game.begin()
    bonuses = []
    while not game.over:
        bonuses.append(answer_right(game).points.streak_bonus)
        game.advance()
    assert bonuses == [0, 100, 200, 300, 400, 500, 500, 500, 500, 500]
    assert game.players[0].best_streak == 10


def test_wrong_answer_resets_the_streak():
    game = new_game()
    game.begin()
    answer_right(game)
    game.advance()
    answer_right(game)
    game.advance()
    outcome = answer_wrong(game)
    assert outcome.points.total == 0 and outcome.streak == 0
    game.advance()
    assert answer_right(game).points.streak_bonus == 0
    assert game.players[0].best_streak == 2


def test_speed_counts_on_the_injected_clock():
    clock = FakeClock()
    game = new_game(clock=clock)
    game.begin()
    clock.advance(10)
    outcome = answer_right(game)
    assert outcome.seconds == 10
    assert outcome.points.speed == 750
    assert game.players[0].fastest == 10


def test_time_out_is_a_transition_driven_by_the_clock():
    clock = FakeClock()
    game = new_game(clock=clock)
    game.begin()
    clock.advance(19.9)
    assert game.tick() is None and game.phase is Phase.QUESTION
    assert game.time_left() == pytest.approx(0.1)
    clock.advance(0.1)
    outcome = game.tick()
    assert outcome is not None and outcome.timed_out and outcome.chosen is None
    assert game.phase is Phase.REVEAL
    assert outcome.points.total == 0
    assert game.players[0].answered == 1 and game.players[0].correct == 0


def test_an_answer_after_the_deadline_counts_as_a_time_out():
    clock = FakeClock()
    game = new_game(clock=clock)
    game.begin()
    clock.advance(25)
    outcome = answer_right(game)
    assert outcome.timed_out and outcome.points.total == 0


def test_no_time_out_with_the_timer_off():
    clock = FakeClock()
    game = new_game(clock=clock, timer=None)
    game.begin()
    clock.advance(10_000)
    assert game.tick() is None
    assert game.time_left() is None
    assert answer_right(game).points.speed == 1000


def test_pause_stops_the_question_clock():
    clock = FakeClock()
    game = new_game(clock=clock)
    game.begin()
    clock.advance(5)
    game.pause()
    clock.advance(100)
    assert game.tick() is None
    game.resume()
    clock.advance(5)
    assert game.elapsed() == pytest.approx(10)


def test_hot_seat_turn_order_and_rounds():
    game = new_game(players=("Ana", "Ben", "Cy"), questions=5)
    game.begin()
    seen = []
    while not game.over:
        if game.phase is Phase.STANDINGS:
            seen.append("standings")
            game.advance()
            continue
        assert game.phase is Phase.HANDOVER
        turn = game.turn
        seen.append((turn.round, turn.player))
        game.ready()
        answer_right(game)
        game.advance()
    expected = []
    for round_ in range(1, 6):
        expected += [(round_, "Ana"), (round_, "Ben"), (round_, "Cy")]
        if round_ < 5:
            expected.append("standings")
    assert seen == expected
    assert game.phase is Phase.RESULTS


def test_each_player_gets_their_own_questions():
    game = new_game(players=("Ana", "Ben"), questions=5)
    game.begin()
    asked: dict[str, list[str]] = {"Ana": [], "Ben": []}
    while not game.over:
        if game.phase is Phase.STANDINGS:
            game.advance()
            continue
        game.ready()
        asked[game.turn.player].append(game.turn.question.id)
        answer_wrong(game)
        game.advance()
    assert len(asked["Ana"]) == len(asked["Ben"]) == 5
    assert not set(asked["Ana"]) & set(asked["Ben"])


def test_short_question_supply_shrinks_the_game_evenly():
    game = new_game(players=("Ana", "Ben"), questions=10, count=13)
    assert game.per_player == 6
    assert len(game.questions) == 12
    with pytest.raises(ValueError):
        new_game(players=("Ana", "Ben"), questions=5, count=1)


def test_ties_share_a_place():
    players = [PlayerScore("A", 300), PlayerScore("B", 500), PlayerScore("C", 500)]
    standings = rank(players)
    assert [(s.place, s.player.name) for s in standings] == [(1, "B"), (1, "C"), (3, "A")]


def test_results_rank_a_tied_game():
    game = new_game(players=("Ana", "Ben", "Cy"), questions=5, timer=None)
    game.begin()
    while not game.over:
        if game.phase is Phase.STANDINGS:
            game.advance()
            continue
        game.ready()
        if game.turn.player == "Cy":
            answer_wrong(game)
        else:
            answer_right(game)
        game.advance()
    places = [(s.place, s.player.name) for s in game.standings()]
    assert places == [(1, "Ana"), (1, "Ben"), (3, "Cy")]
    assert game.players[2].accuracy == 0.0 and game.players[0].accuracy == 1.0


def test_abandoning_mid_game_keeps_what_was_answered():
    game = new_game(players=("Ana", "Ben"))
    game.begin()
    game.ready()
    answer_right(game)
    game.advance()
    game.abandon()
    assert game.phase is Phase.ABANDONED and game.over
    record = game.record()
    assert record.status == "abandoned"
    assert len(record.answers) == 1
    with pytest.raises(GameStateError):
        game.ready()


def test_record_of_a_finished_game():
    clock = FakeClock()
    game = new_game(players=("Ana", "Ben"), clock=clock)
    with pytest.raises(GameStateError):
        game.record()
    game.begin()
    while not game.over:
        if game.phase is Phase.STANDINGS:
            game.advance()
            continue
        game.ready()
        clock.advance(2)
        answer_right(game) if game.turn.player == "Ana" else game.tick() or answer_wrong(game)
        game.advance()
    record = game.record()
    assert record.status == "finished"
    assert record.mode == "hotseat"
    assert record.players == ("Ana", "Ben")
    assert record.seed == 7
    assert record.packs == ("test",)
    assert record.started_at == "2024-05-24T12:00:00+00:00"
    assert len(record.answers) == 10
    assert record.answers[0].player == "Ana" and record.answers[0].correct
    assert record.answers[1].player == "Ben" and not record.answers[1].correct
    assert record.answers[0].seconds == 2
    assert record.scores == {"Ana": game.players[0].score, "Ben": 0}
    assert record.settings["timer"] == 20.0


def test_answering_in_the_wrong_phase_is_an_error():
    game = new_game(players=("Ana", "Ben"))
    game.begin()
    with pytest.raises(GameStateError):
        game.answer(0)
    game.ready()
    with pytest.raises(ValueError):
        game.answer(7)


def test_next_seed_is_derived_from_the_rng():
    assert new_game().next_seed() == new_game().next_seed()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "at least one"),
        ("A,B,C,D,E,F,G,H,I", "9 players"),
        ("Ana,,Ben", "player 2 has an empty name"),
        ("Ana,ANA", "two players"),
        ("x" * 30, "longer"),
    ],
)
def test_bad_player_lists(text, message):
    with pytest.raises(SetupError, match=message):
        parse_players(text)


def test_player_names_are_cleaned():
    assert parse_players(" Ana ,\x1b[31mBen\x1b[0m") == ("Ana", "Ben")
    assert parse_players("[bold]x, [/oops]") == ("[bold]x", "[/oops]")


def test_questions_timer_and_seed_parsing():
    assert parse_questions("12") == 12
    for bad in ("4", "51", "ten"):
        with pytest.raises(SetupError):
            parse_questions(bad)
    assert parse_timer("off") is None and parse_timer("OFF") is None
    assert parse_timer("15") == 15.0
    for bad in ("fast", "1", "9999"):
        with pytest.raises(SetupError):
            parse_timer(bad)
    assert parse_seed("") is None and parse_seed("42") == 42
    with pytest.raises(SetupError):
        parse_seed("x")
