"""An SQLite connection with the scores database's settings, and its transactions.

Connections are in autocommit mode (``isolation_level=None``) and every write is an
explicit ``BEGIN IMMEDIATE`` transaction: a writer takes the write lock up front, so it
never deadlocks upgrading a read lock, and a killed process leaves only a rolled-back
transaction.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

#: How long a connection waits for another process's write lock before giving up.
BUSY_TIMEOUT_SECONDS = 5.0


def connect(path: Path) -> sqlite3.Connection:
    """An autocommit connection to ``path`` with the busy timeout (no I/O on the file yet)."""
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    return conn


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the file (0 for a new one)."""
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open (some errors end it themselves)."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")
