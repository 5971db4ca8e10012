"""The scores store: where it lives, what a saved game keeps, names, schema and migrations."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest

from quiz.errors import UserError
from quiz.records import AnswerRecord, GameRecord, tally
from quiz.store import MIGRATIONS, Migration, Store, migrate, schema_version
from quiz.store import schema as store_schema
from quiz.store import writes as store_writes


def answer(player, qid, correct=True, *, chosen=0, category="Song facts", seconds=2.0):
    """One answer; points follow correctness."""
    return AnswerRecord(
        player=player,
        question_id=qid,
        pack="wdta",
        category=category,
        chosen=chosen,
        correct=correct,
        seconds=seconds,
        points=1000 if correct else 0,
    )


def game(scores, answers=(), *, mode="hotseat", status="finished", when="2026-01-01T10:00:00Z"):
    """A game record with ``scores`` (name -> score) in turn order."""
    return GameRecord(
        started_at=when,
        finished_at=when,
        mode=mode,
        status=status,
        players=tuple(scores),
        packs=("wdta", "extra"),
        seed=42,
        settings={"questions": 10, "timer": 20},
        answers=tuple(answers),
        results=tally(scores, answers),
    )


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "scores.sqlite3")
    yield s
    s.close()


def test_default_path_follows_wdta_quiz_home(isolated_home):
    with Store.open() as s:
        assert s.path == isolated_home / "scores.sqlite3"
    assert (isolated_home / "scores.sqlite3").is_file()


def test_opening_creates_missing_folders(tmp_path):
    path = tmp_path / "a" / "b" / "scores.sqlite3"
    with Store.open(path) as s:
        assert s.notices == []
    assert path.is_file()


def test_connection_settings(store):
    conn = store._conn
    assert conn.isolation_level is None
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema_version()


def test_indexes_exist(store):
    indexed = {
        (row[1], row[2])
        for row in store._conn.execute(
            "SELECT il.name, m.tbl_name, ii.name FROM sqlite_master m,"
            " pragma_index_list(m.tbl_name) il, pragma_index_info(il.name) ii"
            " WHERE m.type = 'table'"
        )
    }
    assert {("answers", "player_id"), ("answers", "question_id")} <= indexed
    assert ("game_players", "player_id") in indexed


def test_saved_game_keeps_everything(store):
    record = game(
        {"Ana": 1000, "Ben": 0},
        [answer("Ana", "wdta:label:attr", chosen=2), answer("Ben", "wdta:q:x", False, chosen=None)],
    )
    game_id = store.save_game(record)
    conn = store._conn
    row = conn.execute(
        "SELECT started_at, finished_at, mode, status, packs, seed, settings FROM games"
        " WHERE id = ?",
        (game_id,),
    ).fetchone()
    assert row[:4] == (record.started_at, record.finished_at, "hotseat", "finished")
    assert json.loads(row[4]) == ["wdta", "extra"]
    assert row[5] == 42
    assert json.loads(row[6]) == {"questions": 10, "timer": 20}
    answers = conn.execute(
        "SELECT p.name, question_id, pack, category, chosen, correct, seconds, points"
        " FROM answers a JOIN players p ON p.id = a.player_id ORDER BY a.id"
    ).fetchall()
    assert answers == [
        ("Ana", "wdta:label:attr", "wdta", "Song facts", 2, 1, 2.0, 1000),
        ("Ben", "wdta:q:x", "wdta", "Song facts", None, 0, 2.0, 0),
    ]
    seats = conn.execute(
        "SELECT p.name, score, rank, correct, answered FROM game_players gp"
        " JOIN players p ON p.id = gp.player_id ORDER BY seat"
    ).fetchall()
    assert seats == [("Ana", 1000, 1, 1, 1), ("Ben", 0, 2, 0, 1)]


def test_names_are_case_insensitive_and_keep_first_spelling(store):
    store.save_game(game({"Ana": 10}, mode="solo"))
    store.save_game(game({"ANA": 20, "Zoë": 5}))
    store.save_game(game({"zOË": 7}, mode="solo"))
    assert store.players() == ["Ana", "Zoë"]
    assert store.find_player("aNa") == "Ana"
    assert store.find_player("ZOË") == "Zoë"
    assert [g.players[0].player for g in store.history("ana")] == ["Ana", "Ana"]
    # The raw column is unique under COLLATE NOCASE too.
    with pytest.raises(sqlite3.IntegrityError):
        store._conn.execute("INSERT INTO players (name, key) VALUES ('ANA', 'other')")


def test_names_are_cleaned_of_control_characters(store):
    store.save_game(game({"\x1b[31mRed\x1b[0m  ": 1}, mode="solo"))
    assert store.players() == ["Red"]


def test_same_player_twice_in_one_game_is_still_saved(store):
    store.save_game(game({"Ana": 10, "ana": 5}))
    assert len(store.games()) == 1


def test_ranks_share_places_on_ties():
    results = tally({"A": 10, "B": 30, "C": 30, "D": 5}, ())
    assert [r.rank for r in results] == [3, 1, 1, 4]


def test_save_is_all_or_nothing(store, monkeypatch):
    store.save_game(game({"Ana": 1}, [answer("Ana", "q1")], mode="solo"))

    def broken(*args):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store_writes, "_insert_answers", broken)
    with pytest.raises(UserError, match="could not save the game"):
        store.save_game(game({"Ana": 2, "New": 1}, [answer("Ana", "q2")]))
    conn = store._conn
    assert conn.execute("SELECT COUNT(*) FROM games").fetchone()[0] == 1
    assert conn.execute("SELECT COUNT(*) FROM players").fetchone()[0] == 1
    assert not conn.in_transaction


def test_newer_schema_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "scores.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema_version() + 1}")
    conn.close()
    with pytest.raises(UserError, match="newer wdta-quiz"):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema_version() + 1
    conn.close()


V2 = Migration(schema_version() + 1, "a note on games", ("ALTER TABLE games ADD COLUMN note TEXT",))


def test_v1_database_is_migrated_keeping_its_data(tmp_path, monkeypatch):
    path = tmp_path / "scores.sqlite3"
    with Store.open(path) as s:
        s.save_game(game({"Ana": 10}, [answer("Ana", "q1")], mode="solo"))
    monkeypatch.setattr(store_schema, "MIGRATIONS", [*MIGRATIONS, V2])
    with Store.open(path) as s:
        conn = s._conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == V2.version
        columns = [row[1] for row in conn.execute("PRAGMA table_info(games)")]
        assert "note" in columns
        assert s.solo_table()[0].player == "Ana"
        assert s.recent_question_ids(["ana"]) == ["q1"]


def test_failed_migration_leaves_old_version_intact(tmp_path, monkeypatch):
    path = tmp_path / "scores.sqlite3"
    with Store.open(path) as s:
        s.save_game(game({"Ana": 10}, mode="solo"))
    bad = Migration(
        V2.version,
        "fails half-way",
        ("CREATE TABLE half_done (x)", "ALTER TABLE games ADD COLUMN note TEXT", "NOT SQL"),
    )
    monkeypatch.setattr(store_schema, "MIGRATIONS", [*MIGRATIONS, bad])
    with pytest.raises(UserError):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == V2.version - 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables
    assert "note" not in [row[1] for row in conn.execute("PRAGMA table_info(games)")]
    assert conn.execute("SELECT COUNT(*) FROM games").fetchone()[0] == 1
    conn.close()
    # With the fixed step the same file moves on.
    monkeypatch.setattr(store_schema, "MIGRATIONS", [*MIGRATIONS, V2])
    with Store.open(path) as s:
        assert s._conn.execute("PRAGMA user_version").fetchone()[0] == V2.version


def test_migrate_applies_each_step_once(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.sqlite3", isolation_level=None)
    assert migrate(conn, [*MIGRATIONS, V2]) == V2.version
    assert migrate(conn, [*MIGRATIONS, V2]) == V2.version  # nothing pending: no error
    conn.close()


def test_games_stored_before_best_streaks_get_them_from_their_answers(tmp_path):
    """Schema 2 keeps each player's best streak; a schema 1 file gains it from its answers."""
    path = tmp_path / "scores.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:1])
    conn.execute("INSERT INTO players (name, key) VALUES ('Ana', 'ana'), ('Ben', 'ben')")
    conn.execute(
        "INSERT INTO games VALUES (1, 'a', 'a', 'hotseat', 'finished', '[]', NULL, '{}', 2)"
    )
    conn.execute("INSERT INTO game_players VALUES (1, 0, 1, 10, 1, 4, 6), (1, 1, 2, 0, 2, 0, 1)")
    marks = [(1, True), (2, False), (1, True), (1, False), (1, True), (1, True), (1, True)]
    marks.append((1, False))
    conn.executemany(
        "INSERT INTO answers (game_id, player_id, question_id, pack, category, chosen,"
        " correct, seconds, points) VALUES (1, ?, 'q', 'p', 'c', 0, ?, 1.0, 0)",
        marks,
    )
    conn.close()
    with Store.open(path) as s:
        assert s._conn.execute("PRAGMA user_version").fetchone()[0] == schema_version()
        assert s.personal_bests("Ana").longest_streak == 3
        assert s.personal_bests("Ben").longest_streak == 0


