"""Who is winning: each leaderboard rule, the solo table, periods, the champion."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from quiz.records import AnswerRecord, GameRecord, tally
from quiz.stats_board import period_start
from quiz.store import Store

NOW = datetime(2026, 3, 18, 12, 0, tzinfo=UTC)  # a Wednesday


def answers(player, right, wrong=0):
    """``right`` right answers then ``wrong`` wrong ones, 1,000 points each right one."""
    return [AnswerRecord(player, f"q{n}", "wdta", "Charts", 0, True, 2.0, 1000)
            for n in range(right)] + [
        AnswerRecord(player, f"w{n}", "wdta", "Charts", 1, False, 2.0, 0) for n in range(wrong)
    ]  # fmt: skip


def game(scores, questions=2, *, mode="hotseat", status="finished", when="2026-03-01T20:00:00Z"):
    """A game where each player answered ``questions`` questions and scored ``scores``."""
    given = [a for name in scores for a in answers(name, 0, questions)]
    return GameRecord(when, when, mode, status, tuple(scores), ("wdta",), 1, {}, tuple(given),
                      tally(scores, given))  # fmt: skip


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "scores.sqlite3")
    yield s
    s.close()


def board(store, since=None):
    return [(r.place, r.player, r.wins, r.games) for r in store.leaderboard(since)]


def test_most_wins_ranks_first_whatever_the_best_single_score(store):
    store.save_game(game({"Ana": 100, "Ben": 50}))
    store.save_game(game({"Ana": 100, "Ben": 50}))
    store.save_game(game({"Ben": 99999, "Ana": 0}))  # Ben's one huge game
    assert board(store) == [(1, "Ana", 2, 3), (2, "Ben", 1, 3)]


def test_equal_wins_rank_by_win_rate(store):
    store.save_game(game({"Ana": 10, "Ben": 0}))
    store.save_game(game({"Cy": 10, "Ben": 0}))
    store.save_game(game({"Dee": 10, "Ana": 20}))  # Ana: 2 wins of 2 games
    store.save_game(game({"Cy": 0, "Ben": 10}))  # Cy: 1 win of 2, Ben: 1 of 3
    ranked = board(store)
    assert [name for _place, name, *_ in ranked] == ["Ana", "Cy", "Ben", "Dee"]


def test_equal_wins_and_rate_rank_by_points_per_question(store):
    store.save_game(game({"Ana": 3000, "Ben": 0}, questions=3))  # Ana 1,000 a question
    store.save_game(game({"Ben": 4000, "Ana": 0}, questions=2))  # Ben 2,000 a question
    rows = store.leaderboard()
    assert [(r.player, r.wins, r.games) for r in rows] == [("Ben", 1, 2), ("Ana", 1, 2)]
    assert rows[0].per_question == pytest.approx(4000 / 5)
    assert rows[1].per_question == pytest.approx(3000 / 5)


def test_players_equal_on_every_rule_share_a_place(store):
    store.save_game(game({"Ana": 10, "Ben": 10, "Cy": 0}))  # a shared first place is a win
    assert board(store) == [(1, "Ana", 1, 1), (1, "Ben", 1, 1), (3, "Cy", 0, 1)]


def test_buzzer_and_party_games_rank_solo_practice_and_abandoned_do_not(store):
    store.save_game(game({"Ana": 10, "Ben": 0}, mode="buzzer"))
    store.save_game(game({"Ben": 10, "Ana": 0, "Cy": 5}, mode="party"))
    store.save_game(game({"Cy": 99999}, mode="solo"))
    store.save_game(game({"Cy": 99999, "Ana": 0}, mode="practice"))
    store.save_game(game({"Cy": 99999, "Ana": 0}, status="abandoned"))
    assert board(store) == [(1, "Ana", 1, 2), (1, "Ben", 1, 2), (3, "Cy", 0, 1)]


def test_the_solo_table_has_one_block_per_length_by_best_points_per_question(store):
    store.save_game(game({"Ana": 2000}, questions=2, mode="solo"))  # 1,000 a question
    store.save_game(game({"Ana": 1000}, questions=2, mode="solo"))  # 500
    store.save_game(game({"Ben": 1800}, questions=2, mode="solo"))  # 900
    store.save_game(game({"Ben": 9000}, questions=10, mode="solo"))  # 900, a longer game
    store.save_game(game({"Ben": 9999}, questions=2, mode="practice"))  # never ranks
    store.save_game(game({"Ben": 9999}, questions=2, mode="solo", status="abandoned"))
    rows = [(r.length, r.place, r.player, r.games, r.best, r.average)
            for r in store.solo_table()]  # fmt: skip
    assert rows == [
        (2, 1, "Ana", 2, 1000.0, 750.0),
        (2, 2, "Ben", 1, 900.0, 900.0),
        (10, 1, "Ben", 1, 900.0, 900.0),
    ]
    assert board(store) == []  # no solo game is a multiplayer win


def test_periods_start_on_monday_and_on_the_first_local_midnight(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    import time

    time.tzset()
    try:
        assert period_start("all", NOW) is None
        assert period_start("week", NOW) == "2026-03-16T00:00:00"
        assert period_start("month", NOW) == "2026-03-01T00:00:00"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_this_week_and_this_month_count_only_their_games(store, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    import time

    time.tzset()
    store.save_game(game({"Ana": 10, "Ben": 0}, when="2026-02-27T20:00:00Z"))  # last month
    store.save_game(game({"Ana": 10, "Ben": 0}, when="2026-03-10T20:00:00Z"))  # last week
    store.save_game(game({"Ben": 10, "Ana": 0}, when="2026-03-16T00:00:00+00:00"))  # this week
    try:
        week, month = period_start("week", NOW), period_start("month", NOW)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert board(store) == [(1, "Ana", 2, 3), (2, "Ben", 1, 3)]
    assert board(store, month) == [(1, "Ana", 1, 2), (1, "Ben", 1, 2)]
    assert board(store, week) == [(1, "Ben", 1, 1), (2, "Ana", 0, 1)]
    assert [(h.player, h.wins, h.losses) for h in store.head_to_head(since=week)] == [
        ("Ana", 0, 1)
    ]


def test_the_champion_won_the_latest_multiplayer_game_and_their_streak_counts_back(store):
    assert store.champions() == []
    store.save_game(game({"Ana": 10, "Ben": 0}, when="2026-03-01T20:00:00Z"))
    store.save_game(game({"Ben": 10, "Cy": 0}, when="2026-03-02T20:00:00Z"))
    store.save_game(game({"Ben": 10, "Ana": 0}, when="2026-03-03T20:00:00Z"))
    store.save_game(game({"Ana": 99999}, mode="solo", when="2026-03-04T20:00:00Z"))
    store.save_game(game({"Ana": 10, "Ben": 0}, status="abandoned", when="2026-03-05T20:00:00Z"))
    store.save_game(game({"Cy": 10, "Ana": 0}, mode="practice", when="2026-03-06T20:00:00Z"))
    [champion] = store.champions()
    assert (champion.player, champion.streak, champion.game_id) == ("Ben", 2, 3)
    store.save_game(game({"Ana": 5, "Ben": 5}, mode="buzzer", when="2026-03-07T20:00:00Z"))
    assert [(c.player, c.streak) for c in store.champions()] == [("Ana", 1), ("Ben", 3)]


def test_head_to_head_lists_the_most_played_pairs_first_and_can_stop_early(store):
    store.save_game(game({"Cy": 10, "Dee": 0}))
    for _ in range(2):
        store.save_game(game({"Ben": 10, "Ana": 0}))
    pairs = store.head_to_head()
    assert [(h.player, h.opponent, h.wins, h.losses, h.games) for h in pairs] == [
        ("Ana", "Ben", 0, 2, 2),
        ("Cy", "Dee", 1, 0, 1),
    ]
    assert len(store.head_to_head(limit=1)) == 1
    assert [(h.player, h.opponent) for h in store.head_to_head("ben")] == [("Ben", "Ana")]


def test_schema_5_tallies_the_questions_of_a_schema_4_file_and_keeps_them_up_to_date(tmp_path):
    import sqlite3

    from quiz.store import MIGRATIONS, migrate
    from quiz.store.writes import save_game

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, [m for m in MIGRATIONS if m.version <= 4])
    missed = [AnswerRecord("Ana", "q1", "wdta", "Charts", 1, False, 2.0, 0),
              AnswerRecord("Ben", "q1", "wdta", "Charts", 0, True, 2.0, 900)]  # fmt: skip
    for mode, status in (("hotseat", "finished"), ("practice", "finished"),
                         ("hotseat", "abandoned")):  # fmt: skip
        record = GameRecord("2026-03-01T20:00:00Z", "2026-03-01T20:00:00Z", mode, status,
                            ("Ana", "Ben"), ("wdta",), 1, {}, tuple(missed),
                            tally({"Ana": 0, "Ben": 900}, missed))  # fmt: skip
        save_game(conn, record)
    conn.close()
    with Store.open(path) as store:  # migrated to schema 5 here
        assert [(m.question_id, m.asked, m.missed) for m in store.most_missed()] == [("q1", 2, 1)]
        store.save_game(game({"Cy": 0, "Dee": 0}))  # two more misses of w0, w1 each
        assert [(m.question_id, m.asked, m.missed) for m in store.most_missed()] == [
            ("w0", 2, 2), ("w1", 2, 2), ("q1", 2, 1),
        ]  # fmt: skip
        assert [(c.category, c.answered, c.correct) for c in store.accuracy_by_category()] == [
            ("Charts", 6, 1)
        ]


def test_head_to_head_of_a_league_is_every_pair_counted_one_by_one(tmp_path):
    """The pairs, their counts and their order, against a count made game by game."""
    from itertools import combinations

    from bench.scores_league import league_records
    from quiz.text import player_key

    with Store.open(tmp_path / "scores.sqlite3") as store:
        store.save_games(league_records(12, 150, seed=3))
        expected: dict[tuple[str, str], list[int]] = {}
        for g in store.games():
            if g.status != "finished" or g.mode == "practice" or len(g.players) < 2:
                continue
            for a, b in combinations(g.players, 2):
                if player_key(a.player) > player_key(b.player):
                    a, b = b, a
                counts = expected.setdefault((a.player, b.player), [0, 0, 0])
                counts[0 if a.rank < b.rank else 1 if a.rank > b.rank else 2] += 1
        order = sorted(expected, key=lambda p: (-sum(expected[p]), player_key(p[0]),
                                                player_key(p[1])))  # fmt: skip
        want = [(a, b, *expected[(a, b)]) for a, b in order]
        got = [(h.player, h.opponent, h.wins, h.losses, h.ties) for h in store.head_to_head()]
        assert got == want
        top = [(h.player, h.opponent) for h in store.head_to_head(limit=5)]
        assert top == [(a, b) for a, b, *_ in want[:5]]
        mine = [(h.player, h.opponent, h.wins) for h in store.head_to_head("player 0003")]
        assert mine == [
            (a, b, won) if a == "Player 0003" else (b, a, lost)
            for a, b, won, lost, _t in want if "Player 0003" in (a, b)
        ]


def test_a_buzzer_game_spreads_points_over_every_question_buzzed_or_not(store):
    # Played: Ana buzzed 8 of 10 and showed 726 a question, Ben buzzed all 10 and 194:
    # sitting out paid. In a buzzer game the questions of the game count for everyone.
    given = answers("Ana", 2) + answers("Ben", 2, 8)  # Ana: 2 buzzes, Ben: all 10
    record = GameRecord("2026-03-01T20:00:00Z", "2026-03-01T20:00:00Z", "buzzer", "finished",
                        ("Ana", "Ben"), ("wdta",), 1, {"questions_asked": 10}, tuple(given),
                        tally({"Ana": 2000, "Ben": 2000}, given))  # fmt: skip
    store.save_game(record)
    rows = {r.player: r for r in store.leaderboard()}
    assert rows["Ana"].per_question == pytest.approx(200)
    assert rows["Ben"].per_question == pytest.approx(200)
    # Other modes still count the questions each player answered.
    store.save_game(game({"Cy": 3000, "Dee": 0}, questions=3))
    assert {r.player: r for r in store.leaderboard()}["Cy"].per_question == pytest.approx(1000)
