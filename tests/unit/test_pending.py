"""A finished game is never lost: what the database cannot take now waits in a file.

The database held by another process past the busy timeout, a seed or a name it could
not keep, a database unusable from the start: each is either refused before the game
or kept in ``pending-games/`` and stored at the next chance. The pending files are
untrusted on read.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from quiz.bank import ListBank
from quiz.cli import main
from quiz.commands.play import ScoresLink
from quiz.errors import UserError
from quiz.game_setup import GameSetup
from quiz.paths import pending_games_dir as pending_folder
from quiz.records import AnswerRecord, GameRecord, tally
from quiz.session import Dealer, DealError
from quiz.store import Store
from quiz.store import connection as store_connection
from quiz.store.pending import MAX_FILE_BYTES, keep, read, store_waiting
from quiz.store.pending_record import PendingError
from tests.unit.test_session import FakeClock, fixed_now, make_questions, play_out

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def short_busy_timeout(monkeypatch):
    """The busy timeout cut to a blink, so holding the lock "too long" is quick."""
    monkeypatch.setattr(store_connection, "BUSY_TIMEOUT_SECONDS", 0.05)


def hold_lock(path: Path) -> sqlite3.Connection:
    """Another connection, as another process would, holding the write lock."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    return other


def record(name: str = "Ana", finished: str = "2026-01-01T10:01:00+00:00") -> GameRecord:
    answer = AnswerRecord(name, "wdta:q:a", "wdta", "Charts", 1, True, 2.0, 100)
    return GameRecord("2026-01-01T10:00:00+00:00", finished, "solo", "finished", (name,),
                      ("wdta",), 5, {"questions": 5, "timer": 20.0, "packs": []},
                      (answer,), tally({name: 100}, (answer,)))  # fmt: skip


def played(link: ScoresLink, players: tuple[str, ...] = ("Ana",)):
    clock = FakeClock()
    dealer = Dealer(ListBank(make_questions()), recorder=link.save, recent=link.recent,
                    clock=clock, now=fixed_now)  # fmt: skip
    session = dealer.deal(GameSetup(players=players, questions=5, seed=11))
    play_out(session, clock)
    return session


def test_a_game_ending_while_another_process_holds_the_lock_is_kept_then_stored(
    isolated_home, short_busy_timeout, capsys
):
    link = ScoresLink()
    link.store()  # open already, as after the first game of a run
    other = hold_lock(link.path)
    try:
        session = played(link)
        saved = session.saved
        assert saved is not None and saved.ok and saved.problem is None
        assert saved.notice is not None and "is kept in" in saved.notice
        assert "will be saved later" in saved.notice
        kept = list(pending_folder(link.path).glob("game-*.json"))
        assert len(kept) == 1 and str(kept[0]) in saved.notice
    finally:
        other.execute("ROLLBACK")
        other.close()
    link.close()
    assert main(["scores", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        "wdta-quiz: 1 game saved earlier could not be stored; it is saved now"
    ]
    games = json.loads(out)["games"]
    assert [(g["status"], g["seed"], g["players"][0]["name"]) for g in games] == [
        ("finished", 11, "Ana")
    ]
    assert not list(pending_folder(link.path).glob("game-*.json"))


def test_the_next_game_end_stores_the_games_kept_earlier(isolated_home, short_busy_timeout):
    link = ScoresLink()
    link.store()
    other = hold_lock(link.path)
    try:
        played(link)
    finally:
        other.execute("ROLLBACK")
        other.close()
    second = played(link, ("Ben",)).saved
    assert second is not None
    assert second.notice == "1 game saved earlier could not be stored; it is saved now"
    assert sorted(g.players[0].player for g in link.store().games()) == ["Ana", "Ben"]
    link.close()


def test_an_unusable_database_is_said_at_the_start_not_after_the_game(
    isolated_home, short_busy_timeout
):
    link = ScoresLink()
    link.path.parent.mkdir(parents=True)
    Store.open(link.path).close()
    other = hold_lock(link.path)
    try:
        session = played(link)
        assert session.notice is not None
        assert session.notice.startswith("The scores database cannot be used now: ")
        assert session.saved is not None and "is kept in" in (session.saved.notice or "")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert link.store_waiting() == ["1 game saved earlier could not be stored; it is saved now"]
    link.close()


def test_when_the_database_is_still_locked_at_the_next_start_the_games_wait(
    isolated_home, short_busy_timeout, capsys
):
    database = isolated_home / "scores.sqlite3"
    database.parent.mkdir(parents=True)
    Store.open(database).close()
    keep(record(), pending_folder(database))
    other = hold_lock(database)
    try:
        status = main(["scores"])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert status == 1  # scores itself cannot read the database: one line, as before
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("wdta-quiz: games saved earlier could not be stored yet (")
    assert err[0].endswith(f"kept in {pending_folder(database)} and will be saved later")
    assert len(list(pending_folder(database).glob("game-*.json"))) == 1


def test_a_corrupt_pending_file_is_set_aside_with_one_line(isolated_home, capsys):
    folder = pending_folder(isolated_home / "scores.sqlite3")
    keep(record("Ana"), folder)
    broken = folder / "game-20260101-broken.json"
    broken.write_bytes(b'{"players": [')
    assert main(["scores", "--format", "csv"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert f"wdta-quiz: {broken} is not JSON (JSONDecodeError); moved to {broken}.corrupt" in err
    assert "wdta-quiz: 1 game saved earlier could not be stored; it is saved now" in err
    assert len(err) == 2
    assert (folder / f"{broken.name}.corrupt").exists() and not broken.exists()


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _good() -> dict[str, object]:
    return json.loads(json.dumps(asdict(record())))


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d.update(seed=2**63), "has a 'seed' that is not a whole number"),
        (lambda d: d.update(seed=True), "has a 'seed' that is not a whole number"),
        (lambda d: d.update(mode="ranked"), "has a 'mode' that is not one of"),
        (lambda d: d.update(players=["Ana", "Ben"]), "results that do not match its players"),
        (lambda d: d.update(players=["\u200b"]), "has an empty 'player'"),
        (lambda d: d.update(started_at="yesterday"), "'started_at' that is not a date"),
        (lambda d: d.update(answers=[{"player": "Ana"}] * 401), "not a list of at most 400"),
        (lambda d: d["answers"][0].update(seconds=float("inf")), "'seconds' is out of range"),
        (lambda d: d["answers"][0].update(correct=1), "'correct' is not true or false"),
        (lambda d: d.pop("results"), "has no 'results'"),
        (lambda d: d.update(settings=[1]), "has settings that is not an object"),
    ],
)
def test_a_pending_record_is_checked_field_by_field(tmp_path, change, reason):
    data = _good()
    change(data)
    path = _write(tmp_path, "game-1.json", json.dumps(data))
    with pytest.raises(PendingError, match=reason.replace("(", r"\(")):
        read(path)