def test_best_streak_is_kept_as_the_game_computed_it(store):
    record = game({"Ana": 10}, [answer("Ana", "q1"), answer("Ana", "q2")], mode="solo")
    claimed = replace(record.results[0], best_streak=7)
    store.save_game(replace(record, results=(claimed,)))
    assert store.personal_bests("ana").longest_streak == 7
    assert store.games()[0].result_of("ANA") == claimed


def test_names_stored_before_one_player_key_are_found_by_it(tmp_path):
    """Schema 3 rewrites keys made before names were normalised (NFD, invisible characters)."""
    path = tmp_path / "scores.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:2])
    decomposed, hidden = "Jose\u0301", "A\u200bna"
    conn.execute(
        "INSERT INTO players (name, key) VALUES (?, ?), (?, ?), ('ana', 'ana')",
        (decomposed, decomposed.casefold(), hidden, hidden.casefold()),
    )
    conn.close()
    with Store.open(path) as s:
        assert s.find_player("JOS\u00c9") == decomposed
        assert s.find_player("ana") in ("ana", hidden)  # the two Anas met: neither is lost
        assert len(s.players()) == 3


def test_v3_games_survive_the_rebuild_that_admits_buzzer_and_party(tmp_path):
    """Schema 4 rebuilds ``games`` (a wider mode check): nothing that refers to a game is lost."""
    path = tmp_path / "scores.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn, MIGRATIONS[:3])
    conn.execute("INSERT INTO players (name, key) VALUES ('Ana', 'ana')")
    conn.execute("INSERT INTO games VALUES (1, 'a', 'a', 'solo', 'finished', '[]', NULL, '{}', 1)")
    conn.execute("INSERT INTO game_players VALUES (1, 0, 1, 10, 1, 1, 1, 1)")
    conn.execute(
        "INSERT INTO answers (game_id, player_id, question_id, pack, category, chosen,"
        " correct, seconds, points) VALUES (1, 1, 'q', 'p', 'c', 0, 1, 1.0, 10)"
    )
    conn.close()
    with Store.open(path) as s:
        assert s._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert len(s.games()) == 1 and s.games()[0].result_of("Ana").score == 10
        typed = replace(answer("Ana", "q2", chosen=None), response='"Phil Pinto"')
        s.save_game(game({"Ana": 5}, [typed], mode="buzzer"))
        s.save_game(game({"Ana": 5}, [answer("Ana", "q3")], mode="party"))
        assert sorted(g.mode for g in s.games()) == ["buzzer", "party", "solo"]
        stored = s._conn.execute("SELECT response FROM answers WHERE question_id = 'q2'")
        assert stored.fetchone()[0] == '"Phil Pinto"'
        assert s._conn.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 3
