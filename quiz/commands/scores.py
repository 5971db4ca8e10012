"""`wdta-quiz scores`: who is winning, head-to-head, most missed, one player's history;
and renaming, merging and deleting players.

Text for people (``quiz.commands.scores_text``), JSON and CSV for scripts
(``quiz.commands.scores_data``). Reads the database at ``paths.database_path()``;
never imports Textual.
"""

from __future__ import annotations

import argparse
import gc
import io
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from quiz import paths
from quiz.commands import COMMANDS
from quiz.commands.output import write
from quiz.errors import UserError

if TYPE_CHECKING:  # cli.py imports every command before `play` draws: keep this light.
    from quiz.store import Store

NO_GAMES = "No games yet: play one with `wdta-quiz play`, then come back for the scores."
PERIOD_CHOICES = ("all", "month", "week")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `scores` parser."""
    parser = sub.add_parser(
        "scores",
        help=COMMANDS["scores"],
        description=(
            "Show who is winning: the current champion and their winning streak, "
            "head-to-head records, the multiplayer leaderboard (wins, then win rate, then "
            "points per question), the solo table (points per question, per game length) "
            "and the most missed questions; with --player, one player's recent games, "
            "personal bests and accuracy by category. Practice and abandoned games never "
            "rank. Also renames, merges and deletes players."
        ),
    )
    parser.add_argument("--player", metavar="NAME", help="also show this player's history")
    parser.add_argument(
        "--period",
        choices=PERIOD_CHOICES,
        default="all",
        help="rank the games of this week, this month or all time (default: all)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="text (default), json (one document) or csv (one row per player per game)",
    )
    edits = parser.add_mutually_exclusive_group()
    edits.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"), help="rename a player")
    edits.add_argument(
        "--merge",
        nargs=2,
        metavar=("A", "B"),
        help="make A and B one player: A's games become B's and A is gone",
    )
    edits.add_argument(
        "--delete", metavar="NAME", help="delete a player and their results (asks first)"
    )
    parser.add_argument("--yes", action="store_true", help="delete without asking")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run `scores`; unknown player raises ``UserError`` (exit 1)."""
    if args.rename or args.merge or args.delete is not None:
        from quiz.commands.scores_players import edit_players

        return edit_players(args)
    # Built whole, then written once: a closed, full or ASCII-only stdout then fails in
    # one place with one line (quiz.commands.output).
    out = io.StringIO()
    status = _run(args, out)
    write(out.getvalue(), data=args.format != "text")
    return status


def _run(args: argparse.Namespace, out: TextIO) -> int:
    path = paths.database_path()
    from quiz.store.pending import store_kept_games

    for line in store_kept_games(path):  # games a failed save kept aside: stored now
        print(f"wdta-quiz: {line}", file=sys.stderr)
    if not path.exists():
        # Do not create a database just to say there is nothing in it.
        return _print_empty(args, out, str(path))
    import sqlite3

    from quiz.store import Store

    # Reading only: the whole-file check (most of a second on a big file) is the
    # game's to run; damage met here is one line, below.
    with Store.open(path, check=False) as store:
        for notice in store.notices:
            print(f"wdta-quiz: {notice}", file=sys.stderr)
        try:
            return _show(store, args, out, path)
        except sqlite3.DatabaseError as error:
            # Damage the open-time check could not see: one line, no traceback; the
            # next `play` or `scores` moves the file aside if it is really damaged.
            raise UserError(f"cannot read scores database {path}: {error}") from None


def now() -> datetime:
    """The time the periods (this week, this month) are counted from."""
    return datetime.now(UTC)


def _show(store: Store, args: argparse.Namespace, out: TextIO, path: Path) -> int:
    """Print the scores in the chosen format."""
    if not store.has_games():
        return _print_empty(args, out, str(path))
    player = store.find_player(args.player) if args.player else None
    if args.player and player is None:
        store.history(args.player)  # raises the UnknownPlayerError naming who is known
    # Tens of thousands of rows, tuples and entries live until the output is written, none
    # in a cycle: the cyclic GC would only scan them again and again (a tenth of the time).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        _write(store, player, args, out)
    finally:
        if was_enabled:
            gc.enable()
    return 0


def _write(store: Store, player: str | None, args: argparse.Namespace, out: TextIO) -> None:
    if args.format == "json":
        from quiz.commands.scores_data import write_document

        write_document(store, player, args.period, now(), out)
    elif args.format == "csv":
        from quiz.commands.scores_data import write_csv

        write_csv(store.games(player), out, player)
    else:
        from quiz.commands.scores_text import write_text

        write_text(store, player, args.period, now(), out)


def _print_empty(args: argparse.Namespace, out: TextIO, database: str) -> int:
    from quiz.commands.scores_data import write_csv, write_empty

    if args.format == "json":
        write_empty(database, args.period, out)
    elif args.format == "csv":
        write_csv([], out, None)
    else:
        print(NO_GAMES, file=out)
    return 0
