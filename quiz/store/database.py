"""The scores database as one object: ``Store`` opens it, saves games and answers queries.

``Store.open`` raises only ``quiz.errors.UserError`` (folder missing and uncreatable,
read-only, database locked for too long, made by a newer version). The game can still
be played without saving::

    try:
        store = Store.open()
    except UserError as error:
        store = None                      # play on; tell the user why nothing is saved
        notify(f"Scores will not be saved: {error}")

Opening and repair live in ``quiz.store.opening``, the schema in ``quiz.store.schema``,
writes in ``quiz.store.writes`` and the read-side queries in ``quiz.stats``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quiz import paths, stats
from quiz import stats_board as board
from quiz.errors import UserError
from quiz.store import writes
from quiz.store.opening import open_database

if TYPE_CHECKING:  # `scores` reads only: the player edits (and what they import) wait
    from quiz.records import GameRecord
    from quiz.store import players as edits


class Store:
    """The scores database. Open with ``Store.open()``; close when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path, notices: list[str]) -> None:
        """Wrap an open, migrated connection (use ``Store.open``)."""
        self._conn = conn
        self.path = path
        self.notices = notices

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        now: Callable[[], datetime] = datetime.now,
        check: bool = True,
    ) -> Store:
        """Open (creating folders and schema as needed) the database at ``path``.

        ``path`` defaults to ``paths.database_path()``. A damaged file or one that is
        not SQLite is moved aside to ``<name>.corrupt-YYYYmmdd-HHMMSS`` and a fresh
        database started; the one-line notice is in ``store.notices``. Everything
        else that stops the database from opening raises ``UserError``.

        ``check=False`` skips the whole-file integrity check (most of a second on a big
        file) for a reader such as ``scores``: damage met while reading is a
        ``sqlite3.DatabaseError`` to report, and the next game's open moves the file aside.
        """
        path = Path(path) if path is not None else paths.database_path()
        conn, notices = open_database(path, now, check=check)
        return cls(conn, path, notices)

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
        try:
            return writes.save_game(self._conn, record)
        except sqlite3.DatabaseError as error:
            raise UserError(f"could not save the game to {self.path}: {error}") from None

    def save_games(self, records: Sequence[GameRecord]) -> list[int]:
        """Store many games in one transaction (all or none) and return their ids."""
        try:
            return writes.save_games(self._conn, records)
        except sqlite3.DatabaseError as error:
            raise UserError(f"could not save the games to {self.path}: {error}") from None

    # -- players (see quiz.store.players) -- -------------------------------------------

    def rename_player(self, old: str, new: str) -> edits.PlayerChange:
        """Rename ``old`` to ``new`` (cleaned); ``UserError`` says why not."""
        from quiz.store import players as edits

        return self._edit(lambda: edits.rename(self._conn, self._key_of_known(old), new))

    def merge_players(self, player: str, into: str) -> edits.PlayerChange:
        """Move all of ``player``'s games to ``into`` and drop ``player``."""
        from quiz.store import players as edits

        return self._edit(
            lambda: edits.merge(self._conn, self._key_of_known(player), self._key_of_known(into))
        )

    def delete_player(self, player: str) -> edits.PlayerChange:
        """Delete ``player`` and their results (games only they played go too)."""
        from quiz.store import players as edits

        return self._edit(lambda: edits.delete(self._conn, self._key_of_known(player)))

    def _edit(self, change: Callable[[], edits.PlayerChange]) -> edits.PlayerChange:
        try:
            return change()
        except sqlite3.DatabaseError as error:
            raise UserError(f"could not change the players in {self.path}: {error}") from None

    # -- reads (see quiz.stats) ------------------------------------------------------

    def players(self) -> list[str]:
        """Every known player name (first spelling), alphabetically."""
        return stats.players(self._conn)

    def find_player(self, name: str) -> str | None:
        """The stored spelling of ``name`` (compared case-insensitively), or ``None``."""
        return stats.find_player(self._conn, _key(name))

    def has_games(self) -> bool:
        """Whether any game has been stored."""
        return stats.has_games(self._conn)

    def recent_question_ids(self, players: Sequence[str], limit: int = 2000) -> list[str]:
        """Question ids any of ``players`` answered, most recent first (for selection)."""
        keys = [_key(p) for p in players]
        return stats.recent_question_ids(self._conn, keys, limit)

    def missed_question_ids(self, player: str) -> list[str]:
        """Questions ``player`` got wrong and has not answered right since; newest first."""
        return stats.missed_question_ids(self._conn, _key(player))

    def leaderboard(self, since: str | None = None) -> list[board.LeaderboardRow]:
        """Players of finished multiplayer games: most wins, then win rate, then points
        per question (``since``: an ISO UTC time, see ``quiz.stats_board.period_start``)."""
        return board.leaderboard(self._conn, since)

    def solo_table(self, since: str | None = None) -> list[board.SoloRow]:
        """Finished solo games per player and length, best points per question first."""
        return board.solo_table(self._conn, since)

    def champions(self) -> list[board.Champion]:
        """The winners of the latest multiplayer game, with their winning streaks."""
        return board.champions(self._conn)

    def games(self, player: str | None = None, limit: int | None = None) -> list[stats.GameSummary]:
        """Stored games, newest first, optionally only ``player``'s (all modes/statuses)."""
        return stats.games(self._conn, self._key_of_known(player) if player else None, limit)

    def history(self, player: str, limit: int = 20) -> list[stats.GameSummary]:
        """``player``'s most recent games, newest first. Unknown player: ``UserError``."""
        return self.games(player, limit)

    def head_to_head(
        self, player: str | None = None, since: str | None = None, limit: int | None = None
    ) -> list[stats.HeadToHead]:
        """Wins-losses-ties between each pair of players who played counted games together,
        most played first (``limit``: only that many)."""
        key = self._key_of_known(player) if player else None
        return stats.head_to_head(self._conn, key, since, limit)

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
        key = _key(player)
        if stats.find_player(self._conn, key) is None:
            raise UnknownPlayerError(player, self.players())
        return key

    # -- flags (see quiz.store.flags) -----------------------------------------------

    def add_flag(self, question_id: str, pack: str, reason: str, flagged_at: datetime,
                 player: str | None = None) -> int:  # fmt: skip
        """Keep a player's flag on a question (see ``quiz.store.flags``); its id.
        Raises ``UserError`` if the database cannot be written."""
        from quiz.store import flags

        try:
            return flags.add(self._conn, question_id, pack, reason, flagged_at, player)
        except sqlite3.DatabaseError as error:
            raise UserError(f"could not save the flag to {self.path}: {error}") from None


class UnknownPlayerError(UserError):
    """A player name that is not in the scores database."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        """Name the missing player and, briefly, who is known."""
        shown = ", ".join(known[:10]) + (", ..." if len(known) > 10 else "")
        hint = f" (known players: {shown})" if known else " (no players yet)"
        super().__init__(f"no player named {writes.stored_name(name)[0]!r} in the scores{hint}")


def _key(name: str) -> str:
    """The key ``name`` is stored under (the one players are looked up by)."""
    return writes.stored_name(name)[1]
