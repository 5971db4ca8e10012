"""Rows read from the scores database, cleaned on the way out (the one way ``quiz.stats``
reads).

The file is outside the game's hands (an old version, another tool, a person with
``sqlite3`` may have written it), and what the screens and ``scores`` print must not carry
escape sequences, control, bidi or zero-width characters. Every text is cleaned as pack
text is (``quiz.text.clean``); player names are also kept to one line of single spaces,
as they are stored. Text where a number belongs is a ``sqlite3.DatabaseError`` naming the
column, not a crash in whatever formats the number.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from quiz.text import clean, shorten


def shown_name(name: str) -> str:
    """A player name: cleaned, single spaces, "?" when nothing is left (as when stored).

    Not normalised further: a name stored before names were (NFD, say) is shown and
    found as it was stored.
    """
    return " ".join(clean(name).split()) or "?"


def shown_text(text: str) -> str:
    """Any other stored text (categories, ids, pack ids, dates), cleaned as pack text."""
    return clean(text)


#: How each text column of a result is cleaned, by column name (name aggregates ``AS``
#: one of these). Every other column holds numbers.
TEXT_COLUMNS: dict[str, Callable[[str], str]] = {
    "name": shown_name,
    **dict.fromkeys(
        ("key", "question_id", "pack", "category", "started_at", "finished_at", "mode", "status"),
        shown_text,
    ),
    "packs": str,  # JSON, cleaned once decoded (``_json_list``)
}


class NotANumberError(sqlite3.DatabaseError):
    """Text where the scores database keeps a number (a file edited by hand, say)."""

    def __init__(self, column: str, value: str) -> None:
        """Name the column and (cleaned, cut) what it holds."""
        held = shorten(shown_text(value), 30)
        super().__init__(f"{column} holds the text {held!r} where a number belongs")


def read(
    conn: sqlite3.Connection, sql: str, params: Sequence[str | int] = ()
) -> list[tuple[Any, ...]]:
    """Run ``sql`` and return its rows with every text cell cleaned.

    Text columns are cleaned as ``TEXT_COLUMNS`` says; text in any other column raises
    ``NotANumberError`` (a ``sqlite3.DatabaseError``, which callers already report in one
    line) rather than reaching a format that expects a number.
    """
    cursor = conn.execute(sql, params)
    columns = [column[0] for column in cursor.description]
    rows: list[tuple[Any, ...]] = cursor.fetchall()
    # Column by column, each distinct value once: a big file sends the same names,
    # packs and dates thousands of times, and almost always clean.
    for index, column in enumerate(columns):
        if column not in TEXT_COLUMNS:
            kinds = {type(row[index]) for row in rows}
            if str in kinds or bytes in kinds:
                for row in rows:
                    cell(row[index], column)  # raises at the first text
    changed: dict[int, dict[object, object]] = {}
    for index, column in enumerate(columns):
        if column in TEXT_COLUMNS:
            shown = {value: cell(value, column) for value in {row[index] for row in rows}}
            if any(type(value) is not type(was) or value != was for was, value in shown.items()):
                changed[index] = shown
    if not changed:
        return rows
    return [
        tuple(changed[i][value] if i in changed else value for i, value in enumerate(row))
        for row in rows
    ]


def cell(value: object, column: str) -> object:
    """One cell on its way out: text (and text stored as bytes) cleaned, numbers checked."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return value
    way = TEXT_COLUMNS.get(column)
    if way is None:
        raise NotANumberError(column, value)
    return way(value)
