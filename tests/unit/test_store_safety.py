"""Nothing lost: corrupt files, unusable folders, concurrent writers, killed writers.

The process tests start real Python processes that use ``quiz.store`` on one file.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from quiz.errors import UserError
from quiz.records import AnswerRecord, GameRecord, tally
from quiz.store import Store, schema_version

ROOT = Path(__file__).resolve().parents[2]
WHEN = datetime(2026, 11, 22, 10, 15, 0)


def game(name="Ana", answers=3):
    """A small finished solo game."""
    return GameRecord(
        "2026-01-01T10:00:00Z",
        "2026-01-01T10:01:00Z",
        "solo",
        "finished",
        (name,),
        ("wdta",),
        None,
        {},
        marks := tuple(
            AnswerRecord(name, f"q{i}", "wdta", "c", 0, True, 1.0, 1000) for i in range(answers)
        ),
        tally({name: 1000 * answers}, marks),
    )


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


# -- a file at the path that is not a usable database --------------------------------------


def test_file_that_is_not_sqlite_is_moved_aside_and_a_fresh_one_started(tmp_path):
    path = tmp_path / "scores.sqlite3"
    path.write_text("these are my notes, not a database\n" * 50)
    with Store.open(path, now=lambda: WHEN) as s:
        moved = tmp_path / "scores.sqlite3.corrupt-20261122-101500"
        assert s.notices == [
            f"scores database {path} was unreadable (file is not a database); "
            f"moved it to {moved} and started a fresh one"
        ]
        assert s.save_game(game()) == 1
    assert moved.read_text().startswith("these are my notes")
    assert count(path, "games") == 1


def test_damaged_database_is_moved_aside_with_its_side_files(tmp_path):
    path = tmp_path / "scores.sqlite3"
    with Store.open(path) as s:
        for _ in range(30):
            s.save_game(game(answers=20))
    # Scribble over the middle of the file (b-tree pages), keep the header.
    data = bytearray(path.read_bytes())
    assert len(data) > 8 * 4096
    data[2 * 4096 : 6 * 4096] = b"\xa5" * (4 * 4096)
    path.write_bytes(bytes(data))
    (tmp_path / "scores.sqlite3-wal").write_bytes(b"stale wal")
    (tmp_path / "scores.sqlite3-shm").write_bytes(b"stale shm")
    with Store.open(path, now=lambda: WHEN) as s:
        assert len(s.notices) == 1
        assert "was unreadable" in s.notices[0] and "started a fresh one" in s.notices[0]
        assert not s.has_games()
    moved = tmp_path / "scores.sqlite3.corrupt-20261122-101500"
    assert moved.read_bytes() == bytes(data)
    assert (tmp_path / "scores.sqlite3.corrupt-20261122-101500-wal").read_bytes() == b"stale wal"
    # The -shm is an index SQLite rebuilds from the WAL; moved too, its bytes do not matter.
    assert (tmp_path / "scores.sqlite3.corrupt-20261122-101500-shm").exists()
    assert integrity(path) == "ok"


def test_second_corruption_in_the_same_second_keeps_both_copies(tmp_path):
    path = tmp_path / "scores.sqlite3"
    for text in ("first", "second"):
        path.write_text(text * 100)
        Store.open(path, now=lambda: WHEN).close()
    kept = sorted(p.name for p in tmp_path.glob("*.corrupt-*"))
    assert kept == [
        "scores.sqlite3.corrupt-20261122-101500",
        "scores.sqlite3.corrupt-20261122-101500-1",
    ]


# -- folders that cannot hold the database ---------------------------------------------------


def test_uncreatable_folder_is_a_user_error_naming_it(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(UserError) as caught:
        Store.open(blocker / "sub" / "scores.sqlite3")
    assert str(blocker / "sub") in str(caught.value)
    assert "cannot keep scores" in str(caught.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_is_a_user_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(UserError) as caught:
            Store.open(folder / "scores.sqlite3")
        assert str(folder / "scores.sqlite3") in str(caught.value)
    finally:
        folder.chmod(0o755)


def test_read_only_database_is_a_user_error_not_a_corruption(tmp_path, monkeypatch):
    """What SQLite reports for a read-only folder or file (as root, chmod cannot show it)."""
    path = tmp_path / "scores.sqlite3"
    Store.open(path).close()
    real_connect = sqlite3.connect

    def read_only_connect(database, **kwargs):
        return real_connect(f"file:{database}?mode=ro", uri=True, **kwargs)

    monkeypatch.setattr("quiz.store.connection.sqlite3.connect", read_only_connect)
    newer = schema_version() + 1
    monkeypatch.setattr("quiz.store.schema.schema_version", lambda: newer)  # forces a write
    with pytest.raises(UserError) as caught:
        Store.open(path)
    message = str(caught.value)
    assert str(path) in message and "readonly" in message
    assert not list(tmp_path.glob("*.corrupt-*"))  # not mistaken for damage


def test_save_to_a_database_that_became_unwritable_is_a_user_error(tmp_path):
    with Store.open(tmp_path / "scores.sqlite3") as s:
        s._conn.execute("PRAGMA query_only = ON")
        with pytest.raises(UserError, match="could not save the game"):
            s.save_game(game())


# -- real processes ---------------------------------------------------------------------------

CHILD_PRELUDE = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from quiz.records import AnswerRecord, GameRecord, tally
    from quiz.store import Store
    import quiz.store.writes

    def game(name, answers):
        return GameRecord("2026-01-01T10:00:00Z", "2026-01-01T10:01:00Z", "solo", "finished",
            (name,), ("wdta",), None, {},
            marks := tuple(AnswerRecord(name, f"q{i}", "wdta", "c", 0, True, 1.0, 1000)
                  for i in range(answers)), tally({name: 1}, marks))
    path = Path(sys.argv[1])
    """
)


