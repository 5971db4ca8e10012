"""Renaming, merging and deleting players, so "Player 1" and typos do not stay forever.

Each change is one ``BEGIN IMMEDIATE`` transaction, whole or not at all. Games keep
the results they stored: a merged player's games become the other player's, and a
deleted player's results leave the games they shared with others (which keep the
others' places as they were). New names are cleaned as setup cleans them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from quiz.errors import UserError
from quiz.game_setup import SetupError, parse_players
from quiz.store.connection import rollback
from quiz.text import clean, player_key

ResultT = TypeVar("ResultT")


class PlayerEditError(UserError):
    """A rename, merge or delete that cannot be done; the message says why."""


@dataclass(frozen=True, slots=True)
class PlayerChange:
    """What a rename, merge or delete did: the names before and after, and its games.

    ``games`` counts the games the change touched; ``gone`` those deleted with a
    player who played them alone.
    """

    old: str
    new: str | None
    games: int
    gone: int = 0


def new_name(name: str) -> str:
    """``name`` cleaned and checked as setup checks a player's name."""
    try:
        return parse_players([name])[0]
    except SetupError as error:
        reason = str(error).replace("player 1's name", "it").replace("player 1", "it")
        if "at least one" in reason:
            raise PlayerEditError("a player's name cannot be empty") from None
        raise PlayerEditError(f"cannot use the name {clean(name)!r}: {reason}") from None


def _row(conn: sqlite3.Connection, key: str) -> tuple[int, str]:
    """The id and stored name of the player with ``key`` (the caller checked it exists)."""
    row = conn.execute("SELECT id, name FROM players WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise PlayerEditError("that player was removed meanwhile")
    return int(row[0]), str(row[1])


def _games_of(conn: sqlite3.Connection, player_id: int) -> int:
    found = conn.execute(
        "SELECT COUNT(DISTINCT game_id) FROM game_players WHERE player_id = ?", (player_id,)
    ).fetchone()
    return int(found[0])


def _write(conn: sqlite3.Connection, change: Callable[[], ResultT]) -> ResultT:
    """Run ``change`` in one write transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = change()
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise
    return result


def rename(conn: sqlite3.Connection, key: str, name: str) -> PlayerChange:
    """Give the player with ``key`` the (cleaned) ``name``; every game keeps them."""
    shown = new_name(name)

    def change() -> PlayerChange:
        player_id, old = _row(conn, key)
        if shown == old:
            raise PlayerEditError(f"{old!r} is already called that")
        taken = conn.execute(
            "SELECT name FROM players WHERE key = ? AND id != ?", (player_key(shown), player_id)
        ).fetchone()
        if taken is not None:
            raise PlayerEditError(
                f"there is already a player called {taken[0]!r}; to make the two one player,"
                f" use --merge {old!r} {taken[0]!r}"
            )
        conn.execute(
            "UPDATE players SET name = ?, key = ? WHERE id = ?",
            (shown, player_key(shown), player_id),
        )
        return PlayerChange(old, shown, _games_of(conn, player_id))

    return _write(conn, change)


def merge(conn: sqlite3.Connection, key: str, into_key: str) -> PlayerChange:
    """Make the player with ``key`` one with ``into_key``: all their games move over."""

    def change() -> PlayerChange:
        player_id, old = _row(conn, key)
        into_id, into = _row(conn, into_key)
        if player_id == into_id:
            raise PlayerEditError(f"{old!r} and {into!r} are the same player")
        together = [
            row[0]
            for row in conn.execute(
                "SELECT a.game_id FROM game_players a JOIN game_players b"
                " ON a.game_id = b.game_id WHERE a.player_id = ? AND b.player_id = ?"
                " ORDER BY a.game_id LIMIT 5",
                (player_id, into_id),
            )
        ]
        if together:
            shown = ", ".join(f"#{game}" for game in together)
            raise PlayerEditError(
                f"{old!r} and {into!r} played each other (game {shown}): they are two people,"
                " so they are not merged"
            )
        games = _games_of(conn, player_id)
        for table in ("game_players", "answers"):
            conn.execute(
                f"UPDATE {table} SET player_id = ? WHERE player_id = ?", (into_id, player_id)
            )
        conn.execute("UPDATE flags SET player_id = ? WHERE player_id = ?", (into_id, player_id))
        conn.execute("DELETE FROM players WHERE id = ?", (player_id,))
        return PlayerChange(old, into, games)

    return _write(conn, change)


def delete(conn: sqlite3.Connection, key: str) -> PlayerChange:
    """Delete the player with ``key``, their answers and their results in every game.

    A game nobody else played goes with them; the others' places stay as stored.
    """

    def change() -> PlayerChange:
        player_id, old = _row(conn, key)
        games = _games_of(conn, player_id)
        # Answers first, while their games still say whether they counted (the
        # question tallies' trigger asks).
        conn.execute("DELETE FROM answers WHERE player_id = ?", (player_id,))
        conn.execute("DELETE FROM game_players WHERE player_id = ?", (player_id,))
        gone = conn.execute(
            "DELETE FROM games WHERE id NOT IN (SELECT game_id FROM game_players)"
        ).rowcount
        conn.execute("DELETE FROM players WHERE id = ?", (player_id,))
        return PlayerChange(old, None, games, gone)

    return _write(conn, change)
