"""The scores database: SQLite connection, schema, migrations and the writes.

One file (``paths.database_path()``) keeps every game, its players and every answer.
The rules that keep it from losing anything:

* WAL journal, ``synchronous=FULL``, a 5 s busy timeout, ``foreign_keys=ON``;
* autocommit connections (``isolation_level=None``) and explicit ``BEGIN IMMEDIATE``
  transactions, so a writer takes the write lock up front and never deadlocks while
  upgrading a read lock, and a killed process leaves only a rolled-back transaction;
* the schema version lives in ``PRAGMA user_version``; each migration and its version
  bump commit together or not at all;
* a file at the path that is not a readable SQLite database is moved aside (never
  deleted, with its ``-wal``/``-shm``) and a fresh database is started, with a one-line
  message in ``Store.notices``.

``Store.open`` raises only ``quiz.errors.UserError`` (folder missing and uncreatable,
read-only, database locked for too long, made by a newer version). The game can still
be played without saving::

    try:
        store = Store.open()
    except UserError as error:
        store = None                      # play on; tell the user why nothing is saved
        notify(f"Scores will not be saved: {error}")

The read-side queries live in ``quiz.stats``; ``Store`` exposes them as methods.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from quiz import paths, stats
from quiz.errors import UserError
from quiz.records import AnswerRecord, GameRecord
from quiz.text import clean

BUSY_TIMEOUT_SECONDS = 5.0
# SQLite primary result codes that mean "the file is damaged or not a database".
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: the statements that take the database to ``version``."""

    version: int
    description: str
    statements: tuple[str, ...]


# Ordered; append new steps at the end and never edit one that has shipped.
MIGRATIONS: list[Migration] = [
    Migration(
        1,
        "games, players, game players, answers",
        (
            """CREATE TABLE players (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL COLLATE NOCASE UNIQUE,   -- first spelling, shown
                key TEXT NOT NULL UNIQUE                    -- casefolded, for non-ASCII too
            )""",
            """CREATE TABLE games (
                id INTEGER PRIMARY KEY,
                started_at TEXT NOT NULL,
                finished_at TEXT NOT NULL,
                mode TEXT NOT NULL CHECK (mode IN ('solo', 'hotseat', 'practice')),
                status TEXT NOT NULL CHECK (status IN ('finished', 'abandoned')),
                packs TEXT NOT NULL,            -- JSON list of pack ids
                seed INTEGER,
                settings TEXT NOT NULL,         -- JSON object
                player_count INTEGER NOT NULL
            )""",
            """CREATE TABLE game_players (
                game_id INTEGER NOT NULL REFERENCES games(id) ON DELETE CASCADE,
                seat INTEGER NOT NULL,          -- turn order, from 0
                player_id INTEGER NOT NULL REFERENCES players(id),
                score INTEGER NOT NULL,
                rank INTEGER NOT NULL,          -- 1 = first; ties share a place
                correct INTEGER NOT NULL,
                answered INTEGER NOT NULL,
                PRIMARY KEY (game_id, seat)
            )""",
            """CREATE TABLE answers (
                id INTEGER PRIMARY KEY,         -- insertion order = answer order
                game_id INTEGER NOT NULL REFERENCES games(id) ON DELETE CASCADE,
                player_id INTEGER NOT NULL REFERENCES players(id),
                question_id TEXT NOT NULL,
                pack TEXT NOT NULL,
                category TEXT NOT NULL,
                chosen INTEGER,                 -- NULL on a time-out
                correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
                seconds REAL NOT NULL,
                points INTEGER NOT NULL
            )""",
            "CREATE INDEX answers_player ON answers(player_id)",
            "CREATE INDEX answers_question ON answers(question_id)",
            "CREATE INDEX answers_game ON answers(game_id)",
            "CREATE INDEX game_players_player ON game_players(player_id)",
        ),
    ),
]


def schema_version() -> int:
    """The schema version this code writes."""
    return MIGRATIONS[-1].version if MIGRATIONS else 0


