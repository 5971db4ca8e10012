"""Read-side queries: leaderboard, history, head-to-head, bests, misses, recent questions."""

from __future__ import annotations

import re
import sqlite3
from itertools import groupby

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.errors import UserError
from quiz.records import AnswerRecord, GameRecord, tally
from quiz.store import Store


def answer(player, qid, correct=True, *, category="Song facts", seconds=2.0):
    """One answer; points follow correctness."""
    return AnswerRecord(
        player, qid, "wdta", category, 0 if correct else 1, correct, seconds, 1000 if correct else 0
    )


def game(scores, answers=(), *, mode="hotseat", status="finished", when="2026-01-01T10:00:00Z"):
    """A game record with ``scores`` (name -> score) in turn order."""
    return GameRecord(
        when, when, mode, status, tuple(scores), ("wdta",), 1, {}, tuple(answers),
        tally(scores, answers),
    )


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "scores.sqlite3")
    yield s
    s.close()


@pytest.fixture
def league(store):
    """Ana beats Ben twice, they tie once; Cy plays solo; practice and abandoned games too."""
    store.save_game(
        game(
            {"Ana": 3000, "Ben": 2000},
            [
                answer("Ana", "q1"),
                answer("Ben", "q2", False, category="Charts"),
                answer("Ana", "q3"),
                answer("Ben", "q4"),
            ],
            when="2026-01-01T10:00:00Z",
        )
    )
    store.save_game(
        game(
            {"Ben": 1000, "ana": 1500, "Cy": 1500},
            [
                answer("Ben", "q1", False),
                answer("ana", "q2", category="Charts"),
                answer("Cy", "q2", False, category="Charts"),
            ],
            when="2026-01-02T10:00:00Z",
        )
    )
    store.save_game(game({"Ana": 500, "Ben": 500}, when="2026-01-03T10:00:00Z"))
    store.save_game(
        game(
            {"Cy": 4000},
            [answer("Cy", "q5", seconds=0.7)],
            mode="solo",
            when="2026-01-04T10:00:00Z",
        )
    )
    # Neither of these may count anywhere in rankings.
    store.save_game(
        game(
            {"Ben": 99999},
            [answer("Ben", "q2", category="Charts")],
            mode="practice",
            when="2026-01-05T10:00:00Z",
        )
    )
    store.save_game(
        game(
            {"Ana": 88888, "Ben": 0},
            [answer("Ben", "q9", False)],
            status="abandoned",
            when="2026-01-06T10:00:00Z",
        )
    )
    return store


def test_leaderboard_counts_only_finished_multiplayer_games(league):
    rows = {r.player: r for r in league.leaderboard()}
    # Most wins first; Cy and Ben have one each, Cy in fewer games (a better win rate).
    assert [r.player for r in league.leaderboard()] == ["Ana", "Cy", "Ben"]
    assert (rows["Ana"].games, rows["Ana"].wins, rows["Ana"].points) == (3, 3, 5000)
    assert (rows["Ben"].games, rows["Ben"].wins, rows["Ben"].points) == (3, 1, 3500)
    # Cy's solo game is no "win" and no multiplayer game; the shared first place in game 2 is.
    assert (rows["Cy"].games, rows["Cy"].wins) == (1, 1)
    assert rows["Ben"].accuracy == pytest.approx(1 / 3)
    assert [r.place for r in league.leaderboard()] == [1, 2, 3]
    solo = league.solo_table()
    assert [(r.player, r.length, r.games, r.best) for r in solo] == [("Cy", 1, 1, 4000.0)]


def test_head_to_head_wins_losses_ties(league):
    pairs = {(h.player, h.opponent): (h.wins, h.losses, h.ties) for h in league.head_to_head()}
    assert pairs == {("Ana", "Ben"): (2, 0, 1), ("Ana", "Cy"): (0, 0, 1), ("Ben", "Cy"): (0, 1, 0)}
    mine = league.head_to_head("cy")
    assert [(h.player, h.opponent, h.wins, h.losses) for h in mine] == [
        ("Cy", "Ana", 0, 0),
        ("Cy", "Ben", 1, 0),
    ]


def test_history_is_newest_first_with_every_mode_and_status(league):
    history = league.history("BEN")
    assert [(g.mode, g.status) for g in history][:2] == [
        ("hotseat", "abandoned"),
        ("practice", "finished"),
    ]
    assert len(history) == 5
    oldest = history[-1]
    assert [(r.player, r.score, r.rank) for r in oldest.players] == [
        ("Ana", 3000, 1),
        ("Ben", 2000, 2),
    ]
    assert oldest.result_of("ben").correct == 1
    assert len(league.history("Ben", limit=2)) == 2


def test_unknown_player_is_a_user_error(league):
    with pytest.raises(UserError, match="no player named 'Zed'.*Ana, Ben, Cy"):
        league.history("Zed")
    with pytest.raises(UserError):
        league.personal_bests("Zed")
    assert league.missed_question_ids("Zed") == []
    assert league.recent_question_ids(["Zed"]) == []


def test_personal_bests(league):
    bests = league.personal_bests("cy")
    assert bests.player == "Cy"
    assert (bests.games, bests.best_score, bests.best_accuracy) == (2, 4000, 1.0)
    assert bests.fastest_correct == 0.7
    ana = league.personal_bests("Ana")
    assert ana.longest_streak == 2  # q1, q3 in game 1; streaks do not run across games
    assert ana.most_correct == 2
    assert league.personal_bests("Ben").best_score == 2000  # practice 99999 not counted


def test_streak_resets_on_a_miss_and_between_games(store):
    store.save_game(
        game(
            {"A": 1},
            [answer("A", "1"), answer("A", "2"), answer("A", "3", False), answer("A", "4")],
            mode="solo",
        )
    )
    store.save_game(game({"A": 1}, [answer("A", "5"), answer("A", "6")], mode="solo"))
    assert store.personal_bests("a").longest_streak == 2


