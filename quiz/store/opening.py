"""Opening the scores database: safety settings, migration, and repair of a damaged file.

The rules that keep it from losing anything: WAL journal, ``synchronous=FULL``,
``foreign_keys=ON``, the busy timeout; the schema migrated (or the whole file checked)
before the first game; and a file at the path that is not a readable SQLite database
moved aside (never deleted, with its ``-wal``/``-shm``) for a fresh database, with a
one-line notice. Anything else that stops the database from opening is a ``UserError``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from quiz.errors import UserError
from quiz.files import move_aside
from quiz.store import schema
from quiz.store.connection import BUSY_TIMEOUT_SECONDS, connect, rollback, user_version

# SQLite primary result codes that mean "the file is damaged or not a database".
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
# A stale WAL next to a fresh database would be replayed into it: they move along.
_SIDE_FILES = ("-wal", "-shm", "-journal")


def open_database(
    path: Path, now: Callable[[], datetime], *, check: bool = True
) -> tuple[sqlite3.Connection, list[str]]:
    """An open, migrated connection to ``path`` and the notices to show about it.

    A damaged file is moved aside to ``<name>.corrupt-<now()>`` and a fresh database
    started; the notice says so. Raises ``UserError`` for everything else. ``check``:
    run the whole-file integrity check on a file already at the current schema.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the path
        reason = getattr(error, "strerror", None) or str(error)
        if path.parent.is_file():
            reason = "it is a file, not a folder"
        raise UserError(f"cannot keep scores in {path.parent}: {reason}") from None
    conn, notice = _open_existing(path, now, check)
    if conn is None:
        return _open_fresh(path), [notice]
    return conn, []


def _open_existing(
    path: Path, now: Callable[[], datetime], check: bool = True
) -> tuple[sqlite3.Connection | None, str]:
    """Open ``path``; if it is damaged, move it aside and return ``(None, notice)``.

    The file is never opened by Python itself, not even to peek at its header: on
    POSIX, closing any descriptor of a file drops every lock this process holds on
    it, including the locks of SQLite connections still open here (the Scores
    screen's), and another process could then checkpoint and delete the WAL under
    them. SQLite reports a file that is not a database as such on the first read.
    """
    conn = _connect(path)
    try:
        _prepare(conn, path, check)
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
    return conn, ""


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


def _connect(path: Path) -> sqlite3.Connection:
    try:
        return connect(path)
    except sqlite3.DatabaseError as error:
        raise _access_error(path, error) from None


def _prepare(conn: sqlite3.Connection, path: Path, check: bool = True) -> None:
    """Check the file, set the safety pragmas, migrate, and make sure it takes writes."""
    # Reading the header first makes "not a database" show up here, not mid-game.
    version = user_version(conn)
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    known = schema.schema_version()
    if version > known:
        raise UserError(
            f"scores database {path} was written by a newer wdta-quiz (schema "
            f"{version}, this one knows {known}); upgrade wdta-quiz"
        )
    if version != known:
        version = schema.migrate(conn)
    elif check:
        # Damage deep in the file would otherwise surface mid-game or in a query;
        # integrity_check (unlike quick_check) also checks every index against its
        # table, and is quick at the sizes a scores file reaches.
        _integrity_check(conn)
    # A read-only file or folder can still be read; find out now, not when a game ends.
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"PRAGMA user_version = {int(version)}")
    finally:
        rollback(conn)


class _DamageFound(sqlite3.DatabaseError):
    """Damage that ``PRAGMA integrity_check`` reports (SQLite itself raises nothing)."""

    sqlite_errorcode = _SQLITE_CORRUPT


def _integrity_check(conn: sqlite3.Connection) -> None:
    result = conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
    if result != "ok":
        raise _DamageFound(f"database disk image is malformed: {result}")


def _is_corruption(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
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


def _set_aside(path: Path, reason: str, when: datetime) -> str:
    """Move the damaged database aside and return the one-line notice saying so."""
    try:
        moved = move_aside(path, f"corrupt-{when:%Y%m%d-%H%M%S}", companions=_SIDE_FILES)
    except OSError as error:
        raise UserError(
            f"scores database {path} is unreadable and could not be moved aside: "
            f"{error.strerror or error}"
        ) from None
    return (
        f"scores database {path} was unreadable ({reason}); moved it to {moved} "
        "and started a fresh one"
    )