def name_key(name: str) -> str:
    """The form player names are compared in: cleaned, trimmed, casefolded."""
    return display_name(name).casefold()


def display_name(name: str) -> str:
    """A player name as stored and shown: one line, no control characters, trimmed."""
    return clean(str(name)).strip() or "?"


class Store:
    """The scores database. Open with ``Store.open()``; close when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path, notices: list[str]) -> None:
        """Wrap an open, migrated connection (use ``Store.open``)."""
        self._conn = conn
        self.path = path
        self.notices = notices

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | None = None, *, now: Callable[[], datetime] = datetime.now) -> Store:
        """Open (creating folders and schema as needed) the database at ``path``.

        ``path`` defaults to ``paths.database_path()``. A damaged file or one that is
        not SQLite is moved aside to ``<name>.corrupt-YYYYmmdd-HHMMSS`` and a fresh
        database started; the one-line notice is in ``store.notices``. Everything
        else that stops the database from opening raises ``UserError``.
        """
        path = Path(path) if path is not None else paths.database_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (OSError, ValueError) as error:  # ValueError: a NUL byte in the path
            reason = getattr(error, "strerror", None) or str(error)
            if path.parent.is_file():
                reason = "it is a file, not a folder"
            raise UserError(f"cannot keep scores in {path.parent}: {reason}") from None
        conn, notice = _open_existing(path, now)
        if conn is None:
            conn = _open_fresh(path)
        return cls(conn, path, [notice] if notice else [])

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writes ----------------------------------------------------------------------

    def save_game(self, record: GameRecord) -> int:
        """Store a whole game in one transaction and return its id.

        Either all of it (game, players, answers) is written or none of it. Raises
        ``UserError`` if the database cannot be written.
        """
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                game_id = _insert_game(conn, record)
                conn.execute("COMMIT")
            except BaseException:
                _rollback(conn)
                raise
        except sqlite3.DatabaseError as error:
            raise UserError(f"could not save the game to {self.path}: {error}") from None
        return game_id

    # -- reads (see quiz.stats) ------------------------------------------------------

    def players(self) -> list[str]:
        """Every known player name (first spelling), alphabetically."""
        return stats.players(self._conn)

    def find_player(self, name: str) -> str | None:
        """The stored spelling of ``name`` (compared case-insensitively), or ``None``."""
        return stats.find_player(self._conn, name_key(name))

    def has_games(self) -> bool:
        """Whether any game has been stored."""
        return stats.has_games(self._conn)

    def recent_question_ids(self, players: Sequence[str], limit: int = 2000) -> list[str]:
        """Question ids any of ``players`` answered, most recent first (for selection)."""
        keys = [name_key(p) for p in players]
        return stats.recent_question_ids(self._conn, keys, limit)

    def missed_question_ids(self, player: str) -> list[str]:
        """Questions ``player`` got wrong and has not answered right since; newest first."""
        return stats.missed_question_ids(self._conn, name_key(player))

    def leaderboard(self) -> list[stats.LeaderboardRow]:
        """One row per player of counted games (finished, not practice), best first."""
        return stats.leaderboard(self._conn)

    def games(self, player: str | None = None, limit: int | None = None) -> list[stats.GameSummary]:
        """Stored games, newest first, optionally only ``player``'s (all modes/statuses)."""
        return stats.games(self._conn, self._key_of_known(player) if player else None, limit)

    def history(self, player: str, limit: int = 20) -> list[stats.GameSummary]:
        """``player``'s most recent games, newest first. Unknown player: ``UserError``."""
        return self.games(player, limit)

    def head_to_head(self, player: str | None = None) -> list[stats.HeadToHead]:
        """Wins-losses-ties between each pair of players who played counted games together."""
        key = self._key_of_known(player) if player else None
        return stats.head_to_head(self._conn, key)

    def accuracy_by_category(self, player: str | None = None) -> list[stats.CategoryAccuracy]:
        """Answers and accuracy per category in counted games (one player's, or everyone's)."""
        key = self._key_of_known(player) if player else None
        return stats.accuracy_by_category(self._conn, key)

    def most_missed(self, limit: int = 10) -> list[stats.MissedQuestion]:
        """The questions missed most often in counted games."""
        return stats.most_missed(self._conn, limit)

    def personal_bests(self, player: str) -> stats.PersonalBests:
        """``player``'s bests over counted games. Unknown player: ``UserError``."""
        return stats.personal_bests(self._conn, self._key_of_known(player))

    def _key_of_known(self, player: str) -> str:
        key = name_key(player)
        if stats.find_player(self._conn, key) is None:
            raise UnknownPlayerError(player, self.players())
        return key


