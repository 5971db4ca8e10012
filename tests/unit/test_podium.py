"""Standings movement, round points, awards and personal bests, read from a played game."""

from __future__ import annotations

from quiz.game import Game, GameSetup, Phase, Seating
from quiz.podium import awards, by_category, ordinal, personal_marks, round_rows
from tests.doubles import FakeClock, fixed_now, plain_questions


def shared_game(picks: list[list[int | None]], names=("Ana", "Ben", "Cy")) -> Game:
    """A same-question game where round r's answers are ``picks[r]`` (None: wrong)."""
    clock = FakeClock()
    setup = GameSetup(players=names, questions=len(picks), timer=20.0, seed=1)
    game = Game(setup, plain_questions(len(picks)), clock=clock, now=fixed_now,
                seating=Seating.SHARED)  # fmt: skip
    game.begin()
    for step, row in enumerate(picks):
        right = game.questions[step].answer
        for seat, seconds in enumerate(row):
            clock.advance(seconds if seconds is not None else 1)
            game.submit(seat, step, right if seconds is not None else (right + 1) % 4)
        if game.advance() is Phase.STANDINGS:
            game.advance()
    return game


def test_round_rows_show_points_this_round_and_movement() -> None:
    # Round 1: Ana and Ben right, Cy wrong. Round 2: only Cy right, and fast.
    game = shared_game([[1, 2, None], [None, None, 0.1]])
    after_one = round_rows(game.players, game.outcomes, 1)
    assert [r.name for r in after_one] == ["Ana", "Ben", "Cy"]
    assert all(r.move == 0 for r in after_one)
    after_two = round_rows(game.players, game.outcomes, 2)
    cy = next(r for r in after_two if r.name == "Cy")
    assert cy.gained > 0 and cy.place == 2 and cy.arrow == "▲1"  # 948 (2.1 s) beats 925 (3 s)
    ben = next(r for r in after_two if r.name == "Ben")
    assert ben.gained == 0 and ben.arrow == "▼1" and ben.score == ben.gained + 925


def test_overtaking_shows_an_up_arrow_for_one_and_down_for_the_other() -> None:
    game = shared_game([[0.1, None, None], [None, 0.1, None], [None, 0.1, None]])
    rows = {r.name: r for r in round_rows(game.players, game.outcomes, 3)}
    assert rows["Ben"].place == 1 and rows["Ana"].place == 2
    rows2 = {r.name: r for r in round_rows(game.players, game.outcomes, 2)}
    assert rows2["Ben"].arrow == "–" and rows2["Ana"].place == 1  # 1000 still beats 973
    assert rows["Ana"].arrow == "▼1" and rows["Ben"].arrow == "▲1"


def test_awards_go_to_who_earned_them_and_not_for_nothing() -> None:
    game = shared_game([[0.1, 3, None], [2, 3, None], [2, None, 5]])
    got = {a.title: a for a in awards(game.players, game.outcomes)}
    assert got["Fastest finger"].player == "Ana"
    assert got["Longest streak"].player == "Ana" and got["Longest streak"].detail == "3 in a row"
    assert got["Most accurate"].player == "Ana"
    nobody = shared_game([[None, None, None]])
    assert awards(nobody.players, nobody.outcomes) == []


def test_comeback_names_the_climb() -> None:
    game = shared_game([[None, None, 1], [0.1, 0.1, None], [0.1, None, None]])
    comeback = [a for a in awards(game.players, game.outcomes) if a.title == "Comeback"]
    assert comeback and comeback[0].player == "Ana"
    assert comeback[0].detail == "from 2nd to 1st"


def test_solo_accuracy_by_category_and_personal_best() -> None:
    game = shared_game([[1], [None], [1]], ("Ana",))
    counts = [(c.category, c.right, c.asked) for c in by_category(game.outcomes)]
    assert counts == [("Charts", 2, 3)]
    score = game.players[0].score
    (mark,) = personal_marks(game.players, {"Ana": score - 1})
    assert mark.new_best and mark.line() == f"New personal best! (was {score - 1:,})"
    (behind,) = personal_marks(game.players, {"Ana": score + 1000})
    assert not behind.new_best and "1,000 to go" in behind.line()
    (first,) = personal_marks(game.players, {"Ana": None})
    assert first.new_best
    assert personal_marks(game.players, {}) == []


def test_ordinals() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th",
    ]  # fmt: skip