def test_hostile_pending_files_are_refused_not_obeyed(tmp_path):
    deep = _write(tmp_path, "game-deep.json", "[" * 200_000)
    digits = _write(tmp_path, "game-digits.json", '{"seed": ' + "9" * 5000 + "}")
    big = _write(tmp_path, "game-big.json", b" " * (MAX_FILE_BYTES + 1))
    latin = _write(tmp_path, "game-latin.json", b'{"players": ["Ana\xff"]}')
    fifo = tmp_path / "game-fifo.json"
    os.mkfifo(fifo)  # a read would wait forever for a writer
    link = tmp_path / "game-link.json"
    link.symlink_to(digits)
    for path, reason in [
        (deep, "is not JSON"), (digits, "is not JSON"), (big, "is larger than"),
        (latin, "is not JSON"), (fifo, "is not a regular file"), (link, "cannot be read"),
    ]:  # fmt: skip
        with pytest.raises(PendingError, match=reason):
            read(path)


def test_text_in_a_pending_file_is_cleaned_on_the_way_in(tmp_path):
    data = _good()
    data["players"] = ["\x1b]0;owned\x07Ana\u200b"]
    data["results"][0]["player"] = "Ana"
    data["answers"][0]["category"] = "Charts\x1b[2J\ud800"
    path = _write(tmp_path, "game-1.json", json.dumps(data))
    kept = read(path)
    assert kept.players == ("Ana",)
    assert kept.answers[0].category == "Charts\ufffd"


def test_storing_waits_for_the_other_process_that_is_storing(tmp_path):
    import fcntl

    folder = tmp_path / "pending"
    keep(record(), folder)
    saved: list[GameRecord] = []
    with open(folder / ".lock", "a+b") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        assert store_waiting(saved.append, folder) == []
    assert store_waiting(saved.append, folder) == [
        "1 game saved earlier could not be stored; it is saved now"
    ]
    assert [r.players for r in saved] == [("Ana",)]


def test_a_save_that_cannot_be_kept_either_says_both(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    link = ScoresLink(blocker / "home" / "scores.sqlite3")
    with pytest.raises(UserError, match="nor could it be kept in"):
        link.save(record())


# -- what can be checked before the game is -----------------------------------------


def test_a_seed_the_database_could_not_keep_is_refused_before_the_deal():
    dealer = Dealer(ListBank(make_questions()), clock=FakeClock(), now=fixed_now)
    with pytest.raises(DealError, match="Cannot start a game: seed out of range: choose"):
        dealer.deal(GameSetup(players=("Ana",), questions=5, seed=2**63))
    with pytest.raises(DealError, match="Cannot start a game: player 1's name"):
        dealer.deal(GameSetup(players=("Ana\udcff",), questions=5, seed=1))


def test_the_largest_seed_is_played_and_saved(isolated_home):
    link = ScoresLink()
    clock = FakeClock()
    dealer = Dealer(ListBank(make_questions()), recorder=link.save, clock=clock, now=fixed_now)
    session = dealer.deal(GameSetup(players=("Ana",), questions=5, seed=2**63 - 1))
    play_out(session, clock)
    assert session.saved is not None and session.saved.ok and session.saved.notice is None
    assert [g.seed for g in link.store().games()] == [2**63 - 1]
    link.close()


def test_a_name_of_bytes_that_are_not_utf8_is_refused_in_one_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "play", "--players", b"Ana,B\xffn"],
        capture_output=True, cwd=ROOT, timeout=60,
        env=dict(os.environ, WDTA_QUIZ_HOME=str(tmp_path), LC_ALL="C.UTF-8"),
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        "wdta-quiz: --players: player 2's name holds bytes that are not UTF-8 text"
    ]