def test_accuracy_by_category(league):
    everyone = {c.category: (c.correct, c.answered) for c in league.accuracy_by_category()}
    assert everyone == {"Charts": (1, 3), "Song facts": (4, 5)}
    ben = {c.category: c.accuracy for c in league.accuracy_by_category("ben")}
    assert ben == {"Charts": 0.0, "Song facts": 0.5}


def test_most_missed(league):
    missed = league.most_missed()
    assert [(m.question_id, m.missed, m.asked) for m in missed] == [("q2", 2, 3), ("q1", 1, 2)]
    assert missed[0].category == "Charts"
    assert len(league.most_missed(limit=1)) == 1


def test_recent_question_ids_most_recent_first_for_any_of_the_players(league):
    assert league.recent_question_ids(["ben"]) == ["q9", "q2", "q1", "q4"]
    assert league.recent_question_ids(["Cy", "ANA"]) == ["q5", "q2", "q3", "q1"]
    assert league.recent_question_ids(["Cy", "Ana"], limit=2) == ["q5", "q2"]
    assert league.recent_question_ids([]) == []


def test_missed_until_answered_right_even_in_practice(store):
    store.save_game(
        game(
            {"Ana": 0},
            [answer("Ana", "a", False), answer("Ana", "b", False), answer("Ana", "c")],
            mode="solo",
        )
    )
    assert store.missed_question_ids("ana") == ["b", "a"]
    store.save_game(game({"Ana": 0}, [answer("Ana", "a")], mode="practice"))
    assert store.missed_question_ids("Ana") == ["b"]
    # Right, then wrong again: missed again, and now the newest miss.
    store.save_game(game({"Ana": 0, "Ben": 0}, [answer("Ana", "c", False), answer("Ben", "b")]))
    assert store.missed_question_ids("Ana") == ["c", "b"]


def test_time_out_counts_as_a_miss(store):
    timed_out = AnswerRecord("Ana", "t", "wdta", "Charts", None, False, 20.0, 0)
    store.save_game(game({"Ana": 0}, [timed_out], mode="solo"))
    assert store.missed_question_ids("Ana") == ["t"]


def test_empty_database(store):
    assert not store.has_games()
    assert store.leaderboard() == []
    assert store.head_to_head() == []
    assert store.most_missed() == []
    assert store.games() == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.sampled_from("abcde"), st.booleans(), st.sampled_from(["solo", "practice"])),
        max_size=25,
    )
)
def test_missed_and_recent_match_a_simple_model(tmp_path_factory, plays):
    """Missed = latest answer wrong; recent = distinct ids by latest answer, newest first."""
    path = tmp_path_factory.mktemp("model") / "scores.sqlite3"
    latest: dict[str, tuple[int, bool]] = {}
    with Store.open(path) as s:
        # Consecutive plays of one mode form one game: fewer commits, same order.
        numbered = list(enumerate(plays))
        for mode, run in groupby(numbered, key=lambda item: item[1][2]):
            run = list(run)
            s.save_game(game({"P": 0}, [answer("P", q, ok) for _n, (q, ok, _m) in run], mode=mode))
            for n, (qid, correct, _mode) in run:
                latest[qid] = (n, correct)
        newest_first = sorted(latest, key=lambda q: -latest[q][0])
        assert s.recent_question_ids(["p"]) == newest_first
        assert s.missed_question_ids("p") == [q for q in newest_first if not latest[q][1]]


# -- text on the way out ----------------------------------------------------------------------

#: Never handed out: C0 controls (tab and newline too: these are one-line texts), DEL, C1,
#: bidi controls, zero-width characters.
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)
hostile_chars = st.sampled_from("\x1b\x07\x9b\x9d\x9c[]0;m\u202e\u2066\u200b\ufeff\t\n a")
# Chosen per piece: see tests/unit/test_text.py. No lone surrogates: sqlite3 cannot write them.
hostile_text = st.lists(hostile_chars | st.characters(exclude_categories=["Cs"])).map("".join)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=hostile_text, category=hostile_text, qid=hostile_text)
def test_whatever_the_file_holds_the_store_hands_out_clean_one_line_text(
    tmp_path_factory, name, category, qid
):
    """Text edited straight into the file (not through ``save_game``) comes out cleaned."""
    path = tmp_path_factory.mktemp("edited") / "scores.sqlite3"
    with Store.open(path) as s:
        s.save_game(game({"Ana": 10, "Ben": 5}, [answer("Ana", "q1"), answer("Ben", "q2", False)]))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE players SET name = ? || name WHERE key = 'ana'", (name,))
    conn.execute("UPDATE answers SET category = ?, question_id = question_id || ?", (category, qid))
    conn.close()
    with Store.open(path) as s:
        out = [
            s.players(),
            s.find_player("ana"),
            [(r.player,) for r in s.leaderboard()],
            [(r.player for r in g.players) for g in s.games()],
            [(h.player, h.opponent) for h in s.head_to_head()],
            [c.category for c in s.accuracy_by_category()],
            [(m.question_id, m.pack, m.category) for m in s.most_missed()],
            s.recent_question_ids(["ana", "ben"]),
            s.missed_question_ids("ben"),
            s.personal_bests("ana").player,
        ]
    texts = [t for t in _flat(out) if isinstance(t, str)]
    assert [t for t in texts if UNSAFE.search(t)] == []
    assert all(t == " ".join(t.split()) and t for t in _flat(out[:5]) if isinstance(t, str))


def _flat(value):
    if isinstance(value, list | tuple) or hasattr(value, "__next__"):
        for item in value:
            yield from _flat(item)
    else:
        yield value