def start_child(body: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD_PRELUDE + textwrap.dedent(body), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_concurrent_saves_from_many_processes_all_keep_their_results(tmp_path):
    path = tmp_path / "new" / "scores.sqlite3"  # not created yet: the first opens race too
    go = tmp_path / "go"
    body = """
        go = Path(sys.argv[2])
        while not go.exists():
            time.sleep(0.005)
        store = Store.open(path)
        for i in range(int(sys.argv[3])):
            store.save_game(game(sys.argv[4], 5))
        store.close()
    """
    processes, saves = 6, 25
    children = [
        start_child(body, str(path), str(go), str(saves), f"P{n}") for n in range(processes)
    ]
    go.write_text("go")
    for child in children:
        _out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    assert count(path, "games") == processes * saves
    assert count(path, "answers") == processes * saves * 5
    assert count(path, "players") == processes
    assert integrity(path) == "ok"


def test_process_killed_mid_transaction_loses_only_the_game_in_flight(tmp_path):
    path = tmp_path / "scores.sqlite3"
    with Store.open(path) as s:
        for _ in range(3):
            s.save_game(game())
    body = """
        real = quiz.store.writes._insert_answers
        def stall(*args):
            real(*args)
            print("in transaction", flush=True)
            time.sleep(60)
        quiz.store.writes._insert_answers = stall
        Store.open(path).save_game(game("Doomed", 10))
    """
    child = start_child(body, str(path))
    try:
        assert child.stdout.readline().strip() == "in transaction"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    with Store.open(path) as s:
        assert s.notices == []
        assert s._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert len(s.games()) == 3
        assert s.find_player("Doomed") is None
        assert s._conn.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 9
        assert s.save_game(game()) == 4  # and the file still takes writes


def test_process_killed_while_saving_in_a_loop_leaves_only_whole_games(tmp_path):
    path = tmp_path / "scores.sqlite3"
    body = """
        store = Store.open(path)
        while True:
            print(store.save_game(game("Loop", 7)), flush=True)
    """
    child = start_child(body, str(path))
    try:
        for _ in range(20):
            child.stdout.readline()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        child.stdout.close()
        child.stderr.close()
    assert integrity(path) == "ok"
    conn = sqlite3.connect(path)
    per_game = conn.execute(
        "SELECT g.id, COUNT(a.id) FROM games g LEFT JOIN answers a ON a.game_id = g.id"
        " GROUP BY g.id"
    ).fetchall()
    conn.close()
    assert len(per_game) >= 20
    assert {n for _g, n in per_game} == {7}


def test_folder_path_that_is_a_file_says_so(tmp_path):
    blocker = tmp_path / "home"
    blocker.write_text("x")
    with pytest.raises(UserError, match="home: it is a file, not a folder"):
        Store.open(blocker / "scores.sqlite3")


def test_opening_a_second_store_keeps_the_first_ones_locks(tmp_path):
    """The Scores screen keeps a Store open while the game opens and closes others.

    On POSIX, closing any descriptor of a file drops all of this process's locks on
    it; if opening a Store read the file itself, another process would then think
    nobody else has the database open, checkpoint it and delete the WAL under the
    open connection (which corrupted real databases). With the first Store still
    open, the WAL must survive another process closing its own connection.
    """
    db = tmp_path / "scores.sqlite3"
    with Store.open(db) as store:
        store.save_game(game())
    first = Store.open(db)
    try:
        first.solo_table()
        Store.open(db).close()  # what play's store does while the Scores screen is open
        other = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(f"""
                from quiz.store import Store
                with Store.open({str(db)!r}) as store:
                    store.solo_table()
            """)],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
        )
        assert other.returncode == 0, other.stderr
        assert (tmp_path / "scores.sqlite3-wal").exists()
        first.save_game(game("Ben"))
        assert [row.player for row in first.solo_table()] == ["Ana", "Ben"]
    finally:
        first.close()
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()