class UnknownPlayerError(UserError):
    """A player name that is not in the scores database."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        """Name the missing player and, briefly, who is known."""
        shown = ", ".join(known[:10]) + (", ..." if len(known) > 10 else "")
        hint = f" (known players: {shown})" if known else " (no players yet)"
        super().__init__(f"no player named {display_name(name)!r} in the scores{hint}")


# -- connection and schema --------------------------------------------------------------


def _open_existing(
    path: Path, now: Callable[[], datetime]
) -> tuple[sqlite3.Connection | None, str | None]:
    """Open ``path``; if it is damaged, move it aside and return ``(None, notice)``.

    The file is never opened by Python itself, not even to peek at its header: on
    POSIX, closing any descriptor of a file drops every lock this process holds on
    it, including the locks of SQLite connections still open here (the Scores
    screen's), and another process could then checkpoint and delete the WAL under
    them. SQLite reports a file that is not a database as such on the first read.
    """
    conn = _connect(path)
    try:
        _prepare(conn, path)
    except sqlite3.DatabaseError as error:
        if not _is_corruption(error):
            conn.close()
            raise _access_error(path, error) from None
        if os.name != "posix":
            conn.close()
            return None, _set_aside(path, str(error), now())
        # Moved while still open (POSIX allows it) so that closing cannot fold the WAL
        # into, or delete it from, the path the fresh database will use.
        notice = _set_aside(path, str(error), now())
        conn.close()
        return None, notice
    except BaseException:
        conn.close()
        raise
    return conn, None


def _open_fresh(path: Path) -> sqlite3.Connection:
    """Open the new database that replaces a damaged one."""
    conn = _connect(path)
    try:
        _prepare(conn, path)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise _access_error(path, error) from None
    except BaseException:
        conn.close()
        raise
    return conn


def _set_aside(path: Path, reason: str, when: datetime) -> str:
    """Move the damaged database aside and return the one-line notice saying so."""
    moved = _move_aside(path, when)
    return (
        f"scores database {path} was unreadable ({reason}); moved it to {moved} "
        "and started a fresh one"
    )


def _connect(path: Path) -> sqlite3.Connection:
    """An autocommit connection with the busy timeout (no I/O yet)."""
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
    except sqlite3.DatabaseError as error:
        raise _access_error(path, error) from None
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    return conn


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    """Check the file, set the safety pragmas, migrate, and make sure it takes writes."""
    # Reading the header first makes "not a database" show up here, not mid-game.
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    if version > schema_version():
        raise UserError(
            f"scores database {path} was written by a newer wdta-quiz (schema "
            f"{version}, this one knows {schema_version()}); upgrade wdta-quiz"
        )
    if version != schema_version():
        version = migrate(conn)
    else:
        # Damage deep in the file would otherwise surface mid-game or in a query;
        # integrity_check (unlike quick_check) also checks every index against its
        # table, and is quick at the sizes a scores file reaches.
        _integrity_check(conn)
    # A read-only file or folder can still be read; find out now, not when a game ends.
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"PRAGMA user_version = {int(version)}")
    finally:
        _rollback(conn)


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] | None = None) -> int:
    """Apply the pending ``migrations`` (default ``MIGRATIONS``), each in its own transaction.

    The version is re-read after taking the write lock, so two processes opening a new
    file at once do not both apply a step. Returns the version reached.
    """
    steps = MIGRATIONS if migrations is None else migrations
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for step in steps:
        if step.version <= version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if step.version > version:
                for statement in step.statements:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {int(step.version)}")
                version = step.version
            conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)
            raise
    return version


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open (some errors end it themselves)."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _integrity_check(conn: sqlite3.Connection) -> None:
    result = conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
    if result != "ok":
        error = sqlite3.DatabaseError(f"database disk image is malformed: {result}")
        error.sqlite_errorcode = _SQLITE_CORRUPT  # type: ignore[attr-defined]
        raise error


def _is_corruption(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(error)
    return "not a database" in text or "malformed" in text


def _access_error(path: Path, error: sqlite3.DatabaseError) -> UserError:
    """The one-line message for a database that exists but cannot be opened or written."""
    reason = str(error)
    if "readonly" in reason or "unable to open" in reason:
        reason += " (is the folder read-only or missing?)"
    elif "locked" in reason or "busy" in reason:
        reason += f" (another wdta-quiz held it for more than {BUSY_TIMEOUT_SECONDS:g} s)"
    return UserError(f"cannot use scores database {path}: {reason}")


def _move_aside(path: Path, when: datetime) -> Path:
    """Rename a damaged database (and its side files) to a fresh ``.corrupt-*`` name."""
    base = f"{path.name}.corrupt-{when:%Y%m%d-%H%M%S}"
    target = path.with_name(base)
    n = 1
    while any(path.with_name(target.name + s).exists() for s in ("", *_SIDE_FILES)):
        target = path.with_name(f"{base}-{n}")
        n += 1
    try:
        path.rename(target)
        for suffix in _SIDE_FILES:
            side = path.with_name(path.name + suffix)
            if side.exists():
                # A stale WAL next to a fresh database would be replayed into it.
                side.rename(target.with_name(target.name + suffix))
    except OSError as error:
        raise UserError(
            f"scores database {path} is unreadable and could not be moved aside: "
            f"{error.strerror or error}"
        ) from None
    return target


# -- writing a game ---------------------------------------------------------------------


def _player_id(conn: sqlite3.Connection, name: str, cache: dict[str, int]) -> int:
    """The id of ``name``'s player row, created with this spelling if new."""
    key = name_key(name)
    if key not in cache:
        row = conn.execute("SELECT id FROM players WHERE key = ?", (key,)).fetchone()
        if row is None:
            row = conn.execute(
                "INSERT INTO players (name, key) VALUES (?, ?) RETURNING id",
                (display_name(name), key),
            ).fetchone()
        cache[key] = row[0]
    return cache[key]


def _insert_game(conn: sqlite3.Connection, record: GameRecord) -> int:
    """Insert the game, its players and answers (inside the caller's transaction)."""
    seats = list(record.players)
    game_id = conn.execute(
        "INSERT INTO games (started_at, finished_at, mode, status, packs, seed, settings,"
        " player_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (
            record.started_at,
            record.finished_at,
            record.mode,
            record.status,
            json.dumps(list(record.packs)),
            record.seed,
            json.dumps(record.settings, sort_keys=True, default=str),
            len(seats),
        ),
    ).fetchone()[0]
    ids: dict[str, int] = {}
    for seat, result in enumerate(record.results):
        conn.execute(
            "INSERT INTO game_players (game_id, seat, player_id, score, rank, correct,"
            " answered) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                game_id,
                seat,
                _player_id(conn, result.player, ids),
                result.score,
                result.rank,
                result.correct,
                result.answered,
            ),
        )
    _insert_answers(conn, game_id, record.answers, ids)
    return game_id


def _insert_answers(
    conn: sqlite3.Connection,
    game_id: int,
    answers: Sequence[AnswerRecord],
    ids: dict[str, int],
) -> None:
    """Insert every answer of a game, in the order they were given."""
    conn.executemany(
        "INSERT INTO answers (game_id, player_id, question_id, pack, category, chosen,"
        " correct, seconds, points) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                game_id,
                _player_id(conn, a.player, ids),
                a.question_id,
                a.pack,
                a.category,
                a.chosen,
                1 if a.correct else 0,
                float(a.seconds),
                int(a.points),
            )
            for a in answers
        ],
    )
