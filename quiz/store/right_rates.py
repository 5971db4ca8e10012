"""Each question's right rate, from the answers stored (no table of its own).

Every stored answer counts, whatever the game's mode or end: it is one player's try
at the question. A time-out is a wrong answer. The ``answers_question`` index keeps
the count per question cheap.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quiz.difficulty import RightRate
from quiz.store.peek import peek


def read(conn: sqlite3.Connection) -> dict[str, RightRate]:
    """Answers and right answers per question id."""
    rows = conn.execute(
        "SELECT question_id, COUNT(*), COALESCE(SUM(correct), 0) FROM answers"
        " GROUP BY question_id"
    )
    return {str(qid): RightRate(int(count), int(right)) for qid, count, right in rows}


def stored(path: Path | None = None) -> dict[str, RightRate]:
    """The right rates in the scores database at ``path`` (default: the user's), read
    without touching it; none when there is no database or it cannot be read."""
    with peek(path) as conn:
        if conn is None:
            return {}
        try:
            return read(conn)
        except sqlite3.Error:
            return {}
