"""Questions players flagged on the reveal (wrong, unclear, unfair), for pack authors.

A flag is one row of the ``flags`` table (schema 4): the question id and its pack, an
optional reason, when, and who (the player row, made if the player has no game stored
yet). Reasons are player text: cleaned of control characters and cut to
:data:`MAX_REASON` characters before they are stored, and shown only as plain text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from quiz.store.connection import rollback
from quiz.store.peek import peek
from quiz.store.writes import stored_name
from quiz.text import clean

#: The longest reason kept, in characters.
MAX_REASON = 200


@dataclass(frozen=True, slots=True)
class Flag:
    """One flag as stored."""

    question_id: str
    pack: str
    reason: str
    flagged_at: str
    player: str | None = None


@dataclass(slots=True)
class FlaggedQuestion:
    """Every flag of one question: how many, the reasons given (newest first, blank
    ones left out) and when it was last flagged."""

    question_id: str
    pack: str
    count: int = 0
    reasons: list[str] = field(default_factory=list)
    last_flagged_at: str = ""


def reason_text(reason: str) -> str:
    """A reason as stored: one line, single spaces, at most :data:`MAX_REASON` characters."""
    return " ".join(clean(reason).split())[:MAX_REASON]


def add(conn: sqlite3.Connection, question_id: str, pack: str, reason: str,
        flagged_at: datetime, player: str | None = None) -> int:  # fmt: skip
    """Store one flag in its own transaction; its id. Raises ``sqlite3.Error`` (with
    nothing written) if the database refuses."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        player_id = _player_id(conn, player) if player else None
        row = conn.execute(
            "INSERT INTO flags (question_id, pack, reason, flagged_at, player_id)"
            " VALUES (?, ?, ?, ?, ?) RETURNING id",
            (question_id, pack, reason_text(reason),
             flagged_at.isoformat(timespec="seconds"), player_id),
        ).fetchone()  # fmt: skip
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise
    return int(row[0])


def _player_id(conn: sqlite3.Connection, name: str) -> int:
    shown, key = stored_name(name)
    conn.execute("INSERT OR IGNORE INTO players (name, key) VALUES (?, ?)", (shown, key))
    return int(conn.execute("SELECT id FROM players WHERE key = ?", (key,)).fetchone()[0])


def read(conn: sqlite3.Connection, pack: str | None = None) -> list[Flag]:
    """Every flag (of ``pack`` only, if given), newest first."""
    query = (
        "SELECT f.question_id, f.pack, f.reason, f.flagged_at, p.name FROM flags f"
        " LEFT JOIN players p ON p.id = f.player_id"
    )
    params: tuple[str, ...] = ()
    if pack is not None:
        query += " WHERE f.pack = ?"
        params = (pack,)
    query += " ORDER BY f.flagged_at DESC, f.id DESC"
    return [Flag(str(q), str(k), str(r), str(at), None if who is None else str(who))
            for q, k, r, at, who in conn.execute(query, params)]  # fmt: skip


def stored(path: Path | None = None, pack: str | None = None) -> list[Flag]:
    """The flags in the scores database at ``path`` (default: the user's), read
    without touching it. No database means no flags; one that cannot be read raises
    ``sqlite3.Error``."""
    with peek(path) as conn:
        if conn is None:
            return []
        try:
            return read(conn, pack)
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):  # a database from before schema 4
                return []
            raise


def by_question(flags: Iterable[Flag]) -> list[FlaggedQuestion]:
    """Flags grouped per question, the most recently flagged question first (given
    ``flags`` newest first, as :func:`read` returns them)."""
    grouped: dict[str, FlaggedQuestion] = {}
    for flag in flags:
        entry = grouped.get(flag.question_id)
        if entry is None:
            entry = grouped[flag.question_id] = FlaggedQuestion(
                flag.question_id, flag.pack, last_flagged_at=flag.flagged_at)
        entry.count += 1
        if flag.reason:
            entry.reasons.append(flag.reason)
    return list(grouped.values())
